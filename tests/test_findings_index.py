"""The claim-to-evidence index: README table and site page, generated from the notebooks' findings.

The README check regenerates the table in memory from the executed notebooks and compares; the
site check builds into a temporary folder from the committed notebooks plus one fixture notebook
whose finding sits under a heading with punctuation and a non-ASCII dash, and follows every link
of every finding to a file and an element id that the built pages really have.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import helpers
from helpers.__main__ import update_readme
from helpers.citations import (
    FINDINGS_END,
    FINDINGS_START,
    _md_cell,
    dataset_publishers,
    findings_markdown,
    replace_findings_section,
)
from helpers.findings import collect_findings
from helpers.notebooks import notebook_paths
from helpers.paths import REPO_ROOT
from helpers.site import build_site, section_anchor

README = REPO_ROOT / "README.md"
FIXTURE_HEADING = "Cambodia–Japan trade: who reports what (2023)?"


def test_readme_findings_table_is_current():
    text = README.read_text(encoding="utf-8")
    assert FINDINGS_START in text and FINDINGS_END in text
    fresh = replace_findings_section(text, findings_markdown(collect_findings(notebook_paths())))
    assert fresh == text, "README.md's findings table is stale: run `.venv/bin/python -m helpers findings`"


def test_readme_lists_every_finding_once():
    section = README.read_text(encoding="utf-8").split(FINDINGS_START)[1].split(FINDINGS_END)[0]
    findings = collect_findings(notebook_paths())
    for item in findings:
        assert section.count(_md_cell(item.text)) == 1, item.key
        assert f"(notebooks/{item.notebook}.ipynb)" in section
    rows = len(findings) + 2 if findings else 0  # header and rule, then one row per finding
    assert section.count("\n| ") == rows


def test_stale_readme_is_detected_and_rewritten(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text(f"# T\n\n{FINDINGS_START}\n| old | table |\n{FINDINGS_END}\n\nAfter.\n", encoding="utf-8")
    assert update_readme(readme, check=True) == 1
    assert "| old | table |" in readme.read_text(encoding="utf-8")  # --check writes nothing
    assert update_readme(readme) == 0
    rewritten = readme.read_text(encoding="utf-8")
    assert "| old | table |" not in rewritten and rewritten.endswith(f"{FINDINGS_END}\n\nAfter.\n")
    assert update_readme(readme, check=True) == 0
    assert "up to date" in capsys.readouterr().out


def test_markers_are_required():
    with pytest.raises(ValueError, match="findings:start"):
        replace_findings_section("no markers here", "table")
    with pytest.raises(ValueError):
        replace_findings_section(f"{FINDINGS_END}\n{FINDINGS_START}", "table")


def test_markdown_table_escapes_and_counts_sources():
    item = helpers.finding("k", "A | B is 5.", ["claims", "sources"])
    item = type(item)(item.key, item.text, item.datasets, "07_x", "A section")
    table = findings_markdown([item])
    row = table.splitlines()[-1]
    assert "A \\| B is 5." in row and "[07_x](notebooks/07_x.ipynb) › A section" in row
    assert "[`claims`](data/claims.csv)" in row and row.count(" | ") == 4
    assert "and " in row and "more" in row  # the sources list is cut short, not exhaustive
    labels = [label for label, _ in dataset_publishers(["claims"])]
    assert labels and len(labels) == len(set(labels))


def test_section_anchor_matches_nbconvert():
    assert section_anchor("Summary") == "Summary"
    assert section_anchor("") == ""
    assert section_anchor(FIXTURE_HEADING) == "Cambodia%E2%80%93Japan-trade:-who-reports-what-(2023)?"


def _fixture_notebook(folder: Path) -> Path:
    """Write an executed notebook declaring one finding under a heading with awkward characters."""
    shown = helpers.finding("fixture-index-check", "The fixture finds 3 things.", ["claims", "sources"])
    markdown, metadata = shown._repr_markdown_()
    cell = new_code_cell("helpers.finding(...)", execution_count=1)
    cell.outputs = [new_output("execute_result", data={"text/markdown": markdown, "text/plain": repr(shown)},
                               metadata={"text/markdown": metadata}, execution_count=1)]
    cells = [
        new_markdown_cell("# Index fixture\n\nA notebook for the index test.\n\n**Theme:** trade"),
        new_markdown_cell(f"## Overview\n\nText.\n\n## {FIXTURE_HEADING}\n\nThe question."),
        cell,
        new_markdown_cell("## Summary\n\nDone."),
    ]
    path = folder / "97_index_fixture.ipynb"
    nbformat.write(new_notebook(cells=cells), path)
    return path


class _Page(HTMLParser):
    """Collect the ids of a page and, per list item id (one finding each), the links in that item."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.rows: dict[str, list[str]] = {}
        self.links: list[str] = []
        self._row = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "li":
            self._row = values.get("id") or ""
            self.rows.setdefault(self._row, [])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
            if self._row:
                self.rows[self._row].append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._row = ""


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list]:
    tmp = tmp_path_factory.mktemp("findings")
    notebooks = notebook_paths() + [_fixture_notebook(tmp)]
    build_site(tmp / "site", notebooks=notebooks)
    return tmp / "site", collect_findings(notebooks)


def test_site_page_lists_every_finding_with_working_links(built):
    out, findings = built
    assert any(f.key == "fixture-index-check" for f in findings)
    page = _parse(out / "findings.html")
    text = (out / "findings.html").read_text(encoding="utf-8")
    pages = {}
    for item in findings:
        assert item.key in page.rows, f"findings.html has no row for {item.key}"
        assert item.text.replace("'", "&#x27;") in text or item.text in text
        links = page.rows[item.key]
        notebook_links = [h for h in links if urlsplit(h).path == f"{item.notebook}.html"]
        assert notebook_links, f"{item.key}: no link to its notebook page"
        assert all(f'data.html#{name}' in links for name in item.datasets), f"{item.key}: dataset link missing"
        assert any(h.startswith("sources.html#") for h in links), f"{item.key}: no source listed"
        for href in links:
            parts = urlsplit(href)
            target = out / unquote(parts.path)
            assert target.is_file(), f"{item.key}: {href} points to a missing file"
            if parts.fragment:
                ids = pages.setdefault(target.name, _parse(target).ids)
                assert {parts.fragment, unquote(parts.fragment)} & ids, f"{item.key}: no anchor for {href}"
        if item.section:
            assert any(urlsplit(h).fragment for h in notebook_links), f"{item.key}: section not linked"


def test_fixture_finding_links_its_section(built):
    out, _ = built
    row = _parse(out / "findings.html").rows["fixture-index-check"]
    assert "97_index_fixture.html#Cambodia%E2%80%93Japan-trade:-who-reports-what-(2023)?" in row
    assert FIXTURE_HEADING in (out / "findings.html").read_text(encoding="utf-8").replace("&#x27;", "'")


def test_findings_page_is_in_the_navigation_and_on_the_landing_page(built):
    out, _ = built
    for html_file in sorted(out.glob("*.html")):
        assert 'href="findings.html"' in html_file.read_text(encoding="utf-8"), html_file.name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="findings.html">[^<]*findings?, ranked</a>', index)
