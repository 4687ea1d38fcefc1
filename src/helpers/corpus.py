"""The seed corpus: the five articles, their manifest, and what their claims are about."""

from __future__ import annotations

import re

import pandas as pd

from helpers import paths

__all__ = ["THEMES", "article_names", "claims_per_seed_and_theme", "seed_manifest", "seed_text", "short_description"]

THEMES = ["trade", "people", "oda", "diplomacy"]


def seed_text(file: str) -> str:
    """Return the text of one seed article (a file name in ``seeds/``)."""
    return (paths.SEEDS_DIR / file).read_text(encoding="utf-8")


def seed_manifest() -> pd.DataFrame:
    """Return ``seeds/manifest.csv`` with the word count of each article, sorted by file.

    Empty cells (an outlet or date the text does not give) stay missing.

    Examples
    --------
    >>> seed_manifest()["source_id"].tolist()[:2]
    ['seed_000', 'seed_001']
    """
    manifest = pd.read_csv(paths.SEEDS_DIR / "manifest.csv", dtype="str", keep_default_na=False, na_values=[""])
    manifest["words"] = [len(re.findall(r"\w+", seed_text(f))) for f in manifest["file"]]
    return manifest.sort_values("file", ignore_index=True)


def claims_per_seed_and_theme(claims: pd.DataFrame) -> pd.DataFrame:
    """Count claims per seed (rows) and theme (columns), with every theme shown and a total.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claims ledger (``helpers.load("claims")``), with ``source_id`` and ``theme``.

    Returns
    -------
    pandas.DataFrame
        Integer counts; a theme a seed never mentions counts 0.

    Examples
    --------
    >>> claims = pd.DataFrame({"source_id": ["seed_000", "seed_000", "seed_001"],
    ...                        "theme": ["trade", "trade", "oda"]})
    >>> claims_per_seed_and_theme(claims).loc["seed_000", "trade"]
    np.int64(2)
    """
    table = pd.crosstab(claims["source_id"], claims["theme"])
    table = table.reindex(columns=THEMES, fill_value=0)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.sort_index()


def article_names() -> dict[str, str]:
    """Return each seed article's reader name (outlet or headline, and month) by ``source_id``.

    The names are the fact-check's own (:func:`helpers.factcheck.seed_article_labels`), so every
    notebook calls an article the same thing.

    Returns
    -------
    dict
        ``{"seed_002": "The Khmer Times, 2 February 2018", ...}``, one entry per article of the manifest.

    Raises
    ------
    KeyError
        If an article of the manifest has no claim, hence no name from the fact-check.
    """
    from helpers.factcheck import seed_article_labels

    names = seed_article_labels()
    unnamed = sorted(set(seed_manifest()["source_id"]) - set(names))
    if unnamed:
        raise KeyError(f"seed article(s) {unnamed} have no claim, so the fact-check gives them no name")
    return dict(sorted(names.items()))


def short_description(description: str) -> str:
    """Return an indicator's description up to its first parenthesis or semicolon, for a table.

    Examples
    --------
    >>> short_description("Two-way merchandise trade (exports plus imports)")
    'Two-way merchandise trade'
    >>> short_description("Year of a dated event; the exact date is in period_start")
    'Year of a dated event'
    """
    return re.split(r" \(|;", description, maxsplit=1)[0].strip()
