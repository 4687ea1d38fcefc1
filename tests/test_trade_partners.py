"""``data/trade_partners.csv`` is exactly what ``scripts/derive_trade_partners.py`` derives from the
IMF DOTS workbook with Cambodia as reporter (``../shared/raw/imf_dots/DOTS_34.xlsx``)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT.parent / "shared" / "raw" / "imf_dots"
WORKBOOK = RAW_DIR / "DOTS_34.xlsx"
COMMITTED = ROOT / "data" / "trade_partners.csv"
SCRIPT = ROOT / "scripts" / "derive_trade_partners.py"

needs_raw = pytest.mark.skipif(
    not WORKBOOK.is_file(),
    reason=f"IMF DOTS workbook not available at {WORKBOOK} (shared raw data is not part of the repo)",
)

# Cells read by hand in DOTS_34.xlsx: (sheet, cell, partner row name in column B, year in row 7,
# cell value as stored) -> (partner code, flow, whole US$, estimate) in the committed CSV.
RAW_CELLS = [
    (("Exports, FOB", "V57", "China, P.R.: Mainland", "1990", "0.16 e"), ("CHN", "exports_fob", "160000", "true")),
    (("Exports, FOB", "AZ57", "China, P.R.: Mainland", "2020", 1089.123544),
     ("CHN", "exports_fob", "1089123544", "false")),
    (("Imports, CIF", "AY58", "China, P.R.: Mainland", "2020", 7098.205539),
     ("CHN", "imports_cif", "7098205539", "false")),
    (("Exports, FOB", "AZ40", "Japan", "2020", 1062.352034), ("JPN", "exports_fob", "1062352034", "false")),
    (("Exports, FOB", "AZ34", "China, P.R.: Hong Kong", "2020", 677.70699),
     ("HKG", "exports_fob", "677706990", "false")),
    (("Imports, CIF", "AY9", "World", "2020", 19833.279907), ("WLD", "imports_cif", "19833279907", "false")),
    # stored as binary float noise; decimal conversion gives the intended 1.13 million
    (("Exports, FOB", "AC41", "Korea, Rep. of", "1997", 1.129999999999999), ("KOR", "exports_fob", "1130000", "false")),
]


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_trade_partners", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows() -> dict[tuple[str, str, str], dict]:
    with open(COMMITTED, newline="", encoding="utf-8") as fh:
        return {(r["year"], r["partner"], r["flow"]): r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csv_matches_committed(tmp_path):
    out = tmp_path / "trade_partners.csv"
    assert _load_script().main([str(RAW_DIR), "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


@needs_raw
@pytest.mark.parametrize(("cell", "expected"), RAW_CELLS, ids=[f"{c[0][0]}!{c[0][1]}" for c in RAW_CELLS])
def test_raw_cell_is_carried_through(cell, expected):
    import openpyxl

    sheet, ref, name, year, stored = cell
    ws = openpyxl.load_workbook(WORKBOOK, data_only=True)[sheet]
    assert ws[ref].value == stored
    assert ws.cell(row=ws[ref].row, column=2).value == name
    assert ws.cell(row=7, column=ws[ref].column).value == year
    partner, flow, value, estimate = expected
    row = _rows()[(year, partner, flow)]
    assert (row["value_usd"], row["estimate"]) == (value, estimate)
    assert row["source_detail"] == f'DOTS_34.xlsx, sheet "{sheet}", row "{name}", column {year} (cell {ref})'


def test_mainland_china_and_hong_kong_stay_apart():
    rows = _rows()
    china, hong_kong = rows[("2020", "CHN", "exports_fob")], rows[("2020", "HKG", "exports_fob")]
    assert "China, P.R.: Mainland" in china["source_detail"]
    assert "China, P.R.: Hong Kong" in hong_kong["source_detail"]
    assert china["value_usd"] != hong_kong["value_usd"]


def test_coverage_is_1990_to_2020_with_gaps_left_empty():
    rows = _rows()
    assert {int(k[0]) for k in rows} == set(range(1990, 2021))
    assert ("1996", "KOR", "exports_fob") not in rows  # empty cell: no row, not zero
    assert all(int(r["value_usd"]) > 0 for r in rows.values())
    assert {r["reporter"] for r in rows.values()} == {"KHM"}


def _tiny_workbook(path: Path, cell_value) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in ("Exports, FOB", "Imports, CIF"):
        ws = wb.create_sheet(sheet)
        ws["C7"] = "2020"
        ws["B8"] = "Japan"
        ws["C8"] = cell_value
    wb.save(path)
    return path


def test_bad_cell_is_named_by_file_sheet_and_cell(tmp_path):
    from helpers.dots import read_workbook

    book = _tiny_workbook(tmp_path / "DOTS_bad.xlsx", "12.5 x")
    with pytest.raises(ValueError, match=r"DOTS_bad\.xlsx Exports, FOB cell C8"):
        read_workbook(book, "KHM", {"Japan": "JPN"})


def test_missing_partner_row_is_named(tmp_path):
    from helpers.dots import read_workbook

    book = _tiny_workbook(tmp_path / "DOTS_tiny.xlsx", 1.5)
    assert read_workbook(book, "KHM", {"Japan": "JPN"})[0]["value_usd"] == 1_500_000
    with pytest.raises(ValueError, match=r"partner rows not found: \['Vietnam'\]"):
        read_workbook(book, "KHM", {"Japan": "JPN", "Vietnam": "VNM"})


def test_japan_and_world_rows_agree_with_trade_dots():
    with open(ROOT / "data" / "trade_dots.csv", newline="", encoding="utf-8") as fh:
        dots = {
            (r["year"], r["partner"], r["flow"]): r
            for r in csv.DictReader(fh)
            if r["reporter"] == "KHM" and int(r["year"]) >= 1990
        }
    mine = {k: r for k, r in _rows().items() if k[1] in {"JPN", "WLD"}}
    assert mine.keys() == dots.keys()
    assert all(mine[k] == dots[k] for k in dots)
