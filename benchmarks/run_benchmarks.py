"""Time the collection's everyday commands and compare notebook execution with its floor.

Run with ``make benchmark`` (or ``.venv/bin/python benchmarks/run_benchmarks.py --repeats 5``).
Every figure is the median of ``--repeats`` runs, each in a fresh subprocess, timed with
``time.perf_counter``:

(i) ``import_*``:      CPU time of a fresh interpreter that imports ``helpers`` (bare, and then
                       touching every public name and analysis module, as notebooks do) against
                       one that imports the bare stack ``pandas, matplotlib, seaborn``; the runs
                       alternate so that a change in the machine's load hits both sides alike;
(a) ``execute``:       every notebook of the collection, executed on copies with 2 workers
                       (``python -m helpers execute --jobs 2``, what ``make execute`` runs);
(b) ``floor``:         as many notebooks holding only ``import pandas, matplotlib, seaborn``,
                       executed the same way: kernel start-up plus the bare stack, not helpers.
                       (a) and (b) alternate too; wall time and CPU time (all child processes,
                       kernels included) are both kept;
(c) ``load_*``:        ``helpers`` loading every dataset cold (empty validation cache), warm from
                       the on-disk cache in a fresh process, and warm again in the same process;
(d) ``test``:          ``ruff check .`` then ``pytest -n 2`` (the two commands of ``make test``), warm;
(e) ``site_*``:        the site build into an empty folder (cold) and over a previous build (warm).

Nothing in the repository is written except ``benchmarks/results.json``: notebooks, the site,
the validation cache (``CJ_CACHE_DIR``) and ruff's cache (``RUFF_CACHE_DIR``) go to a temporary
folder, which is removed at the end. Notebooks and ``data/`` are snapshot there at the start
(``CJ_DATA_DIR``), so edits made while the benchmark runs do not disturb it; the test command
runs on the working tree as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers.notebooks import TOOLING_MODULES

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results.json"
JOBS = 2
TARGETS = {
    "import_helpers_over_stack_cpu_ratio": 1.2,  # (i) helpers, every name touched / bare stack, at most
    "execute_over_floor_ratio": 1.3,  # (a) / (b), wall time, at most
    "execute_over_floor_cpu_ratio": 1.3,  # (a) / (b), CPU time, at most
    "test_warm_s": 60.0,  # full test command, warm, below
    "load_all_warm_s": 0.3,  # every dataset, fresh process, warm cache (import excluded), below
}

# Run in a fresh interpreter: import helpers, load every dataset once, then again `reps` times.
LOAD_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import helpers
import helpers.datasets  # the loader and pandas: `import helpers` alone imports them lazily
imported = time.perf_counter()
names = helpers.list_datasets()
errors = {}

def load_all():
    for name in names:
        try:
            helpers.load(name)
        except Exception as error:
            errors[name] = f"{type(error).__name__}: {error}"[:300]

load_all()
loaded = time.perf_counter()
again = []
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    load_all()
    again.append(time.perf_counter() - t)
print(json.dumps({"import_s": imported - start, "load_all_s": loaded - imported,
                  "in_process_s": again, "datasets": len(names), "errors": errors}))
"""

STACK_IMPORT = "import pandas, matplotlib, seaborn"
IMPORTS = {
    "import_stack": STACK_IMPORT,
    "import_helpers": "import helpers",
    # What a notebook's first cell amounts to: every public name and the analysis modules.
    "import_helpers_all": "import helpers\nfor n in helpers.__all__: getattr(helpers, n)\n"
    "import importlib, pkgutil\nfor m in pkgutil.iter_modules(helpers.__path__):\n"
    f"    if m.name not in {tuple(sorted(TOOLING_MODULES))!r}:\n"
    "        importlib.import_module('helpers.' + m.name)",
}

SITE_PROBE = "import inspect, helpers.site as s; assert 'out' in inspect.signature(s.build_site).parameters"
SITE_SCRIPT = "import sys; from pathlib import Path; from helpers.site import build_site; build_site(Path(sys.argv[1]))"


# ---------------------------------------------------------------------------------------------
# Running and timing
# ---------------------------------------------------------------------------------------------


class CommandFailed(RuntimeError):
    """A timed command exited with a non-zero status."""


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes and their children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], check: bool = True) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``cmd`` from the repository root with its output captured; return (seconds, result).

    The CPU seconds the command used, kernels included, are left in ``result.cpu_s``.
    """
    start, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    result.cpu_s = children_cpu() - cpu
    if check and result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise CommandFailed(f"{' '.join(cmd[:4])} ... exited {result.returncode}:\n{tail}")
    return seconds, result


def repeat(label: str, repeats: int, once: Callable[[], float]) -> dict[str, Any]:
    """Call ``once`` (which returns seconds) ``repeats`` times, printing each run; return the median."""
    runs = []
    for i in range(1, repeats + 1):
        runs.append(once())
        print(f"  [{i}/{repeats}] {label}: {runs[-1]:.3f} s", flush=True)
    return {"median_s": round(statistics.median(runs), 4), "runs_s": [round(r, 4) for r in runs]}


def base_env(cache_dir: Path, ruff_cache: Path) -> dict[str, str]:
    """The environment of every subprocess: caches moved out of the repository, headless charts."""
    env = dict(os.environ)
    env.update(CJ_CACHE_DIR=str(cache_dir), RUFF_CACHE_DIR=str(ruff_cache), MPLBACKEND="Agg")
    return env


def snapshot_data(root: Path) -> Path:
    """Copy ``data/`` (as ``CJ_DATA_DIR`` would find it) to ``root``: edits made meanwhile cannot
    invalidate the warm cache halfway through a measurement."""
    from helpers.paths import data_dir

    return Path(shutil.copytree(data_dir(), root / "data"))


def fresh_dir(root: Path, prefix: str) -> Path:
    """Return a new empty folder under ``root``."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=root))


# ---------------------------------------------------------------------------------------------
# (a), (b): notebooks and their imports-only floor
# ---------------------------------------------------------------------------------------------


def collection(folder: Path | None) -> list[Path]:
    """The collection's notebooks (``helpers.notebooks.notebook_paths``), from ``folder`` if given."""
    from helpers.notebooks import NOTEBOOKS_DIR, notebook_paths

    return notebook_paths(folder or NOTEBOOKS_DIR)


def write_floor(paths: list[Path], dest: Path) -> list[Path]:
    """Write one notebook per real notebook into ``dest``, holding only the bare stack's import."""
    import nbformat

    from helpers.notebooks import KERNELSPEC

    floors = []
    for path in paths:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(STACK_IMPORT)])
        nb.metadata["kernelspec"] = KERNELSPEC
        floors.append(dest / path.name)
        nbformat.write(nb, floors[-1])
    return floors


def time_execute(sources: list[Path], root: Path, env: dict[str, str]) -> tuple[float, float]:
    """Copy ``sources`` into a fresh folder, execute the copies with ``JOBS`` workers; return (wall, CPU) s."""
    dest = fresh_dir(root, "nb-")
    copies = [Path(shutil.copy2(p, dest / p.name)) for p in sources]
    cmd = [sys.executable, "-m", "helpers", "execute", "--jobs", str(JOBS), *map(str, copies)]
    seconds, result = run(cmd, env)
    shutil.rmtree(dest)
    return seconds, result.cpu_s


def alternate(labels: dict[str, Callable[[], tuple[float, float]]], repeats: int) -> dict[str, Any]:
    """Run each (wall, CPU)-timed callable once per round, ``repeats`` rounds; medians of both."""
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in labels}
    for i in range(1, repeats + 1):
        for label, once in labels.items():
            runs[label].append(once())
            wall, cpu = runs[label][-1]
            print(f"  [{i}/{repeats}] {label}: {wall:.3f} s wall, {cpu:.3f} s cpu", flush=True)
    return {
        label: {
            "median_s": round(statistics.median(w for w, _ in timed), 4),
            "runs_s": [round(w, 4) for w, _ in timed],
            "median_cpu_s": round(statistics.median(c for _, c in timed), 4),
            "runs_cpu_s": [round(c, 4) for _, c in timed],
        }
        for label, timed in runs.items()
    }


def bench_imports(env: dict[str, str], repeats: int) -> dict[str, Any]:
    """(i) a fresh interpreter importing helpers against one importing the bare stack, alternating."""
    def once(code: str) -> Callable[[], tuple[float, float]]:
        def timed() -> tuple[float, float]:
            seconds, result = run([sys.executable, "-c", code], env)
            return seconds, result.cpu_s

        return timed

    print(f"(i) fresh interpreters: {', '.join(IMPORTS)} (alternating, {repeats * 2} rounds)", flush=True)
    return alternate({label: once(code) for label, code in IMPORTS.items()}, repeats * 2)


def bench_notebooks(paths: list[Path], root: Path, env: dict[str, str], repeats: int) -> dict[str, Any]:
    """(a) execute the collection, (b) execute its floor; both on copies, in parallel, alternating."""
    snapshot = fresh_dir(root, "notebooks-")
    paths = [Path(shutil.copy2(p, snapshot / p.name)) for p in paths]
    floors = write_floor(paths, fresh_dir(root, "floor-"))
    time_execute(paths, root, env)  # fill the validation cache, as on a developer's machine; not timed
    print(f"(a) executing {len(paths)} notebook(s), (b) as many floor notebooks ({STACK_IMPORT}), "
          f"{JOBS} workers, alternating", flush=True)
    timed = alternate(
        {"execute": lambda: time_execute(paths, root, env), "floor": lambda: time_execute(floors, root, env)},
        repeats,
    )
    return {**timed, "notebooks_own_work": own_work(timed["execute"], timed["floor"])}


def own_work(execute: dict[str, Any], floor: dict[str, Any]) -> dict[str, Any]:
    """What the notebooks add to their floor, round by round: execute − floor, and execute / floor.

    A round's two runs ran back to back, so their difference and ratio are steadier than the
    difference of the two medians when the machine's speed drifts.

    Examples
    --------
    >>> own_work({"runs_s": [3.0, 5.0], "runs_cpu_s": [4.0, 6.0]}, {"runs_s": [2.0, 4.0], "runs_cpu_s": [2.0, 4.0]})
    {'median_s': 1.0, 'median_cpu_s': 2.0, 'ratio_per_round': [1.5, 1.25], 'cpu_ratio_per_round': [2.0, 1.5]}
    """
    def per_round(key: str, combine: Callable[[float, float], float]) -> list[float]:
        return [round(combine(a, b), 4) for a, b in zip(execute[key], floor[key], strict=True)]

    return {
        "median_s": round(statistics.median(per_round("runs_s", float.__sub__)), 4),
        "median_cpu_s": round(statistics.median(per_round("runs_cpu_s", float.__sub__)), 4),
        "ratio_per_round": per_round("runs_s", float.__truediv__),
        "cpu_ratio_per_round": per_round("runs_cpu_s", float.__truediv__),
    }


# ---------------------------------------------------------------------------------------------
# (c): loading every dataset
# ---------------------------------------------------------------------------------------------


def load_once(env: dict[str, str], in_process_reps: int = 0) -> dict[str, Any]:
    """Load every dataset in a fresh interpreter; return its own timings plus the process wall time."""
    wall, result = run([sys.executable, "-c", LOAD_SCRIPT, str(in_process_reps)], env)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["process_s"] = wall
    return report


def bench_datasets(root: Path, env: dict[str, str], repeats: int) -> dict[str, Any]:
    """(c) cold (empty validation cache) and warm (cache filled) loads, each in a fresh process."""
    cold_runs: list[dict[str, Any]] = []

    def cold() -> float:
        cold_env = dict(env, CJ_CACHE_DIR=str(fresh_dir(root, "cache-cold-")))
        cold_runs.append(load_once(cold_env))
        return cold_runs[-1]["load_all_s"]

    print("(c) loading every dataset, cold (empty validation cache, fresh process)", flush=True)
    out: dict[str, Any] = {"load_all_cold": repeat("load all, cold", repeats, cold)}

    load_once(env)  # fill the shared (warm) cache
    warm_runs: list[dict[str, Any]] = []

    def warm() -> float:
        warm_runs.append(load_once(env, in_process_reps=5))
        return warm_runs[-1]["load_all_s"]

    print("(c) loading every dataset, warm (filled cache, fresh process)", flush=True)
    out["load_all_warm"] = repeat("load all, warm", repeats, warm)
    in_process = [s for r in warm_runs for s in r["in_process_s"]]
    out["load_all_in_process"] = _summary(in_process)
    out["import_helpers_in_load"] = _summary([r["import_s"] for r in cold_runs + warm_runs])
    out["load_process_warm"] = _summary([r["process_s"] for r in warm_runs])
    out["datasets"] = warm_runs[-1]["datasets"]
    out["load_errors"] = warm_runs[-1]["errors"]
    print(
        f"    in-process repeat: {out['load_all_in_process']['median_s']:.4f} s; "
        f"import helpers: {out['import_helpers_in_load']['median_s']:.3f} s; "
        f"whole warm process: {out['load_process_warm']['median_s']:.3f} s",
        flush=True,
    )
    for name, error in out["load_errors"].items():
        print(f"    ! {name}: {error.splitlines()[0]}", flush=True)
    return out


def _summary(values: list[float]) -> dict[str, Any]:
    """Median and count of already-measured values."""
    return {"median_s": round(statistics.median(values), 4), "n": len(values)}


# ---------------------------------------------------------------------------------------------
# (d): the test command; (e): the site
# ---------------------------------------------------------------------------------------------


def bench_tests(env: dict[str, str], repeats: int) -> dict[str, Any]:
    """(d) ``ruff check .`` then ``pytest -n 2``, as ``make test`` runs them, with warm caches."""
    ruff = [sys.executable, "-m", "ruff", "check", "."]
    pytest = [sys.executable, "-m", "pytest", "-n", "2", "-q"]
    run(ruff, env, check=False)  # fill ruff's cache: "warm" as on a developer's machine
    outcome: dict[str, Any] = {}

    def once() -> float:
        lint, lint_result = run(ruff, env, check=False)
        tests, test_result = run(pytest, env, check=False)
        lines = test_result.stdout.strip().splitlines()
        outcome.update(
            ruff_exit=lint_result.returncode,
            pytest_exit=test_result.returncode,
            pytest_summary=lines[-1] if lines else "",
            ruff_s=round(lint, 3),
        )
        return lint + tests

    print("(d) full test command (ruff check . && pytest -n 2), warm", flush=True)
    result = repeat("test", repeats, once)
    print(
        f"    last run: ruff exit {outcome['ruff_exit']} ({outcome['ruff_s']} s), "
        f"pytest exit {outcome['pytest_exit']}: {outcome['pytest_summary']}",
        flush=True,
    )
    return {"test_warm": result | outcome}


def bench_site(root: Path, env: dict[str, str], repeats: int) -> dict[str, Any]:
    """(e) the site build into an empty folder (cold) and over an earlier build (warm)."""
    _, probe = run([sys.executable, "-c", SITE_PROBE], env, check=False)
    if probe.returncode != 0:
        return {"skipped": "helpers.site.build_site(out=...) is not available"}

    def build(out: Path) -> float:
        return run([sys.executable, "-c", SITE_SCRIPT, str(out)], env)[0]

    print("(e) site build, cold (empty output folder)", flush=True)
    cold = repeat("site, cold", repeats, lambda: build(fresh_dir(root, "site-cold-")))
    warm_dir = fresh_dir(root, "site-warm-")
    build(warm_dir)
    print("(e) site build, warm (over an earlier build)", flush=True)
    warm = repeat("site, warm", repeats, lambda: build(warm_dir))
    return {"site_cold": cold, "site_warm": warm}


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    """What the figures depend on: cores, Python, platform, date, commit."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit.stdout.strip() or None,
        "loadavg_1min": round(os.getloadavg()[0], 2),
    }


def verdicts(results: dict[str, Any]) -> dict[str, Any]:
    """Compare the medians with the targets; ``None`` where the figure was not measured."""

    def median(key: str, kind: str = "median_s") -> float | None:
        return results.get(key, {}).get(kind)

    def ratio(top: float | None, bottom: float | None) -> float | None:
        return round(top / bottom, 3) if top and bottom else None

    def at_most(name: str, value: float | None) -> tuple[float | None, bool]:
        return value, value is not None and value <= TARGETS[name]

    checks = {
        "import_helpers_over_stack_cpu_ratio": at_most(
            "import_helpers_over_stack_cpu_ratio",
            ratio(median("import_helpers_all", "median_cpu_s"), median("import_stack", "median_cpu_s")),
        ),
        "execute_over_floor_ratio": at_most("execute_over_floor_ratio", ratio(median("execute"), median("floor"))),
        "execute_over_floor_cpu_ratio": at_most(
            "execute_over_floor_cpu_ratio",
            ratio(median("execute", "median_cpu_s"), median("floor", "median_cpu_s")),
        ),
        "test_warm_s": (median("test_warm"), (median("test_warm") or 1e9) < TARGETS["test_warm_s"]),
        "load_all_warm_s": (median("load_all_warm"), (median("load_all_warm") or 1e9) < TARGETS["load_all_warm_s"]),
    }
    return {
        name: {"value": value, "target": TARGETS[name], "met": met if value is not None else None}
        for name, (value, met) in checks.items()
    }


def print_summary(results: dict[str, Any], checks: dict[str, Any], skipped: dict[str, str]) -> None:
    """Print every median, the ratio and where each target stands."""
    print("\nMedians:")
    for name, value in results.items():
        if isinstance(value, dict) and "median_s" in value:
            cpu = f" ({value['median_cpu_s']:.3f} s cpu)" if "median_cpu_s" in value else ""
            print(f"  {name:<22} {value['median_s']:9.3f} s{cpu}")
    for name, reason in skipped.items():
        print(f"  {name:<22} skipped: {reason}")
    print("Targets:")
    for name, check in checks.items():
        state = {True: "met", False: "MISSED", None: "not measured"}[check["met"]]
        value = "-" if check["value"] is None else f"{check['value']:.3f}"
        print(f"  {name:<26} {value:>9} (target {check['target']}): {state}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure; the median is kept")
    parser.add_argument(
        "--only",
        default="imports,notebooks,datasets,test,site",
        help="comma-separated subset of: imports,notebooks,datasets,test,site",
    )
    parser.add_argument(
        "--notebooks", type=Path, default=None, help="folder to take NN_*.ipynb from (default: notebooks/)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    only = set(args.only.split(","))
    results: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="cj-bench-") as tmp:
        root = Path(tmp)
        test_env = base_env(root / "cache", root / "ruff-cache")
        env = dict(test_env, CJ_DATA_DIR=str(snapshot_data(root)))
        machine = machine_info()
        paths = collection(args.notebooks)
        print(f"Benchmarking with {args.repeats} run(s) per figure; {len(paths)} notebook(s).", flush=True)
        if "imports" in only:
            results.update(bench_imports(env, args.repeats))
        if "datasets" in only:
            results.update(bench_datasets(root, env, args.repeats))
        if "notebooks" in only:
            if paths:
                results.update(bench_notebooks(paths, root, env, args.repeats))
            else:
                skipped["execute, floor"] = "the collection has no NN_*.ipynb notebook yet"
        if "test" in only:
            results.update(bench_tests(test_env, args.repeats))
        if "site" in only:
            site = bench_site(root, env, args.repeats)
            if "skipped" in site:
                skipped["site"] = site.pop("skipped")
            results.update(site)
    checks = verdicts(results)
    print_summary(results, checks, skipped)
    machine["loadavg_1min_end"] = round(os.getloadavg()[0], 2)
    report = {
        "machine": machine,
        "repeats": args.repeats,
        "notebooks": len(paths),
        "results": results,
        "targets": checks,
        "skipped": skipped,
    }
    args.output.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
