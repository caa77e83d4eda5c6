"""python -m nicheng_report COMMAND [options]: the project's commands, behind the make targets."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "build": "build both languages into site/, atomically (make build)",
    "serve": "live preview of both languages (make serve)",
    "new-year": "start next year's report in both languages (make new-year YEAR=2025)",
    "publish": "put a finished draft year on the site (make publish YEAR=2025)",
    "import": "next year's report from the official .docx or .txt, in one step (make import FILE=report.docx)",
    "check-translations": "every page has its twin with the same ids and figures (make check-translations)",
    "screenshots": "Chromium screenshots of built pages at phone and desktop widths",
    "bench": "build, search, size and Lighthouse figures against budgets (make bench)",
    "search-ranking": "top-1 and top-3 of the resident queries (tests/search_queries.yml), typed in Chromium",
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        width = max(map(len, COMMANDS))
        print("usage: python -m nicheng_report COMMAND [options]\n", file=sys.stderr)
        for name, what in COMMANDS.items():
            print(f"  {name:<{width}}  {what}", file=sys.stderr)
        return 2
    name, rest = args[0], args[1:]
    # The bench and the importer: packages of their own.
    module = {"bench": "bench", "import": "importer", "search-ranking": "bench.ranking"}.get(name, f"commands.{name.replace('-', '_')}")
    return importlib.import_module(f"nicheng_report.{module}").main(rest) or 0


if __name__ == "__main__":
    sys.exit(main())
