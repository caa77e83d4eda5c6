"""Check that every Chinese page has an English twin with the same heading ids
and figure placeholders (and the reverse). Exit 1 naming each page that drifts.

    python scripts/check_translations.py        (make check-translations)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from parity import check_all  # noqa: E402


def main(root: Path = ROOT) -> int:
    problems = check_all(root)
    for problem in problems:
        print(f"docs/zh/{problem}" if "no Chinese original" not in problem.problem else f"docs/en/{problem}")
    if problems:
        print(f"\n{len(problems)} translation problem(s) / 处翻译问题。", file=sys.stderr)
        return 1
    print("Translations in step: every page has its twin with the same ids and figures. / 中英文页面一致。")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
