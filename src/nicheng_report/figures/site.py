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

from .markers import MarkerContext, expand_markers
from .model import ReportData
from .opendata import open_data_files
from .pages import PageRef, year_of
from .placeholders import fill_placeholders
from .sections import check_sections, unshown_figures
from .snippets import Snippet, Snippets
from .jsonld import page_jsonld

__all__ = ["ReportSite"]


class ReportSite:
    def __init__(self, years: dict[int, ReportData], lang: str) -> None:
        self.years, self.lang = years, lang
        self.used: dict[tuple[int, str], set[str]] = {}   # (year, page stem) -> keys shown there
        self.snippets: dict[str, Snippets] = {}           # page src_uri -> its snippets

    def open_data(self) -> Iterator[tuple[str, str]]:
        """(path in the site, content) of every open-data file of every year."""
        for year, data in self.years.items():
            for name, content in open_data_files(data).items():
                yield f"{year}/data/{name}", content

    def read_markdown(self, markdown: str, page: PageRef) -> str:
        """The page's Markdown with its markers and placeholders as tokens."""
        year = year_of(page.src_uri, self.years)
        snippets = self.snippets[page.src_uri] = Snippets(page.where)
        used = self.used.setdefault((year, page.stem), set())
        markdown = expand_markers(markdown, MarkerContext(page=page, year=year, years=self.years, snippets=snippets))
        return fill_placeholders(markdown, page, self.years[year], snippets, used)

    def pages_to_fill(self) -> list[str]:
        return [src_uri for src_uri, snippets in self.snippets.items() if snippets]

    def fill(self, src_uri: str, html: str, rendered: Callable[[Snippet], tuple[str, set[str]]]) -> tuple[str, set[str]]:
        """The page's HTML with its tokens rendered, and the anchor ids they add."""
        return self.snippets[src_uri].fill(html, rendered)

    def check_sections(self, ids_of: Callable[[int, str], set[str] | None]) -> None:
        check_sections(self.years, self.lang, ids_of)

    def unshown(self) -> list[str]:
        return unshown_figures(self.years, self.used, self.lang)

    def jsonld(self, src_uri: str, url: str) -> dict[str, str]:
        return page_jsonld(self.years[year_of(src_uri, self.years)], url, self.lang)
