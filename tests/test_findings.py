import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import helpers
from helpers.findings import collect_findings


def notebook_with(tmp_path, name, keys):
    cells = [new_markdown_cell("## Trade balance")]
    for key in keys:
        shown = helpers.finding(key, f"Sentence for {key}.", "claims")
        markdown, metadata = shown._repr_markdown_()
        cell = new_code_cell("...")
        cell.outputs = [new_output("execute_result", data={"text/markdown": markdown, "text/plain": repr(shown)},
                                   metadata={"text/markdown": metadata}, execution_count=1)]
        cells.append(cell)
    path = tmp_path / name
    nbformat.write(new_notebook(cells=cells), path)
    return path


def test_findings_are_collected_with_notebook_and_section(tmp_path):
    found = collect_findings([notebook_with(tmp_path, "01_trade.ipynb", ["a", "b"])])
    assert [(f.key, f.notebook, f.section, f.datasets) for f in found] == [
        ("a", "01_trade", "Trade balance", ("claims",)),
        ("b", "01_trade", "Trade balance", ("claims",)),
    ]
    assert found[0].text == "Sentence for a."


def test_duplicate_keys_across_notebooks_are_an_error(tmp_path):
    paths = [notebook_with(tmp_path, "01_a.ipynb", ["same"]), notebook_with(tmp_path, "02_b.ipynb", ["same"])]
    with pytest.raises(ValueError, match="same"):
        collect_findings(paths)


def test_a_finding_must_name_real_datasets_and_say_something():
    with pytest.raises(helpers.UnknownDatasetError, match="Did you mean 'claims'"):
        helpers.finding("k", "Text.", "claim")
    with pytest.raises(ValueError):
        helpers.finding("k", "  ", "claims")
