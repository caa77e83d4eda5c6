"""The official corrections (更正说明) shown to readers: each page gets the corrections it
shows as `corrections` for overrides/partials/corrections.html (nicheng_report.figures.notices)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from nicheng_report.figures.notices import notices_for
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
    if data is not None and data.corrections:
        stem = rest.removesuffix(".md").removesuffix("/index") or "index"
        notices = notices_for(data, stem, language_of(config).content)
        context["corrections"] = [{"notice": notice, "href": _href(notice.section, year, page.url)} for notice in notices]
        context["corrections_all"] = stem in ("index", "full")
    return context


def _href(section: str, year: int, here: str) -> str:
    """The corrected passage, from the page at `here` (a URL of the site)."""
    stem, heading = section.split("#", 1)
    target = f"{year}/" if stem == "index" else f"{year}/{stem}/"
    return ("" if target == here else get_relative_url(target, here)) + "#" + heading
