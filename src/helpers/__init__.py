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
from helpers.factcheck import claim_verdicts
from helpers.findings import finding
from helpers.style import (
    PALETTE,
    REPORTER_COLOURS,
    VERDICT_COLOURS,
    VERDICT_LABELS,
    finish_figure,
    format_axis,
    new_figure,
    use_house_style,
)
from helpers.tables import table

__all__ = [
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
    "table",
    "use_house_style",
    "validate",
]
