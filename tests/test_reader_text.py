"""Published text speaks to readers: where a figure comes from and how reliable it is, never how it was gathered.

Texts read: every description and title in ``data/datapackage.json``, the ``publisher`` and ``title``
columns of ``data/sources.csv`` (chart source lines and the source list show them; ``notes`` is
the curators' own column and is not published), and every notebook's Markdown cells and stored
text outputs (what the rendered site shows).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from helpers.notebooks import notebook_paths
from helpers.paths import data_dir

# Wording about the curators' workflow: sessions, tools, notes and internal checks, local paths.
BANNED = (
    "this session", "search tool", "stored copy", "research lead", "research note", "source_leads",
    "re-read", "not re-opened", "transcribed in", "loader's", "/work/", "../shared",
)
_BANNED = re.compile("|".join(re.escape(phrase) for phrase in BANNED), re.IGNORECASE)
# Output types whose text a reader sees on the site (charts included: their titles and source lines).
SHOWN = ("text/plain", "text/markdown", "text/html", "image/svg+xml")


def process_wording(text: str) -> list[str]:
    """Return each banned phrase in ``text`` with some context, for a readable failure."""
    return [text[max(m.start() - 50, 0): m.end() + 50].replace("\n", " ") for m in _BANNED.finditer(text)]


def package_texts(package: dict) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every description and title in a data package descriptor."""
    def walk(node: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            label = f"{where}/{node.get('name', '')}".rstrip("/")
            for key, value in node.items():
                if key in ("description", "title") and isinstance(value, str):
                    yield f"{label}.{key}", value
                else:
                    yield from walk(value, label)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, where)
    yield from walk(package, "datapackage.json")


def notebook_texts(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for a notebook's Markdown cells and the text of its stored outputs."""
    nb = nbformat.read(path, as_version=4)
    for number, cell in enumerate(nb.cells):
        where = f"{path.name} cell {number}"
        if cell.cell_type == "markdown":
            yield f"{where} (markdown)", cell.source
        for output in cell.get("outputs", []):
            if "text" in output:
                yield f"{where} (printed)", output["text"]
            for kind in SHOWN:
                if kind in output.get("data", {}):
                    yield f"{where} ({kind})", output["data"][kind]


def problems(texts: Iterator[tuple[str, str]]) -> list[str]:
    """Return one line per banned phrase found, naming where it is."""
    return [f"{where}: …{context}…" for where, text in texts for context in process_wording(text)]


def test_the_check_catches_process_wording():
    assert process_wording("Read in this session via the Search Tool's stored copy.") != []
    assert len(process_wording("see /work/shared/leads/source_leads.md")) == 2
    assert process_wording("Quoted by the Phnom Penh Post; figures second-hand are flagged.") == []
    planted = {"name": "x", "description": "Figures the research leads marked SEEN.",
               "resources": [{"name": "r", "schema": {"fields": [{"name": "f", "description": "the loader's check"}]}}]}
    assert [line.split(":")[0] for line in problems(package_texts(planted))] == [
        "datapackage.json/x.description", "datapackage.json/x/r/f.description"]


def test_data_package_descriptions_speak_to_readers():
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    found = problems(package_texts(package))
    assert not found, "\n".join(found)


def test_source_publishers_and_titles_speak_to_readers():
    with (data_dir() / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = problems((f"sources.csv {row['source_id']}.{column}", row[column])
                     for row in rows for column in ("publisher", "title"))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_text_speaks_to_readers(path):
    found = problems(notebook_texts(path))
    assert not found, "\n".join(found)
