"""`make import FILE=report.docx [YEAR=2025] [REPLACE=1]`: next year's report in one step.

    python -m nicheng_report import FILE [--year YEAR] [--replace] [--project DIR]

Reads the official document (.docx as Word gives it, or .txt as copied from the
portal, in UTF-8, UTF-8 with a BOM or GB18030) and writes the year: the Chinese
pages (one a top-level section, headings with ids, every figure a `{{ key }}`),
their English twins (`translation: pending`), docs/data/YEAR.yml (every figure
with `review: true`) and docs/data/YEAR.official.zh.txt (the text the fidelity
checks compare with). The site builds right after. Exit 0 with a summary; 2
with a bilingual refusal and nothing written; 1 if writing failed (undone).

Modules, one concern each:

    reading     .docx (python-docx) and .txt (encoding detection); refusals of bad input
    cleaning    spaces left inside words by text extraction
    structure   title, metadata, addressee, sections and headings, signature, numbering slips
    names       page names, heading ids, figure groups and key words
    figures     the figures of a paragraph: value, unit, qualifier, wording, label, sentence
    keys        keys and groups for every figure; reviewed ones kept on a replace
    pages       the Markdown of both languages
    datafile    docs/data/YEAR.yml
    run         the import from start to end: checks, writing all or nothing
    summary     what staff read afterwards
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    from nicheng_report.commands.build import project_argument

    from .reading import Refused
    from .run import import_report

    parser = argparse.ArgumentParser(prog="python -m nicheng_report import", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the official document, .docx or .txt / 正式文本")
    parser.add_argument("--year", help="the report's year, when it is not the one in the title / 年度")
    parser.add_argument("--replace", action="store_true", help="replace an existing year / 替换已有年度")
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    try:
        imported = import_report(args.project, args.file, year=args.year, replace=args.replace)
    except Refused as refusal:
        print(f"拒绝：{refusal.zh}（没有写入任何文件。）\nRefused: {refusal.en} (Nothing was written.)", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - undone by run._write; explain and stop
        print(f"失败，已撤销全部改动：{error}\nFailed, every change was undone: {error}", file=sys.stderr)
        return 1
    print(imported.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
