#!/usr/bin/env python3
"""Derive ``data/trade_partners.csv``: Cambodia's trade with its main partners, IMF DOTS 1990-2020.

Input (unchanged public copy, see ``../shared/raw/README.md``): ``DOTS_34.xlsx``, the IMF
Direction of Trade Statistics workbook with Cambodia as reporter. It is read with the same code
as ``data/trade_dots.csv`` (``helpers.dots.read_workbook``): US$ million cells converted to whole
US dollars with decimal arithmetic, the IMF's " e" suffix kept as ``estimate``, empty cells left
out (no row, nothing filled in).

Partners are the workbook rows named exactly as in :data:`PARTNERS`. Mainland China and Hong Kong
are separate rows in the workbook and stay separate here (Macao and Taiwan are not included);
"World" is Cambodia's total, for shares.

Usage::

    python scripts/derive_trade_partners.py [RAW_DIR] [--out PATH]

``RAW_DIR`` defaults to ``$CJ_DOTS_DIR`` or, failing that, ``../shared/raw/imf_dots`` relative to
the repository root. ``--out`` defaults to ``data/trade_partners.csv`` in the repository.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from helpers.derivation import run_derivation
from helpers.dots import read_workbook

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "imf_dots"
DEFAULT_OUT = REPO_ROOT / "data" / "trade_partners.csv"

WORKBOOK = "DOTS_34.xlsx"
REPORTER = "KHM"
FIRST_YEAR, LAST_YEAR = 1990, 2020
# Row name in column B of both sheets -> ISO 3166-1 alpha-3 code (WLD = the world total).
PARTNERS = {
    "China, P.R.: Mainland": "CHN",
    "China, P.R.: Hong Kong": "HKG",
    "Japan": "JPN",
    "Korea, Rep. of": "KOR",
    "Thailand": "THA",
    "United States": "USA",
    "Vietnam": "VNM",
    "World": "WLD",
}
COLUMNS = [
    "year", "reporter", "partner", "flow", "value_usd", "estimate", "source_id", "source_detail",
]


def derive(raw_dir: Path) -> list[dict]:
    """Return the rows for 1990-2020, sorted by partner, flow and year."""
    rows = [
        row for row in read_workbook(raw_dir / WORKBOOK, REPORTER, PARTNERS)
        if FIRST_YEAR <= row["year"] <= LAST_YEAR
    ]
    rows.sort(key=lambda r: (r["partner"], r["flow"], r["year"]))
    keys = [(r["year"], r["partner"], r["flow"]) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{WORKBOOK}: duplicate (year, partner, flow) keys")
    return rows


def summarise(rows: list[dict]) -> None:
    """Print rows, years and estimates per partner and flow."""
    series = Counter((r["partner"], r["flow"]) for r in rows)
    for partner, flow in sorted(series):
        mine = [r for r in rows if (r["partner"], r["flow"]) == (partner, flow)]
        years = [r["year"] for r in mine]
        n_est = sum(r["estimate"] == "true" for r in mine)
        print(f"  {partner} {flow:<11} {len(mine):3d} rows, {min(years)}-{max(years)}, {n_est} estimates")


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
