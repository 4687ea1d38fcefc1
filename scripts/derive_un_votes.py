#!/usr/bin/env python3
"""Derive ``data/un_votes_khm_jpn.csv`` from the Voeten UN General Assembly voting data.

Inputs (unchanged extracts of the CRAN package unvotes 0.3.0, see ``../shared/raw/README.md``):

* ``unvotes_khm_jpn_votes.csv`` - ``rcid,country,country_code,vote``: Cambodia's (KH) and Japan's
  (JP) votes, ``yes`` / ``no`` / ``abstain``; absences and non-membership have no row.
* ``unvotes_roll_calls_subset.csv`` - ``rcid,session,importantvote,date,unres,amend,para,short,descr``:
  every roll call in which at least one of the two voted.
* ``unvotes_roll_call_issues_subset.csv`` - ``rcid,short_name,issue``: the six issue codes of the
  data set (a roll call can have none, one or several).

The output has one row per roll call: its date, session and resolution, its issue codes, and the
vote of each country, left empty where the country cast no vote (absent, or not a member). No
vote is inferred or carried over; the table only joins the three files on ``rcid``.

Usage::

    python scripts/derive_un_votes.py [RAW_DIR] [--out PATH]

``RAW_DIR`` defaults to ``$CJ_UNVOTES_DIR`` or, failing that, ``../shared/raw/unvotes`` relative to
the repository root. ``--out`` defaults to ``data/un_votes_khm_jpn.csv``.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from helpers.derivation import run_derivation
from helpers.diplomacy import ISSUE_LABELS

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "raw" / "unvotes"
DEFAULT_OUT = REPO_ROOT / "data" / "un_votes_khm_jpn.csv"

SOURCE_ID = "voeten_unga_votes"
VOTES_FILE = "unvotes_khm_jpn_votes.csv"
ROLL_CALLS_FILE = "unvotes_roll_calls_subset.csv"
ISSUES_FILE = "unvotes_roll_call_issues_subset.csv"
COLUMNS = [
    "rcid", "date", "session", "resolution", "issues", "cambodia_vote", "japan_vote",
    "source_id", "source_detail",
]
COUNTRIES = {"KH": ("Cambodia", "cambodia_vote"), "JP": ("Japan", "japan_vote")}
VOTES = {"yes", "no", "abstain"}
# The codebook's label for each issue code is the one the notebook shows; a file with other labels
# is a different release and stops the derivation rather than being silently relabelled.
ISSUES = ISSUE_LABELS
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SESSION = re.compile(r"(\d+)(?:\.0)?")


def _read(path: Path, columns: list[str]) -> list[tuple[int, dict]]:
    """Return (line number, row) pairs, after checking the header."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != columns:
            raise ValueError(f"{path.name}: expected columns {columns}, found {reader.fieldnames}")
        return [(number, row) for number, row in enumerate(reader, start=2)]


def _rcid(text: str, where: str) -> int:
    if not text.isdigit():
        raise ValueError(f"{where}: rcid {text!r} is not a whole number")
    return int(text)


def read_votes(path: Path) -> dict[int, dict[str, str]]:
    votes: dict[int, dict[str, str]] = {}
    for line, row in _read(path, ["rcid", "country", "country_code", "vote"]):
        where = f"{path.name} line {line}"
        rcid = _rcid(row["rcid"], where)
        code = row["country_code"]
        if code not in COUNTRIES or row["country"] != COUNTRIES[code][0]:
            raise ValueError(f"{where}: unexpected country {row['country']!r} ({code!r})")
        if row["vote"] not in VOTES:
            raise ValueError(f"{where}: field vote is {row['vote']!r}, expected one of {sorted(VOTES)}")
        if code in votes.setdefault(rcid, {}):
            raise ValueError(f"{where}: second vote of {code} in roll call {rcid}")
        votes[rcid][code] = row["vote"]
    return votes


def read_issues(path: Path) -> dict[int, list[str]]:
    issues: dict[int, list[str]] = {}
    for line, row in _read(path, ["rcid", "short_name", "issue"]):
        where = f"{path.name} line {line}"
        rcid = _rcid(row["rcid"], where)
        code = row["short_name"]
        if ISSUES.get(code) != row["issue"]:
            raise ValueError(f"{where}: issue {code!r} labelled {row['issue']!r}, expected {ISSUES.get(code)!r}")
        if code in issues.setdefault(rcid, []):
            raise ValueError(f"{where}: issue {code} listed twice for roll call {rcid}")
        issues[rcid].append(code)
    return issues


def derive(raw_dir: Path) -> list[dict]:
    votes = read_votes(raw_dir / VOTES_FILE)
    issues = read_issues(raw_dir / ISSUES_FILE)
    header = ["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"]
    rows, seen = [], set()
    for line, call in _read(raw_dir / ROLL_CALLS_FILE, header):
        where = f"{ROLL_CALLS_FILE} line {line}"
        rcid = _rcid(call["rcid"], where)
        if rcid in seen:
            raise ValueError(f"{where}: roll call {rcid} appears twice")
        seen.add(rcid)
        if not _DATE.fullmatch(call["date"]):
            raise ValueError(f"{where}: field date is {call['date']!r}, expected YYYY-MM-DD")
        session = _SESSION.fullmatch(call["session"])
        if not session:
            raise ValueError(f"{where}: field session is {call['session']!r}, expected a whole number")
        cast = votes.get(rcid, {})
        if not cast:
            raise ValueError(f"{where}: roll call {rcid} has no vote of either country")
        rows.append({
            "rcid": rcid,
            "date": call["date"],
            "session": int(session.group(1)),
            "resolution": call["unres"].strip(),
            "issues": ";".join(sorted(issues.get(rcid, []))),
            "cambodia_vote": cast.get("KH", ""),
            "japan_vote": cast.get("JP", ""),
            "source_id": SOURCE_ID,
            "source_detail": f"unvotes 0.3.0 rcid {rcid}",
        })
    for name, keyed in ((VOTES_FILE, votes), (ISSUES_FILE, issues)):
        orphans = sorted(set(keyed) - seen)
        if orphans:
            raise ValueError(f"{name}: roll calls not in {ROLL_CALLS_FILE}: {orphans[:5]}")
    rows.sort(key=lambda r: r["rcid"])
    return rows


def summarise(rows: list[dict]) -> None:
    """Print the coverage per country and the issue counts, so a re-run shows what changed."""
    years = Counter(r["date"][:4] for r in rows)
    print(f"  roll calls {min(years)}-{max(years)}")
    for column in ("cambodia_vote", "japan_vote"):
        cast = Counter(r[column] or "no vote" for r in rows)
        print(f"  {column}: " + ", ".join(f"{k} {v}" for k, v in sorted(cast.items())))
    both = sum(1 for r in rows if r["cambodia_vote"] and r["japan_vote"])
    print(f"  both voted: {both}")
    issue_counts = Counter(code for r in rows for code in filter(None, r["issues"].split(";")))
    print("  issues: " + ", ".join(f"{k} {v}" for k, v in sorted(issue_counts.items())))


def main(argv: list[str] | None = None) -> int:
    return run_derivation(
        argv,
        description=__doc__.split("\n\n")[0],
        derive=derive,
        columns=COLUMNS,
        default_raw=DEFAULT_RAW,
        raw_env_var="CJ_UNVOTES_DIR",
        default_out=DEFAULT_OUT,
        summarise=summarise,
    )


if __name__ == "__main__":
    sys.exit(main())
