"""The rendered site: a page per notebook, a landing page, a data catalogue, a source list, offline.

The site is built once into a temporary folder from the committed notebooks plus one small
executed notebook made here (so the checks bite even before the collection has notebooks), with
a chart as SVG and PNG, a table and links written for the repository layout.
"""

from __future__ import annotations

import base64
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from helpers.notebooks import notebook_paths
from helpers.paths import data_dir
from helpers.site import build_site, datasets_used, parse_header

FIXTURE_NAME = "98_site_fixture.ipynb"


def _figure_outputs() -> dict[str, str]:
    """Return one small matplotlib chart as SVG text and base64 PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["2022", "2023"], [1, 2])
    svg, png = io.StringIO(), io.BytesIO()
    fig.savefig(svg, format="svg")
    fig.savefig(png, format="png", dpi=50)
    plt.close(fig)
    return {"image/svg+xml": svg.getvalue(), "image/png": base64.b64encode(png.getvalue()).decode()}


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
    assert 'href="data.html#sources"' in index and 'href="data.html#indicators"' in index


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
