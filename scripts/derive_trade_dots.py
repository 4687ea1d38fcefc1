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
from pathlib import Path

from helpers.derivation import run_derivation
from helpers.dots import read_workbook

__all__ = ["derive", "main"]

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "imf_dots"
DEFAULT_OUT = REPO_ROOT / "data" / "trade_dots.csv"

# workbook file -> (reporter ISO3, {partner name in the sheet: partner ISO3})
WORKBOOKS = {
    "DOTS_34.xlsx": ("KHM", {"Japan": "JPN", "World": "WLD"}),
    "DOTS_101.xlsx": ("JPN", {"Cambodia": "KHM", "World": "WLD"}),
}
COLUMNS = [
    "year", "reporter", "partner", "flow", "value_usd", "estimate", "source_id", "source_detail",
]


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
