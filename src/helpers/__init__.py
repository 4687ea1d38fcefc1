"""Shared code of the Cambodia–Japan Relations Notebooks: data, citations, chart style.

Notebooks import this package and tell the story; loading, validation, reshaping and style
live here, tested by ``tests/``.
"""

from helpers.citations import cite, cite_source, references, source_line, sources_of
from helpers.datasets import (
    DataValidationError,
    UnknownDatasetError,
    describe,
    list_datasets,
    load,
    validate,
)
from helpers.findings import finding
from helpers.style import PALETTE, REPORTER_COLOURS, finish_figure, new_figure, use_house_style

__all__ = [
    "PALETTE",
    "REPORTER_COLOURS",
    "DataValidationError",
    "UnknownDatasetError",
    "cite",
    "cite_source",
    "describe",
    "finding",
    "finish_figure",
    "list_datasets",
    "load",
    "new_figure",
    "references",
    "source_line",
    "sources_of",
    "use_house_style",
    "validate",
]
