"""The figures in one build of one language of the site: what the site engine's
events call (hooks/figures.py wires them into MkDocs).

1. read_markdown(): markers and placeholders of a page become tokens; the
   figures each page shows are noted.
2. fill(): once the engine's Jinja environment exists, every token of a page is
   rendered in it (snippets.py).
3. check_sections(), unshown(), jsonld(), open_data(): the checks between the
   data and the pages, structured data and the open-data files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .markers import MarkerContext, expand_markers
from .model import ReportData
from .opendata import open_data_files
from .pages import PageRef, year_of
from .placeholders import fill_placeholders
from .sections import check_sections, unshown_figures
from .snippets import Snippet, Snippets
from .jsonld import page_jsonld
from nicheng_report.poster.files import PosterSlot, Render, poster_files

__all__ = ["ReportSite"]


class ReportSite:
    def __init__(self, years: dict[int, ReportData], lang: str, *, drafts: set[int] | frozenset[int] = frozenset(),
                 hidden: set[int] | frozenset[int] = frozenset()) -> None:
        self.years, self.lang = years, lang
        self.drafts = set(drafts)     # years shown as drafts (make serve): never the home page's
        self.hidden = set(hidden)     # drafts left out of this build (make build)
        self.used: dict[tuple[int, str], set[str]] = {}   # (year, page stem) -> keys shown there
        self.snippets: dict[str, Snippets] = {}           # page src_uri -> its snippets
        self.posters: dict[int, PosterSlot] = {}          # year -> its poster, asked for by its at-a-glance page

    def open_data(self) -> Iterator[tuple[str, str]]:
        """(path in the site, content) of every open-data file of every year."""
        for year, data in self.years.items():
            for name, content in open_data_files(data).items():
                yield f"{year}/data/{name}", content

    def hidden_page(self, src_uri: str) -> bool:
        """A page of a draft year that this build leaves out."""
        first = src_uri.split("/", 1)[0]
        return first.isdigit() and int(first) in self.hidden

    def draft_of(self, src_uri: str) -> int | None:
        """The year of a page of a draft year (its banner), else None."""
        first = src_uri.split("/", 1)[0]
        return int(first) if first.isdigit() and int(first) in self.drafts else None

    def year_of(self, src_uri: str) -> int:
        """The page's report year; a page outside the years (home, glossary): the latest finished one."""
        finished = {year: data for year, data in self.years.items() if year not in self.drafts} or self.years
        first = src_uri.split("/", 1)[0]
        return year_of(src_uri, self.years) if first.isdigit() else year_of(src_uri, finished)

    def read_markdown(self, markdown: str, page: PageRef) -> str:
        """The page's Markdown with its markers and placeholders as tokens."""
        year = self.year_of(page.src_uri)
        snippets = self.snippets[page.src_uri] = Snippets(page.where)
        used = self.used.setdefault((year, page.stem), set())
        markdown = expand_markers(markdown, MarkerContext(page=page, year=year, years=self.years, snippets=snippets,
                                                        drafts=frozenset(self.drafts), posters=self.posters))
        return fill_placeholders(markdown, page, self.years[year], snippets, used)

    def pages_to_fill(self) -> list[str]:
        return [src_uri for src_uri, snippets in self.snippets.items() if snippets]

    def fill(self, src_uri: str, html: str, rendered: Callable[[Snippet], tuple[str, set[str]]]) -> tuple[str, set[str]]:
        """The page's HTML with its tokens rendered, and the anchor ids they add."""
        return self.snippets[src_uri].fill(html, rendered)

    def poster_files(self, render: Render, *, cache: Path | None = None) -> Iterator[tuple[str, str | bytes]]:
        """(path in the site, content) of the SVG and PNG of every poster a page shows."""
        for year, slot in sorted(self.posters.items()):
            yield from poster_files(self.years[year], slot, lang=self.lang, render=render, cache=cache)

    def check_sections(self, ids_of: Callable[[int, str], set[str] | None]) -> None:
        check_sections(self.years, self.lang, ids_of)

    def unshown(self) -> list[str]:
        return unshown_figures(self.years, self.used, self.lang)

    def jsonld(self, src_uri: str, url: str) -> dict[str, str]:
        return page_jsonld(self.years[self.year_of(src_uri)], url, self.lang)
