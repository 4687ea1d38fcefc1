"""Headline findings: declared once in a notebook, collected into the claim-to-evidence index.

A notebook states a finding with :func:`finding`, computing its number from the data. The
cell's output carries the finding's key and datasets as metadata, so :func:`collect_findings`
can read every executed notebook and build the index (README section and site page) without
anything being typed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers.datasets import describe

__all__ = ["Finding", "code_cells_by_section", "collect_findings", "finding", "section_headings_in"]

METADATA_KEY = "cj_finding"


@dataclass(frozen=True)
class Finding:
    """One headline finding: a sentence with its number, and the datasets it rests on."""

    key: str
    text: str
    datasets: tuple[str, ...]
    notebook: str = ""
    section: str = ""
    sources: tuple[str, ...] = field(default=())
    headline: str | None = None
    rank: int | None = None
    evidence_section: str | None = None

    def _repr_markdown_(self) -> tuple[str, dict]:
        # A dollar sign is literal: two in one sentence must not open a maths span.
        shown = "**Finding.** " + self.text.replace("$", "\\$")
        meta = {"key": self.key, "text": self.text, "datasets": list(self.datasets)}
        meta.update({k: v for k, v in (("headline", self.headline), ("rank", self.rank),
                                       ("section", self.evidence_section)) if v is not None})
        return shown, {METADATA_KEY: meta}

    def __repr__(self) -> str:
        return f"Finding {self.key}: {self.text}"


def finding(
    key: str,
    text: str,
    datasets: str | Iterable[str],
    *,
    headline: str | None = None,
    rank: int | None = None,
    section: str | None = None,
) -> Finding:
    """Declare a headline finding of the notebook; display it by ending a cell with it.

    Parameters
    ----------
    key : str
        Short identifier, unique in the collection (``"trade-largest-mirror-gap"``).
    text : str
        One sentence with its number, built from computed values (an f-string), not typed.
    datasets : str or iterable of str
        The datasets the number comes from; each must exist in the data package.
    headline : str, optional
        The finding's number as the home page shows it (``"US$587m"``); only findings with a
        headline appear there.
    rank : int, optional
        Importance for a reader of the whole collection (1 = first on the home page).
    section : str, optional
        The ``##`` heading (text after ``## ``) of the section that proves the finding.

    Examples
    --------
    >>> finding("corpus-size", "The ledger holds 77 claims.", "claims").datasets
    ('claims',)
    """
    names = (datasets,) if isinstance(datasets, str) else tuple(datasets)
    for name in names:
        describe(name)  # fails early, with suggestions, on a misspelt dataset
    if not key or not text.strip():
        raise ValueError("a finding needs a key and a sentence")
    if headline is not None and rank is None:
        raise ValueError(f"finding {key!r} has a headline but no rank")
    return Finding(key=key, text=text.strip(), datasets=names, headline=headline, rank=rank,
                   evidence_section=section)


def section_headings_in(cell) -> list[str]:
    """Return the text of a markdown cell's ``##`` headings, in order; empty headings are skipped.

    Examples
    --------
    >>> from nbformat import v4
    >>> section_headings_in(v4.new_markdown_cell("# T\\n\\n## One\\n\\n### Sub\\n## \\n## Two"))
    ['One', 'Two']
    """
    return [line[3:].strip() for line in cell.source.splitlines() if line.startswith("## ") and line[3:].strip()]


def code_cells_by_section(nb) -> Iterator[tuple[str, Any]]:
    """Yield ``(section, cell)`` for each code cell: the last ``##`` heading above it ("" before any).

    Examples
    --------
    >>> from nbformat import v4
    >>> nb = v4.new_notebook(cells=[v4.new_code_cell("a"), v4.new_markdown_cell("## One"),
    ...                             v4.new_code_cell("b")])
    >>> [(section, cell.source) for section, cell in code_cells_by_section(nb)]
    [('', 'a'), ('One', 'b')]
    """
    section = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            headings = section_headings_in(cell)
            section = headings[-1] if headings else section
        elif cell.cell_type == "code":
            yield section, cell


def collect_findings(paths: Iterable[Path]) -> list[Finding]:
    """Read the findings stored in executed notebooks, with the section each one sits in.

    Raises
    ------
    ValueError
        If two findings share a key.
    """
    import nbformat  # here, not at the top: notebook kernels import this module but never read notebooks

    found: list[Finding] = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for section, cell in code_cells_by_section(nb):
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get("text/markdown", {}).get(METADATA_KEY)
                if meta:
                    found.append(
                        Finding(meta["key"], meta["text"], tuple(meta["datasets"]), path.stem, section,
                                headline=meta.get("headline"), rank=meta.get("rank"),
                                evidence_section=meta.get("section"))
                    )
    keys = [f.key for f in found]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"finding keys used twice: {duplicates}")
    return found
