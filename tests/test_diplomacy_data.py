"""The diplomacy datasets: dates match their precision, sources exist, no duplicates, seed quotes are exact."""

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"
FILES = {
    "diplomatic_events": "event_id",
    "agreements": "agreement_id",
    "partnership_levels": "stage_id",
}
SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def read(name):
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def source_ids():
    return set(read("sources")["source_id"])


@pytest.fixture(scope="module")
def seed_texts():
    texts = {}
    for path in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")):
        texts[f"seed_{path.name[:3]}"] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.parametrize("name", sorted(FILES))
def test_dates_parse_at_their_precision(name):
    frame = read(name)
    assert set(frame["date_precision"]) <= set(SHAPES)
    today = dt.date.today()
    for key, date, precision in zip(frame[FILES[name]], frame["date"], frame["date_precision"], strict=True):
        assert re.fullmatch(SHAPES[precision], date), f"{name} {key}: {date!r} is not a {precision}"
        if precision == "day":
            first = dt.date.fromisoformat(date)
        elif precision == "month":
            first = dt.date(int(date[:4]), int(date[5:7]), 1)  # raises on month 13
        else:
            first = dt.date(int(date), 1, 1)
        assert first <= today, f"{name} {key}: {date} lies in the future"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_row_cites_a_known_source(name, source_ids):
    frame = read(name)
    missing = sorted(set(frame["source_id"]) - source_ids)
    assert not missing, f"{name}: source_id not in sources.csv: {missing}"
    assert (frame["source_detail"].str.strip() != "").all(), f"{name}: empty source_detail"


@pytest.mark.parametrize("name", sorted(FILES))
def test_keys_are_unique(name):
    frame = read(name)
    assert not frame[FILES[name]].duplicated().any()


def test_no_duplicate_events():
    frame = read("diplomatic_events")
    dupes = frame[frame.duplicated(["date", "event"], keep=False)]
    assert dupes.empty, dupes[["event_id", "date", "event"]].to_string()


def test_no_duplicate_agreements():
    frame = read("agreements")
    assert not frame.duplicated(["date", "title"]).any()


@pytest.mark.parametrize("name", sorted(FILES))
def test_seed_quotes_are_exact(name, seed_texts):
    frame = read(name)
    seeded = frame[frame["source_id"].str.startswith("seed_")]
    assert not seeded.empty or name == "partnership_levels"
    for key, source_id, quote in zip(seeded[FILES[name]], seeded["source_id"], seeded["source_detail"], strict=True):
        assert source_id in seed_texts, f"{name} {key}: no seed file for {source_id}"
        assert quote in seed_texts[source_id], f"{name} {key}: quote not found in {source_id}: {quote[:60]!r}"


def test_date_conflicts_keep_both_sides():
    """Every conflict group has at least two rows with different dates (both versions kept)."""
    for name in ("diplomatic_events", "partnership_levels"):
        frame = read(name)
        grouped = frame[frame["conflict_group"] != ""].groupby("conflict_group")
        for group, rows in grouped:
            assert len(rows) >= 2, f"{name}: conflict group {group} has one row"
        assert "csp_date" in set(frame["conflict_group"]), f"{name}: CSP date conflict missing"
    levels = read("partnership_levels")
    csp = levels[levels["conflict_group"] == "csp_date"]
    assert set(csp["date"]) == {"2022-11-12", "2023"}


def test_event_types_and_sides_are_from_the_vocabulary():
    frame = read("diplomatic_events")
    assert set(frame["event_type"]) <= {
        "relations", "treaty_agreement", "memorandum", "leaders_visit_summit", "ministerial_visit",
        "partnership_upgrade", "peacekeeping", "aid_milestone", "consular_embassy", "anniversary", "other",
    }
    assert set(frame["visitor_side"]) <= {"KHM", "JPN", "none", "unknown"}
    for key, actors in zip(frame["event_id"], frame["actors"], strict=True):
        for pair in filter(None, actors.split(";")):
            assert ":" in pair, f"{key}: actor {pair!r} is not 'role: name'"



def test_every_subject_area_has_a_reader_label():
    """The agreements heat map shows words, never a raw code: every subject area needs a label."""
    from helpers.diplomacy import SUBJECT_LABELS

    unlabelled = sorted(set(read("agreements")["subject_area"]) - set(SUBJECT_LABELS))
    assert not unlabelled, f"agreements: subject_area without a label in SUBJECT_LABELS: {unlabelled}"
