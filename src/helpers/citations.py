"""Citation text for the collection, datasets and sources, and the claim-to-evidence index.

Chart footnotes and notebook reference sections come from here, and so do the "How to cite"
lines of the rendered site and the findings table kept in ``README.md`` (``python -m helpers
findings`` regenerates it).
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from IPython.display import Markdown

from helpers.datasets import describe, load
from helpers.paths import REPO_ROOT, data_dir

if TYPE_CHECKING:
    from helpers.findings import Finding

__all__ = [
    "cite",
    "cite_collection",
    "cite_resource",
    "cite_source",
    "cited_source_ids",
    "dataset_publishers",
    "findings_markdown",
    "read_citation_cff",
    "references",
    "replace_findings_section",
    "source_line",
    "sources_of",
]

COLLECTION = "Cambodia–Japan Relations Notebooks"
CITATION_FILE = REPO_ROOT / "CITATION.cff"
FINDINGS_START = "<!-- findings:start -->"
FINDINGS_END = "<!-- findings:end -->"
# A seed article's text file, as its notes in sources.csv name it
_SEED_FILE = re.compile(r"seeds/[\w.-]+\.txt")


def sources_of(name: str) -> pd.DataFrame:
    """Return the rows of ``sources`` that a dataset's rows cite, sorted by ``source_id``.

    Examples
    --------
    >>> sources_of("sources").empty
    False
    """
    sources = load("sources")
    ids = _cited_ids(name, sources)
    if ids is None:
        return sources
    row_of = {sid: row for row, sid in enumerate(sources["source_id"].tolist())}
    return sources.iloc[[row_of[sid] for sid in ids]].reset_index(drop=True)


def _cited_ids(name: str, sources: pd.DataFrame) -> list[str] | None:
    """The ``source_id`` values of ``sources`` that a dataset's rows cite, sorted; None if it has no such column."""
    frame = load(name)
    if "source_id" not in frame:
        return None
    used = set(frame["source_id"].dropna().tolist())
    return sorted(sid for sid in sources["source_id"].tolist() if sid in used)


def cited_source_ids(names: Iterable[str], sources: pd.DataFrame | None = None) -> list[str]:
    """Return the ``source_id`` of every source the datasets cite, dataset by dataset, each once.

    Each dataset's sources come in :func:`sources_of` order; a dataset without a ``source_id``
    column cites every source.

    Parameters
    ----------
    names : iterable of str
        Datasets, in the order their sources are wanted.
    sources : pandas.DataFrame, optional
        ``helpers.load("sources")``, when the caller has it already.

    Examples
    --------
    >>> cited_source_ids(["trade_dots"])
    ['imf_dots']
    """
    sources = load("sources") if sources is None else sources
    found: dict[str, None] = {}
    for name in names:
        ids = _cited_ids(name, sources)
        found.update(dict.fromkeys(sources["source_id"].tolist() if ids is None else ids))
    return list(found)


def _seed_file(notes: object) -> str | None:
    """Return the ``seeds/`` file a seed source's notes name, or None (the rest of the notes is not cited)."""
    match = _SEED_FILE.search(notes) if isinstance(notes, str) else None
    return match.group(0) if match else None


def cite_source(source_id: str) -> str:
    """Return one source as a reference line: publisher, title, date, URL or seed file.

    The curators' notes in ``sources.csv`` are not cited; for a seed article, which has no URL,
    only the file of its text in ``seeds/`` is taken from them.

    Examples
    --------
    >>> cite_source("seed_002").startswith("The Khmer Times")
    True
    >>> cite_source("seed_002").endswith("Text in seeds/002_793369b2c798ab3e.txt.")
    True
    """
    sources = load("sources").set_index("source_id")
    if source_id not in sources.index:
        raise KeyError(f"source_id {source_id!r} is not in data/sources.csv")
    return _citation(sources.loc[source_id])


def _citation(row: Mapping[str, Any]) -> str:
    """One row of ``sources`` (without its ``source_id``) as its reference line (see :func:`cite_source`)."""
    parts = [row["publisher"]] if pd.notna(row["publisher"]) else []
    parts.append(f"“{row['title']}”")
    if pd.notna(row["published"]):
        parts.append(str(row["published"]))
    seed_file = _seed_file(row["notes"])
    locator = row["url"] if pd.notna(row["url"]) else (f"Text in {seed_file}" if seed_file else None)
    if locator:
        parts.append(str(locator))
    if pd.notna(row["accessed"]) and pd.notna(row["url"]):
        parts.append(f"accessed {row['accessed']:%Y-%m-%d}")
    return ". ".join(str(p) for p in parts) + "."


def cite(name: str) -> str:
    """Return the citation of one curated dataset.

    Examples
    --------
    >>> cite("sources").split(":")[0]
    'Cambodia–Japan Relations Notebooks'
    """
    return cite_resource(describe(name))


def cite_resource(resource: dict[str, Any]) -> str:
    """Return the citation of a dataset from its descriptor in ``datapackage.json``.

    Examples
    --------
    >>> cite_resource({"name": "x", "title": "An X", "path": "x.csv"})
    'Cambodia–Japan Relations Notebooks: “An X”, dataset `x` (data/x.csv).'
    """
    name = resource["name"]
    return f"{COLLECTION}: “{resource.get('title', name)}”, dataset `{name}` (data/{resource['path']})."


def _cff_scalar(text: str) -> str:
    """Return a YAML scalar without its quotes (the plain and quoted forms CITATION.cff uses)."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def read_citation_cff(path: Path | None = None) -> dict[str, Any]:
    """Return the top-level fields of ``CITATION.cff`` that the citation line needs.

    A small reader for the subset of YAML the file uses (scalars, folded ``>-`` blocks, lists
    of scalars, and ``authors`` as a list of mappings), so that rendering the site needs no YAML
    library; ``tests/test_citation.py`` checks it agrees with a full YAML parser.

    Examples
    --------
    >>> read_citation_cff()["cff-version"]
    '1.2.0'
    """
    lines = (path or CITATION_FILE).read_text(encoding="utf-8").splitlines()
    fields: dict[str, Any] = {}
    key = ""
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = re.match(r"^([A-Za-z][\w-]*):\s*(.*)$", line)
        if top:
            key, value = top.group(1), top.group(2).strip()
            fields[key] = _cff_scalar(value) if value not in ("", ">-", ">", "|", "|-") else ""
            continue
        item = re.match(r"^\s+-\s+(?:([\w-]+):\s*)?(.*)$", line)
        if item and key:
            held = fields[key] if isinstance(fields[key], list) else []
            fields[key] = held + ([{item.group(1): _cff_scalar(item.group(2))}] if item.group(1)
                                  else [_cff_scalar(item.group(2))])
            continue
        nested = re.match(r"^\s+([\w-]+):\s*(.*)$", line)
        if nested and key and isinstance(fields[key], list) and isinstance(fields[key][-1], dict):
            fields[key][-1][nested.group(1)] = _cff_scalar(nested.group(2))
        elif key and isinstance(fields[key], str):  # continuation of a folded block
            fields[key] = f"{fields[key]} {line.strip()}".strip()
    return fields


def cite_collection(path: Path | None = None) -> str:
    """Return the citation of the whole collection, from ``CITATION.cff``.

    Examples
    --------
    >>> cite_collection().startswith("Cambodia–Japan Relations Notebooks contributors (2026).")
    True
    """
    cff = read_citation_cff(path)
    names = [
        a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
        for a in cff.get("authors", [])
    ]
    released = str(cff.get("date-released", ""))
    return (
        f"{', '.join(names)} ({released[:4] or 'n.d.'}). {cff.get('title', COLLECTION)} "
        f"(version {cff.get('version', '')}) [{cff.get('type', 'software')}]. Released {released}."
    )


def source_line(names: str | Iterable[str], source_ids: Iterable[str] | None = None) -> str:
    """Return a one-line chart footnote naming the publishers behind the given datasets.

    Parameters
    ----------
    names : str or iterable of str
        Datasets the chart draws on.
    source_ids : iterable of str, optional
        The ``source_id`` values of the rows actually drawn: only their publishers are named.
        Without it, every publisher cited by the datasets is named.

    Raises
    ------
    ValueError
        If no dataset is named, or a given ``source_id`` is not cited by those datasets.

    Examples
    --------
    >>> source_line("sources").startswith("Source:")
    True
    >>> source_line("trade_dots", source_ids=["imf_dots"])
    'Source: International Monetary Fund.'
    """
    names = [names] if isinstance(names, str) else list(names)
    if not names:
        raise ValueError("a chart's source line needs at least one dataset")
    sources = load("sources")
    cited = cited_source_ids(names, sources)
    if source_ids is not None:
        wanted = {s for s in source_ids if isinstance(s, str) and s}
        unknown = sorted(wanted - set(cited))
        if unknown:
            raise ValueError(f"source ids {unknown} are not cited by dataset(s) {names}")
        cited = [sid for sid in cited if sid in wanted]
    # A seed article whose text names no outlet is known by its title instead.
    names_of = {sid: publisher if pd.notna(publisher) else title
                for sid, publisher, title in zip(sources["source_id"].tolist(), sources["publisher"].tolist(),
                                                 sources["title"].tolist(), strict=True)}
    publishers: list[str] = []
    for label in (names_of[sid] for sid in cited):
        if label not in publishers:
            publishers.append(label)
    return f"Source: {_shorten(publishers, keep=4).rstrip('.')}."


def _source_item(source_id: str, citation: str, url: object) -> str:
    """Return one source as an HTML list item anchored by its id, its URL linked.

    Examples
    --------
    >>> _source_item("s1", "P. “T & U”. https://x.org/?a=1&b=2.", "https://x.org/?a=1&b=2")
    '<li id="source-s1">P. “T &amp; U”. <a href="https://x.org/?a=1&amp;b=2">https://x.org/?a=1&amp;b=2</a>.</li>'
    """
    text = html.escape(citation, quote=False)
    if isinstance(url, str) and url:
        shown = html.escape(url, quote=False)
        text = text.replace(shown, f'<a href="{html.escape(url)}">{shown}</a>', 1)
    return f'<li id="source-{html.escape(source_id)}">{text}</li>'


def references(names: str | Iterable[str]) -> Markdown:
    """Return the Markdown reference list of a notebook: its datasets, then the sources they cite, folded.

    The sources are one HTML block, a ``<details>`` whose summary counts them: each a citation
    (publisher, title, date, URL) in alphabetical order, anchored by ``source-`` + its ``source_id``.
    The block is whole HTML, without blank lines, so every renderer (JupyterLab, nbconvert and
    the site, GitHub) keeps the list inside the fold.

    Parameters
    ----------
    names : str or iterable of str
        The datasets the notebook draws on.

    Returns
    -------
    IPython.display.Markdown
        Displayed as the notebook's References; ``.data`` holds the Markdown text.

    Examples
    --------
    >>> text = references("trade_dots").data
    >>> "dataset `trade_dots`" in text, "<summary>Sources cited (1)</summary>" in text
    (True, True)
    >>> '<li id="source-imf_dots">International Monetary Fund.' in text
    True
    """
    names = [names] if isinstance(names, str) else list(names)
    sources = load("sources")
    rows = sources.set_index("source_id").to_dict("index")
    citations = {sid: _citation(rows[sid]) for sid in cited_source_ids(names, sources)}
    # Alphabetical as a reader scans it: quotes and brackets before a title do not count.
    cited = sorted(citations.items(), key=lambda item: (re.sub(r"^\W+", "", item[1]).casefold(), item[0]))
    lines = ["**Datasets**", "", *[f"- {cite(name)}" for name in names]]
    if cited:
        lines += ["", f"<details><summary>Sources cited ({len(cited)})</summary>", "<ul>"]
        lines += [_source_item(sid, text, rows[sid]["url"]) for sid, text in cited]
        lines += ["</ul></details>"]
    return Markdown("\n".join(lines))


def _read_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV file as dictionaries."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dataset_publishers(names: Iterable[str], data: Path | None = None) -> list[tuple[str, str]]:
    """Return the publishers behind datasets, each with the first ``source_id`` it is cited by.

    The order is that of :func:`source_line`: dataset by dataset, sources sorted by id, each
    publisher once; a seed article whose text names no outlet is known by its title. Reads the
    CSV files directly, so it works on any copy of ``data/`` (the site builder passes its own).

    Examples
    --------
    >>> dataset_publishers(["claims"])[0][1].startswith("seed_")
    True
    """
    folder = data or data_dir()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in package["resources"]}
    sources = {row["source_id"]: row for row in _read_rows(folder / "sources.csv")}
    found: dict[str, str] = {}
    for name in names:
        if name not in paths:
            continue
        rows = _read_rows(folder / paths[name])
        cited = sorted({r.get("source_id") or "" for r in rows} - {""}) if rows and "source_id" in rows[0] \
            else sorted(sources)
        for source_id in cited:
            row = sources.get(source_id, {})
            label = row.get("publisher") or row.get("title") or source_id
            found.setdefault(label, source_id)
    return list(found.items())


def _shorten(items: Sequence[str], keep: int = 5) -> str:
    """Return items joined by semicolons, the tail counted rather than listed.

    Examples
    --------
    >>> _shorten(["a", "b", "c"], keep=2)
    'a; b; and 1 more'
    """
    shown = "; ".join(items[:keep])
    return shown + (f"; and {len(items) - keep} more" if len(items) > keep else "")


def _md_cell(text: str) -> str:
    """Return text safe inside a Markdown table cell (pipes and dollar signs escaped, one line).

    Examples
    --------
    >>> _md_cell("US$587m | US$1,140m")
    'US\\\\$587m \\\\| US\\\\$1,140m'
    """
    return " ".join(text.split()).replace("|", "\\|").replace("$", "\\$")


def findings_markdown(findings: Sequence[Finding], data: Path | None = None) -> str:
    """Return the claim-to-evidence index as a Markdown table, one row per finding.

    Each row gives the finding's sentence, the notebook and section it is stated in, the datasets
    its number comes from and the publishers behind those datasets' rows.
    """
    folder = data or data_dir()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in package["resources"]}
    if not findings:
        return "_No notebook declares a finding yet._"
    lines = [
        "| # | Finding | Stated in | Data | Sources behind the data |",
        "| --- | --- | --- | --- | --- |",
    ]
    for number, item in enumerate(findings, start=1):
        where = f"[{item.notebook}](notebooks/{item.notebook}.ipynb)" + (f" › {item.section}" if item.section else "")
        data_links = ", ".join(f"[`{n}`](data/{paths[n]})" if n in paths else f"`{n}`" for n in item.datasets)
        publishers = _shorten([label for label, _ in dataset_publishers(item.datasets, folder)])
        lines.append(
            f"| {number} | {_md_cell(item.text)} | {_md_cell(where)} | {data_links} | {_md_cell(publishers)} |"
        )
    return "\n".join(lines)


def replace_findings_section(text: str, table: str) -> str:
    """Return ``text`` (a README) with the part between the findings markers replaced by ``table``.

    Raises
    ------
    ValueError
        If the markers are missing or out of order.

    Examples
    --------
    >>> replace_findings_section("a\\n<!-- findings:start -->\\nold\\n<!-- findings:end -->\\n", "new")
    'a\\n<!-- findings:start -->\\nnew\\n<!-- findings:end -->\\n'
    """
    start, end = text.find(FINDINGS_START), text.find(FINDINGS_END)
    if start < 0 or end < start:
        raise ValueError(f"the README needs the markers {FINDINGS_START} and {FINDINGS_END}, in that order")
    return f"{text[: start + len(FINDINGS_START)]}\n{table}\n{text[end:]}"
