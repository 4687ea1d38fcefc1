"""Shared plumbing of the scripts in ``scripts/`` that derive curated tables from public raw files."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["run_derivation", "write_csv"]


def write_csv(rows: Sequence[dict], columns: Sequence[str], out: Path) -> None:
    """Write rows as a UTF-8 CSV with ``\\n`` line ends, columns in the given order."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run_derivation(
    argv: list[str] | None,
    *,
    description: str,
    derive: Callable[[Path], list[dict]],
    columns: Sequence[str],
    default_raw: Path,
    raw_env_var: str,
    default_out: Path,
    summarise: Callable[[list[dict]], None],
) -> int:
    """Command line of a derivation script: read the raw folder, write the CSV, print a summary.

    The raw folder is the first argument, else ``$raw_env_var``, else ``default_raw``; the output
    is ``--out``, else ``default_out``. Returns the process exit code.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("raw_dir", nargs="?", type=Path, default=Path(os.environ.get(raw_env_var, default_raw)))
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    if not args.raw_dir.is_dir():
        print(f"raw folder not found: {args.raw_dir}", file=sys.stderr)
        return 1
    rows = derive(args.raw_dir)
    write_csv(rows, columns, args.out)
    print(f"wrote {len(rows)} rows to {args.out}")
    summarise(rows)
    return 0
