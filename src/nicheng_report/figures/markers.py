"""`<!-- figures:NAME -->` lines: generated content in a page.

MARKERS is the table of what each name makes, one named function each. A
function returns Markdown in which the rendered parts are tokens (snippets.py):
a heading stays Markdown, so that it gets its id and its place in the table of
contents; a table, a chart or the cards are HTML rendered later.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from nicheng_report.errors import StaffError, place, staff_message
from nicheng_report.poster.files import PosterSlot

from .charts import bar_charts
from .model import ReportData
from .pages import PageRef, figures_url
from .snippets import Snippet, Snippets

__all__ = ["MARKER", "MARKERS", "MarkerContext", "expand_markers"]

MARKER = re.compile(r"^<!--\s*figures:(?P<name>[a-z-]+)\s*-->\s*$", re.MULTILINE)


@dataclass(frozen=True)
class MarkerContext:
    page: PageRef
    year: int                        # the report year of the page
    years: Mapping[int, ReportData]  # every year, for the home page
    snippets: Snippets
    drafts: frozenset[int] = frozenset()   # years shown as drafts (make serve): never on the home page
    posters: dict[int, PosterSlot] = field(default_factory=dict)   # the site's: years whose poster a page shows

    @property
    def data(self) -> ReportData:
        return self.years[self.year]

    @property
    def finished(self) -> dict[int, ReportData]:
        """The years the home page lists: every year but the drafts (all of them if all are drafts)."""
        return {year: data for year, data in self.years.items() if year not in self.drafts} or dict(self.years)

    @property
    def latest(self) -> ReportData:
        return self.finished[max(self.finished)]

    def block(self, template: str, **context: object) -> str:
        return self.snippets.token(Snippet(template, context), block=True)

    def markdown(self, template: str, **context: object) -> str:
        return self.snippets.token(Snippet(template, context, markdown=True), block=True)


def tables(ctx: MarkerContext) -> str:
    """The key-figures page: a heading and a table per group."""
    lang = ctx.page.lang
    return "\n\n".join(
        f"## {label.text(lang)} {{ #group-{group.replace('_', '-')} }}\n\n"
        + ctx.block("table", figures=figures, caption=label.html(lang), year=ctx.year)
        for group, label, figures in ctx.data.by_group())


def charts(ctx: MarkerContext) -> str:
    """The year's charts (charts: in its data file), in order."""
    return "\n\n".join(ctx.block("chart", chart=chart) for chart in bar_charts(ctx.data, lang=ctx.page.lang))


def cards(ctx: MarkerContext) -> str:
    """The home page: the latest year's cards (cards: in its data file)."""
    latest = ctx.latest
    return ctx.block("cards", figures=[latest.figures[key] for key in latest.cards],
                     href=ctx.page.link(figures_url(latest.year)))


def downloads(ctx: MarkerContext) -> str:
    """Links to the year's open-data files."""
    data_url = ctx.page.link(f"{ctx.year}/data/").rstrip("/") + "/"
    return ctx.block("downloads", year=ctx.year, data=ctx.data, data_url=data_url)


def latest(ctx: MarkerContext) -> str:
    """The home page: the latest report, with links MkDocs checks (Markdown)."""
    report = ctx.latest
    return ctx.markdown("latest", year=report.year, data=report)


def years(ctx: MarkerContext) -> str:
    """The home page: every year's report, newest first (Markdown)."""
    return ctx.markdown("years", years=sorted(ctx.finished.items(), reverse=True))


def poster(ctx: MarkerContext) -> str:
    """The at-a-glance page: the year's 一图读懂 poster (drawn in on_env, beside the page)."""
    url = ctx.page.url
    slot = ctx.posters.setdefault(ctx.year, PosterSlot(folder=url if url.endswith("/") else url.rpartition("/")[0] + "/"))
    return ctx.block("poster", slot=slot, year=ctx.year, data=ctx.data)


MARKERS: dict[str, Callable[[MarkerContext], str]] = {
    "tables": tables,
    "charts": charts,
    "cards": cards,
    "downloads": downloads,
    "latest": latest,
    "years": years,
    "poster": poster,
}


def expand_markers(markdown: str, ctx: MarkerContext) -> str:
    """Every marker line of `markdown` replaced by what it makes; an unknown name is a StaffError."""
    def expand(match: re.Match[str]) -> str:
        make = MARKERS.get(match.group("name"))
        if make is None:
            line = markdown.count("\n", 0, match.start()) + 1
            names = list(MARKERS)
            near = difflib.get_close_matches(match.group("name"), names, n=1)
            raise StaffError(staff_message(
                place(ctx.page.where, line),
                problem=(f"不认识的标记 <!-- figures:{match.group('name')} -->。",
                         f"<!-- figures:{match.group('name')} --> is not a known marker."),
                fix=((f"是不是 <!-- figures:{near[0]} -->？" if near else "") + f"标记只能是 {'、'.join(names)}。",
                     (f"Did you mean <!-- figures:{near[0]} -->? " if near else "")
                     + f"Use {', '.join(names[:-1])} or {names[-1]}.")))
        return make(ctx)

    return MARKER.sub(expand, markdown)
