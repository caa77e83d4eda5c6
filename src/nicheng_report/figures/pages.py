"""A page as the figures see it, without MkDocs: where it is, its address, its
own text; links between pages as MkDocs makes them (relative, directory URLs)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PageRef", "relative_url", "figures_url", "year_of", "origin"]


@dataclass(frozen=True)
class PageRef:
    src_uri: str      # "2024/measures.md", inside the language's docs folder
    url: str          # "2024/measures/"
    source: str       # the page's own Markdown, as staff wrote it
    lang: str         # "zh" or "en"
    docs_dir: Path    # docs/zh or docs/en

    @property
    def where(self) -> str:
        """How staff find the file: docs/zh/2024/measures.md."""
        return f"docs/{self.lang}/{self.src_uri}"

    @property
    def stem(self) -> str:
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")

    def link(self, url: str) -> str:
        """A relative link from this page to the page (or folder) at `url`."""
        return relative_url(url, self.url)


def relative_url(url: str, other: str) -> str:
    """`url` relative to `other`, exactly as mkdocs.utils.get_relative_url."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + url, "/" + other)
    return relative + "/" if url.endswith("/") else relative


def figures_url(year: int) -> str:
    """The key-figures page of a year, where every figure has its row."""
    return f"{year}/figures/"


def year_of(src_uri: str, years: Mapping[int, object]) -> int:
    """The report year a page belongs to (2024/… -> 2024); other pages get the latest year."""
    first = src_uri.split("/", 1)[0]
    if first.isdigit() and int(first) in years:
        return int(first)
    return max(years)


def origin(snippet: str, page: PageRef, *, fallback: int) -> tuple[str, int]:
    """The file and line a piece of Markdown came from: the page itself, or (for the
    print page, which includes the others) the section page that holds it."""
    if snippet in page.source:
        return page.where, page.source[: page.source.index(snippet)].count("\n") + 1
    for path in sorted(page.docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if snippet in text:
            return f"docs/{page.lang}/{path.relative_to(page.docs_dir).as_posix()}", text[: text.index(snippet)].count("\n") + 1
    return page.where, fallback
