"""CITATION.cff against the Citation File Format 1.2.0, and the citations the site shows.

The check is written here (no cffconvert: it conflicts with the pinned packages): required keys
and their types as the CFF 1.2.0 schema defines them, plus what this project always states
(version, release date, an SPDX licence). Broken copies of the file must fail it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

from helpers.citations import (
    CITATION_FILE,
    cite,
    cite_collection,
    cite_source,
    cited_source_ids,
    read_citation_cff,
    references,
)
from helpers.paths import REPO_ROOT, data_dir
from helpers.site import CC_BY, _exporter, build_site, render_cells

# Top-level keys of the CFF 1.2.0 schema (it allows no others).
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
    "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
    "repository-artifact", "repository-code", "title", "type", "url", "version",
}
SPDX_ALLOWED = {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CC-BY-4.0", "CC0-1.0", "GPL-3.0-only"}


def _text(markup: str) -> str:
    """Return HTML as comparable text: code tags dropped, entities decoded."""
    return html.unescape(re.sub(r"</?code>", "", markup))


def cff_problems(path: Path) -> list[str]:
    """Return what is wrong with a CITATION.cff file (empty when it is valid)."""
    try:
        cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as error:  # a date like 2026-24-11 raises ValueError
        return [f"not YAML, or a value YAML cannot read: {error}"]
    if not isinstance(cff, dict):
        return ["the file is not a mapping of keys"]
    problems = [f"unknown key {key!r}" for key in sorted(set(cff) - CFF_KEYS)]
    if cff.get("cff-version") != "1.2.0":
        problems.append(f"cff-version must be the string '1.2.0', not {cff.get('cff-version')!r}")
    for key in ("message", "title", "version"):
        if not isinstance(cff.get(key), str) or not cff[key].strip():
            problems.append(f"{key} must be a non-empty string")
    authors = cff.get("authors")
    if not isinstance(authors, list) or not authors:
        problems.append("authors must be a non-empty list")
    else:
        for i, author in enumerate(authors):
            if not isinstance(author, dict) or not (author.get("name") or author.get("family-names")):
                problems.append(f"authors[{i}] needs a name (entity) or family-names (person)")
    released = cff.get("date-released")
    if isinstance(released, str):
        try:
            released = dt.date.fromisoformat(released)
        except ValueError:
            released = None
    if not isinstance(released, dt.date) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(released)):
        problems.append(f"date-released must be an ISO date (YYYY-MM-DD), not {cff.get('date-released')!r}")
    licences = cff.get("license")
    licences = licences if isinstance(licences, list) else [licences]
    if not licences or any(lic not in SPDX_ALLOWED for lic in licences):
        problems.append(f"license must be SPDX ids from {sorted(SPDX_ALLOWED)}, not {cff.get('license')!r}")
    if cff.get("type", "software") not in {"software", "dataset"}:
        problems.append("type must be 'software' or 'dataset'")
    keywords = cff.get("keywords", [])
    if not (isinstance(keywords, list) and all(isinstance(k, str) for k in keywords)):
        problems.append("keywords must be a list of strings")
    return problems


def test_citation_file_is_valid_cff():
    assert CITATION_FILE == REPO_ROOT / "CITATION.cff"
    assert cff_problems(CITATION_FILE) == []
    cff = yaml.safe_load(CITATION_FILE.read_text(encoding="utf-8"))
    assert cff["type"] == "software" and cff["license"] == "MIT"
    assert cff["authors"] == [{"name": "Cambodia–Japan Relations Notebooks contributors"}]


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ('cff-version: 1.2.0', 'cff-version: 1.1.0', "cff-version"),
        ('cff-version: 1.2.0', 'cff-version: 1.2', "cff-version"),
        ("message: >-", "mesage: >-", "message"),
        ('title: "Cambodia–Japan Relations Notebooks"', "title: [a, b]", "title"),
        ('  - name: "Cambodia–Japan Relations Notebooks contributors"', "  - affiliation: nobody", "authors[0]"),
        ("date-released: 2026-11-24", "date-released: 2026-24-11", "month must be"),
        ("date-released: 2026-11-24", "date-released: 24 November 2026", "date-released"),
        ("license: MIT", "license: MIT licence", "license"),
        ('version: "0.1.0"', "version:", "version"),
        ("type: software", "type: notebook", "type"),
    ],
)
def test_broken_copies_fail(tmp_path, old, new, complaint):
    text = CITATION_FILE.read_text(encoding="utf-8")
    assert old in text, f"test out of date: {old!r} is not in CITATION.cff"
    broken = tmp_path / "CITATION.cff"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    problems = cff_problems(broken)
    assert any(complaint in p for p in problems), problems


def test_empty_authors_and_bad_yaml_fail(tmp_path):
    text = CITATION_FILE.read_text(encoding="utf-8")
    no_authors = tmp_path / "a.cff"
    no_authors.write_text(re.sub(r"authors:\n(  - .*\n)+", "authors: []\n", text), encoding="utf-8")
    assert any("authors" in p for p in cff_problems(no_authors))
    not_yaml = tmp_path / "b.cff"
    not_yaml.write_text("title: [unclosed\n", encoding="utf-8")
    assert cff_problems(not_yaml)


def test_small_reader_agrees_with_yaml():
    full = yaml.safe_load(CITATION_FILE.read_text(encoding="utf-8"))
    small = read_citation_cff()
    for key in ("cff-version", "message", "title", "type", "authors", "version", "license", "keywords", "abstract"):
        assert small[key] == full[key], key
    assert small["date-released"] == str(full["date-released"])
    assert cite_collection() == (
        "Cambodia–Japan Relations Notebooks contributors (2026). Cambodia–Japan Relations Notebooks "
        "(version 0.1.0) [software]. Released 2026-11-24."
    )


def test_package_declares_cc_by_licence():
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    (licence,) = package["licenses"]
    assert licence["name"] == "CC-BY-4.0" and licence["path"] == CC_BY and licence["title"]


def test_licence_files_say_what_they_cover():
    mit = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "2026 Cambodia–Japan Relations Notebooks contributors" in mit
    content = (REPO_ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert CC_BY in content and "seeds/" in content and "sources.csv" in content


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory) -> Path:
    """The site built without notebooks: landing page, catalogue and sources are what matter here."""
    out = tmp_path_factory.mktemp("cite") / "site"
    build_site(out, notebooks=[])
    return out


def test_landing_page_says_how_to_cite(bare_site):
    index = (bare_site / "index.html").read_text(encoding="utf-8")
    assert 'id="how-to-cite"' in index and 'id="licences"' in index
    assert cite_collection() in index
    assert f'href="{CC_BY}"' in index
    for name in ("CITATION.cff", "LICENSE", "LICENSE-CONTENT.md"):
        assert f'href="{name}"' in index and (bare_site / name).is_file()
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        shown = cite(resource["name"]).replace("`", "")
        assert shown in _text(index), f"no citation of {resource['name']} on the landing page"


def test_catalogue_cites_each_dataset_beside_its_download(bare_site):
    catalogue = (bare_site / "data.html").read_text(encoding="utf-8")
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        section = catalogue.split(f'<article class="card" id="{resource["name"]}">', 1)[1].split("</article>", 1)[0]
        assert f'href="data/{resource["path"]}" download' in section
        assert "Cite as:" in section and cite(resource["name"]).replace("`", "") in _text(section)


def test_references_list_the_datasets_then_fold_the_sources_with_their_count():
    names = ["claims", "trade_reported"]
    text = references(names).data
    datasets, folded = text.split("<details>", 1)
    assert [line for line in datasets.splitlines() if line.startswith("- ")] == [f"- {cite(n)}" for n in names]
    cited = {sid for n in names for sid in pd.read_csv(data_dir() / f"{n}.csv")["source_id"]}
    items = re.findall(r'^<li id="source-([^"]+)">(.*)</li>$', folded, re.M)
    assert f"<summary>Sources cited ({len(cited)})</summary>" in folded and folded.rstrip().endswith("</details>")
    assert {sid for sid, _ in items} == cited
    shown = [html.unescape(re.sub(r"<[^>]+>", "", line)) for _, line in items]
    assert shown == [cite_source(sid) for sid, _ in items]  # the citation, links aside
    leads = [re.sub(r"^\W+", "", line).casefold() for line in shown]
    assert leads == sorted(leads), "sources not in alphabetical order"
    assert "\n\n" not in folded, "a blank line would end the HTML block and spill the list out of the fold"


def test_cited_sources_come_dataset_by_dataset_from_the_rows_each_once():
    names = ["trade_reported", "claims", "trade_reported"]
    per_dataset = [sorted(set(pd.read_csv(data_dir() / f"{n}.csv")["source_id"])) for n in names]
    assert cited_source_ids(names) == list(dict.fromkeys(per_dataset[0] + per_dataset[1]))
    # A dataset whose rows name no source (the indicator vocabulary) stands for every source.
    every = pd.read_csv(data_dir() / "sources.csv")["source_id"].tolist()
    assert cited_source_ids(["indicators"]) == every
    assert cited_source_ids(["trade_reported", "indicators"])[: len(per_dataset[0])] == per_dataset[0]


def test_a_seed_is_cited_by_its_text_file_not_by_the_curators_notes():
    line = cite_source("seed_000")
    assert line.endswith("Text in seeds/000_f886adf7608621fe.txt.")
    assert "reading aid" not in line and "outlet" not in line


def test_folded_references_render_as_a_list_inside_the_fold_on_the_site():
    """Rendered as the site renders a notebook (nbconvert, images embedded), the list stays in the fold."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "helpers.references('trade_dots')",
        outputs=[nbformat.v4.new_output("execute_result", {"text/markdown": references("trade_dots").data},
                                        execution_count=1)])])
    body = render_cells(nb, _exporter())
    fold = re.search(r"<details><summary>Sources cited \(1\)</summary>(.*?)</details>", body, re.S)
    assert fold, body
    assert re.search(r'<ul>\s*<li id="source-imf_dots">International Monetary Fund\..*'
                     r'<a href="https://data.imf.org">https://data.imf.org</a>', fold.group(1), re.S)
    assert "<li>Cambodia–Japan Relations Notebooks" in body.split("<details>", 1)[0]  # the datasets list
