"""Command line: ``python -m helpers {execute,new,check,site,findings}``."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("execute", help="execute notebooks in place (all by default)")
    run.add_argument("notebooks", nargs="*", type=Path)
    run.add_argument("--jobs", type=int, default=2)
    new = commands.add_parser("new", help="start a notebook from the template")
    new.add_argument("name")
    check = commands.add_parser("check", help="check notebooks against the contract of CONTRIBUTING.md")
    check.add_argument("notebooks", nargs="*", type=Path, help="default: every .ipynb under notebooks/")
    commands.add_parser("site", help="render the executed notebooks to site/")
    index = commands.add_parser("findings", help="regenerate the findings table in README.md")
    index.add_argument("--check", action="store_true", help="only report (exit 1) if the README is stale")
    index.add_argument("--readme", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.command == "execute":
        from helpers.notebooks import execute_all

        missing = [str(p) for p in args.notebooks if not p.is_file()]
        if missing:
            parser.exit(2, f"No such notebook: {', '.join(missing)}\n")
        execute_all(args.notebooks or None, jobs=args.jobs)
    elif args.command == "new":
        from helpers.notebooks import new_notebook

        try:
            made = new_notebook(args.name)
        except (ValueError, FileExistsError) as error:  # a user's mistake: one line, no traceback
            parser.exit(2, f"Cannot create the notebook: {error}\n")
        print(f"Created {made}: write it, then `make execute NB=notebooks/{made.name}` and `make test`.")
    elif args.command == "check":
        raise SystemExit(check_notebooks(args.notebooks))
    elif args.command == "site":
        from helpers.site import build_site

        build_site()
    elif args.command == "findings":
        raise SystemExit(update_readme(args.readme, check=args.check))


def check_notebooks(paths: list[Path]) -> int:
    """Print the contract rules each notebook breaks; return 1 if any does, else 0."""
    from helpers.contract import contract_problems
    from helpers.notebooks import notebook_paths, stray_notebooks

    failed = 0
    for path in paths or notebook_paths() + stray_notebooks():
        problems = contract_problems(path.resolve())
        failed += bool(problems)
        print(f"{path}: " + ("meets the contract" if not problems else "\n  - " + "\n  - ".join(problems)))
    return 1 if failed else 0


def update_readme(readme: Path | None = None, check: bool = False) -> int:
    """Rewrite the findings table of the README from the executed notebooks; return an exit status.

    With ``check``, nothing is written and the status is 1 when the table is out of date.
    """
    from helpers.citations import findings_markdown, replace_findings_section
    from helpers.findings import collect_findings
    from helpers.notebooks import notebook_paths
    from helpers.paths import REPO_ROOT

    path = readme or REPO_ROOT / "README.md"
    findings = collect_findings(notebook_paths())
    text = path.read_text(encoding="utf-8")
    fresh = replace_findings_section(text, findings_markdown(findings))
    if fresh == text:
        print(f"{path.name}: findings table up to date ({len(findings)} finding(s))")
        return 0
    if check:
        print(f"{path.name}: findings table is stale; run `python -m helpers findings`")
        return 1
    path.write_text(fresh, encoding="utf-8")
    print(f"{path.name}: findings table rewritten ({len(findings)} finding(s))")
    return 0


if __name__ == "__main__":
    main()
