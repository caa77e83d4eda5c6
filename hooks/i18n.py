"""Link every page to its twin in the other language.

The Chinese site is built at the root and the English one under en/, from
the same file names, so a page's twin is found by path alone. A Chinese page
with no English twin (or the reverse) is a warning: the strict build fails.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from nicheng_report.languages import LANGUAGES, ORIGINAL, language, twin_url
from nicheng_report.mkdocs_adapter import language_of

PERMALINK_TITLES = {"zh": "本节链接", "en": "Link to this section"}


def on_config(config: MkDocsConfig) -> None:
    # The toc extension's settings are shared through INHERIT; only this one differs.
    lang = language_of(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLES[lang.code]
    # Both configs read SITE_URL, the address of the whole site; the English
    # site lives under en/ of it (canonical URLs, og:url, its 404 page).
    if config.site_url and lang.folder and not config.site_url.endswith("/" + lang.folder):
        config.site_url = config.site_url.rstrip("/") + "/" + lang.folder
    return None


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = language_of(config)
    other = language(config.extra.get("alternate_lang", "en"))
    url = page.url
    base = config.site_url or ""
    context["twin_url"] = twin_url(url, lang=lang.code, other=other.code)
    context["twin_lang"] = other.hreflang
    # hreflang alternates must be absolute URLs (search engines ignore, and
    # Lighthouse fails, relative ones), so they need site_url (SITE_URL). The
    # visible language switch links the twin either way.
    context["page_alternates"] = []
    if base:
        root = base.rstrip("/") + "/"
        if lang.folder:
            root = root.removesuffix(lang.folder)
        context["page_alternates"] = [
            {"hreflang": each.hreflang, "href": root + each.folder + url} for each in LANGUAGES
        ] + [{"hreflang": "x-default", "href": root + ORIGINAL.folder + url}]
    return context
