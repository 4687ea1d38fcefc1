"""Find, create and execute the collection's notebooks, leaving no machine-specific metadata.

A notebook belongs to the collection when it sits in ``notebooks/`` and is named
``NN_lowercase_words.ipynb``; :func:`stray_notebooks` lists every other ``.ipynb`` file there, so
the tests can fail on it instead of silently leaving it out of the contract checks and the site.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.paths import NOTEBOOKS_DIR

if TYPE_CHECKING:
    import nbformat

__all__ = [
    "NAME_RULE",
    "NotebookExecutionError",
    "TOOLING_MODULES",
    "compile_helpers",
    "execute_all",
    "execute_notebook",
    "new_notebook",
    "notebook_paths",
    "normalise",
    "stray_notebooks",
]


class NotebookExecutionError(RuntimeError):
    """One or more notebooks raised while executing; each error was printed as it happened."""


TEMPLATE = "_template.ipynb"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
_NOTEBOOK_NAME = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")
NAME_RULE = "a notebook lives directly in notebooks/ and is named NN_lowercase_words.ipynb (e.g. 06_tourism.ipynb)"
# The helpers modules behind the commands and the tests (reading, running and rendering notebook
# files); the kernels that run the notebooks import none of them.
TOOLING_MODULES = frozenset({"__main__", "contract", "notebooks", "site", "skip_iri_grammar"})
# How many times a notebook is started when its kernel dies before running the first cell.
KERNEL_START_ATTEMPTS = 2


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Return the collection's notebooks (``NN_name.ipynb``), in reading order.

    Examples
    --------
    >>> notebook_paths()[0].name.startswith("00_")
    True
    """
    return sorted(p for p in folder.glob("*.ipynb") if _NOTEBOOK_NAME.match(p.name))


def stray_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Return every ``.ipynb`` under ``folder`` that breaks the naming rule (:data:`NAME_RULE`).

    Sub-folders count (``notebooks/drafts/x.ipynb`` is stray); the template and Jupyter's
    ``.ipynb_checkpoints`` do not.

    Examples
    --------
    >>> stray_notebooks()
    []
    """
    collection = set(notebook_paths(folder))
    return sorted(
        p
        for p in folder.rglob("*.ipynb")
        if p not in collection and p != folder / TEMPLATE and ".ipynb_checkpoints" not in p.parts
    )


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what differs between machines and runs: kernel names, versions, timings."""
    import nbformat

    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    )
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
    return nb


def execute_notebook(path: Path, timeout: int = 300, attempts: int = KERNEL_START_ATTEMPTS) -> float:
    """Execute one notebook in place, from its own folder; return the seconds it took.

    A kernel that dies before the first cell runs ("Kernel died before replying to
    kernel_info", seen about once in thirty runs) is started again, up to ``attempts`` times in
    all, and the retry is reported on stderr. A failure inside a cell is never retried.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    start = time.perf_counter()
    for attempt in range(1, attempts + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            # The kernel's own log (not cell output) warns on every start that local TCP is unencrypted.
            # The extension keeps the garbage collector off the first cell's imports (see its module).
            extra_arguments=["--IPKernelApp.log_level=ERROR", "--IPKernelApp.extensions=helpers.gc_after_imports"],
        )
        try:
            client.execute()
            break
        except CellExecutionError:
            raise
        except Exception as error:
            died_at_start = client.code_cells_executed == 0
            if not died_at_start or attempt == attempts:
                raise
            print(
                f"{path.name}: the kernel failed at start ({type(error).__name__}: {error}); "
                f"starting a new kernel (attempt {attempt + 1} of {attempts})",
                file=sys.stderr,
                flush=True,
            )
    nbformat.write(normalise(nb), path)
    return time.perf_counter() - start


def compile_helpers() -> None:
    """Write the bytecode of the helpers package, where it is missing or older than its source.

    Every kernel imports helpers. Python writes bytecode on a first import, except where
    ``PYTHONDONTWRITEBYTECODE`` is set (as on some CI machines): then each kernel compiled every
    module again, about 0.1 s of CPU per notebook. Reading bytecode is allowed either way. A
    package installed where it cannot be written is left as it is.
    """
    import compileall

    compileall.compile_dir(Path(__file__).parent, quiet=2)


def execute_all(paths: list[Path] | None = None, jobs: int = 2) -> None:
    """Execute notebooks in parallel, printing progress; raise if any fails."""
    if paths is None:
        paths = notebook_paths()
        for stray in stray_notebooks():
            print(f"  skipped {stray}: {NAME_RULE}", file=sys.stderr, flush=True)
    failures = []
    compile_helpers()
    print(f"Executing {len(paths)} notebook(s) with {jobs} worker(s)...", flush=True)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(execute_notebook, p): p for p in paths}
        for done, future in enumerate(as_completed(futures), start=1):
            path = futures[future]
            try:
                seconds = future.result()
                print(f"  [{done}/{len(paths)}] {path.name}: {seconds:.1f} s", flush=True)
            except Exception as error:  # report every failure, then fail once
                failures.append(path.name)
                print(f"  [{done}/{len(paths)}] {path.name}: FAILED\n{error}", file=sys.stderr)
    if failures:
        raise NotebookExecutionError(f"{len(failures)} notebook(s) failed: {', '.join(failures)} (errors above)")


def new_notebook(name: str, folder: Path = NOTEBOOKS_DIR) -> Path:
    """Copy the template to the next free ``NN_name.ipynb`` and return its path.

    Examples
    --------
    >>> new_notebook("tourism_flows")  # doctest: +SKIP
    PosixPath('.../notebooks/07_tourism_flows.ipynb')
    """
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if not slug:
        raise ValueError(f"notebook name {name!r} has no letters or digits")
    existing = notebook_paths(folder)
    if any(p.name[3:] == f"{slug}.ipynb" for p in existing):
        raise FileExistsError(f"a notebook named {slug!r} exists already in {folder}: choose another name")
    number = max((int(p.name[:2]) for p in existing), default=-1) + 1
    if number > 99:
        raise ValueError(f"notebooks/ already holds notebook 99: {NAME_RULE} leaves no free number")
    target = folder / f"{number:02d}_{slug}.ipynb"
    shutil.copyfile(folder / TEMPLATE, target)
    return target
