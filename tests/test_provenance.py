"""Rows not read in their cited source are flagged consistently, and the marker helper shows them."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.provenance import UNREAD_FOOTNOTE, UNREAD_MARK, mark_unread, unread_note

DATA = Path(__file__).resolve().parents[1] / "data"
# Curated point-figure and event datasets: each row says whether its figure was read in its source.
CURATED = [
    "agreements", "aid_milestones", "diplomatic_events", "investment_approvals", "japanese_residents_in_cambodia",
    "jica_volunteers", "oda_aggregates", "oda_projects", "partnership_levels", "people_counts",
    "trade_composition", "trade_reported",
]
# Wording that says a figure was copied from research notes rather than read on the page
SECOND_HAND_WORDS = ("leads", "secondary compilation", "not re-read", "not re-opened", "transcribed")


def _sources() -> dict[str, dict]:
    with open(DATA / "sources.csv", newline="", encoding="utf-8") as fh:
        return {r["source_id"]: r for r in csv.DictReader(fh)}


@pytest.mark.parametrize("name", CURATED)
def test_every_curated_dataset_has_the_flag(name):
    frame = helpers.load(name)
    assert str(frame["read_in_source"].dtype) == "boolean"
    assert frame["read_in_source"].notna().all()
    field = next(f for f in helpers.describe(name)["schema"]["fields"] if f["name"] == "read_in_source")
    assert field["constraints"]["required"] is True


@pytest.mark.parametrize("name", CURATED)
def test_second_hand_rows_are_flagged(name):
    """A row whose detail says it was copied from notes must not claim to have been read in the source."""
    frame = helpers.load(name)
    detail = frame["source_detail"].str.lower()
    second_hand = detail.apply(lambda text: any(word in text for word in SECOND_HAND_WORDS))
    wrong = frame[second_hand & frame["read_in_source"]]
    assert wrong.empty, wrong[["source_id", "source_detail"]].to_string()


def test_known_unread_rows():
    assert not helpers.load("trade_composition")["read_in_source"].any()
    approvals = helpers.load("investment_approvals")
    assert approvals.loc[~approvals["read_in_source"], "source_id"].tolist() == ["mlit_kensetsu_db_cambodia"]
    counts = helpers.load("people_counts")
    assert counts.loc[~counts["read_in_source"], "value"].tolist() == [6111]


def test_every_source_url_is_unique():
    seen: dict[str, str] = {}
    for source_id, row in _sources().items():
        url = row["url"].strip().lower().rstrip("/")
        if not url:
            continue
        assert url not in seen, f"{source_id} and {seen[url]} share the URL {row['url']}"
        seen[url] = source_id


def test_unread_note_marks_only_false_rows():
    frame = pd.DataFrame({"read_in_source": pd.array([True, False, True], dtype="boolean")}, index=[5, 6, 7])
    note = unread_note(frame)
    assert note.tolist() == ["", UNREAD_MARK, ""]
    assert list(note.index) == [5, 6, 7]
    assert UNREAD_FOOTNOTE.startswith(UNREAD_MARK)


def test_unread_note_on_real_data():
    reported = helpers.load("trade_reported")
    note = unread_note(reported)
    assert (note == UNREAD_MARK).sum() == (~reported["read_in_source"]).sum() > 0


def test_unread_note_rejects_missing_column_and_empty_cells():
    with pytest.raises(KeyError, match="read_in_source"):
        unread_note(pd.DataFrame({"value": [1]}))
    holes = pd.DataFrame({"read_in_source": pd.array([True, None], dtype="boolean")})
    holes.attrs["dataset"] = "oda_projects"
    with pytest.raises(ValueError, match=r"oda_projects: read_in_source is empty in rows \[1\]"):
        unread_note(holes)


def test_mark_unread_appends_marker_and_checks_alignment():
    frame = pd.DataFrame({"value": [1.5, 2.0], "read_in_source": [False, True]})
    assert mark_unread(frame["value"], frame).tolist() == ["1.5 †", "2.0"]
    with pytest.raises(ValueError, match="same index"):
        mark_unread(frame["value"].reset_index(drop=True).rename(index={0: 9}), frame)
