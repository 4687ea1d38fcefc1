"""``data/trade_dots.csv`` is exactly what ``scripts/derive_trade_dots.py`` derives from the IMF
DOTS workbooks in ``../shared/raw/imf_dots``."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from helpers.dots import parse_cell

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW_DIR = SHARED / "raw" / "imf_dots"
COMMITTED = ROOT / "data" / "trade_dots.csv"
SCRIPT = ROOT / "scripts" / "derive_trade_dots.py"

needs_raw = pytest.mark.skipif(
    not (RAW_DIR / "DOTS_34.xlsx").is_file() or not (RAW_DIR / "DOTS_101.xlsx").is_file(),
    reason=f"IMF DOTS workbooks not available at {RAW_DIR} (shared raw data is not part of the repo)",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_trade_dots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> dict[tuple, dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return {(r["year"], r["reporter"], r["partner"], r["flow"]): r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csv_matches_committed(tmp_path):
    out = tmp_path / "trade_dots.csv"
    assert _load_script().main([str(RAW_DIR), "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_known_cell_carried_through():
    # DOTS_101.xlsx, "Imports, CIF", row "Cambodia", 2019: 1727.390478 (US$ million),
    # shown as 1,727.4 million at one decimal.
    row = _rows(COMMITTED)[("2019", "JPN", "KHM", "imports_cif")]
    assert row["value_usd"] == "1727390478"
    assert round(int(row["value_usd"]) / 1e6, 1) == 1727.4
    assert row["estimate"] == "false"
    assert row["source_detail"].startswith(
        'DOTS_101.xlsx, sheet "Imports, CIF", row "Cambodia", column 2019')


def test_estimate_flag():
    rows = _rows(COMMITTED)
    est = rows[("1990", "KHM", "JPN", "exports_fob")]  # cell "3.16 e"
    assert est["estimate"] == "true"
    assert est["value_usd"] == "3160000"
    assert rows[("2019", "KHM", "JPN", "exports_fob")]["estimate"] == "false"


def test_empty_cells_give_no_rows():
    rows = _rows(COMMITTED)
    assert ("1976", "JPN", "KHM", "exports_fob") not in rows  # empty cell in DOTS_101.xlsx
    assert ("1975", "KHM", "JPN", "exports_fob") not in rows  # no 1971-1980 columns in DOTS_34
    assert all(int(r["value_usd"]) > 0 for r in rows.values())


def test_parse_cell_has_no_float_noise():
    parse = parse_cell
    assert parse(1727.390478) == (1727390478, False)
    assert parse("0.02 e") == (20000, True)
    assert parse(0.1) == (100000, False)
    assert parse(None) is None
