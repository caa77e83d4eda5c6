"""The fidelity check in a build of the Chinese site (hooks/fidelity.py): which years have
their official text, which pages hold it, in the report's order (nicheng_report.fidelity)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nicheng_report.fidelity import anchors_of, check_year, official_body, page_text, published_figures
from nicheng_report.figures.model import ReportData
from nicheng_report.languages import ORIGINAL
from nicheng_report.nav import config_nav, expand
from nicheng_report.paths import DATA, relative

__all__ = ["NOT_OFFICIAL", "official_file", "report_pages", "check_years"]

# A year's pages that are the site's own, not the official text.
NOT_OFFICIAL = ("/figures.md", "/at-a-glance.md", "/full.md")


def official_file(root: Path, year: int) -> Path:
    return root / DATA / f"{year}.official.zh.txt"


def report_pages(root: Path, year: int) -> list[str]:
    """The year's pages that hold its official text, in the report's order (the nav's)."""
    pages = expand(config_nav(root), root).years.get(year, [])
    return [page for page in pages if not page.endswith(NOT_OFFICIAL)]


def check_years(root: Path, years: dict[int, ReportData], content_of: Callable[[str], str | None]) -> None:
    """Every year of `years` that has its official text: its pages (their HTML content from
    `content_of(src_uri)`) hold it. A StaffError at the first difference no correction covers."""
    for year, data in years.items():
        source = official_file(root, year)
        if not source.is_file():
            continue
        anchors, published = anchors_of(data), published_figures(data)
        pages = []
        for src in report_pages(root, year):
            html = content_of(src)
            if html is None:                     # not built (`mkdocs serve --dirty`): nothing to compare
                return
            pages.append(page_text(html, src=src, anchors=anchors, published=published))
        official = official_body(source.read_text(encoding="utf-8").splitlines())
        check_year(data, pages, official, data_path=relative(data.path, root), official_path=relative(source, root),
                   docs=ORIGINAL.docs)
