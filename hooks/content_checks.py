"""Page mistakes MkDocs lets through (anything loaded from another host, code in a
page, inline styles, an image without alt text, an impossible date) as warnings
naming the file and line, so the strict build fails (nicheng_report.content_checks).

Read after Markdown (on_page_content): Markdown images, raw HTML and attr_list
alike, and only the page's content, not the theme around it. Each message once
per build: the print page includes the section pages, whose problems it finds again
(and places in their own files).
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.content_checks import Source, problems
from nicheng_report.mkdocs_adapter import language_of

log = logging.getLogger("mkdocs.hooks.content_checks")

_reported: set[str] = set()  # per build (the hook module lives across builds under `mkdocs serve`)


def on_pre_build(*, config: MkDocsConfig) -> None:
    _reported.clear()


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.file.generated_by:
        return None
    docs = language_of(config).docs
    others = (Source(f"{docs}/{file.src_uri}", file.content_string)
              for file in files.documentation_pages() if not file.generated_by and file is not page.file)
    here = Source(f"{docs}/{page.file.src_uri}", page.file.content_string)
    for problem in problems(html, page=here, meta=page.meta, others=others):
        if problem not in _reported:
            _reported.add(problem)
            log.warning(problem)
    return None
