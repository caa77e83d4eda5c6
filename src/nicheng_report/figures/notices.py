"""What readers see of the official corrections (更正说明): for each page, the corrections
it shows, ready for overrides/partials/corrections.html.

A correction shows on the page it concerns (its section's page), on the key-figures page
when it corrects a figure, and all of a year's corrections on the year's first page and on
its print page. A corrected figure lists the figures computed from it that changed with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from nicheng_report.languages import ORIGINAL

from .expressions import keys_in
from .formatting import format_date, format_figure, unit_label
from .model import Correction, Figure, ReportData

__all__ = ["Notice", "notices_for", "page_corrections", "ALL_PAGES", "FIGURE_PAGES"]

ALL_PAGES = ("index", "full")      # a year's pages that list every correction of the year
FIGURE_PAGES = ("figures",)        # and those that list the corrections of figures


@dataclass(frozen=True)
class Notice:
    what: str            # the figure's name, or empty for a sentence (HTML)
    section: str         # page#heading-id
    published: str       # HTML
    now: str             # HTML
    date: str            # YYYY-MM-DD
    date_text: str       # in the page's language
    decided_by: str
    reason: str
    followers: tuple[tuple[str, str, str], ...] = ()   # (name, published, now) of figures computed from it
    sentence: bool = False


def notices_for(data: ReportData, stem: str, lang: str) -> tuple[Notice, ...]:
    """The corrections the page `stem` of the year `data` shows, in the page's language."""
    if stem in ALL_PAGES:
        chosen = data.corrections
    elif stem in FIGURE_PAGES:
        chosen = tuple(c for c in data.corrections if c.figure)
    else:
        chosen = tuple(c for c in data.corrections if c.page == stem)
    return tuple(_notice(data, correction, lang) for correction in chosen)


def _written(figure: Figure, value: Decimal, lang: str) -> str:
    figure = replace(figure, value=value)
    unit = unit_label(figure, lang=lang)
    return format_figure(figure, lang=lang) + (unit if lang == ORIGINAL.code else f" {unit}" if unit else "")


def _notice(data: ReportData, correction: Correction, lang: str) -> Notice:
    common = {"section": correction.section, "date": correction.date,
              "date_text": format_date(correction.date, lang=lang),
              "decided_by": getattr(correction.decided_by, lang), "reason": getattr(correction.reason, lang)}
    if correction.figure is None:
        words = "{}" if lang == ORIGINAL.code else f'<span lang="{ORIGINAL.hreflang}">{{}}</span>'
        return Notice(what="", published=words.format(correction.published), now=words.format(correction.now),
                      sentence=True, **common)
    figure = data.figures[correction.figure]
    followers = tuple((data.figures[key].label.html(lang), _written(data.figures[key], value, lang),
                       _written(data.figures[key], data.figures[key].value, lang))
                      for key, value in data.as_published.items() if _follows(data, key, correction.figure))
    return Notice(what=figure.label.html(lang), published=_written(figure, Decimal(correction.published), lang),
                  now=_written(figure, figure.value, lang), followers=followers, **common)


def _follows(data: ReportData, key: str, source: str) -> bool:
    """`key` is computed, directly or not, from `source`."""
    formula = data.figures[key].formula
    return formula is not None and any(name == source or _follows(data, name, source) for name in keys_in(formula))


def page_corrections(data: ReportData, src_uri: str, url: str, lang: str, *,
                     relative_url: Callable[[str, str], str]) -> dict[str, Any]:
    """What overrides/partials/corrections.html reads of the page `src_uri` (at `url`) of the year
    `data`: `corrections` (each notice with the link to the corrected passage) and `corrections_all`;
    nothing when the page shows none. `relative_url(target, here)`: MkDocs' get_relative_url."""
    if not data.corrections:
        return {}
    year, _, rest = src_uri.partition("/")
    stem = rest.removesuffix(".md").removesuffix("/index") or "index"
    notices = notices_for(data, stem, lang)
    return {"corrections": [{"notice": notice, "href": _href(notice.section, int(year), url, relative_url)}
                            for notice in notices],
            "corrections_all": stem in ALL_PAGES}


def _href(section: str, year: int, here: str, relative_url: Callable[[str, str], str]) -> str:
    """The corrected passage, from the page at `here` (a URL of the site)."""
    stem, heading = section.split("#", 1)
    target = f"{year}/" if stem == "index" else f"{year}/{stem}/"
    return ("" if target == here else relative_url(target, here)) + "#" + heading
