"""The whole report on one page, for print: `<!-- report:include PAGE.md -->`
lines take the section pages' text (nicheng_report.full_report). Runs before
the figures hook, which then fills in the figures of the included text."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.full_report import include_pages, missing_page
from nicheng_report.mkdocs_adapter import language_of


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "report:include" not in markdown:
        return None
    folder = PurePosixPath(page.file.src_uri).parent

    def read(path: str, line: int) -> str:
        target = (folder / path).as_posix()
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(missing_page(f"{language_of(config).docs}/{page.file.src_uri}", line, target))
        return file.content_string

    return include_pages(markdown, read)
