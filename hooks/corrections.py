"""The official corrections (更正说明) shown to readers: each page gets the corrections it
shows as `corrections` for overrides/partials/corrections.html (nicheng_report.figures.notices)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from nicheng_report.figures.notices import page_corrections
from nicheng_report.figures.years import load_years
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors


@staff_errors
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any] | None:
    first, _, rest = page.file.src_uri.partition("/")
    if not first.isdigit() or not rest:
        return context
    root, year = root_of(config), int(first)
    folder = root / config.extra.get("report_years_path", "docs/data")
    others = {int(path.stem) for path in folder.glob("[0-9][0-9][0-9][0-9].yml")} - {year}
    data = load_years(folder, root, skip=others).get(year)    # this year only: loaded once (cached)
    if data is not None:
        context.update(page_corrections(data, page.file.src_uri, page.url, language_of(config).code,
                                        relative_url=get_relative_url))
    return context
