"""The bilingual glossary page: a line `<!-- glossary -->` becomes the table of
docs/data/glossary.yml (rows from nicheng_report.glossary, laid out with its headings
in the page's language by overrides/partials/glossary.html). The same file teaches
jieba the terms (hooks/search_terms.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.glossary import MARKER, glossary_rows, load_glossary
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors, theme_env



@staff_errors
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown):
        return None
    rows = glossary_rows(load_glossary(root_of(config)), language_of(config).code)
    table = theme_env(config).get_template("partials/glossary.html").render(config=config, rows=rows).strip()
    return MARKER.sub(lambda _: table, markdown)
