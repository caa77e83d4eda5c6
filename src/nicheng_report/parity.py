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

from nicheng_report.errors import place, staff_message


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
TRANSLATION = re.compile(r"^translation:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
PENDING = "pending"
HEADING_ID = re.compile(r"\{:?\s*#([A-Za-z0-9_-]+)[^}]*\}")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
CODE_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Difference:
    page: str                  # the page, relative to its language's folder (2024/measures.md)
    where: str                 # the file (and line) to edit, as staff see it
    problem: tuple[str, str]   # Chinese, English
    fix: tuple[str, str]

    def __str__(self) -> str:
        return staff_message(self.where, problem=self.problem, fix=self.fix)


def _line_of(path: Path, needle: str) -> int | None:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text[: text.index(needle)].count("\n") + 1 if needle in text else None


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
    zh_file, en_file = f"docs/zh/{shown}", f"docs/en/{shown}"
    if not en_path.exists():
        return [Difference(shown, zh_file,
                           (f"缺少英文页面：{en_file} 不存在。", f"no English twin: {en_file} is missing."),
                           (f"新建 {en_file}（同名文件，标题 id 和数据键名与中文相同），译文未完成时在开头写 translation: pending。",
                            f"create {en_file} (the same file name, the same heading ids and figure keys); while it is "
                            "not translated, put translation: pending in its front matter."))]
    zh_ids, zh_figures = signature(zh_path.read_text(encoding="utf-8"))
    en_text = en_path.read_text(encoding="utf-8")
    en_ids, en_figures = signature(en_text)
    problems: list[Difference] = []
    state = translation_state(en_text)
    if state is not None and state != PENDING:
        problems.append(Difference(shown, place(en_file, _line_of(en_path, "translation:")),
                                   (f"translation: 只能写 pending，现在是 {state}。",
                                    f"`translation: {state}`: the only value is `pending`."),
                                   ("译文未完成时写 translation: pending，译好后删除这一行。",
                                    "write `translation: pending` while the page waits for its translation, and "
                                    "delete the line once it is translated.")))
    if zh_ids != en_ids:
        only_zh = [i for i in zh_ids if i not in en_ids]
        only_en = [i for i in en_ids if i not in zh_ids]
        detail = ((f"仅中文有：{', '.join(only_zh) or '-'}；仅英文有：{', '.join(only_en) or '-'}",
                   f"only in Chinese: {', '.join(only_zh) or '-'}; only in English: {', '.join(only_en) or '-'}")
                  if only_zh or only_en else ("id 相同但顺序不同", "the same ids in a different order"))
        line = _line_of(en_path, f"#{only_en[0]}") if only_en else None
        problems.append(Difference(shown, place(en_file, line) if line else f"{zh_file}, {en_file}",
                                   (f"中英文页面的标题 id 不一致（{detail[0]}）。", f"the heading ids differ ({detail[1]})."),
                                   ("两种语言的标题使用相同的 { #id }，顺序也相同。",
                                    "give the twin headings the same { #id } in the same order.")))
    zh_notes, en_notes = notes_by_section(zh_path.read_text(encoding="utf-8")), notes_by_section(en_text)
    missing = zh_notes - en_notes
    if missing:
        sections = [f"#{section}" if section else "" for section in missing]
        zh_where = "、".join(section or "第一个标题之前" for section in sections)
        en_where = ", ".join(section or "before the first heading" for section in sections)
        problems.append(Difference(shown, en_file,
                                   (f"中文页面的编者注在英文页面中没有对应的编者注（{zh_where}）。",
                                    f"an editor's note of the Chinese page has no English twin ({en_where})."),
                                   (f"在 {en_file} 的同一标题下加上英文的编者注：!!! editorial \"Editor's note\"。",
                                    f"add `!!! editorial \"Editor's note\"` with its English text under the same "
                                    f"heading of {en_file}.")))
    if zh_figures != en_figures:
        diff = ", ".join(sorted((zh_figures - en_figures) + (en_figures - zh_figures)))
        problems.append(Difference(shown, f"{zh_file}, {en_file}",
                                   (f"两种语言的数据占位不一致：{diff}。", f"the figure placeholders differ: {diff}."),
                                   ("两种语言中每个 {{ 键名 }} 出现的次数须相同。",
                                    "use the same {{ key }} the same number of times in both languages.")))
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
            problems.append(no_original(rel))
    return problems


def no_original(rel: str) -> Difference:
    return Difference(rel, f"docs/en/{rel}", (f"缺少中文页面：docs/zh/{rel} 不存在。", f"no Chinese original: docs/zh/{rel} is missing."),
                      ("英文页面须翻译一个同名的中文页面：改正文件名，或删除这个英文页面。",
                       "every English page translates a Chinese one with the same file name: correct the name, or "
                       "delete the English page."))
