"""Citation text for datasets and sources: chart footnotes and notebook reference sections."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from IPython.display import Markdown

from helpers.datasets import describe, load

__all__ = ["cite", "cite_source", "references", "source_line", "sources_of"]

COLLECTION = "Cambodia–Japan Relations Notebooks"


def sources_of(name: str) -> pd.DataFrame:
    """Return the rows of ``sources`` that a dataset's rows cite, sorted by ``source_id``.

    Examples
    --------
    >>> sources_of("sources").empty
    False
    """
    frame = load(name)
    sources = load("sources")
    if "source_id" not in frame:
        return sources
    used = set(frame["source_id"].dropna())
    return sources[sources["source_id"].isin(used)].sort_values("source_id", ignore_index=True)


def cite_source(source_id: str) -> str:
    """Return one source as a reference line: publisher, title, date, URL or seed file.

    Examples
    --------
    >>> cite_source("seed_002").startswith("Khmer Times")
    True
    """
    sources = load("sources").set_index("source_id")
    if source_id not in sources.index:
        raise KeyError(f"source_id {source_id!r} is not in data/sources.csv")
    row = sources.loc[source_id]
    parts = [row["publisher"]] if pd.notna(row["publisher"]) else []
    parts.append(f"“{row['title']}”")
    if pd.notna(row["published"]):
        parts.append(str(row["published"]))
    locator = row["url"] if pd.notna(row["url"]) else row["notes"]
    if pd.notna(locator):
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
    resource = describe(name)
    return f"{COLLECTION}: “{resource['title']}”, dataset `{name}` (data/{resource['path']})."


def source_line(names: str | Iterable[str]) -> str:
    """Return a one-line chart footnote naming the publishers behind the given datasets.

    Examples
    --------
    >>> source_line("sources").startswith("Source:")
    True
    """
    names = [names] if isinstance(names, str) else list(names)
    publishers: list[str] = []
    for name in names:
        cited = sources_of(name)
        # A seed article whose text names no outlet is known by its title instead.
        for label in cited["publisher"].fillna(cited["title"]):
            if label not in publishers:
                publishers.append(label)
    shown = "; ".join(publishers[:4]) + (f"; and {len(publishers) - 4} more" if len(publishers) > 4 else "")
    return f"Source: {shown}. Data: {', '.join(names)} ({COLLECTION})."


def references(names: Iterable[str]) -> Markdown:
    """Return the Markdown reference list of a notebook: each dataset, then every source it cites."""
    lines = ["**Datasets**", ""]
    source_ids: list[str] = []
    for name in names:
        lines.append(f"- {cite(name)}")
        source_ids += [s for s in sources_of(name)["source_id"] if s not in source_ids]
    lines += ["", "**Sources**", ""]
    lines += [f"- `{sid}`: {cite_source(sid)}" for sid in sorted(source_ids)]
    return Markdown("\n".join(lines))
