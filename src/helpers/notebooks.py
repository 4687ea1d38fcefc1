"""Find, create and execute the collection's notebooks, leaving no machine-specific metadata."""

from __future__ import annotations

import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat

from helpers.paths import NOTEBOOKS_DIR

__all__ = ["execute_all", "execute_notebook", "new_notebook", "notebook_paths", "normalise"]

TEMPLATE = "_template.ipynb"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
_NOTEBOOK_NAME = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Return the collection's notebooks (``NN_name.ipynb``), in reading order.

    Examples
    --------
    >>> notebook_paths()[0].name.startswith("00_")
    True
    """
    return sorted(p for p in folder.glob("*.ipynb") if _NOTEBOOK_NAME.match(p.name))


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what differs between machines and runs: kernel names, versions, timings."""
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    )
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
    return nb


def execute_notebook(path: Path, timeout: int = 300) -> float:
    """Execute one notebook in place, from its own folder; return the seconds it took."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        # The kernel's own log (not cell output) warns on every start that local TCP is unencrypted.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute()
    nbformat.write(normalise(nb), path)
    return time.perf_counter() - start


def execute_all(paths: list[Path] | None = None, jobs: int = 2) -> None:
    """Execute notebooks in parallel, printing progress; raise if any fails."""
    paths = notebook_paths() if paths is None else paths
    failures = []
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
        raise RuntimeError(f"{len(failures)} notebook(s) failed: {', '.join(failures)}")


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
        raise FileExistsError(f"a notebook named {slug!r} exists already in {folder}")
    number = max((int(p.name[:2]) for p in existing), default=-1) + 1
    target = folder / f"{number:02d}_{slug}.ipynb"
    shutil.copyfile(folder / TEMPLATE, target)
    return target
