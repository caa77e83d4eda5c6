"""The whole report on one page, for printing or saving as PDF.

A line `<!-- report:include measures.md -->` is replaced by that page's
Markdown: front matter and site furniture (`<div class="site-chrome" ...>`)
dropped, headings one level lower. The text therefore exists once, in the
section pages, and the printed report can never drift from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

INCLUDE = re.compile(r"^<!--\s*report:include\s+(?P<path>\S+)\s*-->\s*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
CHROME = re.compile(r'^<div class="site-chrome[^"]*"[^>]*>\n.*?^</div>\n', re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def missing_page(where: str, line: int, target: str) -> str:
    """The message for an include line that names no page (every engine's build stops on it)."""
    return (f"{where}, line {line}: report:include names {target}, which does not exist. Fix: name a page of the "
            "same report. / 修改：report:include 须指向同一报告中存在的页面。")


def included(markdown: str) -> str:
    """A section page's Markdown as the print page includes it."""
    body = CHROME.sub("", FRONT_MATTER.sub("", markdown))
    return HEADING.sub(lambda m: "#" + m.group(1) + " ", body).strip() + "\n"


def include_pages(markdown: str, read: Callable[[str, int], str]) -> str:
    """Each include line replaced by `read(path, line)`'s page, as included();
    `read` raises when there is no such page."""
    def include(match: re.Match[str]) -> str:
        line = markdown.count("\n", 0, match.start()) + 1
        return included(read(match.group("path"), line))
    return INCLUDE.sub(include, markdown)
