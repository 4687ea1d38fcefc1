"""Command line: ``python -m helpers {execute,new,site}``."""

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
    commands.add_parser("site", help="render the executed notebooks to site/")
    args = parser.parse_args(argv)

    if args.command == "execute":
        from helpers.notebooks import execute_all

        execute_all(args.notebooks or None, jobs=args.jobs)
    elif args.command == "new":
        from helpers.notebooks import new_notebook

        print(f"Created {new_notebook(args.name)}: write it, then `make execute` and `make test`.")
    elif args.command == "site":
        from helpers.site import build_site

        build_site()


if __name__ == "__main__":
    main()
