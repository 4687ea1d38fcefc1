"""Shared plumbing of the scripts in ``scripts/`` that derive curated tables from public raw files."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["raw_and_out", "run_derivation", "write_csv"]


def write_csv(rows: Sequence[dict], columns: Sequence[str], out: Path) -> None:
    """Write rows as a UTF-8 CSV with ``\\n`` line ends, columns in the given order."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def raw_and_out(
    argv: list[str] | None, *, description: str, default_raw: Path, raw_env_var: str, default_out: Path
) -> tuple[Path, Path] | None:
    """Read a derivation script's command line: the raw folder and where to write.

    The raw folder is the first argument, else ``$raw_env_var``, else ``default_raw``; the output
    is ``--out``, else ``default_out``. Returns ``None``, having said why on stderr, when the raw
    folder does not exist.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("raw_dir", nargs="?", type=Path, default=Path(os.environ.get(raw_env_var, default_raw)))
    parser.add_argument("--out", type=Path, default=default_out, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.raw_dir.is_dir():
        print(f"raw folder not found: {args.raw_dir}", file=sys.stderr)
        return None
    return args.raw_dir, args.out


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

    The arguments are read by :func:`raw_and_out`. Returns the process exit code.
    """
    paths = raw_and_out(argv, description=description, default_raw=default_raw, raw_env_var=raw_env_var,
                        default_out=default_out)
    if paths is None:
        return 1
    raw_dir, out = paths
    rows = derive(raw_dir)
    write_csv(rows, columns, out)
    print(f"wrote {len(rows)} rows to {out}")
    summarise(rows)
    return 0
