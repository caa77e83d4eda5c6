"""Keep the two languages in step (FastAPI-style sync checks).

A page and its twin must have the same heading ids and the same figure
placeholders. hooks/parity.py warns during the build (and so fails it, being
strict) naming the page and what differs; `make check-translations` runs the
same comparison over every page at once.

An English page whose translation is still to be made says so in its front
matter, `translation: pending` (`make import` writes its pages that way: the
Chinese text, the same ids and placeholders, no invented English). Such a page
is accepted, explicitly: it must still have the same ids and figures, and
`make check-translations` lists it as pending; the site shows a notice on it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
TRANSLATION = re.compile(r"^translation:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
PENDING = "pending"
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


NOTE = re.compile(r"^!!![ \t]+editorial\b", re.MULTILINE)
HEADING_LINE = re.compile(r"^#{1,6}[ \t].*?\{:?\s*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}[ \t]*$", re.MULTILINE)


def notes_by_section(markdown: str) -> Counter:
    """How many editor's notes (`!!! editorial`) each section holds: heading id -> count
    ("" for the notes before the first heading)."""
    text = CODE_FENCE.sub("", markdown)
    counts: Counter = Counter()
    section, start = "", 0
    for heading in HEADING_LINE.finditer(text):
        counts[section] += len(NOTE.findall(text, start, heading.start()))
        section, start = heading.group("id"), heading.end()
    counts[section] += len(NOTE.findall(text, start))
    return +counts


def translation_state(markdown: str) -> str | None:
    """The page's `translation:` front-matter field ("pending"), or None when it has none."""
    front = FRONT_MATTER.match(markdown)
    found = TRANSLATION.search(front.group(1)) if front else None
    return found.group("value").strip("'\"") if found else None


def is_pending(en_path: Path) -> bool:
    return en_path.is_file() and translation_state(en_path.read_text(encoding="utf-8")) == PENDING


def pending_pages(root: Path) -> list[str]:
    """The English pages (relative to docs/en) whose translation is pending, accepted as such."""
    en_root = root / "docs" / "en"
    return [path.relative_to(en_root).as_posix() for path in sorted(en_root.rglob("*.md")) if is_pending(path)]


def compare(zh_path: Path, en_path: Path, shown: str) -> list[Difference]:
    """Differences between a Chinese page and its English twin."""
    if not en_path.exists():
        return [Difference(shown, f"no English twin: docs/en/{shown} is missing / 缺少英文页面")]
    zh_ids, zh_figures = signature(zh_path.read_text(encoding="utf-8"))
    en_text = en_path.read_text(encoding="utf-8")
    en_ids, en_figures = signature(en_text)
    problems: list[Difference] = []
    state = translation_state(en_text)
    if state is not None and state != PENDING:
        problems.append(Difference(shown, f"`translation: {state}` in docs/en/{shown}: the only value is `pending` "
                                          "/ translation: 只能写 pending. Fix: write `translation: pending` while the "
                                          "page waits for its translation, and delete the line once it is translated "
                                          "/ 修改：译文未完成时写 translation: pending，译好后删除这一行。"))
    if zh_ids != en_ids:
        only_zh = [i for i in zh_ids if i not in en_ids]
        only_en = [i for i in en_ids if i not in zh_ids]
        detail = (f"only in Chinese 仅中文有: {', '.join(only_zh) or '-'}; only in English 仅英文有: {', '.join(only_en) or '-'}"
                  if only_zh or only_en else "the same ids in a different order / 顺序不同")
        problems.append(Difference(shown, f"heading ids differ / 标题 id 不一致 ({detail}). Fix: give the twin "
                                          "headings the same {{ #id }} in the same order / 修改：两种语言使用相同的 {{ #id }}。"))
    zh_notes, en_notes = notes_by_section(zh_path.read_text(encoding="utf-8")), notes_by_section(en_text)
    missing = zh_notes - en_notes
    if missing:
        where = ", ".join(f"#{section}" if section else "before the first heading / 第一个标题之前" for section in missing)
        problems.append(Difference(shown, f"an editor's note of the Chinese page has no English twin / 中文页面的编者注"
                                          f"在英文页面中没有对应的编者注 ({where}). Fix: add `!!! editorial \"Editor's "
                                          f"note\"` with its English text under the same heading of docs/en/{shown} "
                                          "/ 修改：在英文页面同一标题下加上英文的编者注。"))
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
