#!/usr/bin/env python3
"""Derive ``data/wdi_context.csv`` from the World Bank WDI extract for Cambodia and Japan.

Input (unchanged public copy, see ``../shared/raw/README.md``):

* ``wdi_selected_khm_jpn_long.csv`` - rows for KHM and JPN of 20 World Development Indicators,
  columns ``indicator_code,Country Name,Country Code,Year,Value``, copied from the public mirror
  datasets/world-development-indicators (commit 4ebec5a2273f531ba238a34dbe440394dc5a6c4b, files
  ``indicators/<code>/data.csv``).

Every value is copied as the exact text of the raw cell (WDI's own digits, no rounding), the
indicator code is written in WDI's upper-case form (``DT.ODA.ODAT.CD``) and each row gets its
unit. Empty cells would produce no row (the extract has none). A code, country or unit the
script does not know, a malformed year or value, or a repeated key is an error naming the line.

Usage::

    python scripts/derive_wdi_context.py [RAW_DIR] [--out PATH]

``RAW_DIR`` defaults to ``$CJ_WDI_DIR`` or, failing that, ``../shared/raw/wdi`` relative to the
repository root. ``--out`` defaults to ``data/wdi_context.csv`` in the repository.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from helpers.derivation import run_derivation

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "wdi"
DEFAULT_OUT = REPO_ROOT / "data" / "wdi_context.csv"

SOURCE_ID = "worldbank_wdi"
RAW_FILE = "wdi_selected_khm_jpn_long.csv"
RAW_COLUMNS = ["indicator_code", "Country Name", "Country Code", "Year", "Value"]
COLUMNS = ["country", "wdi_code", "year", "value", "unit", "source_id", "source_detail"]
COUNTRIES = {"KHM": "Cambodia", "JPN": "Japan"}
# The official exchange rate is in local currency per US dollar: its unit depends on the country.
LOCAL_CURRENCY = {"KHM": "KHR per USD", "JPN": "JPY per USD"}

# WDI code -> unit of its values (all money values are current US dollars)
UNITS = {
    "BX.KLT.DINV.CD.WD": "USD",
    "BX.TRF.PWKR.CD.DT": "USD",
    "DT.DOD.DECT.CD": "USD",
    "DT.ODA.ODAT.CD": "USD",
    "DT.ODA.ODAT.GN.ZS": "percent",
    "DT.ODA.ODAT.PC.ZS": "USD per person",
    "FP.CPI.TOTL.ZG": "percent",
    "IS.AIR.DPRT": "count",
    "NE.EXP.GNFS.ZS": "percent",
    "NE.IMP.GNFS.ZS": "percent",
    "NY.GDP.MKTP.CD": "USD",
    "NY.GDP.PCAP.CD": "USD per person",
    "PA.NUS.FCRF": "local currency per USD",
    "SM.POP.NETM": "persons",
    "SM.POP.TOTL": "persons",
    "SP.POP.TOTL": "persons",
    "ST.INT.RCPT.XP.ZS": "percent",
    "ST.INT.XPND.MP.ZS": "percent",
    "TM.VAL.MRCH.CD.WT": "USD",
    "TX.VAL.MRCH.CD.WT": "USD",
}
_YEAR = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def unit_of(code: str, country: str) -> str:
    """Return the unit of one WDI indicator's values for one country."""
    unit = UNITS[code]
    return LOCAL_CURRENCY[country] if unit == "local currency per USD" else unit


def read_extract(path: Path) -> list[dict]:
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != RAW_COLUMNS:
            raise ValueError(f"{path.name}: expected columns {RAW_COLUMNS}, got {reader.fieldnames}")
        for line_no, rec in enumerate(reader, start=2):
            where = f"{path.name} line {line_no}"
            code = rec["indicator_code"].strip().upper()
            if code not in UNITS:
                raise ValueError(f"{where} indicator_code: unknown WDI code {rec['indicator_code']!r}")
            country = rec["Country Code"].strip()
            if COUNTRIES.get(country) != rec["Country Name"].strip():
                raise ValueError(
                    f"{where} Country Code/Country Name: unexpected country "
                    f"{country!r} / {rec['Country Name']!r}")
            year = rec["Year"].strip()
            if not _YEAR.match(year):
                raise ValueError(f"{where} Year: expected a four-digit year, got {rec['Year']!r}")
            value = rec["Value"].strip()
            if not value:
                continue  # no data for that year: no row
            if not _NUMBER.match(value):
                raise ValueError(f"{where} Value: expected a number, got {rec['Value']!r}")
            rows.append({
                "country": country,
                "wdi_code": code,
                "year": int(year),
                "value": value,
                "unit": unit_of(code, country),
                "source_id": SOURCE_ID,
                "source_detail": (
                    f"{path.name}, line {line_no} (mirror file indicators/{rec['indicator_code']}/data.csv): "
                    f"Country Code {country}, Year {year}"
                ),
            })
    return rows


def derive(raw_dir: Path) -> list[dict]:
    rows = read_extract(raw_dir / RAW_FILE)
    missing = set(UNITS) - {r["wdi_code"] for r in rows}
    if missing:
        raise ValueError(f"{RAW_FILE}: no rows for WDI codes {sorted(missing)}")
    rows.sort(key=lambda r: (r["country"], r["wdi_code"], r["year"]))
    keys = Counter((r["country"], r["wdi_code"], r["year"]) for r in rows)
    repeated = sorted(k for k, n in keys.items() if n > 1)
    if repeated:
        raise ValueError(f"{RAW_FILE}: repeated (country, code, year) keys {repeated[:5]}")
    return rows


def summarise(rows: list[dict]) -> None:
    """Print what was written, per series, so a re-run shows its coverage at a glance."""
    years: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        years.setdefault((r["country"], r["wdi_code"]), []).append(r["year"])
    for (country, code), ys in sorted(years.items()):
        print(f"  {country} {code:<18} {len(ys):3d} rows, {min(ys)}-{max(ys)}")


def main(argv: list[str] | None = None) -> int:
    return run_derivation(
        argv,
        description=__doc__.split("\n\n")[0],
        derive=derive,
        columns=COLUMNS,
        default_raw=DEFAULT_RAW,
        raw_env_var="CJ_WDI_DIR",
        default_out=DEFAULT_OUT,
        summarise=summarise,
    )


if __name__ == "__main__":
    sys.exit(main())
