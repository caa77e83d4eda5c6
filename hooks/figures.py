"""The report's figures in the MkDocs build (nicheng_report.figures.site).

- `{{ dotted.key }}` in a page becomes the figure, formatted for the page's
  language and linked to its row on the key-figures page.
- `<!-- figures:NAME -->` lines become generated content (tables, charts,
  download links, headline cards, the latest report, the list of years).
- The open-data files of each year are added to the site; JSON-LD is given to
  the report's first page and the key-figures page.
Every mistake stops the build with the file, the line or key, and the fix.

Why templates are rendered in on_env: the partials (overrides/partials/figures/)
are rendered in the one Jinja environment MkDocs builds the site with, the one
it hands to on_env, where hooks/template_cache.py (listed before this hook) has
given it the bytecode cache. MkDocs 1.6 creates it before reading the pages but
hands it over only after every page's Markdown has become HTML
(mkdocs/commands/build.py: on_page_markdown, on_page_content for every page,
then on_env, then on_page_context and on_post_page as each page is written). So:

1. on_page_markdown checks markers and placeholders (unknown key, unclosed `{{`:
   the file and line) and leaves a token for each, an empty `<data>` inline or
   `<div>` block that Markdown passes through as it would the rendered HTML.
2. on_env renders every token in that environment and puts the result into the
   page's HTML, before any page is written or indexed for search (on_page_context).
   The two partials that write Markdown (latest, years: links MkDocs resolves
   and checks) are converted by MkDocs' own Page.render, on a copy of the page.
   Ids in the rendered HTML are added to the page's anchors, for MkDocs' anchor check.

Rendering in on_page_markdown would need a second environment (config.theme.get_env(),
without the bytecode cache); rendering in on_post_page would be too late for the
search index. What the tokens cannot carry: a figure in a heading would show in
the heading but not in the table of contents, and on_page_content hooks
(language_of_parts) do not see the rendered partials; no page needs either.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from nicheng_report.drafts import check_published, check_something_to_publish, draft_years, preview
from nicheng_report.figures.pages import PageRef
from nicheng_report.figures.sections import heading_ids
from nicheng_report.figures.site import ReportSite
from nicheng_report.figures.snippets import Snippet, anchor_ids, render
from nicheng_report.figures.years import load_years
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors
from nicheng_report.nav import report_years
from nicheng_report.paths import cache_folder
from nicheng_report.traditional.convert import converter, load_phrases

log = logging.getLogger("mkdocs.hooks.figures")

# Per build (the hook module lives across builds under `mkdocs serve`).
_site: ReportSite | None = None
_env: Environment | None = None   # the environment MkDocs builds the site with (given in on_env)


@staff_errors
def on_config(config: MkDocsConfig) -> None:
    global _site, _env
    root = root_of(config)
    every = report_years(root)
    for year in every:
        check_published(root, year)
    drafts = draft_years(root, every)          # each year judged once
    hidden = set() if preview() else drafts    # `make serve` shows the drafts, under their banner
    check_something_to_publish(root, every, hidden)
    years = load_years(root / config.extra.get("report_years_path", "docs/data"), root, skip=hidden)
    drafts = {year for year in drafts if year in years}
    _site, _env = ReportSite(years, language_of(config).content, drafts=drafts, hidden=hidden), None
    return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in [file for file in files if _site.hidden_page(file.src_uri)]:   # drafts: not published
        files.remove(file)
    for path, content in _site.open_data():
        files.append(File.generated(config, path, content=content))
    return files


@staff_errors
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    ref = PageRef(src_uri=page.file.src_uri, url=page.url, source=page.file.content_string,
                  lang=language_of(config).content, docs_dir=Path(config.docs_dir))
    return _site.read_markdown(markdown, ref)


@staff_errors
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    global _env
    _env = env
    _site.check_sections(lambda year, name: _heading_ids(files, f"{year}/{name}.md"))
    # The 一图读懂 posters: drawn now, in this environment (UI strings, templates); files
    # added here are still copied into the site (MkDocs copies them after on_env).
    def draw(name: str, **context: Any) -> str:
        return env.get_template(name).render(config=config, **context)

    # The 繁體 edition's posters are converted as its pages are (nicheng_report.traditional).
    convert = converter(load_phrases(root_of(config))) if language_of(config).source else None
    for path, content in _site.poster_files(draw, cache=cache_folder(root_of(config)) / "poster", convert=convert):
        files.append(File.generated(config, path, content=content))
    lang = language_of(config).content
    for src_uri in _site.pages_to_fill():
        page = files.get_file_from_path(src_uri).page
        if page is None or page.content is None:  # not read in this build (`mkdocs serve --dirty`)
            continue

        def rendered(snippet: Snippet, page: Page = page) -> tuple[str, set[str]]:
            text = render(env, snippet, lang=lang, config=config)
            return _markdown_to_html(text, page, config, files) if snippet.markdown else (text, anchor_ids(text))

        page.content, ids = _site.fill(src_uri, page.content, rendered)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= ids
    return env


def _heading_ids(files: Files, path: str) -> set[str] | None:
    file = files.get_file_from_path(path)
    return None if file is None or file.page is None else set(heading_ids(file.page.toc))


def _markdown_to_html(text: str, page: Page, config: MkDocsConfig, files: Files) -> tuple[str, set[str]]:
    """Markdown converted as part of `page`: its links resolved and checked by MkDocs."""
    part = copy.copy(page)
    part.markdown = text
    part.render(config, files)
    if page.links_to_anchors is not None and part.links_to_anchors:
        for target, links in part.links_to_anchors.items():
            page.links_to_anchors.setdefault(target, {}).update(links)
    return part.content or "", part.present_anchor_ids or set()


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any] | None:
    context.update(_site.jsonld(page.file.src_uri, page.url))
    context["draft_year"] = _site.draft_of(page.file.src_uri)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """A stated figure that its section's page does not show is a warning, so the strict build fails."""
    for message in _site.unshown():
        log.warning(message)
    return None
