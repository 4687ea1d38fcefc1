"""Render the executed notebooks and the data package as a static website that works offline.

``build_site()`` turns every committed notebook (never re-executed) into one HTML page with
nbconvert's ``basic`` template, which emits the cells only: no require.js, no MathJax, no CDN.
Each page is then wrapped in one shell: a navigation bar that fits a phone, the page's contents,
links to the previous and next notebook, the date it last changed, and one small inline
stylesheet (:mod:`helpers.site_css`). The home page leads with the collection's headline
numbers, each with its chart and a link to the section that proves it; beside it are the ranked
findings, a data catalogue (one card per dataset, with a copy of every CSV to download) and the
source list. New notebooks, and the findings they declare, appear by themselves: the list comes
from :func:`helpers.notebooks.notebook_paths`.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from helpers.citations import CITATION_FILE, cite_collection, cite_resource, dataset_publishers
from helpers.factcheck import write_verdicts_csv
from helpers.findings import Finding, code_cells_by_section, collect_findings, section_headings_in
from helpers.notebooks import notebook_paths
from helpers.paths import REPO_ROOT, SITE_DIR, data_dir
from helpers.site_css import CSS

__all__ = [
    "NotebookInfo",
    "build_site",
    "datasets_used",
    "findings_body",
    "last_updated",
    "notebook_info",
    "parse_header",
    "proving_section",
    "ranked",
    "section_anchor",
    "section_charts",
    "section_headings",
    "svg_alt",
]

# Licence and citation files offered for download beside the pages.
ROOT_FILES = ("CITATION.cff", "LICENSE", "LICENSE-CONTENT.md")
CC_BY = "https://creativecommons.org/licenses/by/4.0/"

COLLECTION = "Cambodia–Japan Relations Notebooks"
# Every fact-checked claim with its verdict, written beside the datasets for download.
VERDICTS_FILE = "data/verdicts.csv"
# The home page shows at most this many headline numbers, the highest ranked first.
HOME_HEADLINES = 7
# Finding lines name this many publishers, then count the rest.
PUBLISHERS_SHOWN = 6

_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_THEME = re.compile(r"\*\*Theme:\*\*\s*([A-Za-z-]+)")
_REFERENCES_CALL = re.compile(r"references\(\s*\[([^\]]*)\]")
_QUOTED_NAME = re.compile(r"[\"']([A-Za-z0-9_]+)[\"']")
_LOAD_CALL = re.compile(r"(?<![\w.])(?:helpers\.)?load\(\s*[\"']([A-Za-z0-9_]+)[\"']")
# Links written for the repository layout, rewritten for the site's flat layout.
_NOTEBOOK_LINK = re.compile(r'href="(?:\.\./notebooks/|\./|notebooks/)?(\d{2}_[a-z0-9_]+)\.ipynb')
_DATA_LINK = re.compile(r'href="(?:\.\./)?data/')
# Every table goes in a box of its own that scrolls sideways, so no table widens the page.
_TABLE_OPEN = re.compile(r"<table\b")
_TABLE_CLOSE = re.compile(r"</table>")
# The text a chart gives screen readers: its root element's aria-label, else its first <title>.
_SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
_ARIA_LABEL = re.compile(r'\baria-label\s*=\s*"([^"]*)"|\baria-label\s*=\s*\'([^\']*)\'')
_SVG_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# The year at the start of a date or period value: "2019", "2019-03-31", "2019-03".
_LEADING_YEAR = re.compile(r"^\s*(\d{4})(?!\d)")
# Columns that date what a row describes (not when it was published or read).
_PERIOD_FIELDS = ("year", "period_start", "period_end", "date", "end_date", "as_of",
                  "agreement_date", "completion_date")

# nbconvert template: the basic cell markup, code folded under a summary line, and each SVG
# chart as an image whose alt text is the chart's own label.
_CELL_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block input %}
<details class="code"><summary>Show code</summary>
{{ super() }}
</details>
{%- endblock input %}
{% block data_svg scoped -%}
<div class="output_svg output_subarea {{ extra_class }}">
<img src="data:image/svg+xml;base64,{{ output.data['image/svg+xml'] | text_base64 | escape_html }}" \
alt="{{ output.data['image/svg+xml'] | svg_alt | escape_html }}">
</div>
{%- endblock data_svg %}
"""

@dataclass(frozen=True)
class NotebookInfo:
    """What the site shows about one notebook besides its rendered cells."""

    source: Path
    page: str
    title: str
    summary: str
    theme: str
    datasets: tuple[str, ...]


def parse_header(markdown: str) -> tuple[str, str, str]:
    """Return ``(title, summary, theme)`` from a notebook's first Markdown cell.

    Parameters
    ----------
    markdown : str
        Cell source: a ``# Title`` line, a one-line summary, a ``**Theme:** x`` line.

    Returns
    -------
    tuple of str
        Missing parts are empty strings.

    Examples
    --------
    >>> parse_header("# Trade\\n\\nHow much?\\n\\n**Theme:** trade")
    ('Trade', 'How much?', 'trade')
    """
    title_match = _TITLE.search(markdown)
    theme_match = _THEME.search(markdown)
    after_title = markdown[title_match.end() :] if title_match else markdown
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", after_title) if p.strip()]
    summary = next((p for p in paragraphs if not _THEME.search(p) and not p.startswith("#")), "")
    return (
        title_match.group(1) if title_match else "",
        " ".join(summary.split()),
        theme_match.group(1).lower() if theme_match else "",
    )


def datasets_used(nb: nbformat.NotebookNode) -> tuple[str, ...]:
    """Return the datasets a notebook draws on, in order of first mention.

    Those it loads (``helpers.load("x")``) and those its References cell cites
    (``helpers.references(["x", ...])``), which also covers data loaded inside a helper.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('df = helpers.load("trade")'),
    ...                                      nbformat.v4.new_code_cell('helpers.references(["trade", "claims"])')])
    >>> datasets_used(nb)
    ('trade', 'claims')
    """
    names: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        found = _LOAD_CALL.findall(cell.source)
        for cited in _REFERENCES_CALL.findall(cell.source):
            found += _QUOTED_NAME.findall(cited)
        for name in found:
            if name not in names:
                names.append(name)
    return tuple(names)


def notebook_info(path: Path, nb: nbformat.NotebookNode) -> NotebookInfo:
    """Return the title, summary, theme and datasets of one notebook; its page is ``<stem>.html``."""
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    title, summary, theme = parse_header(first)
    return NotebookInfo(path, f"{path.stem}.html", title or path.stem, summary, theme, datasets_used(nb))


def svg_alt(svg: str) -> str:
    """Return the text an SVG chart gives screen readers: its ``aria-label``, else its ``<title>``.

    Examples
    --------
    >>> svg_alt('<svg role="img" aria-label="Exports rose &amp; fell."><title>T</title></svg>')
    'Exports rose & fell.'
    >>> svg_alt('<?xml version="1.0"?><svg><title>Exports</title></svg>')
    'Exports'
    >>> svg_alt("<svg><g/></svg>")
    ''
    """
    root = _SVG_ROOT.search(svg)
    label = _ARIA_LABEL.search(root.group(0)) if root else None
    if label:
        text = label.group(1) if label.group(1) is not None else label.group(2)
    else:
        title = _SVG_TITLE.search(svg)
        text = re.sub(r"<[^>]+>", "", title.group(1)) if title else ""
    return " ".join(html.unescape(text).split())


def section_headings(nb: nbformat.NotebookNode) -> list[str]:
    """Return the text of a notebook's ``##`` headings, in order.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T\\n\\n## One\\n\\n### Sub\\n## Two")])
    >>> section_headings(nb)
    ['One', 'Two']
    """
    return [heading for cell in nb.cells if cell.cell_type == "markdown" for heading in section_headings_in(cell)]


def section_charts(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Return the first SVG chart under each ``##`` heading of a notebook, keyed by the heading.

    A section runs from its heading to the next ``##`` heading; sections without a chart are
    left out.

    Examples
    --------
    >>> v4 = nbformat.v4
    >>> chart = v4.new_output("display_data", data={"image/svg+xml": "<svg/>"})
    >>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("## A"), v4.new_markdown_cell("## B"),
    ...                             v4.new_code_cell("plot()", outputs=[chart])])
    >>> section_charts(nb)
    {'B': '<svg/>'}
    """
    charts: dict[str, str] = {}
    for section, cell in code_cells_by_section(nb):
        for output in cell.get("outputs", []):
            svg = output.get("data", {}).get("image/svg+xml")
            if svg and section and section not in charts:
                charts[section] = svg if isinstance(svg, str) else "".join(svg)
    return charts


def last_updated(path: Path | None = None) -> str:
    """Return the date (YYYY-MM-DD) of the last commit that changed ``path``, else of ``HEAD``.

    The date comes from git, not the clock, so rebuilding the same commit gives the same pages.
    A file git has no commit for (new, or outside the repository) takes ``HEAD``'s date; outside
    a git checkout the result is empty and the pages carry no date.
    """

    def commit_date(*args: str) -> str:
        try:
            done = subprocess.run(["git", "log", "-1", "--format=%cs", *args], cwd=REPO_ROOT,
                                  capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    return (commit_date("--", str(path)) if path is not None else "") or commit_date()


def _exporter():
    """Return an HTML exporter emitting cell markup only, with figures embedded and no scripts."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        extra_loaders=[DictLoader({"cj_cells.html.j2": _CELL_TEMPLATE})],
        template_file="cj_cells.html.j2",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        filters={"svg_alt": svg_alt},
    )


def wrap_tables(body: str) -> str:
    """Return HTML with every table inside a ``div.table-wrap`` box that scrolls sideways.

    Examples
    --------
    >>> print(wrap_tables("<p>x</p><table><tr><td>1</td></tr></table>"))
    <p>x</p><div class="table-wrap"><table><tr><td>1</td></tr></table></div>
    """
    return _TABLE_CLOSE.sub("</table></div>", _TABLE_OPEN.sub('<div class="table-wrap"><table', body))


def render_cells(nb: nbformat.NotebookNode, exporter: Any) -> str:
    """Return the HTML of a notebook's cells, with repository-relative links fixed for the site."""
    body, _ = exporter.from_notebook_node(nb)
    body = _NOTEBOOK_LINK.sub(r'href="\1.html', body)
    return _DATA_LINK.sub('href="data/', body)


def _e(text: object) -> str:
    """Escape any value for HTML text or attributes; ``None`` becomes empty."""
    return "" if text is None else html.escape(str(text))


def _label(info: NotebookInfo) -> str:
    """Return a notebook's number and title, as menus and links show it."""
    return f"{info.source.stem[:2]} {info.title}"


def nav_bar(notebooks: Sequence[NotebookInfo], current: str) -> str:
    """Return the navigation bar shared by every page, marking the ``current`` page.

    The site's pages are a wrapping row of links; the notebooks are a menu that opens without
    script (``<details>``), so the bar fits a phone whatever the titles' length.

    Parameters
    ----------
    notebooks : sequence of NotebookInfo
        Listed in reading order in the menu.
    current : str
        File name of the page being written, e.g. ``"index.html"``.
    """

    def link(href: str, text: str) -> str:
        mark = ' aria-current="page"' if href == current else ""
        return f'<a href="{href}"{mark}>{_e(text)}</a>'

    pages = [("index.html", "Home"), ("findings.html", "Findings"), ("data.html", "Data"),
             ("sources.html", "Sources")]
    items = "".join(f"<li>{link(href, text)}</li>" for href, text in pages)
    menu = "".join(f"<li>{link(info.page, _label(info))}</li>" for info in notebooks)
    return (
        f'<nav class="site" aria-label="Site"><a class="brand" href="index.html">{_e(COLLECTION)}</a>'
        f"<ul>{items}</ul>"
        f'<details class="notebooks"><summary>Notebooks ({len(notebooks)})</summary><ol>{menu}</ol></details>'
        "</nav>"
    )


def page(title: str, body: str, nav: str, updated: str = "") -> str:
    """Return a complete HTML document: navigation, content and the inline stylesheet.

    Parameters
    ----------
    title : str
        Shown in the browser tab, before the collection's name.
    body : str
        HTML of the content; each of its tables is put in a box that scrolls sideways.
    nav : str
        The navigation bar from :func:`nav_bar`.
    updated : str, optional
        Date the content last changed (:func:`last_updated`), shown in the footer.
    """
    date = f' Last updated <time datetime="{_e(updated)}">{_e(updated)}</time>.' if updated else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} · {_e(COLLECTION)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{nav}\n<main>\n{wrap_tables(body)}\n<footer>{_e(COLLECTION)}. "
        'Every figure names <a href="sources.html">its source</a>. '
        f'Text and data: <a href="index.html#licences">CC BY 4.0</a>; code: MIT.{date}'
        "</footer>\n</main>\n</body>\n</html>\n"
    )


def _count(n: int, noun: str) -> str:
    """Return ``"1 notebook"`` or ``"3 notebooks"``.

    Examples
    --------
    >>> _count(2, "source")
    '2 sources'
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _dataset_links(names: Iterable[str], titles: dict[str, str]) -> str:
    """Return links to datasets in the catalogue, each named by its title, or a dash."""
    links = [f'<a href="data.html#{_e(n)}">{_e(titles.get(n, n))}</a>' for n in names]
    return "; ".join(links) or "—"


def contents(headings: Sequence[str]) -> str:
    """Return a page's contents: one link per ``##`` heading (empty for a page without any)."""
    items = "".join(
        f'<li><a href="#{_e(section_anchor(h))}">{_e(h)}</a></li>' for h in headings if section_anchor(h)
    )
    if not items:
        return ""
    return (f'<nav class="toc" aria-label="On this page"><details open><summary>On this page</summary>'
            f"<ul>{items}</ul></details></nav>\n")


def pager(notebooks: Sequence[NotebookInfo], position: int) -> str:
    """Return the links to the notebooks before and after the one at ``position``."""
    links = []
    if position > 0:
        before = notebooks[position - 1]
        links.append(f'<a class="prev" rel="prev" href="{_e(before.page)}"><span>← Previous</span>'
                     f"{_e(_label(before))}</a>")
    if position + 1 < len(notebooks):
        after = notebooks[position + 1]
        links.append(f'<a class="next" rel="next" href="{_e(after.page)}"><span>Next →</span>'
                     f"{_e(_label(after))}</a>")
    return f'<nav class="pager" aria-label="Notebooks">{"".join(links)}</nav>\n' if links else ""


def notebook_body(info: NotebookInfo, header: str, cells: str, headings: Sequence[str],
                  titles: dict[str, str], neighbours: str, updated: str = "") -> str:
    """Return a notebook page's content: title cell, date and download, data, contents, cells, pager."""
    date = f"Last updated {_e(updated)} · " if updated else ""
    meta = f'<p class="meta">{date}<a href="notebooks/{_e(info.source.name)}" download>Download the notebook</a></p>\n'
    data = (f'<details class="meta"><summary>The data behind this page ({_count(len(info.datasets), "dataset")})'
            f"</summary><p>{_dataset_links(info.datasets, titles)}</p></details>\n" if info.datasets else "")
    return header + meta + data + contents(headings) + cells + neighbours


def _code_spans(text: str) -> str:
    """Return text escaped for HTML, with Markdown `code` spans as ``<code>``.

    Examples
    --------
    >>> _code_spans("dataset `x` & y")
    'dataset <code>x</code> &amp; y'
    """
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


def how_to_cite(package: dict[str, Any], collection: str, downloads: Iterable[str]) -> str:
    """Return the home page's closing sections: how to cite (folded) and the licences.

    Parameters
    ----------
    package : dict
        The data package: one citation line per resource (as :func:`helpers.cite` gives it).
    collection : str
        The collection's citation (from ``CITATION.cff``), or empty to leave it out.
    downloads : iterable of str
        The licence and citation files copied into the site, linked where they are mentioned.
    """
    offered = set(downloads)

    def file_link(name: str) -> str:
        return f'<a href="{_e(name)}">{_e(name)}</a>' if name in offered else f"<code>{_e(name)}</code>"

    rows = "".join(
        f'<tr><td><a href="data.html#{_e(r["name"])}">{_e(r.get("title", r["name"]))}</a></td>'
        f"<td>{_code_spans(cite_resource(r))}</td></tr>"
        for r in sorted(package["resources"], key=lambda r: r.get("title", r["name"]))
    )
    whole = (
        f'<p>The collection as a whole (from {file_link("CITATION.cff")}):</p>\n'
        f'<blockquote class="cite">{_e(collection)}</blockquote>\n' if collection else ""
    )
    return (
        '<details class="fold" id="how-to-cite"><summary>How to cite</summary>\n'
        f"{whole}"
        "<p>A single dataset: cite it with its line below (each dataset's card in the "
        '<a href="data.html">data catalogue</a> repeats it), and the sources its rows name where '
        "you use their figures.</p>\n"
        "<table><thead><tr><th>Dataset</th><th>Citation</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n</details>\n"
        '<h2 id="licences">Licences</h2>\n<ul>'
        f"<li><strong>Written analysis and curated data</strong> (the notebooks' text, tables and charts; "
        f"the CSV files and their descriptions): "
        f'<a href="{CC_BY}">Creative Commons Attribution 4.0 International (CC BY 4.0)</a>. You may '
        "share and adapt them for any purpose, including commercially, if you credit the collection, "
        f"link to the licence and say what you changed ({file_link('LICENSE-CONTENT.md')}).</li>"
        f"<li><strong>Code</strong>: MIT licence ({file_link('LICENSE')}).</li>"
        '<li><strong>Third-party sources</strong> keep their own terms, listed for each source in the '
        '"Terms" column of the <a href="sources.html">source list</a>. The five news articles the '
        "fact-check examines are quoted for analysis and commentary and are not relicensed.</li>"
        "</ul>\n"
    )


def ranked(findings: Sequence[Finding]) -> list[Finding]:
    """Return findings by importance: ranked ones by ``rank``, then the rest in notebook order.

    The sort is stable, so findings of equal rank keep the order of the notebooks.

    Examples
    --------
    >>> from helpers.findings import Finding
    >>> items = [Finding("a", "A.", ("claims",)), Finding("b", "B.", ("claims",), rank=2),
    ...          Finding("c", "C.", ("claims",), rank=1)]
    >>> [f.key for f in ranked(items)]
    ['c', 'b', 'a']
    """
    return sorted(findings, key=lambda f: (f.rank is None, f.rank or 0))


def proving_section(item: Finding) -> str:
    """Return the heading of the section that proves a finding: the one it names, else its own.

    Examples
    --------
    >>> from helpers.findings import Finding
    >>> proving_section(Finding("k", "T.", ("claims",), "01_trade", "Summary", evidence_section="Balance"))
    'Balance'
    >>> proving_section(Finding("k", "T.", ("claims",), "01_trade", "Summary"))
    'Summary'
    """
    return item.evidence_section or item.section


def _evidence_link(item: Finding, notebooks: dict[str, NotebookInfo]) -> tuple[str, str]:
    """Return the link target and label of the notebook section a finding rests on."""
    info = notebooks.get(item.notebook)
    page_name = info.page if info else f"{item.notebook}.html"
    label = _label(info) if info else item.notebook
    section = proving_section(item)
    anchor = section_anchor(section)
    return page_name + (f"#{anchor}" if anchor else ""), label + (f" › {section}" if section else "")


def thumbnail_name(key: str) -> str:
    """Return the file (under the site's ``charts/``) of a headline finding's chart.

    Examples
    --------
    >>> thumbnail_name("trade gap/2019")
    'charts/trade-gap-2019.svg'
    """
    return f"charts/{re.sub(r'[^A-Za-z0-9_-]+', '-', key).strip('-')}.svg"


def headlines_section(findings: Sequence[Finding], notebooks: Sequence[NotebookInfo],
                      thumbnails: dict[str, tuple[str, str]]) -> str:
    """Return the home page's headline numbers: one card per headline finding, highest rank first.

    Parameters
    ----------
    findings : sequence of Finding
        All findings; those without a headline are left out, and at most ``HOME_HEADLINES`` shown.
    thumbnails : dict
        Finding key to ``(file, alt text)`` of its section's first chart (:func:`write_thumbnails`);
        a finding whose section has no chart gets a card without one.
    """
    by_stem = {i.source.stem: i for i in notebooks}
    cards = []
    for item in ranked([f for f in findings if f.headline])[:HOME_HEADLINES]:
        target, label = _evidence_link(item, by_stem)
        thumb = thumbnails.get(item.key)
        chart = (f'<a class="thumb" href="{_e(target)}"><img src="{_e(thumb[0])}" alt="{_e(thumb[1])}">'
                 "</a>" if thumb else "")
        cards.append(
            f'<li id="headline-{_e(item.key)}"><p class="number">{_e(item.headline)}</p>'
            f'<p class="finding">{_e(item.text)}</p>{chart}'
            f'<p class="more"><a href="findings.html#{_e(item.key)}">The whole finding</a> · '
            f'<a href="{_e(target)}" title="{_e(label)}">Evidence: {_e(proving_section(item) or label)} →</a></p></li>'
        )
    if not cards:
        return ""
    return f'<h2 id="headlines">The numbers that matter</h2>\n<ul class="headlines">{"".join(cards)}</ul>\n'


def index_body(
    notebooks: Sequence[NotebookInfo],
    package: dict[str, Any],
    n_sources: int,
    findings: Sequence[Finding] = (),
    citation: str = "",
    thumbnails: dict[str, tuple[str, str]] | None = None,
) -> str:
    """Return the home page: headline numbers with their charts, the notebooks, then how to cite.

    Parameters
    ----------
    findings : sequence of Finding, optional
        The collection's findings; those with a headline lead the page.
    citation : str, optional
        The folded "How to cite" and the licences, from :func:`how_to_cite`.
    thumbnails : dict, optional
        Finding key to ``(file, alt text)`` of its section's first chart.
    """
    cards = "".join(
        f'<li><h3><a href="{_e(i.page)}">{_e(_label(i))}</a></h3><p>{_e(i.summary)}</p>'
        f'<p class="meta"><span class="tag">{_e(i.theme or "—")}</span> '
        f"{_count(len(i.datasets), 'dataset')}</p></li>"
        for i in notebooks
    )
    return (
        f"<h1>{_e(COLLECTION)}</h1>\n"
        '<p class="lead">How Cambodia and Japan trade, move between the two countries, give and '
        "receive development assistance and conduct their diplomacy, and how well figures quoted "
        "in the press hold up against official statistics.</p>\n"
        f"{headlines_section(findings, notebooks, thumbnails or {})}"
        f'<p>All <a href="findings.html">{_count(len(findings), "finding")}, ranked</a>, each with '
        "the section that proves it and the sources behind it.</p>\n"
        f'<h2 id="notebooks">Notebooks</h2>\n<ul class="cards">{cards}</ul>\n'
        '<h2 id="about">About the data</h2>\n'
        f"<p>{_count(len(notebooks), 'notebook')} built on "
        f"{_count(len(package['resources']), 'dataset')} (the "
        f'<a href="data.html">data catalogue</a>, each file free to download) and '
        f'{_count(n_sources, "cited source")} (<a href="sources.html">list of sources</a>). Every '
        "number names its source; unknown values are left empty, estimates are marked, and where "
        "sources disagree both figures are kept. The fact-check's verdict on every claim of the "
        f'articles is a download of its own: <a href="{VERDICTS_FILE}" download>verdicts.csv</a>.</p>\n'
        f"{citation}"
    )


def section_anchor(heading: str) -> str:
    """Return the id nbconvert gives a ``##`` heading on a rendered page ("" if it gives none).

    The heading is rendered by nbconvert's own Markdown renderer, so inline markup, punctuation
    and non-ASCII characters come out exactly as on the notebook's page.

    Examples
    --------
    >>> section_anchor("What the articles quantify")
    'What-the-articles-quantify'
    >>> section_anchor("Cambodia–Japan: trade")
    'Cambodia%E2%80%93Japan:-trade'
    """
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    if not heading.strip():
        return ""
    match = re.search(r'<h2 id="([^"]*)"', markdown2html_mistune(f"## {heading}"))
    return html.unescape(match.group(1)) if match else ""


def findings_body(
    findings: Sequence[Finding],
    notebooks: Sequence[NotebookInfo],
    package: dict[str, Any],
    folder: Path,
) -> str:
    """Return the findings page: every finding, most important first, anchored by its key.

    Each entry gives the headline number (if any), the sentence, a link to the notebook section
    that proves it, the datasets by title and the publishers of the sources behind their rows.
    """
    by_stem = {i.source.stem: i for i in notebooks}
    titles = {r["name"]: r.get("title", r["name"]) for r in package["resources"]}
    items = []
    for item in ranked(findings):
        target, label = _evidence_link(item, by_stem)
        publishers = dataset_publishers(item.datasets, folder)
        shown = [f'<a href="sources.html#{_e(sid)}">{_e(name)}</a>' for name, sid in publishers[:PUBLISHERS_SHOWN]]
        more = (f"; and {len(publishers) - PUBLISHERS_SHOWN} more (see the data)"
                if len(publishers) > PUBLISHERS_SHOWN else "")
        number = f'<span class="number">{_e(item.headline)}</span> ' if item.headline else ""
        items.append(
            f'<li id="{_e(item.key)}"><p>{number}{_e(item.text)}</p>'
            f'<p class="meta">Evidence: <a href="{_e(target)}">{_e(label)}</a></p>'
            '<details class="meta"><summary>Data and sources</summary>'
            f"<p>Data: {_dataset_links(item.datasets, titles)}</p>"
            f'<p>Sources: {"; ".join(shown) or "—"}{more}</p></details></li>'
        )
    listing = f'<ol class="findings">{"".join(items)}</ol>\n' if items else "<p>No notebook states a finding yet.</p>\n"
    return (
        "<h1>Findings</h1>\n"
        f"<p>The {_count(len(findings), 'finding')} of the notebooks, the most important first. "
        "Each number is computed from the data in the notebook that states it; follow the "
        "evidence link to the section that shows how, and the data and source links to where the "
        "figures come from.</p>\n"
        f"{listing}"
    )


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV file as dictionaries, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def period_covered(rows: Iterable[dict[str, str]]) -> str:
    """Return the years a dataset's rows describe, ``"1960–2020"`` (empty when it has no dates).

    The years come from the columns that date what a row is about (year, period start and end,
    event, agreement and completion dates), not from when a source was published or read.

    Examples
    --------
    >>> period_covered([{"year": "2019"}, {"period_start": "2009-01-01", "period_end": "2021-03"}])
    '2009–2021'
    >>> period_covered([{"date": "1953-01-09"}])
    '1953'
    >>> period_covered([{"accessed": "2026-11-24"}])
    ''
    """
    years = {
        int(match.group(1))
        for row in rows
        for name in _PERIOD_FIELDS
        if (match := _LEADING_YEAR.match(row.get(name) or ""))
    }
    if not years:
        return ""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def first_sentence(text: str, limit: int = 200) -> str:
    """Return the first sentence of a description, cut at a word with "…" when over ``limit`` characters.

    Examples
    --------
    >>> first_sentence("Annual trade, e.g. exports. Values in US$. More.")
    'Annual trade, e.g. exports.'
    >>> first_sentence("One line")
    'One line'
    >>> first_sentence("Trade figures for many years and many partners.", limit=20)
    'Trade figures for…'
    """
    flat = " ".join(text.split())
    match = re.search(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bc)(?<!\bNo)[.!?](?=\s+[A-Z(\"'])", flat)
    sentence = flat[: match.end()] if match else flat
    if len(sentence) <= limit:
        return sentence
    return sentence[: sentence.rfind(" ", 0, limit)].rstrip(",;:( ") + "…"


def _constraints(field: dict[str, Any]) -> str:
    """Return a field's constraints as short text: required, minimum, enum values, pattern."""
    rules = field.get("constraints", {})
    parts = ["required"] if rules.get("required") else []
    parts += [f"{k} {rules[k]}" for k in ("minimum", "maximum") if k in rules]
    if "enum" in rules:
        parts.append("one of " + ", ".join(map(str, rules["enum"])))
    if "pattern" in rules:
        parts.append(f"pattern <code>{_e(rules['pattern'])}</code>")
    return "; ".join(p if p.startswith("pattern") else _e(p) for p in parts)


def _fields_table(schema: dict[str, Any]) -> str:
    """Return the HTML table of a Table Schema's fields: name, type, unit, description, rules."""
    rows = "".join(
        f"<tr><td><code>{_e(f['name'])}</code></td><td>{_e(f.get('type', 'string'))}</td>"
        f"<td>{_e(f.get('unit', ''))}</td><td>{_e(f.get('description', ''))}</td>"
        f"<td>{_constraints(f)}</td></tr>"
        for f in schema.get("fields", [])
    )
    keys = ", ".join(schema.get("primaryKey", [])) if isinstance(schema.get("primaryKey"), list) else ""
    head = "<tr><th>Column</th><th>Type</th><th>Unit</th><th>Meaning</th><th>Rules</th></tr>"
    note = f'<p class="meta">Each row is identified by: <code>{_e(keys)}</code></p>' if keys else ""
    return f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>{note}"


def _descriptor_source(source: dict[str, str]) -> str:
    """Return a descriptor source: linked when its path is a URL, else its title."""
    title, path = source.get("title", ""), source.get("path", "")
    if path.startswith(("http://", "https://")):
        return f'<a href="{_e(path)}">{_e(title or path)}</a>'
    return _e(title or path)


def _size(path: Path) -> str:
    """Return a file's size for a download link: ``"12 kB"``, at least 1 kB."""
    return f"{max(round(path.stat().st_size / 1024), 1):,} kB"


def dataset_card(resource: dict[str, Any], folder: Path, used_by: Sequence[NotebookInfo],
                 publishers: Sequence[tuple[str, str]]) -> str:
    """Return one dataset's card in the catalogue.

    In view: title, a one-line description, rows, period covered, the notebooks using it, the
    download and the citation. Folded: the full description, the sources and the columns.
    """
    name, rel = resource["name"], resource["path"]
    csv_path = folder / rel
    rows = _read_csv(csv_path)
    description = resource.get("description", "")
    period = period_covered(rows)
    notebooks = "; ".join(f'<a href="{_e(i.page)}">{_e(_label(i))}</a>' for i in used_by)
    facts = [("Rows", f"{len(rows):,}")]
    facts += [("Period covered", period)] if period else []
    facts += [("Used in", notebooks)] if notebooks else []
    listed = "".join(f"<li>{_descriptor_source(s)}</li>" for s in resource.get("sources", []))
    cited = "; ".join(f'<a href="sources.html#{_e(sid)}">{_e(label)}</a>' for label, sid in publishers)
    rest = first_sentence(description) != " ".join(description.split())
    return (
        f'<article class="card" id="{_e(name)}"><h2>{_e(resource.get("title", name))}</h2>\n'
        f"<p>{_e(first_sentence(description))}</p>\n"
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>\n"
        f'<p><a href="data/{_e(rel)}" download>Download {_e(Path(rel).name)}</a> (CSV, {_size(csv_path)})</p>\n'
        f'<p class="meta">Cite as: {_code_spans(cite_resource(resource))}</p>\n'
        '<details><summary>Description, sources and columns</summary>\n'
        + (f"<p>{_e(description)}</p>\n" if rest else "")
        + (f"<p><strong>Sources:</strong></p><ul>{listed}</ul>\n" if listed else "")
        + (f"<p><strong>Publishers its rows cite:</strong> {cited}</p>\n" if cited else "")
        + _fields_table(resource.get("schema", {}))
        + "</details></article>\n"
    )


def verdicts_card(verdicts: Path) -> str:
    """Return the catalogue's card for ``verdicts.csv``: every claim of the articles with its verdict."""
    rows = _read_csv(verdicts)
    columns = ", ".join(f"<code>{_e(c)}</code>" for c in (rows[0] if rows else {}))
    return (
        '<article class="card" id="verdicts"><h2>Fact-check verdicts: every claim of the articles</h2>\n'
        "<p>Each figure or date the five news articles state, with the fact-check's verdict (consistent "
        "with the evidence, conflicts with it, internally inconsistent, or unverifiable), the reason in "
        "a sentence and the evidence it was compared with.</p>\n"
        f'<dl class="facts"><dt>Rows</dt><dd>{len(rows):,}</dd></dl>\n'
        f'<p><a href="{VERDICTS_FILE}" download>Download verdicts.csv</a> (CSV, {_size(verdicts)})</p>\n'
        "<details><summary>Columns</summary>"
        f"<p>{columns}. Derived from the claims ledger and the datasets above, so it changes only when "
        "they do.</p></details></article>\n"
    )


def data_body(package: dict[str, Any], folder: Path, notebooks: Sequence[NotebookInfo], verdicts: Path) -> str:
    """Return the data catalogue: one short card per dataset, by theme, the details folded; then the verdicts."""
    resources = sorted(package["resources"], key=lambda r: (r.get("theme", ""), r.get("title", r["name"])))
    cards = "".join(
        dataset_card(r, folder, [i for i in notebooks if r["name"] in i.datasets],
                     dataset_publishers([r["name"]], folder) if r["name"] != "sources" else [])
        for r in resources
    )
    return (
        "<h1>Data catalogue</h1>\n"
        f"<p>{_count(len(resources), 'dataset')}, each a CSV file free to download and reuse under "
        "CC BY 4.0. Every row names its source in the <code>source_id</code> column (see the "
        '<a href="sources.html">source list</a>); unknown values are left empty. Column types, units '
        'and rules for all files are in <a href="data/datapackage.json">datapackage.json</a> '
        "(Frictionless Data Package). The fact-check's verdict on every claim of the articles is "
        '<a href="#verdicts">at the end</a>.</p>\n'
        f"{cards}{verdicts_card(verdicts)}"
    )


def _source_link(row: dict[str, str]) -> str:
    """Return a source's title, linked to its URL when it has one."""
    if row.get("url"):
        return f'<a href="{_e(row["url"])}">{_e(row["title"])}</a>'
    return _e(row.get("title", ""))


def _source_item(row: dict[str, str]) -> str:
    """Return one source as a list item anchored by its id: what it is, when published, its terms.

    The curators' working notes stay in ``sources.csv``; the page says what a source is, not
    how it was found.
    """
    publisher = f"<strong>{_e(row['publisher'])}</strong>: " if row.get("publisher") else ""
    facts = [_e(row.get("kind")), f"published {_e(row['published'])}" if row.get("published") else "",
             f"terms: {_e(row['licence'])}" if row.get("licence") else "",
             f'in the data as <code>{_e(row["source_id"])}</code>']
    return (
        f'<li id="{_e(row["source_id"])}"><p>{publisher}{_source_link(row)}</p>'
        f'<p class="meta">{" · ".join(f for f in facts if f)}</p></li>'
    )


def sources_body(sources: Sequence[dict[str, str]]) -> str:
    """Return the source list's content: one entry per source, anchored by its ``source_id``."""
    items = "".join(_source_item(r) for r in sources)
    return (
        "<h1>Sources</h1>\n"
        f"<p>The {_count(len(sources), 'source')} behind the data "
        '(<a href="data/sources.csv" download>download as CSV</a>, with the date each was consulted). '
        "Rows of the data files name their source by the code given last in each entry. "
        "Third-party material keeps its own terms.</p>\n"
        f'<ul class="sources">{items}</ul>\n'
    )


def copy_downloads(package: dict[str, Any], folder: Path, notebooks: Sequence[NotebookInfo], out: Path) -> None:
    """Copy every described CSV, ``datapackage.json`` and each notebook file into the site."""
    for resource in package["resources"]:
        target = out / "data" / resource["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / resource["path"], target)
    shutil.copyfile(folder / "datapackage.json", out / "data" / "datapackage.json")
    (out / "notebooks").mkdir(exist_ok=True)
    for info in notebooks:
        shutil.copyfile(info.source, out / "notebooks" / info.source.name)


def copy_root_files(out: Path) -> list[str]:
    """Copy the licence and citation files that exist into the site; return their names."""
    copied = []
    for name in ROOT_FILES:
        if (REPO_ROOT / name).is_file():
            shutil.copyfile(REPO_ROOT / name, out / name)
            copied.append(name)
    return copied


def write_thumbnails(findings: Sequence[Finding], nbs: dict[str, nbformat.NotebookNode],
                     out: Path) -> dict[str, tuple[str, str]]:
    """Write the first chart of each headline finding's section; return key to ``(file, alt)``.

    Raises
    ------
    ValueError
        If a headline finding names a section its notebook does not have (the link would break).
    """
    written: dict[str, tuple[str, str]] = {}
    for item in findings:
        if not item.headline or item.notebook not in nbs:
            continue
        nb, section = nbs[item.notebook], proving_section(item)
        if section not in section_headings(nb):
            raise ValueError(
                f"{item.notebook}.ipynb: finding {item.key!r} names section {section!r}, "
                f"but the notebook's ## headings are {section_headings(nb)}"
            )
        svg = section_charts(nb).get(section)
        if svg:
            name = thumbnail_name(item.key)
            (out / name).parent.mkdir(exist_ok=True)
            (out / name).write_text(svg, encoding="utf-8")
            written[item.key] = (name, svg_alt(svg))
    return written


def _clean(out: Path) -> None:
    """Remove what an earlier build wrote (pages, downloads), keeping anything else in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.html"), *(out / name for name in ROOT_FILES)]:
        old.unlink(missing_ok=True)
    for folder in ("data", "notebooks", "charts"):
        shutil.rmtree(out / folder, ignore_errors=True)


def _write(out: Path, name: str, text: str) -> None:
    """Write one page and print a progress line with its size."""
    (out / name).write_text(text, encoding="utf-8")
    print(f"  {name:<40} {len(text.encode()) / 1024:8.1f} kB", flush=True)


def _split_title_cell(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """Return the notebook's first cell (its title) and the rest, as two notebooks to render."""
    head, rest = nbformat.from_dict(nb), nbformat.from_dict(nb)
    head.cells, rest.cells = nb.cells[:1], nb.cells[1:]
    return head, rest


def build_site(
    out: Path = SITE_DIR,
    notebooks: Sequence[Path] | None = None,
    data: Path | None = None,
) -> None:
    """Render the collection to a static, offline website.

    Parameters
    ----------
    out : Path, default ``site/``
        Folder to write; pages and downloads of an earlier build are replaced.
    notebooks : sequence of Path, optional
        Executed notebooks to render (default: :func:`~helpers.notebooks.notebook_paths`).
        They are read as committed, never executed.
    data : Path, optional
        Folder with ``datapackage.json`` and ``sources.csv`` (default: :func:`~helpers.paths.data_dir`).

    Examples
    --------
    >>> build_site()  # doctest: +SKIP
    Building site/ from 6 notebook(s)...
    """
    start = time.perf_counter()
    paths = list(notebook_paths() if notebooks is None else notebooks)
    folder = data or data_dir()
    out = Path(out)
    print(f"Building {out} from {len(paths)} notebook(s)...", flush=True)
    _clean(out)
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    infos = [notebook_info(p, nb) for p, nb in zip(paths, nbs, strict=True)]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    titles = {r["name"]: r.get("title", r["name"]) for r in package["resources"]}
    sources = _read_csv(folder / "sources.csv")
    findings = collect_findings(paths)
    exporter = _exporter()
    for position, (info, nb) in enumerate(zip(infos, nbs, strict=True)):
        head, rest = _split_title_cell(nb)
        changed = last_updated(info.source)
        body = notebook_body(info, render_cells(head, exporter), render_cells(rest, exporter),
                             section_headings(nb), titles, pager(infos, position), changed)
        _write(out, info.page, page(info.title, body, nav_bar(infos, info.page), changed))
    updated = last_updated()
    downloads = copy_root_files(out)
    citation = how_to_cite(package, cite_collection() if CITATION_FILE.is_file() else "", downloads)
    thumbnails = write_thumbnails(findings, {p.stem: nb for p, nb in zip(paths, nbs, strict=True)}, out)
    home = index_body(infos, package, len(sources), findings, citation, thumbnails)
    _write(out, "index.html", page("Home", home, nav_bar(infos, "index.html"), updated))
    _write(out, "findings.html", page("Findings", findings_body(findings, infos, package, folder),
                                      nav_bar(infos, "findings.html"), updated))
    copy_downloads(package, folder, infos, out)
    verdicts = write_verdicts_csv(out / VERDICTS_FILE)
    _write(out, "data.html", page("Data catalogue", data_body(package, folder, infos, verdicts),
                                  nav_bar(infos, "data.html"), updated))
    _write(out, "sources.html", page("Sources", sources_body(sources), nav_bar(infos, "sources.html"), updated))
    print(f"Built {len(infos) + 4} page(s) in {time.perf_counter() - start:.1f} s: {out / 'index.html'}")
