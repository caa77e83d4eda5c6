"""When each page last changed, for the page footer (nicheng_report.page_dates): the newest of
the page's own .md, the pages it includes (full.md), the figures it shows (their lines of the
year's data file, nicheng_report.figure_dates) and the official corrections concerning it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.figure_dates import YearDates, year_dates
from nicheng_report.figures.years import load_years
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors
from nicheng_report.page_dates import fallback_date, git_dates, newest, page_sources

_dates: dict[str, str] = {}
_fallback: str | None = None
SHOWING = {"tables", "charts", "cards"}   # generated content that shows figures
_years: dict[int, YearDates] = {}   # per build, each year's figures dated once, when a page first needs it


def on_config(config: MkDocsConfig) -> None:
    global _fallback
    _dates.clear()
    _years.clear()
    _dates.update(git_dates(root_of(config)))
    _fallback = fallback_date()
    return None


@staff_errors
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    docs = language_of(config).docs
    sources = page_sources(page.file.src_uri, page.file.content_string, docs_dir=config.docs_dir)
    date = newest(*(_dates.get(f"{docs}/{src}") or _fallback for src in sources.pages))
    first, _, rest = page.file.src_uri.partition("/")
    if first.isdigit() and rest:
        dates = _year(config, int(first))
        stem = rest.removesuffix(".md").removesuffix("/index") or "index"
        date = newest(date, dates.of_page(stem, sources.keys, sources.markers))
    elif sources.keys or sources.markers & SHOWING:    # a page outside the years (home): every year's data
        date = newest(date, *(_dates.get(f"docs/data/{year}.yml") for year in _report_years(config)))
    if date:
        page.meta.setdefault("last_changed", date)
    return None


def _folder(config: MkDocsConfig):
    return root_of(config) / config.extra.get("report_years_path", "docs/data")


def _report_years(config: MkDocsConfig) -> list[int]:
    return [int(path.stem) for path in _folder(config).glob("[0-9][0-9][0-9][0-9].yml")]


def _year(config: MkDocsConfig, year: int) -> YearDates:
    if year not in _years:
        root = root_of(config)
        others = set(_report_years(config)) - {year}
        data = load_years(_folder(config), root, skip=others).get(year)   # cached: the figures hook read it
        _years[year] = year_dates(root, data, _fallback) if data is not None else YearDates()
    return _years[year]
