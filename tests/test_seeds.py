"""The seed articles are byte-identical copies, and the manifest lists each of them."""

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def manifest():
    with open(ROOT / "seeds" / "manifest.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_manifest_lists_every_seed_once():
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    listed = [row["file"] for row in manifest()]
    assert sorted(listed) == files
    assert len(set(listed)) == len(listed)


def test_manifest_fields_are_filled_and_themes_known():
    for row in manifest():
        assert row["source_id"] == f"seed_{row['file'][:3]}"
        assert row["headline"].strip(), row["file"]
        themes = row["themes"].split(";")
        assert themes and set(themes) <= {"trade", "people", "oda", "diplomacy"}, row["file"]


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the project")
def test_seed_copies_are_identical_to_shared():
    for original in sorted(SHARED_SEEDS.glob("*.txt")):
        copy = ROOT / "seeds" / original.name
        assert copy.exists(), f"seeds/{original.name} is missing"
        assert copy.read_bytes() == original.read_bytes(), f"seeds/{original.name} differs"
