#!/usr/bin/env python3
"""Derive ``data/migrant_stock_undesa.csv`` from the UN DESA International Migrant Stock 2024 extracts.

Inputs (unchanged extracts, see ``../shared/raw/undesa_ims2024/``), both cut from
``Data 2025/formatted by year/data/stock_undesa_ims2024.csv`` in the public GitHub repository
X80110/migration-visualization (commit ba303d4818ea998b609c040cbf6ba45357c703bb):

* ``khm_jpn_migrant_stock.csv`` - Cambodia -> Japan and Japan -> Cambodia, columns
  ``year,origin_iso3,destination_iso3,stock_total,stock_male,stock_female,source``
* ``asean_to_jpn_migrant_stock.csv`` - ASEAN origins -> Japan, columns
  ``year,orig,dest,dest_name,dest_iso3n,orig_name,orig_iso3n,stock,stock_male,stock_female``

The Cambodia -> Japan rows occur in both files; the script checks that they agree and writes
them once (citing the first file). Every value is copied as an integer, unchanged, and the
wide total/male/female columns become one long row per sex.

Usage::

    python scripts/derive_migrant_stock.py [RAW_DIR] [--out PATH]

``RAW_DIR`` defaults to ``$CJ_UNDESA_DIR`` or, failing that, ``../shared/raw/undesa_ims2024``
relative to the repository root. ``--out`` defaults to ``data/migrant_stock_undesa.csv``.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from helpers.derivation import run_derivation

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "undesa_ims2024"
DEFAULT_OUT = REPO_ROOT / "data" / "migrant_stock_undesa.csv"

SOURCE_ID = "undesa_ims2024"
BILATERAL_FILE = "khm_jpn_migrant_stock.csv"
ASEAN_FILE = "asean_to_jpn_migrant_stock.csv"
COLUMNS = ["year", "origin", "destination", "sex", "persons", "source_id", "source_detail"]
SEX_ORDER = {"total": 0, "male": 1, "female": 2}

# file -> (year column, origin column, destination column, {sex: value column})
LAYOUTS = {
    BILATERAL_FILE: ("year", "origin_iso3", "destination_iso3",
                     {"total": "stock_total", "male": "stock_male", "female": "stock_female"}),
    ASEAN_FILE: ("year", "orig", "dest",
                 {"total": "stock", "male": "stock_male", "female": "stock_female"}),
}


def _integer(text: str, where: str) -> int:
    text = (text or "").strip()
    if not text.isdigit():
        raise ValueError(f"{where}: expected a non-negative whole number, got {text!r}")
    return int(text)


def read_extract(path: Path) -> list[dict]:
    year_col, orig_col, dest_col, value_cols = LAYOUTS[path.name]
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        needed = {year_col, orig_col, dest_col, *value_cols.values()}
        missing = needed - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
        for line_no, rec in enumerate(reader, start=2):
            year = _integer(rec[year_col], f"{path.name} line {line_no} {year_col}")
            origin, destination = rec[orig_col].strip(), rec[dest_col].strip()
            for sex, col in value_cols.items():
                rows.append({
                    "year": year,
                    "origin": origin,
                    "destination": destination,
                    "sex": sex,
                    "persons": _integer(rec[col], f"{path.name} line {line_no} {col}"),
                    "source_id": SOURCE_ID,
                    "source_detail": (
                        f"{path.name} (extract of stock_undesa_ims2024.csv), line {line_no}: "
                        f"{year_col}={year}, {orig_col}={origin}, {dest_col}={destination}, column {col}"
                    ),
                })
    return rows


def derive(raw_dir: Path) -> list[dict]:
    bilateral = read_extract(raw_dir / BILATERAL_FILE)
    asean = read_extract(raw_dir / ASEAN_FILE)
    pairs = {(r["origin"], r["destination"]) for r in bilateral}
    if pairs != {("KHM", "JPN"), ("JPN", "KHM")}:
        raise ValueError(f"{BILATERAL_FILE}: unexpected origin/destination pairs {sorted(pairs)}")
    if {r["destination"] for r in asean} != {"JPN"}:
        raise ValueError(f"{ASEAN_FILE}: every row should have destination JPN")

    by_key: dict[tuple, dict] = {}
    for r in bilateral:
        key = (r["year"], r["origin"], r["destination"], r["sex"])
        if key in by_key:
            raise ValueError(f"{BILATERAL_FILE}: duplicate row {key}")
        by_key[key] = r
    seen_asean = set()
    for r in asean:
        key = (r["year"], r["origin"], r["destination"], r["sex"])
        if key in seen_asean:
            raise ValueError(f"{ASEAN_FILE}: duplicate row {key}")
        seen_asean.add(key)
        if key in by_key:  # Cambodia -> Japan, also in the bilateral extract: must agree
            if by_key[key]["persons"] != r["persons"]:
                raise ValueError(
                    f"{key}: {BILATERAL_FILE} has {by_key[key]['persons']}, {ASEAN_FILE} has {r['persons']}")
            continue
        by_key[key] = r

    rows = sorted(by_key.values(),
                  key=lambda r: (r["origin"], r["destination"], r["year"], SEX_ORDER[r["sex"]]))
    # the male and female figures of each year add up to the total in the source; check it
    sums = defaultdict(dict)
    for r in rows:
        sums[(r["year"], r["origin"], r["destination"])][r["sex"]] = r["persons"]
    for key, parts in sums.items():
        if set(parts) != set(SEX_ORDER) or parts["male"] + parts["female"] != parts["total"]:
            raise ValueError(f"{key}: male + female does not equal total ({parts})")
    return rows


def summarise(rows: list[dict]) -> None:
    """Print what was written, per series, so a re-run shows its coverage at a glance."""
    corridors = sorted({(r["origin"], r["destination"]) for r in rows})
    for origin, destination in corridors:
        years = sorted({r["year"] for r in rows if (r["origin"], r["destination"]) == (origin, destination)})
        print(f"  {origin} -> {destination}: {len(years)} years, {years[0]}-{years[-1]}")


def main(argv: list[str] | None = None) -> int:
    return run_derivation(
        argv,
        description=__doc__.split("\n\n")[0],
        derive=derive,
        columns=COLUMNS,
        default_raw=DEFAULT_RAW,
        raw_env_var="CJ_UNDESA_DIR",
        default_out=DEFAULT_OUT,
        summarise=summarise,
    )


if __name__ == "__main__":
    sys.exit(main())
