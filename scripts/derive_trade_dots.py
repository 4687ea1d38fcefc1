#!/usr/bin/env python3
"""Derive ``data/trade_dots.csv`` from the IMF Direction of Trade Statistics workbooks.

Inputs (unchanged public copies, see ``../shared/raw/README.md``):

* ``DOTS_34.xlsx``  - Cambodia as reporter
* ``DOTS_101.xlsx`` - Japan as reporter

Each workbook has the sheets "Exports, FOB" and "Imports, CIF". Row 7 holds the years (as text;
the Cambodia workbook skips some years entirely), column B the partner names, and the cells are
US$ millions, either numbers or text ending in " e" (an IMF estimate). Empty cells mean no data
and produce no row.

For each reporter we keep the bilateral partner (the other country) and "World" (so that shares
can be computed), convert millions to whole US dollars with decimal arithmetic (no float noise),
and write one tidy row per reporter, partner, flow and year.

Usage::

    python scripts/derive_trade_dots.py [RAW_DIR] [--out PATH]

``RAW_DIR`` defaults to ``$CJ_DOTS_DIR`` or, failing that, ``../shared/raw/imf_dots`` relative to
the repository root. ``--out`` defaults to ``data/trade_dots.csv`` in the repository.
"""

from __future__ import annotations

import sys
from collections import Counter
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import openpyxl

from helpers.derivation import run_derivation

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "imf_dots"
DEFAULT_OUT = REPO_ROOT / "data" / "trade_dots.csv"

SOURCE_ID = "imf_dots"
HEADER_ROW = 7
FIRST_DATA_ROW = 8
NAME_COL = 2  # column B
FIRST_YEAR_COL = 3  # column C

# workbook file -> (reporter ISO3, {partner name in the sheet: partner ISO3})
WORKBOOKS = {
    "DOTS_34.xlsx": ("KHM", {"Japan": "JPN", "World": "WLD"}),
    "DOTS_101.xlsx": ("JPN", {"Cambodia": "KHM", "World": "WLD"}),
}
SHEETS = {"Exports, FOB": "exports_fob", "Imports, CIF": "imports_cif"}
COLUMNS = [
    "year", "reporter", "partner", "flow", "value_usd", "estimate", "source_id", "source_detail",
]
MILLION = Decimal(1_000_000)


def parse_cell(value) -> tuple[int, bool] | None:
    """Return (whole US dollars, is_estimate) for a cell in US$ millions, or None when empty."""
    if value is None:
        return None
    estimate = False
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text.endswith(" e"):
            estimate = True
            text = text[:-1].strip()
        number = Decimal(text)
    elif isinstance(value, (int, float)):
        # repr() gives the shortest decimal that round-trips, i.e. the digits stored in the file
        number = Decimal(repr(value))
    else:
        raise ValueError(f"unexpected cell value {value!r}")
    dollars = (number * MILLION).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return int(dollars), estimate


def read_workbook(path: Path, reporter: str, partners: dict[str, str]) -> list[dict]:
    rows = []
    wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    for sheet_name, flow in SHEETS.items():
        ws = wb[sheet_name]
        years = {}
        for cell in ws[HEADER_ROW][FIRST_YEAR_COL - 1:]:
            if cell.value is not None and str(cell.value).strip():
                years[cell.column] = int(str(cell.value).strip())
        found = set()
        for line in ws.iter_rows(min_row=FIRST_DATA_ROW):
            name = line[NAME_COL - 1].value
            name = str(name).strip() if name is not None else ""
            if name not in partners:
                continue
            if name in found:
                raise ValueError(f"{path.name} {sheet_name}: partner row {name!r} appears twice")
            found.add(name)
            for cell in line[FIRST_YEAR_COL - 1:]:
                if cell.column not in years:
                    continue
                parsed = parse_cell(cell.value)
                if parsed is None:
                    continue
                value, estimate = parsed
                year = years[cell.column]
                rows.append({
                    "year": year,
                    "reporter": reporter,
                    "partner": partners[name],
                    "flow": flow,
                    "value_usd": value,
                    "estimate": "true" if estimate else "false",
                    "source_id": SOURCE_ID,
                    "source_detail": (
                        f'{path.name}, sheet "{sheet_name}", row "{name}", column {year} '
                        f"(cell {cell.coordinate})"
                    ),
                })
        missing = set(partners) - found
        if missing:
            raise ValueError(f"{path.name} {sheet_name}: partner rows not found: {sorted(missing)}")
    return rows


def derive(raw_dir: Path) -> list[dict]:
    rows = []
    for file_name, (reporter, partners) in WORKBOOKS.items():
        rows.extend(read_workbook(raw_dir / file_name, reporter, partners))
    rows.sort(key=lambda r: (r["reporter"], r["partner"], r["flow"], r["year"]))
    keys = [(r["year"], r["reporter"], r["partner"], r["flow"]) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate (year, reporter, partner, flow) keys")
    return rows


def summarise(rows: list[dict]) -> None:
    """Print what was written, per series, so a re-run shows its coverage at a glance."""
    counts = Counter((r["reporter"], r["partner"], r["flow"]) for r in rows)
    for (reporter, partner, flow), n in sorted(counts.items()):
        years = [r["year"] for r in rows
                 if (r["reporter"], r["partner"], r["flow"]) == (reporter, partner, flow)]
        n_est = sum(1 for r in rows if (r["reporter"], r["partner"], r["flow"]) == (reporter, partner, flow)
                    and r["estimate"] == "true")
        print(f"  {reporter} -> {partner} {flow:<11} {n:3d} rows, {min(years)}-{max(years)}, "
              f"{n_est} estimates")


def main(argv: list[str] | None = None) -> int:
    return run_derivation(
        argv,
        description=__doc__.split("\n\n")[0],
        derive=derive,
        columns=COLUMNS,
        default_raw=DEFAULT_RAW,
        raw_env_var="CJ_DOTS_DIR",
        default_out=DEFAULT_OUT,
        summarise=summarise,
    )


if __name__ == "__main__":
    sys.exit(main())
