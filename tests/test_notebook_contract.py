"""Every notebook follows the contract of CONTRIBUTING.md and is committed executed and clean."""

import json
import re
import shutil

import nbformat
import pytest

from helpers.contract import THEMES, contract_problems
from helpers.notebooks import (
    KERNELSPEC,
    NAME_RULE,
    NOTEBOOKS_DIR,
    TEMPLATE,
    new_notebook,
    normalise,
    notebook_paths,
    stray_notebooks,
)

NOTEBOOKS = notebook_paths()
# The collection, every misnamed .ipynb under notebooks/ (so it fails by name), and the template.
EVERY_FILE = NOTEBOOKS + stray_notebooks() + [NOTEBOOKS_DIR / TEMPLATE]
# A path on this machine, not the same letters inside a URL (a web page may live under /home/).
MACHINE_PATH = re.compile(r"((?<![\w.-])(/root/|/tmp/|/work/|/home/[a-z])|ipykernel_\d+)")


def test_there_is_at_least_one_notebook():
    assert NOTEBOOKS, "notebooks/ has no NN_name.ipynb notebook"


@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: p.relative_to(NOTEBOOKS_DIR).as_posix())
def test_contract(path):
    """Every .ipynb under notebooks/, well named or not, meets the contract or names the rule it breaks."""
    problems = contract_problems(path)
    assert not problems, f"{path.name} breaks the notebook contract (CONTRIBUTING.md):\n- " + "\n- ".join(problems)


@pytest.mark.parametrize("name", ["06-tourism.ipynb", "06_Tourism.ipynb", "drafts/06_tourism.ipynb", "_draft.ipynb",
                                  "6_tourism.ipynb"])
def test_a_misnamed_notebook_is_found_and_fails_the_name_rule(tmp_path, name):
    shutil.copy(NOTEBOOKS_DIR / TEMPLATE, tmp_path / TEMPLATE)
    good = tmp_path / NOTEBOOKS[0].name
    shutil.copy(NOTEBOOKS[0], good)
    (tmp_path / name).parent.mkdir(exist_ok=True)
    shutil.copy(NOTEBOOKS[0], tmp_path / name)
    assert stray_notebooks(tmp_path) == [tmp_path / name]
    assert contract_problems(good, folder=tmp_path) == []
    assert contract_problems(tmp_path / name, folder=tmp_path) == [f"name: {NAME_RULE}"]


def test_an_executed_untouched_template_fails_the_contract(tmp_path):
    shutil.copy(NOTEBOOKS_DIR / TEMPLATE, tmp_path / TEMPLATE)
    nb = nbformat.read(NOTEBOOKS_DIR / TEMPLATE, as_version=4)
    for count, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), start=1):
        cell.execution_count = count  # as nbclient leaves it; outputs do not matter to this rule
    nbformat.write(nb, tmp_path / "07_untouched.ipynb")
    problems = contract_problems(tmp_path / "07_untouched.ipynb", folder=tmp_path)
    assert len(problems) == 1 and problems[0].startswith("placeholder text from the template left in")
    for left in ["# Title: the question this notebook answers", "## First question", 'title="..."']:
        assert left in problems[0]
    assert contract_problems(tmp_path / TEMPLATE, folder=tmp_path) == []  # the template itself is exempt


def test_themes_are_declared_in_helpers_not_in_a_test():
    assert {"trade", "people", "oda", "diplomacy"} <= set(THEMES)
    used = {re.search(r"\*\*Theme:\*\* ([\w-]+)", nbformat.read(p, as_version=4).cells[0].source).group(1)
            for p in NOTEBOOKS}
    assert used <= set(THEMES)


@pytest.mark.parametrize("path", NOTEBOOKS + stray_notebooks(), ids=lambda p: p.name)
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
