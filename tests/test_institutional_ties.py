"""The institutional-tie tables (joint IGO memberships, diplomatic exchange, ATOP obligations) are
exactly what ``scripts/derive_institutional_ties.py`` derives from ``../shared/raw/peacescience``,
and carry the raw cells named in its README."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT.parent / "shared" / "raw" / "peacescience"
DATA = ROOT / "data"
SCRIPT = ROOT / "scripts" / "derive_institutional_ties.py"
OUTPUTS = ("igo_joint_memberships.csv", "diplomatic_exchange.csv", "atop_obligations.csv")
RAW_FILES = (
    "cow_igo_joint_memberships_jpn740_khm811.csv",
    "cow_diplomatic_exchange_jpn740_khm811.csv",
    "atop_alliance_jpn740_khm811.csv",
)

needs_raw = pytest.mark.skipif(
    not all((RAW_DIR / name).is_file() for name in RAW_FILES),
    reason=f"peacescience extracts not available at {RAW_DIR} (shared raw data is not part of the repo)",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("derive_institutional_ties", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _by_year(name: str) -> dict[str, dict]:
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return {r["year"]: r for r in csv.DictReader(fh)}


@needs_raw
def test_regenerated_csvs_match_committed(tmp_path):
    assert _load_script().main([str(RAW_DIR), "--out", str(tmp_path)]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_checked_igo_counts():
    igos = _by_year("igo_joint_memberships.csv")
    assert {y: igos[y]["joint_igos"] for y in ("1953", "1995", "2014")} == {"1953": "7", "1995": "28", "2014": "43"}
    assert sorted(int(y) for y in igos) == list(range(1953, 2015))


def test_diplomatic_exchange_codes_as_published():
    exchange = _by_year("diplomatic_exchange.csv")
    assert sorted(int(y) for y in exchange) == list(range(1955, 2006, 5))
    assert [exchange["1955"][c] for c in ("dr_at_1", "dr_at_2", "de")] == ["0", "9", "1"]
    assert [exchange["1980"][c] for c in ("dr_at_1", "dr_at_2", "de")] == ["0", "0", "0"]
    assert [exchange["2005"][c] for c in ("dr_at_1", "dr_at_2", "de")] == ["3", "3", "1"]


def test_atop_obligations_are_non_aggression_only():
    atop = _by_year("atop_obligations.csv")
    assert sorted(int(y) for y in atop) == list(range(2003, 2019))
    for row in atop.values():
        assert (row["defence"], row["offence"], row["neutrality"], row["consultation"]) == ("0", "0", "0", "0")
        assert row["non_aggression"] == "1"


@needs_raw
def test_other_dyad_is_refused_with_file_line_and_field(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in RAW_FILES:
        shutil.copy(RAW_DIR / name, folder / name)
    path = folder / "cow_igo_joint_memberships_jpn740_khm811.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace("740,811", "740,812", 1)
    path.write_text("".join(lines), encoding="utf-8")
    script = _load_script()
    with pytest.raises(ValueError, match=r"cow_igo_joint_memberships_jpn740_khm811.csv line 4: field ccode2 is '812'"):
        script.derive_table(folder, script.TABLES[0])
