"""Check that every Chinese page has an English twin with the same heading ids
and figure placeholders (and the reverse). Exit 1 naming each page that drifts.
Pages whose translation is pending (`translation: pending`) are accepted and listed.

    python -m nicheng_report check-translations [--project DIR]      (make check-translations)
"""

from __future__ import annotations

import argparse
import sys

from nicheng_report.commands.build import project_argument
from nicheng_report.parity import check_all, pending_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report check-translations",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    problems = check_all(args.project)
    pending = pending_pages(args.project)
    if pending:
        print(f"译文待完成（translation: pending），已接受：{len(pending)} 页\n"
              f"Accepted with the translation pending (translation: pending): {len(pending)}")
        for page in pending:
            print(f"  docs/en/{page}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} 处翻译问题。\n{len(problems)} translation problem(s).", file=sys.stderr)
        return 1
    print("中英文页面一致：每个页面都有同名的译文，标题 id 和数据键名相同。\n"
          "Translations in step: every page has its twin with the same ids and figures.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
