"""One page's Markdown stage: what hooks/full_report.py, figures.py, glossary.py,
content_checks.py, page_dates.py and i18n.py do to it under MkDocs, done before any
engine reads it, with the same package functions.

Figures come out as Markdown, not as HTML put in after Markdown (MkDocs' hooks can do
that; an engine without hooks cannot): a figure in running text is a Markdown link to
the key-figures page's .md file (partials/figures/inline-markdown.html), which every
engine resolves to its own URL; relative links in the HTML partials (tables, cards,
downloads) are written relative to the page's file, as engines that resolve links in
raw HTML (Zensical) read them, with the same result in the site as MkDocs' build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import markdown as python_markdown
import yaml
from jinja2 import Environment

from nicheng_report.content_checks import Source, problems
from nicheng_report.errors import StaffError
from nicheng_report.figures.pages import PageRef, figures_url
from nicheng_report.figures.snippets import Snippet, render
from nicheng_report.glossary import MARKER as GLOSSARY
from nicheng_report.full_report import include_pages, missing_page

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)
MD_LINK = re.compile(r'\bhref="(?P<path>(?![a-z][a-z0-9+.-]*:|/)[^"#]+\.md)(?:#[^"]*)?"')
RELATIVE_HREF = re.compile(r'(?P<attr>\b(?:href|src)=")(?!#|[a-z][a-z0-9+.-]*:|/)(?P<url>[^"]*)"')


@dataclass(frozen=True)
class StagedPage:
    markdown: str           # the finished page, front matter included
    ids: set[str]           # its heading ids (the key-figures sections are checked against them)
    problems: list[str]     # what the content checks found (each stops the build)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return (yaml.safe_load(match.group("yaml")) or {}), text[match.end():]


def page_url(src_uri: str) -> str:
    """The page's URL with directory URLs, as MkDocs makes it (2024/measures.md -> 2024/measures/)."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def file_relative(href: str, *, url: str, src_uri: str) -> str:
    """A link written relative to the page's URL, rewritten relative to the page's file."""
    path, hash_, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(url, path)) if path else url.rstrip("/")
    target = "" if target == "." else target
    relative = posixpath.relpath(target or ".", posixpath.dirname(src_uri) or ".")
    return (relative + ("/" if path.endswith("/") else "")) + hash_ + anchor


def broken_links(html: str, *, ref: PageRef, exists: Callable[[str], bool]) -> list[str]:
    """Links to a page that does not exist, with the file and line, as the MkDocs build reports them:
    every engine would stop on them, but not every engine names the file (Zensical names neither it
    nor the line of the page staff wrote)."""
    found = []
    for match in MD_LINK.finditer(html):
        path = match.group("path")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(ref.src_uri), path))
        if not exists(target):
            at = ref.source.find(f"]({path}")
            line = f", line {ref.source.count(chr(10), 0, at) + 1} / 第{ref.source.count(chr(10), 0, at) + 1}行" if at >= 0 else ""
            found.append(f"{ref.where}{line}: a link to {path}, which does not exist (docs/{ref.lang}/{target}). "
                         f"Fix: link a page that exists, or correct the file name.\n"
                         f"  修改：链接指向的页面 {path} 不存在，请改为已有页面或更正文件名。")
    return found


def markdown_converter(config: dict[str, Any]) -> python_markdown.Markdown:
    extensions, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            configs[name] = options
    return python_markdown.Markdown(extensions=extensions, extension_configs=configs)


def inline_as_markdown(snippet: Snippet, *, ref: PageRef, year: int) -> Snippet:
    """A figure in running text, its link written in Markdown to the key-figures page's .md file."""
    anchor = "#" + snippet.context["figure"].anchor
    target = figures_url(year).rstrip("/") + ".md"
    href = anchor if ref.url == figures_url(year) else posixpath.relpath(
        target, posixpath.dirname(ref.src_uri) or ".") + anchor
    return Snippet("inline-markdown", {**snippet.context, "href": href}, markdown=True)


def stage_page(text: str, *, ref: PageRef, read_page: Callable[[str], str | None], exists: Callable[[str], bool],
               site: Any, env: Environment, template_config: dict[str, Any],
               glossary_rows: Callable[[], list[dict[str, str]]], converter: python_markdown.Markdown,
               others: list[Source], meta_values: dict[str, Any],
               draw_posters: Callable[[], None] = lambda: None) -> StagedPage:
    """The page `text` (front matter included) as an engine without hooks reads it: `site` is the
    language's ReportSite, `env` renders the partials, `meta_values` go into its front matter.
    `draw_posters()` is called once the page's markers are read, before they are rendered: the
    poster a page asks for is drawn then (its snippet reads its size), as hooks/figures.py's on_env
    draws it between reading and rendering."""
    meta, markdown = split_front_matter(text)
    if "report:include" in markdown:
        def read(path: str, line: int) -> str:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(ref.src_uri), path))
            found = read_page(target)
            if found is None:
                raise StaffError(missing_page(ref.where, line, target))
            return found
        markdown = include_pages(markdown, read)
    markdown = site.read_markdown(markdown, ref)
    if GLOSSARY.search(markdown):
        table = env.get_template("partials/glossary.html").render(config=template_config, rows=glossary_rows()).strip()
        markdown = GLOSSARY.sub(lambda _: table, markdown)
    draw_posters()
    html = converter.reset().convert(markdown)
    found = problems(html, page=Source(ref.where, text), meta=meta, others=others)
    found += broken_links(html, ref=ref, exists=exists)

    def rendered(snippet: Snippet) -> tuple[str, set[str]]:
        if snippet.template == "inline":   # a Markdown link to the .md file: every engine resolves it
            snippet = inline_as_markdown(snippet, ref=ref, year=site.year_of(ref.src_uri))
        text = render(env, snippet, lang=ref.lang, config=template_config)
        if not snippet.markdown:
            text = RELATIVE_HREF.sub(lambda m: m.group("attr") + file_relative(m.group("url"), url=ref.url,
                                                                                 src_uri=ref.src_uri) + '"', text)
        return text, set()

    markdown, _ = site.fill(ref.src_uri, markdown, rendered)
    converter.reset().convert(markdown)
    ids = set(_toc_ids(getattr(converter, "toc_tokens", [])))
    meta = {**meta, **{key: value for key, value in meta_values.items() if value is not None and key not in meta}}
    head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" if meta else ""
    return StagedPage(markdown=head + markdown, ids=ids, problems=found)


def _toc_ids(tokens: list[dict[str, Any]]) -> list[str]:
    ids: list[str] = []
    for token in tokens:
        ids.append(token["id"])
        ids.extend(_toc_ids(token.get("children", [])))
    return ids
