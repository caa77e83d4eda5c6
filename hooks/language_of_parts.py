"""Chinese quoted in English pages is marked lang="zh-CN" (WCAG 2.1 SC 3.1.2),
so screen readers switch voice (nicheng_report.language_of_parts)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.language_of_parts import mark_chinese


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if config.extra.get("lang") != "en":
        return None
    return mark_chinese(html)
