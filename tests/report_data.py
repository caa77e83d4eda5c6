"""What the tests read from the project's data instead of writing the current report in: the
report years (newest first), the latest published one, its figures as each language shows them,
and its official text. Read from conftest.PROJECT: this repository, or the copy NICHENG_PROJECT
names (tests/test_staff_tasks.py), so the same tests hold after staff change a figure or add a year."""

from __future__ import annotations

from functools import cache

from conftest import PROJECT
from nicheng_report.drafts import draft_years
from nicheng_report.figures import format_figure, load_report_data
from nicheng_report.figures.model import Figure, ReportData
from nicheng_report.nav import report_years
from nicheng_report.paths import data_file

YEARS = report_years(PROJECT)                                   # every year, drafts too, newest first
PUBLISHED = [year for year in YEARS if year not in draft_years(PROJECT, YEARS)]
LATEST = PUBLISHED[0]                                           # the report the site opens with
NEXT = YEARS[0] + 1                                             # the year `make new-year` may start
DATA_FILE = f"docs/data/{LATEST}.yml"


@cache
def report(year: int = LATEST) -> ReportData:
    return load_report_data(data_file(PROJECT, year), display_path=f"docs/data/{year}.yml")


def figure(key: str, year: int = LATEST) -> Figure:
    return report(year).figures[key]


def shown(key: str, lang: str, year: int = LATEST) -> str:
    """The figure as the pages of `lang` write it (qualifier and unit included)."""
    return format_figure(figure(key, year), lang=lang)


def by_anchor(year: int = LATEST) -> dict[str, Figure]:
    """The figures of the year by the id of their row on the key-figures page (a figure link's #…)."""
    return {item.anchor: item for item in report(year).figures.values()}


def official_text(year: int = LATEST) -> str:
    return (PROJECT / "docs" / "data" / f"{year}.official.zh.txt").read_text(encoding="utf-8")


def raw_value(key: str, year: int = LATEST) -> str:
    """The `value:` of a figure as the data file writes it (what a staff member edits)."""
    import yaml

    return str(yaml.safe_load(data_file(PROJECT, year).read_text(encoding="utf-8"))["figures"][key]["value"])
