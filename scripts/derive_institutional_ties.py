#!/usr/bin/env python3
"""Derive the Japan-Cambodia institutional-tie tables from the peacesciencer / COW dyad extracts.

Inputs (unchanged extracts for the dyad Japan (COW code 740) - Cambodia (811), see
``../shared/raw/README.md``, section peacescience/):

* ``cow_igo_joint_memberships_jpn740_khm811.csv`` - ``ccode1,ccode2,year,dyadigos``: intergovernmental
  organisations in which both are full members (COW IGO v3), 1953-2014.
* ``cow_diplomatic_exchange_jpn740_khm811.csv`` - ``ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version``
  (COW Diplomatic Exchange v2006.1), five-yearly 1955-2005.
* ``atop_alliance_jpn740_khm811.csv`` - ``ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,
  atop_nonagg,atop_consul`` (ATOP v5), 2003-2018.

Outputs, one row per year, every value copied unchanged as an integer:

* ``data/igo_joint_memberships.csv`` - ``year, joint_igos``
* ``data/diplomatic_exchange.csv`` - ``year, dr_at_1, dr_at_2, de`` (the codes as published; their
  meaning is the COW codebook's, described in ``datapackage.json``)
* ``data/atop_obligations.csv`` - ``year, defence, offence, neutrality, non_aggression, consultation``

Usage::

    python scripts/derive_institutional_ties.py [RAW_DIR] [--out FOLDER]

``RAW_DIR`` defaults to ``$CJ_PEACESCIENCE_DIR`` or, failing that, ``../shared/raw/peacescience``
relative to the repository root. ``--out`` is the folder that receives the three CSVs (default
``data/``).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from helpers.derivation import raw_and_out, write_csv

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "peacescience"
DEFAULT_OUT = REPO_ROOT / "data"
DYAD = {"ccode1": "740", "ccode2": "811"}


class Table:
    """One raw extract and the curated table derived from it."""

    def __init__(self, raw: str, out: str, source_id: str, columns: dict[str, str],
                 allowed: dict[str, set[int]] | None = None, version: str | None = None):
        self.raw, self.out, self.source_id = raw, out, source_id
        self.columns = columns  # raw column -> curated column
        self.allowed = allowed or {}  # curated column -> allowed codes (when coded)
        self.version = version  # expected value of a raw 'version' column, if any

    @property
    def out_columns(self) -> list[str]:
        return ["year", *self.columns.values(), "source_id", "source_detail"]


TABLES = [
    Table("cow_igo_joint_memberships_jpn740_khm811.csv", "igo_joint_memberships.csv", "cow_igo_v3",
          {"dyadigos": "joint_igos"}),
    Table("cow_diplomatic_exchange_jpn740_khm811.csv", "diplomatic_exchange.csv", "cow_diplomatic_exchange_2006",
          {"DR_at_1": "dr_at_1", "DR_at_2": "dr_at_2", "DE": "de"},
          allowed={"dr_at_1": {0, 1, 2, 3, 9}, "dr_at_2": {0, 1, 2, 3, 9}, "de": {0, 1}},
          version="2006.0999755859375"),
    Table("atop_alliance_jpn740_khm811.csv", "atop_obligations.csv", "atop_v5",
          {"atop_defense": "defence", "atop_offense": "offence", "atop_neutral": "neutrality",
           "atop_nonagg": "non_aggression", "atop_consul": "consultation"},
          allowed={c: {0, 1} for c in ("defence", "offence", "neutrality", "non_aggression", "consultation")}),
]


def derive_table(raw_dir: Path, table: Table) -> list[dict]:
    path = raw_dir / table.raw
    expected = ["ccode1", "ccode2", "year", *table.columns] + (["version"] if table.version else [])
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != expected:
            raise ValueError(f"{path.name}: expected columns {expected}, found {reader.fieldnames}")
        for line, raw in enumerate(reader, start=2):
            where = f"{path.name} line {line}"
            for field, value in DYAD.items():
                if raw[field] != value:
                    raise ValueError(f"{where}: field {field} is {raw[field]!r}, expected {value}")
            if table.version and raw["version"] != table.version:
                raise ValueError(f"{where}: field version is {raw['version']!r}, expected {table.version}")
            row: dict = {"year": _whole(raw["year"], where, "year")}
            for raw_name, name in table.columns.items():
                value = _whole(raw[raw_name], where, raw_name)
                if name in table.allowed and value not in table.allowed[name]:
                    raise ValueError(f"{where}: field {raw_name} is {value}, expected one of "
                                     f"{sorted(table.allowed[name])}")
                row[name] = value
            row["source_id"] = table.source_id
            row["source_detail"] = f"{path.name}, line {line} (ccode1 740, ccode2 811, year {row['year']})"
            rows.append(row)
    years = [r["year"] for r in rows]
    if len(years) != len(set(years)):
        raise ValueError(f"{path.name}: a year appears twice")
    return sorted(rows, key=lambda r: r["year"])


def _whole(text: str, where: str, field: str) -> int:
    if not text.isdigit():
        raise ValueError(f"{where}: field {field} is {text!r}, expected a non-negative whole number")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    paths = raw_and_out(argv, description=__doc__.split("\n\n")[0], default_raw=DEFAULT_RAW,
                        raw_env_var="CJ_PEACESCIENCE_DIR", default_out=DEFAULT_OUT)
    if paths is None:
        return 1
    raw_dir, out = paths
    for table in TABLES:
        rows = derive_table(raw_dir, table)
        write_csv(rows, table.out_columns, out / table.out)
        print(f"wrote {len(rows)} rows to {out / table.out} ({rows[0]['year']}-{rows[-1]['year']})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
