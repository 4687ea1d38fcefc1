"""Start-up and mistakes around it: a light `import helpers`, kernel start retried, clear CLI errors,
and a test session that stops on bad data with the root cause on one line."""

import importlib.metadata
import importlib.util
import os
import pkgutil
import shutil
import subprocess
import sys

import nbformat
import pytest

import helpers
from helpers.__main__ import main
from helpers.notebooks import TOOLING_MODULES, compile_helpers
from helpers.paths import REPO_ROOT

HEAVY = ("nbformat", "jsonschema", "frictionless", "nbclient")


def imported_after(code: str) -> set[str]:
    """The top-level modules (of HEAVY, pandas, matplotlib) a fresh interpreter holds after ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "src"), MPLBACKEND="Agg")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return set(out.stdout.split()) & set(HEAVY + ("pandas", "matplotlib"))


def test_import_helpers_imports_nothing_heavy():
    assert imported_after("import helpers") == set()


def test_what_a_notebook_uses_does_not_pull_in_the_notebook_tooling():
    analysis = [m.name for m in pkgutil.iter_modules(helpers.__path__) if m.name not in TOOLING_MODULES]
    used = imported_after("import helpers\nfor name in helpers.__all__: getattr(helpers, name)\n"
                          + "".join(f"import helpers.{name}\n" for name in analysis))
    assert used == {"pandas", "matplotlib"}, "nbformat/jsonschema/frictionless belong in functions that need them"


def iri_grammar_after(code: str) -> str:
    """What a fresh interpreter holds as ``rfc3987_syntax`` after ``code``: 'absent', 'skipped' or 'loaded'."""
    probe = (f"{code}\nimport sys\nm = sys.modules.get('rfc3987_syntax', 'absent')\n"
             "print('skipped' if m is None else 'absent' if m == 'absent' else 'loaded')")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "src"))
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                          check=True).stdout.strip()


def installed(distribution: str) -> bool:
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not installed("rfc3987-syntax"), reason="rfc3987-syntax not installed: nothing to skip")
def test_the_commands_skip_jsonschemas_iri_grammar_and_still_validate_notebooks():
    notebook = REPO_ROOT / "notebooks" / "00_corpus.ipynb"
    read_and_validate = f"import nbformat\nnbformat.validate(nbformat.read({str(notebook)!r}, as_version=4))"
    assert iri_grammar_after(read_and_validate) == "loaded"  # what each command paid before
    assert iri_grammar_after(f"import helpers.__main__\n{read_and_validate}") == "skipped"
    assert iri_grammar_after("import helpers\nimport helpers.notebooks") == "absent"  # a reader's session is left alone
    # This test session: pytest's addopts load the module before nbval imports nbformat.
    assert sys.modules.get("rfc3987_syntax", "absent") is None


def test_every_public_name_and_submodule_resolves():
    assert sorted(helpers.__all__) == sorted(helpers._EXPORTS)
    for name in helpers.__all__:
        assert getattr(helpers, name) is not None
    assert set(helpers.__all__) <= set(dir(helpers))
    assert helpers.periods.period_label.__module__ == "helpers.periods"
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        helpers.no_such_thing  # noqa: B018


class FakeClient:
    """Stands in for nbclient.NotebookClient: each instance fails (or not) as the script says."""

    script: list[str] = []
    started = 0

    def __init__(self, nb, **kwargs):
        self.nb, self.code_cells_executed = nb, 0
        type(self).started += 1

    def execute(self):
        outcome = type(self).script.pop(0)
        if outcome == "dies at start":
            raise RuntimeError("Kernel died before replying to kernel_info")
        self.code_cells_executed = 1
        if outcome == "dies in a cell":
            raise RuntimeError("Kernel died")
        for count, cell in enumerate((c for c in self.nb.cells if c.cell_type == "code"), start=1):
            cell.execution_count = count


@pytest.fixture
def fake_kernel(monkeypatch, tmp_path):
    import nbclient

    monkeypatch.setattr(nbclient, "NotebookClient", FakeClient)
    FakeClient.started = 0
    path = tmp_path / "00_x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    return path


def test_a_kernel_that_dies_at_start_is_started_again_and_said(fake_kernel, capsys):
    from helpers.notebooks import execute_notebook

    FakeClient.script = ["dies at start", "runs"]
    execute_notebook(fake_kernel)
    assert FakeClient.started == 2
    assert nbformat.read(fake_kernel, as_version=4).cells[0].execution_count == 1
    said = capsys.readouterr().err
    assert "kernel failed at start (RuntimeError: Kernel died before replying" in said
    assert "starting a new kernel (attempt 2 of 2)" in said
    FakeClient.script = ["dies at start", "dies at start"]
    with pytest.raises(RuntimeError, match="kernel_info"):
        execute_notebook(fake_kernel)  # retried once, not forever


def test_a_kernel_that_dies_inside_a_cell_is_not_retried(fake_kernel):
    from helpers.notebooks import execute_notebook

    FakeClient.script = ["dies in a cell", "runs"]
    with pytest.raises(RuntimeError, match="Kernel died"):
        execute_notebook(fake_kernel)
    assert FakeClient.started == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["new", "!!!"], "Cannot create the notebook: notebook name '!!!' has no letters or digits"),
     (["execute", "notebooks/99_nowhere.ipynb"], "No such notebook: notebooks/99_nowhere.ipynb")],
)
def test_command_line_mistakes_are_one_line_not_a_traceback(argv, message, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert capsys.readouterr().err.strip() == message


def test_bad_data_stops_the_test_session_with_the_root_cause_first(tmp_path):
    """One bad cell: one line naming file, row and field, instead of dozens of failures."""
    data = shutil.copytree(REPO_ROOT / "data", tmp_path / "data")
    text = (data / "aid_milestones.csv").read_text(encoding="utf-8")
    (data / "aid_milestones.csv").write_text(text.replace("1992-06-22,day", "1992-06-31,day", 1), encoding="utf-8")
    env = dict(os.environ, CJ_DATA_DIR=str(data), CJ_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=str(REPO_ROOT / "src"))
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", "0", "-q", "tests/test_periods.py"],
                         cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    first = run.stdout.strip().splitlines()[0]
    assert run.returncode == pytest.ExitCode.USAGE_ERROR
    assert "Invalid data, no test was run. Fix first: " in first
    assert "aid_milestones.csv, row 2, field 'date': '1992-06-31' is not a real date" in first
    assert "passed" not in run.stdout and "failed" not in run.stdout


def test_executed_kernels_freeze_the_imports_after_the_first_cell_and_still_collect(tmp_path):
    """The runner's kernels (helpers.gc_after_imports): nothing frozen during the first cell, the
    imports frozen after it, and garbage made later still collected."""
    from helpers.notebooks import execute_notebook

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import gc\nimport pandas\nprint(gc.get_freeze_count())"),
        nbformat.v4.new_code_cell("print(gc.get_freeze_count() > 10_000)"),
        nbformat.v4.new_code_cell("a = []; a.append(a); del a\nprint(gc.collect() >= 1)"),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    execute_notebook(path)
    printed = [c.outputs[0]["text"].strip() for c in nbformat.read(path, as_version=4).cells]
    assert printed == ["0", "True", "True"]


def test_execution_leaves_bytecode_for_every_helpers_module_even_where_python_would_not_write_it():
    """Kernels read helpers' bytecode rather than each compiling it again (PYTHONDONTWRITEBYTECODE)."""
    package = REPO_ROOT / "src" / "helpers"
    shutil.rmtree(package / "__pycache__", ignore_errors=True)
    compile_helpers()
    for source in package.glob("*.py"):
        compiled = importlib.util.cache_from_source(str(source))
        assert os.path.exists(compiled), f"no bytecode for {source.name}"
