"""Link every page to its twin in the other language; the languages for the templates.

The Chinese site is built at the root and the English one under en/, from
the same file names, so a page's twin is found by path alone. A Chinese page
with no English twin (or the reverse) is a warning: the strict build fails.

Every template, theme pages such as 404.html too, gets the languages of
nicheng_report.languages (hreflang, og:locale, folder): `site_language` (this
build's), `twin_language` (the one its notices link to), `other_languages` (the
language switch's) and `original_language`. UI strings are
not here: they are in the theme's language partials (overrides/partials/languages/),
read with `lang.t(…)` in templates and with ui_string() here.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from nicheng_report.languages import LANGUAGES, ORIGINAL, language, twin_url
from nicheng_report.mkdocs_adapter import language_of, theme_env

# Material's own way to a UI string: partials/language.html picks the file of
# theme.language (then English, then the key itself).
UI_STRING = '{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}'


def ui_string(config: MkDocsConfig, key: str) -> str:
    """The UI string `key` in the site's language, as `lang.t(key)` gives it in a template.
    Read before MkDocs makes its environment, so in one of the theme's own."""
    return theme_env(config).from_string(UI_STRING).render(config=config, key=key)


def on_config(config: MkDocsConfig) -> None:
    # The toc extension's settings are shared through INHERIT; only this one differs.
    lang = language_of(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui_string(config, "nicheng.permalink")
    # Both configs read SITE_URL, the address of the whole site; the English
    # site lives under en/ of it (canonical URLs, og:url, its 404 page).
    if config.site_url and lang.folder and not config.site_url.endswith("/" + lang.folder):
        config.site_url = config.site_url.rstrip("/") + "/" + lang.folder
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    lang = language_of(config)
    other = language(config.extra.get("alternate_lang", "en"))
    env.globals.update(
        site_language=lang,
        twin_language=other,
        original_language=ORIGINAL,
        # The other language's home, from this site's root: for pages with no twin (404).
        twin_home=twin_url("", lang=lang.code, other=other.code),
        # The language switch: every other edition, in the table's order, with its home.
        other_languages=[each for each in LANGUAGES if each != lang],
        twin_homes={each.code: twin_url("", lang=lang.code, other=each.code) for each in LANGUAGES},
    )
    return env


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = language_of(config)
    other = language(config.extra.get("alternate_lang", "en"))
    url = page.url
    base = config.site_url or ""
    context["twin_url"] = twin_url(url, lang=lang.code, other=other.code)
    context["twin_urls"] = {each.code: twin_url(url, lang=lang.code, other=each.code) for each in LANGUAGES}
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
