"""Every notebook follows the contract of CONTRIBUTING.md and is committed executed and clean."""

import json
import re

import nbformat
import pytest

from helpers.notebooks import KERNELSPEC, NOTEBOOKS_DIR, new_notebook, normalise, notebook_paths

NOTEBOOKS = notebook_paths()
THEMES = {"corpus", "trade", "people", "oda", "diplomacy", "fact-check"}
REQUIRED_SECTIONS = ["## Overview", "## Data and sources", "## Summary", "## References"]
# A path on this machine, not the same letters inside a URL (a web page may live under /home/).
MACHINE_PATH = re.compile(r"((?<![\w.-])(/root/|/tmp/|/work/|/home/[a-z])|ipykernel_\d+)")


def headings(nb, level):
    prefix = "#" * level + " "
    return [
        line.strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith(prefix)
    ]


def test_there_is_at_least_one_notebook():
    assert NOTEBOOKS, "notebooks/ has no NN_name.ipynb notebook"


@pytest.mark.parametrize("path", NOTEBOOKS + [NOTEBOOKS_DIR / "_template.ipynb"], ids=lambda p: p.name)
def test_structure(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "first cell must be the # title"
    assert len(headings(nb, 1)) == 1, "exactly one # title"
    theme = re.search(r"\*\*Theme:\*\* ([\w-]+)", first.source)
    assert theme and theme.group(1) in THEMES, f"first cell needs '**Theme:** one of {sorted(THEMES)}'"
    sections = headings(nb, 2)
    positions = [sections.index(s) if s in sections else -1 for s in REQUIRED_SECTIONS]
    missing = [s for s in REQUIRED_SECTIONS if s not in sections]
    assert not missing, f"missing sections: {missing}"
    assert positions == sorted(positions), f"sections out of order: {sections}"
    assert len(sections) > len(REQUIRED_SECTIONS), "no analysis section between Data and Summary"


@pytest.mark.parametrize("path", NOTEBOOKS + [NOTEBOOKS_DIR / "_template.ipynb"], ids=lambda p: p.name)
def test_imports_only_in_the_first_code_cell_and_references_generated(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    importing = re.compile(r"^\s*(import|from)\s+\w", re.MULTILINE)
    assert importing.search(code[0].source), "the first code cell holds the imports"
    late = [i for i, c in enumerate(code[1:], start=2) if importing.search(c.source)]
    assert not late, f"imports in code cells {late}: move them to the first code cell"
    assert "helpers.references(" in code[-1].source, "the last code cell generates the References"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_executed_and_clean(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "commit the notebook executed"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "run top to bottom once"
    assert any(c.outputs for c in code), "no outputs stored: nbval would check nothing"
    for i, cell in enumerate(code, start=1):
        for out in cell.outputs:
            assert out.output_type != "error", f"code cell {i} stored an error"
            assert out.get("name") != "stderr", f"code cell {i} wrote to stderr (a warning?)"
    assert nb.metadata == normalise(nbformat.from_dict(json.loads(json.dumps(nb)))).metadata
    assert nb.metadata.kernelspec == KERNELSPEC
    assert not MACHINE_PATH.search(path.read_text()), "a machine path is stored in the notebook"


def test_new_notebook_copies_the_template_with_the_next_number(tmp_path):
    (tmp_path / "_template.ipynb").write_bytes((NOTEBOOKS_DIR / "_template.ipynb").read_bytes())
    (tmp_path / "00_corpus.ipynb").write_text("{}")
    made = new_notebook("Tourism flows!", folder=tmp_path)
    assert made.name == "01_tourism_flows.ipynb"
    assert made.read_bytes() == (NOTEBOOKS_DIR / "_template.ipynb").read_bytes()
    assert [p.name for p in notebook_paths(tmp_path)] == ["00_corpus.ipynb", "01_tourism_flows.ipynb"]
    with pytest.raises(FileExistsError):
        new_notebook("tourism_flows", folder=tmp_path)
    with pytest.raises(ValueError):
        new_notebook("!!!", folder=tmp_path)


def test_normalise_strips_machine_specific_metadata():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    nb.metadata = {"kernelspec": {"name": "my-env", "display_name": "alice's env"},
                   "language_info": {"name": "python", "version": "3.11.7"}}
    nb.cells[0].metadata["execution"] = {"iopub.execute_input": "2026-11-24T13:00:00Z"}
    out = normalise(nb)
    assert out.metadata == {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    assert "execution" not in out.cells[0].metadata
