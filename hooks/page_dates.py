"""When each page last changed, from git, for the page footer (nicheng_report.page_dates)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.mkdocs_adapter import language_of, root_of
from nicheng_report.page_dates import fallback_date, git_dates

_dates: dict[str, str] = {}
_fallback: str | None = None


def on_config(config: MkDocsConfig) -> None:
    global _fallback
    _dates.clear()
    _dates.update(git_dates(root_of(config)))
    _fallback = fallback_date()
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    rel = f"{language_of(config).docs}/{page.file.src_uri}"
    date = _dates.get(rel) or _fallback
    if date:
        page.meta.setdefault("last_changed", date)
    return None
