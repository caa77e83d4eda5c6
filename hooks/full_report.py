"""Assemble the whole report on one page, for printing or saving as PDF.

A line `<!-- report:include measures.md -->` is replaced by that page's
Markdown: front matter and site furniture (`<div class="site-chrome" ...>`)
dropped, headings one level lower. The text therefore exists once, in the
section pages, and the printed report can never drift from them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

INCLUDE = re.compile(r"^<!--\s*report:include\s+(?P<path>\S+)\s*-->\s*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
CHROME = re.compile(r'^<div class="site-chrome[^"]*"[^>]*>\n.*?^</div>\n', re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "report:include" not in markdown:
        return None
    lang = config.extra.get("lang", "zh")
    folder = PurePosixPath(page.file.src_uri).parent

    def include(match: re.Match[str]) -> str:
        target = (folder / match.group("path")).as_posix()
        file = files.get_file_from_path(target)
        if file is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"docs/{lang}/{page.file.src_uri}, line {line}: report:include names {target}, "
                              "which does not exist. Fix: name a page of the same report. "
                              "/ 修改：report:include 须指向同一报告中存在的页面。")
        body = FRONT_MATTER.sub("", file.content_string)
        body = CHROME.sub("", body)
        return HEADING.sub(lambda m: "#" + m.group(1) + " ", body).strip() + "\n"

    return INCLUDE.sub(include, markdown)
