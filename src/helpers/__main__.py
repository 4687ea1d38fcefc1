"""Command line: ``python -m helpers {execute,new,check,site,findings,claims}``."""

from __future__ import annotations

import argparse
from pathlib import Path

import helpers.skip_iri_grammar  # noqa: F401  (first: saves each command about 1 s of CPU; see the module)


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
    add_claims_commands(commands)
    args = parser.parse_args(argv)

    if args.command == "execute":
        from helpers.notebooks import NotebookExecutionError, execute_all

        missing = [str(p) for p in args.notebooks if not p.is_file()]
        if missing:
            parser.exit(2, f"No such notebook: {', '.join(missing)}\n")
        try:
            execute_all(args.notebooks or None, jobs=args.jobs)
        except NotebookExecutionError as error:  # the cell errors are printed already
            parser.exit(1, f"{error}\n")
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
    elif args.command == "claims":
        raise SystemExit(run_claims_command(args))


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


# --- claims: draft ledger rows for a new article, then fact-check them -------------------------


def add_claims_commands(commands) -> None:
    """Add ``claims draft ARTICLE.txt`` and ``claims check DRAFT.csv`` to the command line."""
    claims = commands.add_parser("claims", help="draft claims-ledger rows for a new article and fact-check them")
    sub = claims.add_subparsers(dest="claims_command", required=True)
    draft = sub.add_parser("draft", help="propose ledger rows for every figure and date of an article")
    draft.add_argument("article", type=Path)
    draft.add_argument("--source-id", default="seed_005", help="the article's source id (claim ids follow it)")
    draft.add_argument("--date", default=None, help="publication date (YYYY-MM-DD) if the text has no dateline")
    draft.add_argument("--out", type=Path, default=None, help="write the proposed rows here (default: print them)")
    draft.add_argument("--skipped", type=Path, default=None, help="write the skipped numbers and reasons here")
    draft.add_argument("--check", action="store_true", help="also fact-check the rows as proposed (before review)")
    check = sub.add_parser("check", help="fact-check reviewed draft rows against the collection")
    check.add_argument("draft", type=Path)


def run_claims_command(args) -> int:
    """Run ``claims draft`` or ``claims check``; return an exit status."""
    import sys

    from helpers.claims_draft import draft_claims, read_draft

    if args.claims_command == "draft":
        rows, skipped = draft_claims(args.article.read_text(encoding="utf-8"), args.source_id, args.date)
        if args.out:
            rows.to_csv(args.out, index=False, lineterminator="\n")
            print(f"{args.out}: {len(rows)} proposed row(s); review indicator, period and qualifier of each")
        else:
            rows.to_csv(sys.stdout, index=False, lineterminator="\n")
        if args.skipped:
            skipped.to_csv(args.skipped, index=False, lineterminator="\n")
        for s in skipped.itertuples():
            print(f"skipped {s.as_printed!r}: {s.reason}", file=sys.stderr)
        if not args.check:
            return 0
        if not args.out:
            print("--check needs --out (the rows are read back as a reviewer would)", file=sys.stderr)
            return 2
        path = args.out
    else:
        path = args.draft
    from helpers.factcheck import check_new_claims

    rows = read_draft(path, require_indicator=args.claims_command == "check")
    unguessed = rows[rows["indicator"].isna()]
    for row in unguessed.itertuples():
        print(f"{row.claim_id}  {row.value_as_printed}: not checked, no indicator chosen yet")
    _, table = check_new_claims(rows.dropna(subset=["indicator"]))
    for row in table.itertuples():
        print(f"{row.claim_id}  {row.as_printed}: {row.verdict_label}. {row.explanation}")
    return 0


if __name__ == "__main__":
    main()
