"""``data/migrant_stock_undesa.csv`` is exactly what ``scripts/derive_migrant_stock.py`` derives
from the UN DESA International Migrant Stock 2024 extracts in ``../shared/raw/undesa_ims2024``."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW_DIR = SHARED / "raw" / "undesa_ims2024"
COMMITTED = ROOT / "data" / "migrant_stock_undesa.csv"
SCRIPT = ROOT / "scripts" / "derive_migrant_stock.py"
INPUTS = ("khm_jpn_migrant_stock.csv", "asean_to_jpn_migrant_stock.csv")

needs_raw = pytest.mark.skipif(
    not all((RAW_DIR / name).is_file() for name in INPUTS),
    reason=f"UN DESA migrant stock extracts not available at {RAW_DIR} "
           "(shared raw data is not part of the repo)",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_migrant_stock", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> dict[tuple, dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return {(r["year"], r["origin"], r["destination"], r["sex"]): r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csv_matches_committed(tmp_path):
    out = tmp_path / "migrant_stock_undesa.csv"
    assert _load_script().main([str(RAW_DIR), "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_known_value_carried_through():
    # khm_jpn_migrant_stock.csv line 9: 2024,KHM,JPN,24912,13404,11508
    rows = _rows(COMMITTED)
    assert rows[("2024", "KHM", "JPN", "total")]["persons"] == "24912"
    assert rows[("2024", "KHM", "JPN", "male")]["persons"] == "13404"
    assert rows[("2024", "KHM", "JPN", "female")]["persons"] == "11508"
    assert rows[("1990", "JPN", "KHM", "total")]["persons"] == "58"
    assert rows[("2024", "KHM", "JPN", "total")]["source_id"] == "undesa_ims2024"


def test_corridors_and_years():
    rows = _rows(COMMITTED)
    corridors = {(o, d) for (_, o, d, _) in rows}
    asean = {"IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}
    assert corridors == {(o, "JPN") for o in asean} | {("JPN", "KHM")}
    assert {int(y) for (y, *_) in rows} == {1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024}
    assert len(rows) == len(corridors) * 8 * 3  # every corridor, year and sex exactly once


def test_male_plus_female_is_total():
    rows = _rows(COMMITTED)
    for (year, origin, destination, sex), row in rows.items():
        if sex == "total":
            male = int(rows[(year, origin, destination, "male")]["persons"])
            female = int(rows[(year, origin, destination, "female")]["persons"])
            assert male + female == int(row["persons"]), (year, origin, destination)
