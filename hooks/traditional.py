"""The 繁體 edition (mkdocs.zh-Hant.yml): what a reader sees converted to Traditional
characters (nicheng_report.traditional). Does nothing in the other editions.

Pages are converted after rendering (on_post_page, on_post_template), so the text, the nav and
contents, titles, UI strings and data blocks are all converted in one place; the search index
after Material writes it; the search worker gets the map for simplified queries, learnt in
on_env from the pages' text (all read by then) so that its fingerprint is in every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from nicheng_report.languages import language
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors
from nicheng_report.search.worker import WORKERS
from nicheng_report.traditional.convert import converter, load_phrases
from nicheng_report.traditional.html import convert_html
from nicheng_report.traditional.search import convert_index, query_map, worker_prelude

_convert: Callable[[str], str] | None = None
_prelude = ""
_edition = ("", "")  # (the edition's hreflang, its source's)
_worker: dict[str, str] = {}  # the fixed worker's name -> this edition's copy's name


@staff_errors
def on_config(config: MkDocsConfig) -> None:
    global _convert, _edition
    edition = language_of(config)
    _convert = None
    _worker.clear()
    if edition.source:
        _convert = converter(load_phrases(root_of(config)))
        _edition = (edition.hreflang, language(edition.source).hreflang)
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    global _prelude
    if _convert is not None:
        texts = [page.content for page in (file.page for file in files.documentation_pages())
                 if page is not None and page.content]
        _prelude = worker_prelude(*query_map(texts, convert=_convert))
    return env


def _converted(html: str) -> str:
    own = (_edition[0], _edition[0].lower())
    html = convert_html(html, convert=_convert, own=own, source=_edition[1])
    for old in list(_worker) or _fixed_workers(html):
        _worker.setdefault(old, f"search.{hashlib.sha256((_prelude + old).encode()).hexdigest()[:8]}.min.js")
        html = html.replace(f"{WORKERS}/{old}", f"{WORKERS}/{_worker[old]}")
    return html


def _fixed_workers(html: str) -> list[str]:
    """The search worker a page names (hooks/search_worker.py has pointed it at the fixed copy)."""
    at = html.find(WORKERS + "/search.")
    return [html[at + len(WORKERS) + 1:html.index(".min.js", at) + len(".min.js")]] if at >= 0 else []


@event_priority(-90)  # after every other hook has written its part of the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _converted(output) if _convert is not None else output


@event_priority(-90)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if _convert is None or not template_name.endswith(".html"):
        return output_content
    return _converted(output_content)


@event_priority(-60)  # after Material has written the index and hooks/search_worker.py the worker
def on_post_build(*, config: MkDocsConfig) -> None:
    if _convert is None:
        return None
    site = Path(config.site_dir)
    convert_index(site, convert=_convert)
    for old, new in _worker.items():
        fixed = site / WORKERS / old
        if fixed.exists():
            (site / WORKERS / new).write_text(_prelude + fixed.read_text(encoding="utf-8"), encoding="utf-8")
            fixed.unlink()
    return None
