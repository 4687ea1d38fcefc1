"""Where the project's folders are.

The package is installed in editable mode from the repository, so the data, notebooks and seeds
live beside ``src/``. ``CJ_DATA_DIR`` points the loader elsewhere (tests use it on temporary
copies of ``data/``). ``CJ_CACHE_DIR`` moves the cache of validation results (default
``.cache/``), e.g. to time a cold load without touching the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
SEEDS_DIR = REPO_ROOT / "seeds"
SITE_DIR = REPO_ROOT / "site"
CACHE_DIR = Path(os.environ.get("CJ_CACHE_DIR", REPO_ROOT / ".cache"))


def data_dir() -> Path:
    """Return the folder holding ``datapackage.json`` (``CJ_DATA_DIR`` overrides the default)."""
    return Path(os.environ.get("CJ_DATA_DIR", REPO_ROOT / "data"))
