"""``data/un_votes_khm_jpn.csv`` is exactly what ``scripts/derive_un_votes.py`` derives from the
unvotes extracts in ``../shared/raw/unvotes``, and carries the raw cells named in its README."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT.parent / "shared" / "raw" / "unvotes"
COMMITTED = ROOT / "data" / "un_votes_khm_jpn.csv"
SCRIPT = ROOT / "scripts" / "derive_un_votes.py"
RAW_FILES = ("unvotes_khm_jpn_votes.csv", "unvotes_roll_calls_subset.csv", "unvotes_roll_call_issues_subset.csv")

needs_raw = pytest.mark.skipif(
    not all((RAW_DIR / name).is_file() for name in RAW_FILES),
    reason=f"unvotes extracts not available at {RAW_DIR} (shared raw data is not part of the repo)",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_un_votes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows() -> dict[str, dict]:
    with open(COMMITTED, newline="", encoding="utf-8") as fh:
        return {r["rcid"]: r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csv_matches_committed(tmp_path):
    out = tmp_path / "un_votes_khm_jpn.csv"
    assert _load_script().main([str(RAW_DIR), "--out", str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_checked_roll_calls_of_december_2019():
    rows = _rows()
    rohingya = rows["9124"]  # A/RES/74/246, 27 Dec 2019: Cambodia no, Japan abstain
    assert (rohingya["cambodia_vote"], rohingya["japan_vote"]) == ("no", "abstain")
    assert (rohingya["date"], rohingya["resolution"], rohingya["issues"]) == ("2019-12-27", "A/RES/74/246", "hr")
    cyber = rows["9087"]  # A/RES/74/247: Cambodia yes, Japan no
    assert (cyber["cambodia_vote"], cyber["japan_vote"], cyber["resolution"]) == ("yes", "no", "A/RES/74/247")


def test_absences_stay_empty_and_nothing_is_filled_in():
    rows = _rows()
    assert rows["460"]["japan_vote"] == ""  # Japan joined the UN on 18 December 1956
    cambodia_1977 = [r for r in rows.values() if r["date"].startswith("1977")]
    assert cambodia_1977 and all(r["cambodia_vote"] == "" for r in cambodia_1977)
    assert not any(r["date"].startswith("1964") for r in rows.values())  # no recorded roll call in 1964
    assert all(r["cambodia_vote"] or r["japan_vote"] for r in rows.values())


def test_multi_issue_roll_calls_keep_every_code():
    issues = [r["issues"] for r in _rows().values()]
    assert sum(";" in text for text in issues) > 0
    codes = {code for text in issues for code in filter(None, text.split(";"))}
    assert codes == {"co", "di", "ec", "hr", "me", "nu"}


def _copy_raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in RAW_FILES:
        shutil.copy(RAW_DIR / name, folder / name)
    return folder


@needs_raw
def test_bad_vote_names_file_line_and_field(tmp_path):
    folder = _copy_raw(tmp_path)
    path = folder / "unvotes_khm_jpn_votes.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",yes", ",maybe")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ValueError, match=r"unvotes_khm_jpn_votes.csv line 2: field vote is 'maybe'"):
        _load_script().derive(folder)


@needs_raw
def test_relabelled_issue_is_refused(tmp_path):
    folder = _copy_raw(tmp_path)
    path = folder / "unvotes_roll_call_issues_subset.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Palestinian conflict", "Middle East", 1),
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: issue 'me' labelled 'Middle East'"):
        _load_script().derive(folder)
