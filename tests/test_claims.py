"""The claims ledger (data/claims.csv) is faithful to the seed articles.

Each row quotes its seed byte-exact, its value is the figure printed in that quote after unit
scaling, its ids are unique, every seed has claims, and its codes exist in the shared vocabularies.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"

QUALIFIERS = {"exact", "about", "more_than", "less_than", "up_to", "target"}
THEMES = {"trade", "people", "oda", "diplomacy"}

SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3}
WORDS = {
    "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "biggest": 1, "largest": 1,
}
NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(billion|bn|million|m|thousand)\b)?", re.IGNORECASE)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")


def parse_printed(printed: str, unit: str) -> float | None:
    """Turn a figure as printed into a plain number in `unit`; None if it holds no such number.

    Years: the four-digit year ('March 1953' -> 1953, '1990s' -> 1990, 'November 25' -> None).
    Others: the first number, scaled ('$1.1506 billion' -> 1150600000, 'USD $2.45 billion',
    '4,500', '70th' -> 70, '17.1%'), or a number word ('four', 'twice', 'fifth-largest', 'biggest').
    """
    text = printed.strip()
    if unit == "year":
        m = YEAR.search(text)
        return float(m.group(1)) if m else None
    m = NUMBER.search(text)
    if m:
        number = float(m.group(1).replace(",", ""))
        scale = SCALE.get((m.group(2) or "").lower(), 1)
        return number * scale
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in WORDS:
            return float(WORDS[word])
    return None


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def seed_texts() -> dict[str, str]:
    return {f"seed_{p.name[:3]}": p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


CLAIMS = read_csv(DATA / "claims.csv")
TEXTS = seed_texts()


def ids(rows):
    return [r["claim_id"] for r in rows]


@pytest.mark.parametrize(
    ("printed", "unit", "expected"),
    [
        ("$1.1506 billion", "USD", 1_150_600_000),
        ("US$2.2 billion", "USD", 2_200_000_000),
        ("USD $2.45 billion", "USD", 2_450_000_000),
        ("$611.13 million", "USD", 611_130_000),
        ("4,500", "persons", 4500),
        ("70th", "years", 70),
        ("20 percent", "percent", 20),
        ("17.1%", "percent", 17.1),
        ("8,000", "persons", 8000),
        ("fifth-largest", "rank", 5),
        ("twice in Japan", "count", 2),
        ("March 1953", "year", 1953),
        ("December 18 2023", "year", 2023),
        ("late 1980s", "year", 1980),
        ("November 25", "year", None),
    ],
)
def test_parser(printed, unit, expected):
    got = parse_printed(printed, unit)
    if expected is None:
        assert got is None
    else:
        assert got is not None and math.isclose(got, expected, rel_tol=1e-9)


def test_claim_ids_unique_and_well_formed():
    seen: set[str] = set()
    for r in CLAIMS:
        cid = r["claim_id"]
        assert cid not in seen, f"{cid}: duplicate claim_id"
        seen.add(cid)
        assert re.fullmatch(r"c\d{3}_\d{2}", cid), f"{cid}: claim_id should look like c000_01"
        assert cid[1:4] == r["source_id"][-3:], f"{cid}: prefix does not match source_id {r['source_id']}"


def test_every_seed_has_claims():
    with_claims = {r["source_id"] for r in CLAIMS}
    missing = sorted(set(TEXTS) - with_claims)
    assert not missing, f"seeds without any claim: {missing}"


@pytest.mark.parametrize("row", CLAIMS, ids=ids(CLAIMS))
def test_quote_is_exact_substring_of_seed(row):
    cid, sid = row["claim_id"], row["source_id"]
    assert sid in TEXTS, f"{cid}: unknown seed {sid}"
    assert row["quote"] and row["quote"] in TEXTS[sid], f"{cid}: quote is not an exact substring of {sid}"


@pytest.mark.parametrize("row", CLAIMS, ids=ids(CLAIMS))
def test_value_matches_printed_figure(row):
    cid, printed, unit = row["claim_id"], row["value_as_printed"], row["unit"]
    assert printed and printed in row["quote"], f"{cid}: value_as_printed {printed!r} is not in the quote"
    parsed = parse_printed(printed, unit)
    if parsed is None:
        assert unit == "year" and row["value"] == "", (
            f"{cid}: {printed!r} holds no number, so value must be empty (and unit year)")
        return
    assert row["value"] != "", f"{cid}: value is empty but {printed!r} reads as {parsed:g}"
    value = float(row["value"])
    assert math.isclose(value, parsed, rel_tol=1e-9), (
        f"{cid}: value {row['value']} does not equal {printed!r} read as {parsed:g} {unit}")


@pytest.mark.parametrize("row", CLAIMS, ids=ids(CLAIMS))
def test_codes_are_known(row):
    cid = row["claim_id"]
    assert row["qualifier"] in QUALIFIERS, f"{cid}: qualifier {row['qualifier']!r} unknown"
    assert row["theme"] in THEMES, f"{cid}: theme {row['theme']!r} unknown"
    for col in ("period_start", "period_end", "statement_date"):
        assert row[col] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[col]), f"{cid}: {col} not ISO"
    if row["period_start"] and row["period_end"]:
        assert row["period_start"] <= row["period_end"], f"{cid}: period_start after period_end"


def test_indicators_exist_in_vocabulary():
    known = {r["indicator"] for r in read_csv(DATA / "indicators.csv")}
    unknown = [f"{r['claim_id']}: {r['indicator']}" for r in CLAIMS if r["indicator"] not in known]
    assert not unknown, f"indicators missing from data/indicators.csv: {unknown}"


def test_sources_exist():
    known = {r["source_id"] for r in read_csv(DATA / "sources.csv")}
    unknown = [f"{r['claim_id']}: {r['source_id']}" for r in CLAIMS if r["source_id"] not in known]
    assert not unknown, f"source_ids missing from data/sources.csv: {unknown}"
