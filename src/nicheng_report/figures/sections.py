"""Figures and the pages that state them.

- Each figure's `section` must name a real page and one of its headings.
- Every figure the report states (origin: stated) must be shown on the page
  its section names, so no stated figure is left out of the site.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from nicheng_report.errors import StaffError, place, staff_message

from .model import ReportData

__all__ = ["heading_ids", "check_sections", "unshown_figures"]


class TocItem(Protocol):
    id: str
    children: Iterable[Any]


def heading_ids(toc: Iterable[TocItem]) -> list[str]:
    """The ids of every heading in a table of contents (MkDocs' page.toc), nested ones too."""
    ids: list[str] = []
    for item in toc:
        ids.append(item.id)
        ids.extend(heading_ids(item.children))
    return ids


def check_sections(years: Mapping[int, ReportData], lang: str,
                   ids_of: Callable[[int, str], set[str] | None]) -> None:
    """`ids_of(year, page)` gives the heading ids of docs/<lang>/YEAR/PAGE.md, or None
    when there is no such page. A section naming neither is a StaffError."""
    for year, data in years.items():
        for fig in data.figures.values():
            ids = ids_of(year, fig.page)
            if ids is None:
                raise StaffError(staff_message(
                    place(f"docs/data/{year}.yml", fig.line) + f", key `{fig.key}`",
                    problem=(f"section: {fig.section} 指向的页面 docs/{lang}/{year}/{fig.page}.md 不存在。",
                             f"section `{fig.section}` names the page docs/{lang}/{year}/{fig.page}.md, which does not exist."),
                    fix=("写成 页面#标题id，指向已有的页面和标题（如 measures#dispute-resolution）。",
                         "use page#heading-id of an existing page (such as measures#dispute-resolution).")))
            if fig.heading not in ids:
                near = difflib.get_close_matches(fig.heading, ids, n=1)
                raise StaffError(staff_message(
                    place(f"docs/data/{year}.yml", fig.line) + f", key `{fig.key}`",
                    problem=(f"section: {fig.section} 中的标题 id 在 docs/{lang}/{year}/{fig.page}.md 中不存在。",
                             f"section `{fig.section}` names no heading of docs/{lang}/{year}/{fig.page}.md."),
                    fix=((f"是不是 `{near[0]}`？" if near else "") + "使用该页标题后 { #id } 中的 id。",
                         (f"Did you mean `{near[0]}`? " if near else "") + "Use the { #id } of a heading on that page.")))


def unshown_figures(years: Mapping[int, ReportData], used: Mapping[tuple[int, str], set[str]],
                    lang: str) -> list[str]:
    """A message for each stated figure that its section's page does not show.
    `used[(year, page)]` holds the keys a page showed."""
    return [
        staff_message(
            place(f"docs/data/{year}.yml", fig.line) + f", key `{key}`",
            problem=(f"报告在 {fig.section} 写了这个数字，但 docs/{lang}/{year}/{fig.page}.md 没有显示它。",
                     f"the report states this figure at {fig.section}, but docs/{lang}/{year}/{fig.page}.md does not show it."),
            fix=(f"在报告相应位置写 {{{{ {key} }}}}，或改正 section:，或把 origin: 改为 described。",
                 f"write {{{{ {key} }}}} where the report states it, or correct section:, or set origin: described."))
        for year, data in years.items()
        for key, fig in data.figures.items()
        if fig.origin == "stated" and key not in used.get((year, fig.page), set())
    ]
