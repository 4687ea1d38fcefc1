"""Render the executed notebooks and the data package as a static website that works offline.

``build_site()`` turns every committed notebook (never re-executed) into one HTML page with
nbconvert's ``basic`` template, which emits the cells only: no require.js, no MathJax, no CDN.
Each page is then wrapped in one shell with a shared navigation bar and one small inline
stylesheet. A landing page (with how to cite the collection and each dataset, and the licence
terms), a data catalogue (from ``datapackage.json``, with a copy of every CSV to download), a
source list (from ``sources.csv``) and the claim-to-evidence index of the notebooks' findings
are generated beside them. New notebooks, and the findings they declare, appear by themselves:
the list comes from :func:`helpers.notebooks.notebook_paths`.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from helpers.citations import CITATION_FILE, cite_collection, cite_resource, dataset_publishers
from helpers.findings import Finding, collect_findings
from helpers.notebooks import notebook_paths
from helpers.paths import REPO_ROOT, SITE_DIR, data_dir

__all__ = [
    "NotebookInfo",
    "build_site",
    "datasets_used",
    "findings_body",
    "notebook_info",
    "parse_header",
    "section_anchor",
]

# Licence and citation files offered for download beside the pages.
ROOT_FILES = ("CITATION.cff", "LICENSE", "LICENSE-CONTENT.md")
CC_BY = "https://creativecommons.org/licenses/by/4.0/"

COLLECTION = "Cambodia–Japan Relations Notebooks"

_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_THEME = re.compile(r"\*\*Theme:\*\*\s*([A-Za-z-]+)")
_REFERENCES_CALL = re.compile(r"references\(\s*\[([^\]]*)\]")
_QUOTED_NAME = re.compile(r"[\"']([A-Za-z0-9_]+)[\"']")
_LOAD_CALL = re.compile(r"(?<![\w.])(?:helpers\.)?load\(\s*[\"']([A-Za-z0-9_]+)[\"']")
# Links written for the repository layout, rewritten for the site's flat layout.
_NOTEBOOK_LINK = re.compile(r'href="(?:\.\./notebooks/|\./|notebooks/)?(\d{2}_[a-z0-9_]+)\.ipynb')
_DATA_LINK = re.compile(r'href="(?:\.\./)?data/')
# A table cell holding only a number (1,234 / -5.6 / 12% / 3e+05), right-aligned by the stylesheet.
_NUMBER_CELL = re.compile(r"<td>(\s*[-+−]?[\d.,]+(?:e[-+]?\d+)?%?\s*)</td>")

# nbconvert template: the basic cell markup, code folded under a summary line.
_CELL_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block input %}
<details class="code"><summary>Show code</summary>
{{ super() }}
</details>
{%- endblock input %}
"""

_CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
nav.site { background: #12324f; padding: .55rem 1.2rem; font-size: .92rem; }
nav.site a { color: #e8f0f8; text-decoration: none; margin-right: 1.1rem; white-space: nowrap; }
nav.site a:hover, nav.site a[aria-current] { color: #fff; text-decoration: underline; }
nav.site .brand { font-weight: 700; color: #fff; }
nav.site .notebooks { display: block; margin-top: .25rem; font-size: .85rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1.2rem 1.4rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .6rem 0 .4rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; }
a.anchor-link { display: none; }
p.lead { font-size: 1.08rem; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
.tag { display: inline-block; background: #e7f0fa; color: #12324f; border-radius: .8rem;
  padding: 0 .55rem; font-size: .8rem; font-weight: 600; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .86rem; }
pre { background: var(--soft); padding: .6rem .8rem; overflow-x: auto; border-radius: 4px; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; display: block;
  overflow-x: auto; max-width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); }
td.id { font-size: .8rem; word-break: break-all; min-width: 9rem; }
td.date { white-space: nowrap; }
main.wide { max-width: 80rem; }
tr:target { background: #fff8c5; }
blockquote.cite { margin: .5rem 0; padding: .5rem .9rem; background: var(--soft);
  border-left: 3px solid var(--accent); }
td.n { color: var(--muted); text-align: right; }
table.dataframe { border: 0; }
.dataframe th, .dataframe td { border-width: 0 0 1px 0; text-align: left !important; }
.dataframe td.num { text-align: right !important; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cards { list-style: none; padding: 0; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
.cards h3 { margin: 0 0 .3rem; font-size: 1.15rem; }
.cards p { margin: .2rem 0; }
details.code { margin: .3rem 0; }
details.code summary { cursor: pointer; color: var(--muted); font-size: .82rem; }
.cell { margin: .4rem 0; }
.prompt { display: none; }
.output_area pre { background: transparent; padding: .2rem 0; }
.output_stderr pre { background: #fff5f5; }
.output_svg svg, .output_png img, .text_cell_render img { max-width: 100%; height: auto; }
.highlight .c, .highlight .c1, .highlight .cm { color: #6a737d; font-style: italic; }
.highlight .k, .highlight .kn, .highlight .kc, .highlight .ow { color: #a31515; font-weight: 600; }
.highlight .s, .highlight .s1, .highlight .s2, .highlight .sd, .highlight .sa { color: #0a6e31; }
.highlight .mi, .highlight .mf { color: #005cc5; }
.highlight .nf, .highlight .nc { color: #6f42c1; }
.highlight .nb, .highlight .bp { color: #795e26; }
footer { color: var(--muted); font-size: .82rem; border-top: 1px solid var(--line); margin-top: 3rem;
  padding-top: .6rem; }
"""


_WIDE = ' class="wide"'


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
    )


def render_cells(nb: nbformat.NotebookNode, exporter: Any) -> str:
    """Return the HTML of a notebook's cells, with repository-relative links fixed for the site."""
    body, _ = exporter.from_notebook_node(nb)
    body = _NOTEBOOK_LINK.sub(r'href="\1.html', body)
    body = _NUMBER_CELL.sub(r'<td class="num">\1</td>', body)
    return _DATA_LINK.sub('href="data/', body)


def _e(text: object) -> str:
    """Escape any value for HTML text or attributes; ``None`` becomes empty."""
    return "" if text is None else html.escape(str(text))


def nav_bar(notebooks: Sequence[NotebookInfo], current: str) -> str:
    """Return the navigation bar shared by every page, marking the ``current`` page.

    Links are separated by spaces so that a long list wraps on narrow screens.

    Parameters
    ----------
    notebooks : sequence of NotebookInfo
        Listed in reading order on a second line.
    current : str
        File name of the page being written, e.g. ``"index.html"``.
    """

    def link(href: str, text: str, cls: str = "") -> str:
        mark = ' aria-current="page"' if href == current and not cls else ""
        return f'<a href="{href}"{mark}{f" class={cls!r}" if cls else ""}>{_e(text)}</a>'

    main_links = [link("index.html", COLLECTION, "brand"), link("index.html", "Home"),
                  link("findings.html", "Findings"), link("data.html", "Data catalogue"),
                  link("sources.html", "Sources")]
    nb_links = [link(info.page, f"{info.source.stem[:2]} {info.title}") for info in notebooks]
    return f'<nav class="site">{" ".join(main_links)}<span class="notebooks">{" ".join(nb_links)}</span></nav>'


def page(title: str, body: str, nav: str, wide: bool = False) -> str:
    """Return a complete HTML document: navigation, content and the inline stylesheet.

    Parameters
    ----------
    title : str
        Shown in the browser tab, before the collection's name.
    body : str
        HTML of the content.
    nav : str
        The navigation bar from :func:`nav_bar`.
    wide : bool, default False
        Let the content use more of the screen (for wide tables).
    """
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} · {_e(COLLECTION)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{nav}\n<main{_WIDE if wide else ''}>\n{body}\n<footer>{_e(COLLECTION)}. Built from the committed notebooks "
        'and <a href="data.html">data/</a>; every figure traces to <a href="sources.html">a source</a>. '
        'Text and data: <a href="index.html#licences">CC BY 4.0</a>; code: MIT.'
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


def _dataset_links(names: Iterable[str]) -> str:
    """Return comma-separated links to datasets in the catalogue, or a dash."""
    links = [f'<a href="data.html#{_e(n)}"><code>{_e(n)}</code></a>' for n in names]
    return ", ".join(links) or "—"


def notebook_body(info: NotebookInfo, cells: str) -> str:
    """Return a notebook page's content: a line of metadata, then the rendered cells."""
    meta = (
        f'<p class="meta"><span class="tag">{_e(info.theme or "—")}</span> '
        f"Datasets: {_dataset_links(info.datasets)} · "
        f'<a href="notebooks/{_e(info.source.name)}" download>Download the notebook</a></p>'
    )
    return meta + cells


def _code_spans(text: str) -> str:
    """Return text escaped for HTML, with Markdown `code` spans as ``<code>``.

    Examples
    --------
    >>> _code_spans("dataset `x` & y")
    'dataset <code>x</code> &amp; y'
    """
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


def how_to_cite(package: dict[str, Any], collection: str, downloads: Iterable[str]) -> str:
    """Return the landing page's citation and licence sections.

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
        f'<tr><td><a href="data.html#{_e(r["name"])}"><code>{_e(r["name"])}</code></a></td>'
        f"<td>{_code_spans(cite_resource(r))}</td></tr>"
        for r in sorted(package["resources"], key=lambda r: r["name"])
    )
    whole = (
        f'<p>The collection as a whole (from {file_link("CITATION.cff")}):</p>\n'
        f'<blockquote class="cite">{_e(collection)}</blockquote>\n' if collection else ""
    )
    return (
        '<h2 id="how-to-cite">How to cite</h2>\n'
        f"{whole}"
        "<p>A single dataset: cite it with the line below (in Python, <code>helpers.cite(name)</code> "
        "gives the same text), and the sources its rows name where you use their figures.</p>\n"
        "<table><thead><tr><th>Dataset</th><th>Citation</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n"
        '<h2 id="licences">Licences</h2>\n<ul>'
        f"<li><strong>Written analysis and curated data</strong> (the notebooks' text, tables and charts; "
        f"the CSV files and their descriptions in <code>data/</code>): "
        f'<a href="{CC_BY}">Creative Commons Attribution 4.0 International (CC BY 4.0)</a>. You may '
        "share and adapt them for any purpose, including commercially, if you credit the collection, "
        f"link to the licence and say what you changed ({file_link('LICENSE-CONTENT.md')}).</li>"
        f"<li><strong>Code</strong> (<code>src/</code>, <code>scripts/</code>, <code>tests/</code>, "
        f"<code>benchmarks/</code>, <code>Makefile</code>): MIT licence ({file_link('LICENSE')}).</li>"
        '<li><strong>Third-party sources</strong> keep their own terms, listed for each source in the '
        '"Terms" column of the <a href="sources.html">source list</a>. The seed articles are news texts '
        "by other publishers, kept unchanged for analysis and commentary, and are not relicensed.</li>"
        "</ul>\n"
    )


def index_body(
    notebooks: Sequence[NotebookInfo],
    package: dict[str, Any],
    n_sources: int,
    n_findings: int = 0,
    citation: str = "",
) -> str:
    """Return the landing page's content: what the collection is, one card per notebook, how to cite.

    Parameters
    ----------
    citation : str, optional
        The "How to cite" and licence sections from :func:`how_to_cite`.
    """
    cards = "".join(
        f'<li><h3><a href="{_e(i.page)}">{_e(i.title)}</a></h3><p>{_e(i.summary)}</p>'
        f'<p class="meta"><span class="tag">{_e(i.theme or "—")}</span> '
        f"Datasets: {_dataset_links(i.datasets)}</p></li>"
        for i in notebooks
    )
    return (
        f"<h1>{_e(COLLECTION)}</h1>\n"
        '<p class="lead">Analytical notebooks on the relationship between Cambodia and Japan: trade, '
        "people moving between the two countries, development assistance, diplomacy, and a check of "
        "figures quoted in the press against official statistics.</p>\n"
        f"<p>The collection holds {_count(len(notebooks), 'notebook')} built on "
        f"{_count(len(package['resources']), 'curated dataset')}, described in the "
        f'<a href="data.html">data catalogue</a>, and {_count(n_sources, "cited source")} '
        '(<a href="sources.html">list of sources</a>). Every number in the data names its '
        "source and the sentence or table cell it was read from; unknown values are left empty. "
        "The pages are rendered from the committed, executed notebooks.</p>\n"
        f'<p>The <a href="findings.html">claim-to-evidence index</a> lists the '
        f"{_count(n_findings, 'headline finding')} of the notebooks, each with the section that "
        "states it, the datasets behind its number and their sources. "
        '<a href="#how-to-cite">How to cite</a> · <a href="#licences">Licences</a></p>\n'
        f'<h2 id="notebooks">Notebooks</h2>\n<ul class="cards">{cards}</ul>\n'
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
    """Return the claim-to-evidence index: one table row per finding, anchored by its key.

    Each row links the notebook section that states the finding, the datasets in the catalogue
    and, for the sources behind those datasets' rows, one entry per publisher in the source list.
    """
    titles = {i.source.stem: (i.page, i.title) for i in notebooks}
    described = {r["name"] for r in package["resources"]}
    rows = []
    for number, item in enumerate(findings, start=1):
        page_name, title = titles.get(item.notebook, (f"{item.notebook}.html", item.notebook))
        anchor = section_anchor(item.section)
        target = page_name + (f"#{anchor}" if anchor else "")
        label = f"{item.notebook[:2]} {title}" + (f" › {item.section}" if item.section else "")
        where = f'<a href="{_e(target)}">{_e(label)}</a>'
        data = _dataset_links(n for n in item.datasets if n in described)
        unknown = [n for n in item.datasets if n not in described]
        data += "".join(f", <code>{_e(n)}</code>" for n in unknown)
        publishers = dataset_publishers(item.datasets, folder)
        shown = [f'<a href="sources.html#{_e(sid)}">{_e(label)}</a>' for label, sid in publishers[:6]]
        more = f"; and {len(publishers) - 6} more (see the datasets)" if len(publishers) > 6 else ""
        rows.append(
            f'<tr id="{_e(item.key)}"><td class="n">{number}</td><td>{_e(item.text)}</td>'
            f"<td>{where}</td><td>{data}</td><td>{'; '.join(shown)}{more}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>#</th><th>Finding</th><th>Stated in</th><th>Data</th>"
        f"<th>Sources behind the data</th></tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        if rows else "<p>No notebook declares a finding yet.</p>\n"
    )
    return (
        "<h1>Findings: claim-to-evidence index</h1>\n"
        f"<p>The {_count(len(findings), 'headline finding')} of the notebooks. Each sentence is computed "
        "from the data in the notebook that states it (declared with <code>helpers.finding</code>); "
        "the row links that section, the datasets the number comes from, and the publishers of the "
        "sources behind those datasets' rows. The same table is kept in the repository's README.</p>\n"
        f"{table}"
    )


def read_sources(folder: Path) -> list[dict[str, str]]:
    """Return the rows of ``sources.csv`` in ``folder`` as dictionaries, in file order."""
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cited_ids(csv_path: Path) -> list[str]:
    """Return the sorted distinct ``source_id`` values of a CSV (none if it has no such column)."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return sorted({row.get("source_id") or "" for row in csv.DictReader(handle)} - {""})


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
    head = "<tr><th>Field</th><th>Type</th><th>Unit</th><th>Description</th><th>Constraints</th></tr>"
    note = f'<p class="meta">Primary key: <code>{_e(keys)}</code></p>' if keys else ""
    return f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>{note}"


def _descriptor_source(source: dict[str, str]) -> str:
    """Return a descriptor source: linked when its path is a URL, else the repository path as text."""
    title, path = source.get("title", ""), source.get("path", "")
    if path.startswith(("http://", "https://")):
        return f'<a href="{_e(path)}">{_e(title or path)}</a>'
    return _e(title) + (f" (<code>{_e(path)}</code> in the repository)" if path else "")


def dataset_section(resource: dict[str, Any], folder: Path, used_by: Sequence[NotebookInfo]) -> str:
    """Return one dataset's entry in the catalogue: description, download, sources, fields."""
    name, rel = resource["name"], resource["path"]
    csv_path = folder / rel
    with csv_path.open(encoding="utf-8", newline="") as handle:
        n_rows = max(sum(1 for _ in handle) - 1, 0)
    listed = "".join(f"<li>{_descriptor_source(s)}</li>" for s in resource.get("sources", []))
    cited = ", ".join(f'<a href="sources.html#{_e(s)}"><code>{_e(s)}</code></a>' for s in _cited_ids(csv_path))
    notebooks = ", ".join(f'<a href="{_e(i.page)}">{_e(i.title)}</a>' for i in used_by)
    return (
        f'<section id="{_e(name)}"><h2>{_e(resource.get("title", name))}</h2>\n'
        f'<p class="meta"><code>{_e(name)}</code> · <span class="tag">{_e(resource.get("theme", ""))}'
        f'</span> · {_count(n_rows, "row")} · <a href="data/{_e(rel)}" download>Download {_e(rel)}</a></p>\n'
        f"<p>{_e(resource.get('description', ''))}</p>\n"
        + (f"<p><strong>Sources:</strong></p><ul>{listed}</ul>\n" if listed else "")
        + (f"<p><strong>Rows cite:</strong> {cited}</p>\n" if cited else "")
        + (f"<p><strong>Used in:</strong> {notebooks}</p>\n" if notebooks else "")
        + f'<p><strong>Cite as:</strong> {_code_spans(cite_resource(resource))}</p>\n'
        + _fields_table(resource.get("schema", {}))
        + "</section>\n"
    )


def data_body(package: dict[str, Any], folder: Path, notebooks: Sequence[NotebookInfo]) -> str:
    """Return the data catalogue's content: a contents table, then one section per dataset."""
    resources = sorted(package["resources"], key=lambda r: (r.get("theme", ""), r["name"]))
    contents = "".join(
        f'<tr><td><a href="#{_e(r["name"])}"><code>{_e(r["name"])}</code></a></td>'
        f"<td>{_e(r.get('title', ''))}</td><td>{_e(r.get('theme', ''))}</td></tr>"
        for r in resources
    )
    sections = "".join(
        dataset_section(r, folder, [i for i in notebooks if r["name"] in i.datasets]) for r in resources
    )
    return (
        "<h1>Data catalogue</h1>\n"
        f"<p>{_e(package.get('title', ''))}. Each dataset is a CSV file described by a Frictionless "
        'Table Schema in <a href="data/datapackage.json">datapackage.json</a>: field types, units and '
        "constraints. Every row names its source; the notebooks load the files through "
        "<code>helpers.load()</code>, which validates them against this schema.</p>\n"
        "<table><thead><tr><th>Dataset</th><th>Title</th><th>Theme</th></tr></thead>"
        f"<tbody>{contents}</tbody></table>\n{sections}"
    )


def _source_link(row: dict[str, str]) -> str:
    """Return a source's title, linked to its URL when it has one."""
    if row.get("url"):
        return f'<a href="{_e(row["url"])}">{_e(row["title"])}</a>'
    return _e(row.get("title", ""))


def _source_row(row: dict[str, str]) -> str:
    """Return one source as a table row anchored by its id: what it is, then dates and terms."""
    notes = f'<br><span class="meta">{_e(row["notes"])}</span>' if row.get("notes") else ""
    publisher = f"{_e(row['publisher'])}: " if row.get("publisher") else ""
    return (
        f'<tr id="{_e(row["source_id"])}"><td class="id"><code>{_e(row["source_id"])}</code></td>'
        f"<td>{publisher}{_source_link(row)}{notes}</td><td>{_e(row.get('kind'))}</td>"
        f'<td class="date">{_e(row.get("published"))}</td><td class="date">{_e(row.get("accessed"))}</td>'
        f"<td>{_e(row.get('licence'))}</td></tr>"
    )


def sources_body(sources: Sequence[dict[str, str]]) -> str:
    """Return the source list's content: one table row per source, anchored by its ``source_id``."""
    head = ("<tr><th>Id</th><th>Publisher: title</th><th>Kind</th><th>Published</th>"
            "<th>Accessed</th><th>Terms</th></tr>")
    rows = "".join(_source_row(r) for r in sources)
    return (
        "<h1>Sources</h1>\n"
        f"<p>The {_count(len(sources), 'source')} cited by the datasets, from <code>data/sources.csv</code> "
        '(<a href="data/sources.csv" download>download</a>). Seed articles are the five news texts the '
        "collection started from, kept in <code>seeds/</code>; third-party material keeps its own terms.</p>\n"
        f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>\n"
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


def _clean(out: Path) -> None:
    """Remove what an earlier build wrote (pages, downloads), keeping anything else in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.html"), *(out / name for name in ROOT_FILES)]:
        old.unlink(missing_ok=True)
    for folder in ("data", "notebooks"):
        shutil.rmtree(out / folder, ignore_errors=True)


def _write(out: Path, name: str, text: str) -> None:
    """Write one page and print a progress line with its size."""
    (out / name).write_text(text, encoding="utf-8")
    print(f"  {name:<40} {len(text.encode()) / 1024:8.1f} kB", flush=True)


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
    sources = read_sources(folder)
    findings = collect_findings(paths)
    exporter = _exporter()
    for info, nb in zip(infos, nbs, strict=True):
        cells = render_cells(nb, exporter)
        _write(out, info.page, page(info.title, notebook_body(info, cells), nav_bar(infos, info.page)))
    downloads = copy_root_files(out)
    citation = how_to_cite(package, cite_collection() if CITATION_FILE.is_file() else "", downloads)
    home = index_body(infos, package, len(sources), len(findings), citation)
    _write(out, "index.html", page("Home", home, nav_bar(infos, "index.html")))
    _write(out, "findings.html", page("Findings", findings_body(findings, infos, package, folder),
                                      nav_bar(infos, "findings.html"), wide=True))
    _write(out, "data.html", page("Data catalogue", data_body(package, folder, infos), nav_bar(infos, "data.html")))
    _write(out, "sources.html", page("Sources", sources_body(sources), nav_bar(infos, "sources.html"), wide=True))
    copy_downloads(package, folder, infos, out)
    print(f"Built {len(infos) + 4} page(s) in {time.perf_counter() - start:.1f} s: {out / 'index.html'}")
