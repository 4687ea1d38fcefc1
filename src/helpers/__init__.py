"""Shared code of the Cambodia–Japan Relations Notebooks: data, citations, chart style.

Notebooks import this package and tell the story; loading, validation, reshaping and style
live here, tested by ``tests/``.

``import helpers`` itself imports nothing heavy: each public name is imported from its module
the first time it is used (PEP 562), so a kernel pays only for what its notebook touches, and
never for the notebook-file tooling (nbformat, jsonschema) or the validator (Frictionless).
A new public name goes in ``_EXPORTS``, ``__all__`` and the ``TYPE_CHECKING`` block.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the module that defines it.
_EXPORTS = {
    "cite": "citations",
    "cite_source": "citations",
    "references": "citations",
    "source_line": "citations",
    "sources_of": "citations",
    "DataValidationError": "datasets",
    "UnknownDatasetError": "datasets",
    "describe": "datasets",
    "list_datasets": "datasets",
    "load": "datasets",
    "validate": "datasets",
    "claim_verdicts": "factcheck",
    "finding": "findings",
    "LEADER_LINE": "style",
    "PALETTE": "style",
    "REPORTER_COLOURS": "style",
    "VERDICT_COLOURS": "style",
    "VERDICT_LABELS": "style",
    "finish_figure": "style",
    "format_axis": "style",
    "new_figure": "style",
    "spread_labels": "style",
    "use_house_style": "style",
    "table": "tables",
}

__all__ = [
    "LEADER_LINE",
    "PALETTE",
    "REPORTER_COLOURS",
    "VERDICT_COLOURS",
    "VERDICT_LABELS",
    "DataValidationError",
    "UnknownDatasetError",
    "cite",
    "claim_verdicts",
    "cite_source",
    "describe",
    "finding",
    "finish_figure",
    "format_axis",
    "list_datasets",
    "load",
    "new_figure",
    "references",
    "source_line",
    "sources_of",
    "spread_labels",
    "table",
    "use_house_style",
    "validate",
]

if TYPE_CHECKING:  # what linters and editors see; at run time __getattr__ does the importing
    from helpers.citations import cite, cite_source, references, source_line, sources_of
    from helpers.datasets import DataValidationError, UnknownDatasetError, describe, list_datasets, load, validate
    from helpers.factcheck import claim_verdicts
    from helpers.findings import finding
    from helpers.style import (
        LEADER_LINE,
        PALETTE,
        REPORTER_COLOURS,
        VERDICT_COLOURS,
        VERDICT_LABELS,
        finish_figure,
        format_axis,
        new_figure,
        spread_labels,
        use_house_style,
    )
    from helpers.tables import table


def __getattr__(name: str) -> Any:
    """Import a public name, or a submodule (``helpers.trade``), on first use."""
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"helpers.{_EXPORTS[name]}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name.startswith("_"):  # dunder probes (doctest, pickle, IPython) are not submodules
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    try:
        return importlib.import_module(f"helpers.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"helpers.{name}":
            raise  # a submodule exists but one of its own imports is missing: say that
        raise AttributeError(f"module 'helpers' has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
