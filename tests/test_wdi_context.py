"""``data/wdi_context.csv`` is exactly what ``scripts/derive_wdi_context.py`` derives from the WDI
extract in ``../shared/raw/wdi``, and ``helpers.context`` reads it correctly."""

from __future__ import annotations

import csv
import importlib.util
import math
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.context import share_of, wdi_series

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT.parent / "shared" / "raw" / "wdi"
RAW_FILE = RAW_DIR / "wdi_selected_khm_jpn_long.csv"
COMMITTED = ROOT / "data" / "wdi_context.csv"
SCRIPT = ROOT / "scripts" / "derive_wdi_context.py"

needs_raw = pytest.mark.skipif(
    not RAW_FILE.is_file(),
    reason=f"WDI extract not available at {RAW_DIR} (shared raw data is not part of the repo)",
)

# Cambodia, net ODA received (current US$), as given in ../shared/raw/README.md (two decimals)
CHECKED_ODA = {1993: 294_529_998.78, 2015: 679_035_156.25, 2023: 1_581_260_620.12}
HEADER = "indicator_code,Country Name,Country Code,Year,Value\n"


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_wdi_context", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> dict[tuple, dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return {(r["country"], r["wdi_code"], r["year"]): r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csv_matches_committed(tmp_path):
    out = tmp_path / "wdi_context.csv"
    assert _load_script().main([str(RAW_DIR), "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


@needs_raw
def test_raw_cells_named_in_readme():
    with open(RAW_FILE, newline="", encoding="utf-8") as fh:
        raw = {(r["Country Code"], r["Year"]): r["Value"] for r in csv.DictReader(fh)
               if r["indicator_code"] == "dt.oda.odat.cd"}
    for year, value in CHECKED_ODA.items():
        assert round(float(raw[("KHM", str(year))]), 2) == value


def test_checked_cells_carried_through_unrounded():
    rows = _rows(COMMITTED)
    for year, value in CHECKED_ODA.items():
        row = rows[("KHM", "DT.ODA.ODAT.CD", str(year))]
        assert round(float(row["value"]), 2) == value
        assert row["unit"] == "USD" and row["source_id"] == "worldbank_wdi"
    # more digits than the README's two decimals: the mirror's value, not a rounded copy
    assert rows[("KHM", "DT.ODA.ODAT.CD", "1993")]["value"] == "294529998.779297"


def test_all_twenty_indicators_and_units():
    rows = _rows(COMMITTED)
    assert len({code for _, code, _ in rows}) == 20
    assert rows[("JPN", "PA.NUS.FCRF", "2022")]["unit"] == "JPY per USD"
    assert rows[("KHM", "PA.NUS.FCRF", "2022")]["unit"] == "KHR per USD"
    assert rows[("KHM", "SP.POP.TOTL", "2020")]["unit"] == "persons"
    # Japan is a donor: WDI has no ODA-received rows for it
    assert not any(c == "JPN" and code.startswith("DT.ODA") for c, code, _ in rows)


def _derive_from(tmp_path, body: str):
    (tmp_path / "wdi_selected_khm_jpn_long.csv").write_text(HEADER + body, encoding="utf-8")
    return _load_script().derive(tmp_path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("xx.unknown,Cambodia,KHM,2020,1\n", r"line 2 indicator_code: unknown WDI code"),
        ("sp.pop.totl,Cambodia,JPN,2020,1\n", r"line 2 Country Code/Country Name"),
        ("sp.pop.totl,Cambodia,KHM,20x0,1\n", r"line 2 Year"),
        ("sp.pop.totl,Cambodia,KHM,2020,1.2.3\n", r"line 2 Value"),
    ],
)
def test_bad_raw_line_is_named(tmp_path, line, message):
    with pytest.raises(ValueError, match=message):
        _derive_from(tmp_path, line)


def test_missing_indicator_is_an_error(tmp_path):
    with pytest.raises(ValueError, match=r"no rows for WDI codes"):
        _derive_from(tmp_path, "sp.pop.totl,Cambodia,KHM,2020,16396860\n")


def test_dataset_loads_and_series_reads_it():
    frame = helpers.load("wdi_context")
    oda = wdi_series(frame, "DT.ODA.ODAT.CD")
    assert oda.attrs["unit"] == "USD"
    assert oda.index.is_monotonic_increasing and oda.index.is_unique
    assert round(oda[2015], 2) == CHECKED_ODA[2015]
    assert wdi_series(frame, "pa.nus.fcrf", country="JPN").attrs["unit"] == "JPY per USD"
    with pytest.raises(KeyError, match="DT.ODA.ODAT.CD and country 'JPN'"):
        wdi_series(frame, "DT.ODA.ODAT.CD", country="JPN")


def test_wdi_series_rejects_repeated_years():
    frame = pd.DataFrame({"country": ["KHM", "KHM"], "wdi_code": ["SP.POP.TOTL"] * 2,
                          "year": [2020, 2020], "value": [1.0, 2.0], "unit": ["persons"] * 2})
    with pytest.raises(ValueError, match="repeated years"):
        wdi_series(frame, "SP.POP.TOTL")


def test_share_of_never_bridges_gaps():
    part = pd.Series({2000: 5.0, 2001: float("nan"), 2003: 9.0})
    whole = pd.Series({2000: 50.0, 2001: 60.0, 2002: 70.0, 2003: 0.0})
    share = share_of(part, whole)
    assert list(share.index) == [2000, 2001, 2002, 2003]
    assert share[2000] == pytest.approx(10.0)
    assert all(math.isnan(share[y]) for y in (2001, 2002, 2003))


def test_share_of_real_series_is_a_percent():
    frame = helpers.load("wdi_context")
    # merchandise exports as a share of GDP: plausible bounds for Cambodia, both series in USD
    share = share_of(wdi_series(frame, "TX.VAL.MRCH.CD.WT"), wdi_series(frame, "NY.GDP.MKTP.CD")).dropna()
    assert share.between(0, 150).all() and share.loc[2019] > 40
