"""Link every page to its twin in the other language.

The Chinese site is built at the root and the English one under en/, from
the same file names, so a page's twin is found by path alone. A Chinese page
with no English twin (or the reverse) is a warning: the strict build fails.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.i18n")

HREFLANG = {"zh": "zh-CN", "en": "en"}
# Where each language's site sits, relative to the root of the whole site.
ROOTS = {"zh": "", "en": "en/"}


def twin_path(url: str, *, lang: str, other: str) -> str:
    """Relative link from a page of `lang` to the same page in `other`."""
    depth = url.count("/") + ROOTS[lang].count("/")
    return "../" * depth + ROOTS[other] + url


PERMALINK_TITLES = {"zh": "本节链接", "en": "Link to this section"}


def on_config(config: MkDocsConfig) -> None:
    # The toc extension's settings are shared through INHERIT; only this one differs.
    lang = config.extra.get("lang", "zh")
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLES[lang]
    # Both configs read SITE_URL, the address of the whole site; the English
    # site lives under en/ of it (canonical URLs, og:url, its 404 page).
    if config.site_url and ROOTS[lang] and not config.site_url.endswith("/" + ROOTS[lang]):
        config.site_url = config.site_url.rstrip("/") + "/" + ROOTS[lang]
    return None


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = config.extra.get("lang", "zh")
    other = config.extra.get("alternate_lang", "en")
    url = page.url
    base = config.site_url or ""
    context["twin_url"] = twin_path(url, lang=lang, other=other)
    context["twin_lang"] = HREFLANG[other]
    # hreflang alternates must be absolute URLs (search engines ignore, and
    # Lighthouse fails, relative ones), so they need site_url (SITE_URL). The
    # visible language switch links the twin either way.
    context["page_alternates"] = []
    if base:
        root = base.rstrip("/") + "/"
        if lang == "en":
            root = root.removesuffix("en/")
        context["page_alternates"] = [
            {"hreflang": HREFLANG[code], "href": root + ROOTS[code] + url} for code in ("zh", "en")
        ] + [{"hreflang": "x-default", "href": root + url}]
    return context
