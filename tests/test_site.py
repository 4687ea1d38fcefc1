"""The rendered site: a page per notebook, a landing page, a data catalogue, a source list, offline.

The site is built once into a temporary folder from the committed notebooks plus one small
executed notebook made here (so the checks bite even before the collection has notebooks), with
a chart as SVG and PNG, a table and links written for the repository layout. A second, tiny site
is built from synthetic notebooks only, whose findings carry headlines, ranks and sections, to
check the home page's headline numbers whatever the committed notebooks declare.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

import helpers
from helpers.findings import Finding
from helpers.notebooks import notebook_paths
from helpers.paths import data_dir
from helpers.site import HOME_HEADLINES, build_site, datasets_used, index_body, parse_header, write_thumbnails

FIXTURE_NAME = "98_site_fixture.ipynb"
HEADLINE_NAME = "96_headline_fixture.ipynb"
FIXTURE_ALT = "Two bars: 1 in 2022 and 2 in 2023 (\"twice\" as many) & rising."


def _figure_outputs(alt: str = FIXTURE_ALT, width: float = 3) -> dict[str, str]:
    """Return one small matplotlib chart as base64 PNG and as SVG labelled the way finish_figure does."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, 2))
    ax.bar(["2022", "2023"], [1, 2])
    svg, png = io.StringIO(), io.BytesIO()
    fig.savefig(svg, format="svg")
    fig.savefig(png, format="png", dpi=50)
    plt.close(fig)
    text = svg.getvalue()
    text = text[text.index("<svg"):].replace("<svg ", f'<svg role="img" aria-label="{escape(alt)}" ', 1)
    return {"image/svg+xml": text, "image/png": base64.b64encode(png.getvalue()).decode()}


def make_fixture_notebook(folder: Path) -> Path:
    """Write an executed notebook following the contract (outputs stored, never executed here)."""
    v4 = nbformat.v4
    figure = _figure_outputs()
    table = "<table class='dataframe'><thead><tr><th>year</th><th>value</th></tr></thead>" \
            "<tbody><tr><td>2023</td><td>2</td></tr></tbody></table>"
    cells = [
        v4.new_markdown_cell("# Site fixture\n\nA one-line summary of the fixture.\n\n**Theme:** trade"),
        v4.new_code_cell("import helpers", execution_count=1),
        v4.new_markdown_cell(
            "## Overview\n\nSee [the sources](../data/sources.csv), [another notebook]"
            f"(./{FIXTURE_NAME}#Overview) and [the catalogue](data.html).\n\nPrice: US$ 5 and $6."
        ),
        v4.new_code_cell('sources = helpers.load("sources")\nsources.head(1)', execution_count=2, outputs=[
            v4.new_output("execute_result", data={"text/html": table, "text/plain": "table"},
                          execution_count=2)]),
        v4.new_code_cell('indicators = load("indicators")\nchart()', execution_count=3, outputs=[
            v4.new_output("display_data", data={"image/svg+xml": figure["image/svg+xml"], "text/plain": "fig"}),
            v4.new_output("display_data", data={"image/png": figure["image/png"], "text/plain": "fig"}),
        ]),
        v4.new_markdown_cell("## Summary\n\nDone."),
    ]
    path = folder / FIXTURE_NAME
    nbformat.write(v4.new_notebook(cells=cells), path)
    return path


def _finding_cell(item: Finding) -> nbformat.NotebookNode:
    """Return an executed code cell whose output declares ``item``, as a notebook run stores it."""
    markdown, metadata = item._repr_markdown_()
    cell = nbformat.v4.new_code_cell("helpers.finding(...)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/markdown": markdown, "text/plain": repr(item)},
                                           metadata={"text/markdown": metadata}, execution_count=1)]
    return cell


def _chart_cell(alt: str) -> nbformat.NotebookNode:
    """Return an executed code cell showing one SVG chart with ``alt`` as its label."""
    svg = _figure_outputs(alt, width=12)["image/svg+xml"]  # wider than a phone, so it must scale
    return nbformat.v4.new_code_cell("chart()", execution_count=1, outputs=[
        nbformat.v4.new_output("display_data", data={"image/svg+xml": svg, "text/plain": "fig"})])


def make_headline_notebook(folder: Path) -> Path:
    """Write a notebook with ranked headline findings, each pointing at a section (two with a chart)."""
    v4 = nbformat.v4
    long_url = "https://example.org/" + "a-very-long-path-segment-" * 8
    table = ("<table class='dataframe'><thead><tr><th>source</th><th>value</th></tr></thead>"
             f"<tbody><tr><td>{long_url}</td><td>2</td></tr></tbody></table>")
    cells = [
        v4.new_markdown_cell("# Headline fixture\n\nNumbers first.\n\n**Theme:** trade"),
        v4.new_markdown_cell("## Overview\n\nThe first section."),
        _chart_cell("Overview chart: exports doubled."),
        v4.new_markdown_cell("## Gap (2019): who records what?"),
        v4.new_code_cell("chart()", execution_count=1, outputs=[
            v4.new_output("execute_result", data={"text/html": table, "text/plain": "table"}, execution_count=1)]),
        _chart_cell("Gap chart: the gap peaked in 2019."),
        _chart_cell("A second chart in the same section, not the thumbnail."),
        v4.new_markdown_cell("## No chart here\n\nText only."),
        v4.new_markdown_cell("## Summary"),
        _finding_cell(helpers.finding("fx-gap", "The gap was US$587m in 2019.", "claims",
                                      headline="US$587m", rank=2, section="Gap (2019): who records what?")),
        _finding_cell(helpers.finding("fx-overview", "Exports doubled.", "claims",
                                      headline="2×", rank=1, section="Overview")),
        _finding_cell(helpers.finding("fx-plain", "A finding without a headline.", "claims")),
        _finding_cell(helpers.finding("fx-text", "Fourteen per cent of the total.", ["claims", "sources"],
                                      headline="14%", rank=3, section="No chart here")),
    ]
    path = folder / HEADLINE_NAME
    nbformat.write(v4.new_notebook(cells=cells), path)
    return path


def build_test_site(tmp: Path) -> tuple[Path, list[Path]]:
    """Build the site from the committed notebooks plus the fixture; return the folder and the notebooks."""
    (tmp / "nb").mkdir()
    notebooks = notebook_paths() + [make_fixture_notebook(tmp / "nb")]
    out = tmp / "site"
    build_site(out, notebooks=notebooks)
    return out, notebooks


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, list[Path]]:
    return build_test_site(tmp_path_factory.mktemp("site"))


def build_headline_site(tmp: Path) -> Path:
    """Build a site from the synthetic notebooks only (headline fixture, then the page fixture)."""
    (tmp / "nb").mkdir()
    notebooks = [make_headline_notebook(tmp / "nb"), make_fixture_notebook(tmp / "nb")]
    build_site(tmp / "site", notebooks=notebooks)
    return tmp / "site"


@pytest.fixture(scope="module")
def headline_site(tmp_path_factory) -> Path:
    return build_headline_site(tmp_path_factory.mktemp("headlines"))


class _Refs(HTMLParser):
    """Collect tag references (tag, attribute, value) and element ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value is not None:
                self.refs.append((tag, name, value))
            if name in {"id", "name"} and value:
                self.ids.add(value)


def _parse(page: Path) -> _Refs:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_parse_header_and_datasets():
    assert parse_header("# T\n\nOne line.\n\n**Theme:** people\n") == ("T", "One line.", "people")
    assert parse_header("no title") == ("", "no title", "")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'a = helpers.load("x")\nb = load( "y" )\nc = reload("z")\nd = helpers.load("x")')])
    assert datasets_used(nb) == ("x", "y")


def test_every_notebook_has_a_page(site):
    out, notebooks = site
    for nb in notebooks:
        page = out / f"{nb.stem}.html"
        assert page.exists(), f"no page for {nb.name}"
        text = page.read_text(encoding="utf-8")
        assert "<nav" in text and 'href="data.html"' in text and 'href="sources.html"' in text
        assert (out / "notebooks" / nb.name).exists()


def test_fixture_page_content(site):
    out, _ = site
    text = (out / FIXTURE_NAME.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    assert "data:image/svg+xml;base64," in text and "data:image/png;base64," in text  # figures embedded
    assert 'class="dataframe"' in text
    assert 'href="data/sources.csv"' in text and 'href="98_site_fixture.html#Overview"' in text
    assert "US$ 5 and $6" in text  # no MathJax mangling of dollar signs


def test_index_lists_every_notebook(site):
    out, notebooks = site
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = {value for _, attr, value in _parse(out / "index.html").refs if attr == "href"}
    assert {"data.html", "sources.html"} <= hrefs
    for nb in notebooks:
        assert f"{nb.stem}.html" in hrefs, f"index does not link {nb.name}"
    assert "A one-line summary of the fixture." in index
    assert "Site fixture" in index and ">trade<" in index
    fixture_page = (out / "98_site_fixture.html").read_text(encoding="utf-8")
    assert 'href="data.html#sources"' in fixture_page and 'href="data.html#indicators"' in fixture_page


def test_no_remote_resources(site):
    out, _ = site
    for page in sorted(out.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""\bsrc\s*=\s*["']?(https?:)?//""", text, re.I), f"{page.name}: remote src"
        assert "@import" not in text and "url(http" not in text, f"{page.name}: remote CSS"
        for tag, attr, value in _parse(page).refs:
            remote = value.startswith(("http:", "https:", "//"))
            if tag == "link" or (remote and attr == "href" and value.split("?")[0].endswith((".css", ".js"))):
                assert not remote, f"{page.name}: <{tag} {attr}={value}> loads a remote resource"
            if tag in {"script", "img", "iframe", "source", "video", "audio"}:
                assert not remote, f"{page.name}: <{tag} {attr}={value}> is remote"


def test_internal_links_resolve(site):
    out, _ = site
    pages = sorted(out.glob("*.html"))
    ids = {page.name: _parse(page).ids for page in pages}
    checked = 0
    for page in pages:
        for _, _, value in _parse(page).refs:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//"):
                continue  # external link (a source's page) or data: URI
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.name}: link {value!r} points to a missing file"
            if parts.fragment and target.suffix == ".html":
                found = {parts.fragment, unquote(parts.fragment)} & ids[target.name]  # browsers try both
                assert found, f"{page.name}: no anchor for {value!r}"
            checked += 1
    assert checked > 0


def test_data_catalogue_lists_every_dataset(site):
    out, _ = site
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    catalogue = _parse(out / "data.html")
    hrefs = {value for _, attr, value in catalogue.refs if attr == "href"}
    for resource in package["resources"]:
        assert resource["name"] in catalogue.ids, f"{resource['name']} missing from data.html"
        link = f"data/{resource['path']}"
        assert link in hrefs, f"no download link for {resource['name']}"
        assert (out / link).read_bytes() == (data_dir() / resource["path"]).read_bytes()


def test_sources_page_lists_every_source(site):
    out, _ = site
    page = _parse(out / "sources.html")
    sources = (data_dir() / "sources.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in sources:
        assert line.split(",")[0] in page.ids


class _Elements(HTMLParser):
    """Collect, in document order, every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _elements(page: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


def test_every_chart_image_carries_the_charts_label(site, headline_site):
    for out in (site[0], headline_site):
        fixture = _elements(out / "98_site_fixture.html")
        svg_images = [a for tag, a in fixture if tag == "img" and (a.get("src") or "").startswith("data:image/svg")]
        assert [a["alt"] for a in svg_images] == [FIXTURE_ALT]


def test_every_table_scrolls_in_its_own_box(site, headline_site):
    for page in [*sorted(site[0].glob("*.html")), *sorted(headline_site.glob("*.html"))]:
        tags = _elements(page)
        for position, (tag, _) in enumerate(tags):
            if tag == "table":
                before = tags[position - 1]
                assert before[0] == "div" and before[1].get("class") == "table-wrap", f"{page.name}: bare table"


def test_notebook_pages_have_contents_neighbours_and_a_date(headline_site):
    first = (headline_site / "96_headline_fixture.html").read_text(encoding="utf-8")
    second = (headline_site / "98_site_fixture.html").read_text(encoding="utf-8")
    contents = re.search(r'<nav class="toc".*?</nav>', first, re.S).group(0)
    assert re.findall(r'href="#([^"]+)"', contents) == [
        "Overview", "Gap-(2019):-who-records-what?", "No-chart-here", "Summary"]
    assert 'rel="next" href="98_site_fixture.html"' in first and 'rel="prev"' not in first
    assert 'rel="prev" href="96_headline_fixture.html"' in second and 'rel="next"' not in second
    for text in (first, second):
        assert re.search(r'Last updated <time datetime="\d{4}-\d{2}-\d{2}">', text)


def test_the_site_is_the_same_when_rebuilt(headline_site, tmp_path):
    again = tmp_path / "again"
    build_site(again, notebooks=sorted((headline_site.parent / "nb").glob("*.ipynb")))
    pages = sorted(p.name for p in headline_site.glob("*.html"))
    assert pages == sorted(p.name for p in again.glob("*.html"))
    for name in pages:  # no clock in the pages: the date is the commit's
        assert (again / name).read_bytes() == (headline_site / name).read_bytes(), name


def test_home_page_leads_with_ranked_headlines(headline_site):
    index = (headline_site / "index.html").read_text(encoding="utf-8")
    tags = _elements(headline_site / "index.html")
    cards = [a["id"] for tag, a in tags if tag == "li" and (a.get("id") or "").startswith("headline-")]
    assert cards == ["headline-fx-overview", "headline-fx-gap", "headline-fx-text"]  # by rank; no headline, no card
    for number in ("2×", "US$587m", "14%"):
        assert f'<p class="number">{escape(number)}</p>' in index
    thumbs = {a["src"]: a["alt"] for tag, a in tags if tag == "img"}
    assert thumbs == {"charts/fx-overview.svg": "Overview chart: exports doubled.",
                      "charts/fx-gap.svg": "Gap chart: the gap peaked in 2019."}  # each section's first chart
    for src, alt in thumbs.items():
        assert escape(alt) in (headline_site / src).read_text(encoding="utf-8")
    assert 'href="96_headline_fixture.html#Gap-(2019):-who-records-what?"' in index
    findings = (headline_site / "findings.html").read_text(encoding="utf-8")
    # A card shows the first lines of its finding; the whole of it is one link away.
    for key in ("fx-overview", "fx-gap", "fx-text"):
        assert f'<a href="findings.html#{key}">The whole finding</a>' in index
        assert f'<li id="{key}">' in findings
    headlines, notebooks, cite = (index.index(marker) for marker in ('id="headlines"', 'id="notebooks"',
                                                                      'id="how-to-cite"'))
    assert headlines < notebooks < cite
    assert re.search(r'<details[^>]*id="how-to-cite"', index)  # folded, not half the page


def test_home_page_shows_at_most_the_top_headlines():
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    findings = [Finding(f"k{rank}", f"Finding {rank}.", ("claims",), "01_x", "Summary", headline=f"{rank}%", rank=rank)
                for rank in range(HOME_HEADLINES + 2, 0, -1)]
    body = index_body([], package, 0, findings)
    shown = re.findall(r'<li id="headline-(k\d+)"', body)
    assert shown == [f"k{rank}" for rank in range(1, HOME_HEADLINES + 1)]
    assert 'id="headlines"' not in index_body([], package, 0, [Finding("k", "No headline.", ("claims",))])


def test_findings_page_is_ranked_and_names_datasets_by_title(headline_site):
    text = (headline_site / "findings.html").read_text(encoding="utf-8")
    order = re.findall(r'<li id="(fx-[a-z]+)"', text)
    assert order == ["fx-overview", "fx-gap", "fx-text", "fx-plain"]  # ranked first, then notebook order
    assert "<code>claims</code>" not in text and "Claims ledger of the seed articles" in text


def test_a_headline_must_name_a_section_of_its_notebook(tmp_path):
    path = make_headline_notebook(tmp_path)
    item = Finding("fx-bad", "T.", ("claims",), path.stem, "Summary", headline="1", rank=1,
                   evidence_section="Gap 2019")
    with pytest.raises(ValueError, match="Gap 2019"):
        write_thumbnails([item], {path.stem: nbformat.read(path, as_version=4)}, tmp_path)


def test_data_catalogue_is_one_short_card_per_dataset(site):
    out, _ = site
    text = (out / "data.html").read_text(encoding="utf-8")
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        card = re.search(rf'<article class="card" id="{resource["name"]}">(.*?)</article>', text, re.S).group(1)
        shown, folded = card.split("<details>", 1)
        assert "<table" not in shown and "<table" in folded, f"{resource['name']}: schema not folded"
        rows = len((data_dir() / resource["path"]).read_text(encoding="utf-8").splitlines()) - 1
        assert f"<dt>Rows</dt><dd>{rows:,}</dd>" in shown
        assert "Cite as:" in shown and f'href="data/{resource["path"]}" download' in shown
    trade = re.search(r'id="trade_dots">.*?</article>', text, re.S).group(0)
    assert "<dt>Period covered</dt><dd>1960–" in trade


def test_home_page_speaks_to_readers(headline_site):
    index = (headline_site / "index.html").read_text(encoding="utf-8").lower()
    for phrase in ("session", "search tool", "research note", "helpers.", "committed", "executed"):
        assert phrase not in index, phrase


def test_stylesheet_falls_back_to_a_japanese_font(site):
    text = (site[0] / "index.html").read_text(encoding="utf-8")
    assert '"Noto Sans CJK JP"' in text and "Noto Sans JP" in text


def test_verdicts_download_holds_every_claim_and_is_linked(site):
    out, _ = site
    verdicts = out / "data" / "verdicts.csv"
    with verdicts.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (data_dir() / "claims.csv").open(encoding="utf-8", newline="") as handle:
        claim_ids = [row["claim_id"] for row in csv.DictReader(handle)]
    assert [row["claim_id"] for row in rows] == claim_ids
    assert {row["verdict"] for row in rows} <= set(helpers.VERDICT_LABELS)
    catalogue = (out / "data.html").read_text(encoding="utf-8")
    card = re.search(r'<article class="card" id="verdicts">.*?</article>', catalogue, re.S).group(0)
    assert 'href="data/verdicts.csv" download' in card and f"<dt>Rows</dt><dd>{len(rows):,}</dd>" in card
    assert 'href="data/verdicts.csv"' in (out / "index.html").read_text(encoding="utf-8")
