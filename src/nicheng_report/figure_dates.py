"""The date each figure and each official correction of a year last changed, for the page
footer's 本页最后更新 (hooks/page_dates.py): from one `git blame` of the year's data file,
each figure's lines found from the line the YAML loader gives its key. A computed figure
changes with the figures it is computed from; a correction counts with its decision date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nicheng_report.figures.expressions import keys_in
from nicheng_report.figures.model import ReportData
from nicheng_report.page_dates import blame_dates, block_end, newest, page_sources
from nicheng_report.paths import relative

__all__ = ["YearDates", "year_dates", "SiteDates"]

SHOWING = {"tables", "charts", "cards"}   # generated content that shows figures


@dataclass(frozen=True)
class YearDates:
    figures: dict[str, str] = field(default_factory=dict)       # key -> date
    pages: dict[str, str] = field(default_factory=dict)         # page stem -> newest correction concerning it
    charted: frozenset[str] = frozenset()                        # the figures of its charts

    def of_page(self, stem: str, keys: set[str], markers: set[str]) -> str | None:
        """The newest date among the figures a page shows (named, or in its generated tables
        and charts) and the corrections concerning it."""
        shown = set(self.figures) if "tables" in markers else keys | (self.charted if "charts" in markers else set())
        return newest(self.pages.get(stem), *(self.figures.get(key) for key in shown))


def year_dates(root: Path, data: ReportData, fallback: str | None) -> YearDates:
    try:
        lines = data.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return YearDates()
    blamed = blame_dates(root, relative(data.path, root))

    def date_of(start: int | None) -> str | None:
        if start is None or not 0 < start <= len(lines):
            return fallback
        found = [blamed.get(number) for number in range(start, block_end(lines, start) + 1)]
        return newest(*found, fallback if any(date is None for date in found) else None)

    own = {key: date_of(figure.line) for key, figure in data.figures.items()}

    def figure_date(key: str, seen: frozenset[str] = frozenset()) -> str | None:
        formula = data.figures[key].formula
        inputs = [figure_date(name, seen | {key}) for name in keys_in(formula or "")
                  if name in data.figures and name not in seen]
        return newest(own[key], *inputs)

    figures = {key: date for key in data.figures if (date := figure_date(key))}
    pages: dict[str, str] = {}
    for correction in data.corrections:
        date = newest(correction.date, date_of(correction.line))
        for stem in (correction.page, "index", "full") + (("figures",) if correction.figure else ()):
            pages[stem] = newest(pages.get(stem), date) or date
    charted = frozenset(key for chart in data.charts.values() for key in chart.figures)
    return YearDates(figures=figures, pages=pages, charted=charted)


@dataclass
class SiteDates:
    """The date each page of one language's site last changed (hooks/page_dates.py, and the
    Markdown stage for engines without hooks): the newest of its own .md and those it includes,
    the figures it shows and the corrections concerning it. Each year's figures dated once,
    when a page first needs them."""
    root: Path
    docs: str                                   # the language's docs folder, "docs/zh"
    dates: dict[str, str]                       # git_dates(root)
    fallback: str | None
    load: Callable[[int], ReportData | None]    # a year's data
    report_years: Callable[[], Iterable[int]]   # every year with a data file
    _years: dict[int, YearDates] = field(default_factory=dict)

    def of_page(self, src_uri: str, source: str, *, docs_dir: str) -> str | None:
        sources = page_sources(src_uri, source, docs_dir=docs_dir)
        date = newest(*(self.dates.get(f"{self.docs}/{src}") or self.fallback for src in sources.pages))
        first, _, rest = src_uri.partition("/")
        if first.isdigit() and rest:
            stem = rest.removesuffix(".md").removesuffix("/index") or "index"
            date = newest(date, self._year(int(first)).of_page(stem, sources.keys, sources.markers))
        elif sources.keys or sources.markers & SHOWING:    # a page outside the years (home): every year's data
            date = newest(date, *(self.dates.get(f"docs/data/{year}.yml") for year in self.report_years()))
        return date

    def _year(self, year: int) -> YearDates:
        if year not in self._years:
            data = self.load(year)
            self._years[year] = year_dates(self.root, data, self.fallback) if data is not None else YearDates()
        return self._years[year]
