"""When each page last changed, for the page footer (nicheng_report.page_dates): the newest of
the page's own .md, the pages it includes (full.md), the figures it shows (their lines of the
year's data file, nicheng_report.figure_dates) and the official corrections concerning it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.figure_dates import SiteDates
from nicheng_report.figures.years import load_years
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors
from nicheng_report.page_dates import fallback_date, git_dates

_dates: SiteDates | None = None   # per build


def on_config(config: MkDocsConfig) -> None:
    global _dates
    root = root_of(config)
    folder = root / config.extra.get("report_years_path", "docs/data")

    def report_years() -> list[int]:
        return [int(path.stem) for path in folder.glob("[0-9][0-9][0-9][0-9].yml")]

    def load(year: int):   # this year only (cached: the figures hook read it)
        return load_years(folder, root, skip=set(report_years()) - {year}).get(year)

    _dates = SiteDates(root=root, docs=language_of(config).docs, dates=git_dates(root), fallback=fallback_date(),
                       load=load, report_years=report_years)
    return None


@staff_errors
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    date = _dates.of_page(page.file.src_uri, page.file.content_string, docs_dir=config.docs_dir)
    if date:
        page.meta.setdefault("last_changed", date)
    return None
