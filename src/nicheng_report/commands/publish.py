"""Publish a finished report year: the one step that puts a draft on the site.

    python -m nicheng_report publish YEAR [--project DIR]        (make publish YEAR=2025)

Refuses (exit 1, nothing changed) while anything in the year is unfinished,
listing each item with its file (nicheng_report.drafts.remaining); otherwise
writes `status: published` in docs/data/YEAR.yml. The next `make build` then
puts the year on the site, as the latest report if it is the newest.
"""

from __future__ import annotations

import argparse
import sys

from nicheng_report.commands.build import project_argument
from nicheng_report.drafts import publish


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report publish", description=__doc__.splitlines()[0])
    parser.add_argument("year", help="the report year to publish, e.g. 2025 / 要发布的年度，如 2025")
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    text = args.year.strip()
    if not (len(text) == 4 and text.isdigit()) or not (args.project / "docs" / "data" / f"{text}.yml").is_file():
        print(f"没有 {text} 年度（docs/data/{text}.yml）。请写 make publish YEAR=年份，如 YEAR=2025。\n"
              f"There is no year {text} (docs/data/{text}.yml). Write make publish YEAR=year, such as YEAR=2025.",
              file=sys.stderr)
        return 2
    left = publish(args.project, int(text))
    if left:
        print(f"{text} 年度还不能发布，还有以下各项没有完成（没有改动任何文件）：\n"
              f"The {text} report cannot be published yet; these items are not finished (nothing was changed):",
              file=sys.stderr)
        for line in left:
            print(f"- {line}", file=sys.stderr)
        return 1
    print(f"{text} 年度已标为发布（docs/data/{text}.yml：status: published）。运行 make build，网站即包含它。\n"
          f"The {text} report is marked published (docs/data/{text}.yml: status: published). "
          "Run make build: the site then includes it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
