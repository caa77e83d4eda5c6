"""The two languages in step: a page whose twin differs in heading ids or figures
fails the build, naming the page and what differs (nicheng_report.parity)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.parity import compare, no_original

log = logging.getLogger("mkdocs.hooks.parity")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Compared once, from the Chinese build; the English build only checks its pages have an original.
    lang = config.extra.get("lang", "zh")
    if page.file.generated_by:
        return None
    docs = Path(config.config_file_path).parent / "docs"
    rel = page.file.src_uri
    if lang == "zh":
        for difference in compare(docs / "zh" / rel, docs / "en" / rel, rel):
            log.warning(str(difference))
    elif not (docs / "zh" / rel).exists():
        log.warning(str(no_original(rel)))
    return None
