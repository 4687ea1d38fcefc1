"""The seed corpus: the five articles, their manifest, and what their claims are about."""

from __future__ import annotations

import re

import pandas as pd

from helpers.paths import SEEDS_DIR

__all__ = ["claims_per_seed_and_theme", "seed_manifest", "seed_text"]

THEMES = ["trade", "people", "oda", "diplomacy"]


def seed_text(file: str) -> str:
    """Return the text of one seed article (a file name in ``seeds/``)."""
    return (SEEDS_DIR / file).read_text(encoding="utf-8")


def seed_manifest() -> pd.DataFrame:
    """Return ``seeds/manifest.csv`` with the word count of each article, sorted by file.

    Empty cells (an outlet or date the text does not give) stay missing.

    Examples
    --------
    >>> seed_manifest()["source_id"].tolist()[:2]
    ['seed_000', 'seed_001']
    """
    manifest = pd.read_csv(SEEDS_DIR / "manifest.csv", dtype="str", keep_default_na=False, na_values=[""])
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
