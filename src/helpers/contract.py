"""The notebook contract of CONTRIBUTING.md as code: each rule a notebook can break, in words.

``tests/test_notebook_contract.py`` runs :func:`contract_problems` on every ``.ipynb`` under
``notebooks/``; ``python -m helpers check notebooks/NN_name.ipynb`` runs it on one, before the
test command. A new theme is one more word in :data:`THEMES`, here, not in a test.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers.notebooks import NAME_RULE, NOTEBOOKS_DIR, TEMPLATE, notebook_paths

__all__ = ["REQUIRED_SECTIONS", "THEMES", "contract_problems", "placeholders_left"]

# The themes a notebook's `**Theme:**` line may name; the site groups notebooks by them.
THEMES = ("corpus", "trade", "people", "oda", "diplomacy", "fact-check")
REQUIRED_SECTIONS = ("## Overview", "## Data and sources", "## Summary", "## References")
_THEME = re.compile(r"\*\*Theme:\*\* ([\w-]+)")
_IMPORTING = re.compile(r"^\s*(import|from)\s+\w", re.MULTILINE)
# Code the template leaves to fill in: a "..." string (a chart title) or a "# ..." comment.
_CODE_PLACEHOLDER = re.compile(r"""(["'])\.\.\.\1|#\s*\.\.\.""")


def _headings(nb, level: int) -> list[str]:
    prefix = "#" * level + " "
    return [
        line.strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith(prefix)
    ]


def _template_lines(template: Path) -> set[str]:
    """The template's own prose and example headings: text a finished notebook has replaced."""
    import nbformat

    nb = nbformat.read(template, as_version=4)
    kept = set(REQUIRED_SECTIONS) | {"## Caveats"}
    return {
        line.strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.strip() and line.strip() not in kept and not _THEME.search(line)
    }


def placeholders_left(nb, template: Path = NOTEBOOKS_DIR / TEMPLATE) -> list[str]:
    """Return the template's placeholder lines still in ``nb`` (prose, headings, "..." in code).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.read(NOTEBOOKS_DIR / TEMPLATE, as_version=4)
    >>> placeholders_left(nb)[0]
    '# Title: the question this notebook answers'
    """
    template_lines = _template_lines(template)
    found = []
    for cell in nb.cells:
        for line in cell.source.splitlines():
            if (cell.cell_type == "markdown" and line.strip() in template_lines) or (
                cell.cell_type == "code" and _CODE_PLACEHOLDER.search(line)
            ):
                found.append(line.strip())
    return found


def contract_problems(path: Path, folder: Path = NOTEBOOKS_DIR) -> list[str]:
    """Return every rule of the contract that the notebook at ``path`` breaks (empty: it complies).

    The template itself is exempt from the naming and placeholder rules, not from the others.

    Examples
    --------
    >>> contract_problems(notebook_paths()[0])
    []
    """
    import nbformat

    is_template = path == folder / TEMPLATE
    problems = []
    if not is_template and path not in notebook_paths(folder):
        problems.append(f"name: {NAME_RULE}")
    nb = nbformat.read(path, as_version=4)
    if not nb.cells:
        return problems + ["the notebook has no cells"]
    first = nb.cells[0]
    if first.cell_type != "markdown" or not first.source.startswith("# "):
        problems.append("the first cell must be Markdown starting with the '# Title'")
    if len(_headings(nb, 1)) != 1:
        problems.append(f"exactly one '# Title' heading, found {len(_headings(nb, 1))}")
    theme = _THEME.search(first.source)
    if not theme or theme.group(1) not in THEMES:
        problems.append(f"the first cell needs a line '**Theme:** x' with x one of {', '.join(THEMES)} "
                        "(a new theme is added to helpers.contract.THEMES)")
    sections = _headings(nb, 2)
    missing = [s for s in REQUIRED_SECTIONS if s not in sections]
    if missing:
        problems.append(f"missing sections: {', '.join(missing)}")
    else:
        positions = [sections.index(s) for s in REQUIRED_SECTIONS]
        if positions != sorted(positions):
            problems.append(f"sections out of order (Overview, Data and sources, ..., Summary, References): {sections}")
        if positions[2] - positions[1] < 2:
            problems.append("no analysis section (##) between 'Data and sources' and 'Summary'")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code or not _IMPORTING.search(code[0].source):
        problems.append("the first code cell holds the imports")
    late = [i for i, c in enumerate(code[1:], start=2) if _IMPORTING.search(c.source)]
    if late:
        problems.append(f"imports in code cells {late}: move them to the first code cell")
    if not code or "helpers.references(" not in code[-1].source:
        problems.append("the last code cell generates the References with helpers.references([...])")
    if not is_template:
        left = placeholders_left(nb, folder / TEMPLATE)
        if left:
            problems.append(f"placeholder text from the template left in: {left}")
    return problems
