"""The bilingual glossary page: a line `<!-- glossary -->` becomes the table of
docs/data/glossary.yml (nicheng_report.glossary). The same file teaches jieba
the terms (hooks/search_terms.py)."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.glossary import glossary_table, load_glossary
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors

MARKER = re.compile(r"^<!--\s*glossary\s*-->\s*$", re.MULTILINE)


@staff_errors
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown):
        return None
    table = glossary_table(load_glossary(root_of(config)), language_of(config).code)
    return MARKER.sub(lambda _: table, markdown)
