"""Page mistakes MkDocs lets through (an image without alt text, a <script>, an
impossible date) as warnings naming the file and line, so the strict build
fails (nicheng_report.content_checks)."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.content_checks import problems
from nicheng_report.mkdocs_adapter import language_of

log = logging.getLogger("mkdocs.hooks.content_checks")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.file.generated_by:
        return None
    where = f"{language_of(config).docs}/{page.file.src_uri}"
    for problem in problems(markdown, source=page.file.content_string, meta=page.meta, where=where):
        log.warning(problem)
    return None
