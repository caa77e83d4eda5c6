"""The Chinese pages reproduce the official text word for word (docs/data/YEAR.official.zh.txt).

Run by the build (hooks/fidelity.py) for every published year that has its official text, and by
tests/test_fidelity.py on the built site. Only whitespace may differ; editor's notes (编者注)
and the site's own furniture are left out of the comparison; a slip stays, marked. A difference
is accepted only when a correction recorded in the year's data file (corrections:) covers it
exactly: the corrected figures are compared at their published value, a corrected sentence
with its published words. Any other difference is a StaffError naming the page, the section,
what the official text says, what the page says and the lines to add to record a correction.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import lxml.html

from nicheng_report.errors import StaffError
from nicheng_report.figures.formatting import format_figure
from nicheng_report.figures.model import ReportData

__all__ = ["FURNITURE", "PageText", "page_text", "official_body", "squash", "check_year", "first_difference",
           "anchors_of", "published_figures"]

# Classes of what is not the official text: the site's furniture, editor's notes, correction notices.
FURNITURE = ("headerlink", "editorial", "site-chrome", "md-content__button", "md-source-file", "translation-notice",
             "page-furniture", "reading-controls", "print-only", "correction-notice")
PRINT_PAGE = "full"   # a year's print page includes every section: all its corrections apply
WHITESPACE = re.compile(r"\s+")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
NUMBER = re.compile(r"[0-9][0-9.,]*")
_FURNITURE_XPATH = " | ".join(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
                              for name in FURNITURE)


def squash(text: str) -> str:
    return WHITESPACE.sub("", text)


@dataclass
class PageText:
    """A page's official text, whitespace removed, with where its sections and figures start."""

    src: str                                                   # e.g. 2024/measures.md
    text: str = ""
    sections: list[tuple[int, str, int]] = field(default_factory=list)   # (offset, heading id, level)
    figures: list[tuple[int, int, str]] = field(default_factory=list)    # (start, end, figure key)

    def section_at(self, offset: int) -> str:
        found = ""
        for start, heading, _ in self.sections:
            if start > offset:
                break
            found = heading
        return found

    def span_of(self, heading: str) -> tuple[int, int] | None:
        """Where the section `heading` is, its subsections included."""
        for index, (start, name, level) in enumerate(self.sections):
            if name == heading:
                end = next((s for s, _, deeper in self.sections[index + 1:] if deeper <= level), len(self.text))
                return start, end
        return None


def page_text(html: str, *, src: str, anchors: Mapping[str, str] | None = None,
              published: Mapping[str, str] | None = None) -> PageText:
    """The official text of a page's content (or its whole <article>). `anchors`: a figure's
    anchor (fig-…) -> its key; `published`: key -> the figure as published, written in instead."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in root.xpath(_FURNITURE_XPATH):
        if node.getparent() is not None:
            node.drop_tree()        # keeps the text that follows it
    result, pieces = PageText(src=src), []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            text = squash(text)
            pieces.append(text)
            length += len(text)

    def walk(node) -> None:
        if not isinstance(node.tag, str):          # comments
            add(node.tail)
            return
        if node.tag in HEADINGS and node.get("id"):
            result.sections.append((length, node.get("id"), int(node.tag[1])))
        key = _figure_key(node, anchors or {})
        if key is not None:
            start = length
            add(published[key] if published and key in published else node.text_content())
            result.figures.append((start, length, key))
        else:
            add(node.text)
            for child in node:
                walk(child)
        add(node.tail)

    add(root.text)
    for child in root:
        walk(child)
    result.text = "".join(pieces)
    return result


def _figure_key(node, anchors: Mapping[str, str]) -> str | None:
    if node.tag != "data" or "figure" not in (node.get("class") or "").split():
        return None
    link = node.find("a")
    anchor = (link.get("href") or "").rpartition("#")[2] if link is not None else ""
    return anchors.get(anchor)


def official_body(lines: Sequence[str]) -> str:
    """A year's official text from its title on, whitespace removed: the portal's metadata lines
    (索引号 …) left out, and the first title of a text that repeats it after them."""
    kept = [line for line in lines if line.strip() and not re.match(r"\s*(索引号|公开类别)", line)]
    return squash("".join(kept[1:] if len(kept) > 1 and kept[0].strip() == kept[1].strip() else kept))


def published_figures(data: ReportData) -> dict[str, str]:
    """Key -> the figure as the published report wrote it, for every figure a correction changed."""
    from dataclasses import replace

    return {key: squash(format_figure(replace(data.figures[key], value=value), lang="zh"))
            for key, value in data.as_published.items()}


def anchors_of(data: ReportData) -> dict[str, str]:
    return {figure.anchor: key for key, figure in data.figures.items()}


def first_difference(expected: str, actual: str) -> int | None:
    if expected == actual:
        return None
    return next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))


def check_year(data: ReportData, pages: Sequence[PageText], official: str, *, data_path: str, official_path: str,
               docs: str = "docs/zh") -> None:
    """The year's pages (PageText with the corrected figures as published, in the report's order)
    hold `official` (official_body), once every recorded sentence correction is put back."""
    texts = [_sentences_put_back(page, data, data_path, docs) for page in pages]
    actual = "".join(texts)
    index = first_difference(official, actual)
    if index is None:
        return
    offset = 0
    for page, text in zip(pages, texts):
        if index < offset + len(text) or page is pages[-1]:
            break
        offset += len(text)
    raise StaffError(_difference_message(data, page, index - offset, official, actual, index,
                                         data_path=data_path, official_path=official_path, docs=docs))


def _sentences_put_back(page: PageText, data: ReportData, data_path: str, docs: str) -> str:
    text = page.text
    stem = page.src.rsplit("/", 1)[-1].removesuffix(".md")
    for correction in data.corrections:
        if correction.figure or correction.page != stem and stem != PRINT_PAGE:
            continue
        span = page.span_of(correction.heading)
        now, published = squash(correction.now), squash(correction.published)
        where = -1 if span is None else text.find(now, span[0], span[1])
        if where < 0:
            raise StaffError(
                f"{data_path}, line {correction.line} / 第{correction.line}行, corrections\n"
                f"  问题：更正中 now: 的文字“{correction.now}”不在 {docs}/{page.src} 的 #{correction.heading} 一节中。\n"
                f"  Problem: the corrected words (now:) “{correction.now}” are not in section "
                f"#{correction.heading} of {docs}/{page.src}.\n"
                f"  修改：从页面中原样复制现在的文字到 now:，并确认 section: 写的是这一节的标题 id。\n"
                f"  Fix: copy the words as the page now has them into now:, and check that section: names "
                f"this section's heading id.")
        text = text[:where] + published + text[where + len(now):]
    return text


def _difference_message(data: ReportData, page: PageText, local: int, official: str, actual: str, index: int, *,
                        data_path: str, official_path: str, docs: str) -> str:
    said, now = _changed(official, actual, index)
    heading = page.section_at(local)
    stem = page.src.rsplit("/", 1)[-1].removesuffix(".md")
    figure = next((key for start, end, key in page.figures if start <= local < end
                   or (start <= local + len(now) and local < end)), None)
    context = f"…{official[max(0, index - 12):index]}"
    if figure is not None:
        start = next(start for start, _, key in page.figures if key == figure)
        published = NUMBER.search(official, index - (local - start))
        value = published.group(0).rstrip(".").replace(",", "") if published else "?"
        record = (f"  - figure: {figure}\n    published: {value}\n    now: {data.figures[figure].value.normalize():f}\n")
    else:
        record = (f"  - section: {stem}#{heading}\n    published: \"{said}\"\n    now: \"{now}\"\n")
    record += ('    date: "YYYY-MM-DD"\n'
               '    decided_by: {zh: 泥城镇人民政府, en: Nicheng Town People\'s Government}\n'
               '    reason: {zh: 更正原因, en: Why it was corrected}\n')
    lines = "corrections:\n" + record.rstrip("\n")   # at the start of the line, as the file has it
    return (f"{docs}/{page.src}, section #{heading} / 第“#{heading}”节: the page differs from the official text "
            f"({official_path}) / 页面与正式文本不一致\n"
            f"  问题：正式文本为“{context}{said}…”，页面现为“{context}{now}…”。\n"
            f"  Problem: the official text says “{context}{said}…”; the page now says “{context}{now}…”.\n"
            f"  修改：页面必须逐字照录正式文本。若这是经批准的更正，在 {data_path} 末尾记录更正"
            f"（日期、决定单位、原因改为实际情况；已有 corrections: 时只加“- ”开头的几行）：\n{lines}\n"
            f"  否则把页面（或 {data_path} 中的数字）改回正式文本。\n"
            f"  Fix: the page must reproduce the official text word for word. If this is an approved correction, "
            f"record it at the end of {data_path} (the lines above, with the real date, who decided and why; "
            f"if corrections: is there already, add only the lines from “- ” on); otherwise change the page "
            f"(or the figure in {data_path}) back to the official text.")


def _changed(official: str, actual: str, index: int) -> tuple[str, str]:
    """What the official text has and what the page has at the first difference, with a few
    characters of context after it, so that the words can be found again."""
    before, after = official[index:index + 200], actual[index:index + 200]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size >= 4]
    said_end, now_end = (blocks[0].a, blocks[0].b) if blocks else (len(before), len(after))
    tail = before[said_end:said_end + 4] if blocks else ""
    return before[:said_end] + tail, after[:now_end] + tail
