"""Keep the two languages in step (FastAPI-style sync checks).

A page and its twin must have the same heading ids and the same figure
placeholders. hooks/parity.py warns during the build (and so fails it, being
strict) naming the page and what differs; `make check-translations` runs the
same comparison over every page at once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


HEADING_ID = re.compile(r"\{:?\s*#([A-Za-z0-9_-]+)[^}]*\}")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
CODE_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Difference:
    page: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.problem}"


def signature(markdown: str) -> tuple[list[str], Counter]:
    text = CODE_FENCE.sub("", markdown)
    return HEADING_ID.findall(text), Counter(PLACEHOLDER.findall(text))


def compare(zh_path: Path, en_path: Path, shown: str) -> list[Difference]:
    """Differences between a Chinese page and its English twin."""
    if not en_path.exists():
        return [Difference(shown, f"no English twin: docs/en/{shown} is missing / 缺少英文页面")]
    zh_ids, zh_figures = signature(zh_path.read_text(encoding="utf-8"))
    en_ids, en_figures = signature(en_path.read_text(encoding="utf-8"))
    problems: list[Difference] = []
    if zh_ids != en_ids:
        only_zh = [i for i in zh_ids if i not in en_ids]
        only_en = [i for i in en_ids if i not in zh_ids]
        detail = (f"only in Chinese 仅中文有: {', '.join(only_zh) or '-'}; only in English 仅英文有: {', '.join(only_en) or '-'}"
                  if only_zh or only_en else "the same ids in a different order / 顺序不同")
        problems.append(Difference(shown, f"heading ids differ / 标题 id 不一致 ({detail}). Fix: give the twin "
                                          "headings the same {{ #id }} in the same order / 修改：两种语言使用相同的 {{ #id }}。"))
    if zh_figures != en_figures:
        diff = (zh_figures - en_figures) + (en_figures - zh_figures)
        problems.append(Difference(shown, f"figure placeholders differ / 数据占位不一致: {', '.join(sorted(diff))}. "
                                          "Fix: use the same {{ key }} the same number of times in both languages "
                                          "/ 修改：两种语言中每个 {{ 键名 }} 出现次数须相同。"))
    return problems


def check_all(root: Path) -> list[Difference]:
    zh_root, en_root = root / "docs" / "zh", root / "docs" / "en"
    problems: list[Difference] = []
    for zh_path in sorted(zh_root.rglob("*.md")):
        rel = zh_path.relative_to(zh_root).as_posix()
        problems += compare(zh_path, en_root / rel, rel)
    for en_path in sorted(en_root.rglob("*.md")):
        rel = en_path.relative_to(en_root).as_posix()
        if not (zh_root / rel).exists():
            problems.append(Difference(rel, f"no Chinese original: docs/zh/{rel} is missing / 缺少中文页面"))
    return problems
