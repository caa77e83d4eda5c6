"""The site's languages: the one table every part of the project reads.

Chinese, the original, is built from docs/zh/ with mkdocs.yml at the root of
the site; English from docs/en/ with mkdocs.en.yml (which inherits mkdocs.yml)
under en/. Both use the same file names and heading ids, so a page's twin is
found by path alone. The 繁體 edition has no pages of its own: it is built from
docs/zh/ with mkdocs.zh-Hant.yml under zh-hant/ and converted to Traditional
characters at build time (nicheng_report.traditional); its `source` is zh.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str        # `extra.lang` in its config; its pages are in docs/<code>/
    folder: str      # where its site sits in the whole site: "" (the root) or "en/"
    hreflang: str    # the `lang` of its pages and hreflang of links to them
    config: str      # its MkDocs config file, beside mkdocs.yml
    og_locale: str   # Open Graph locale
    formats: str     # Babel's locale for numbers and dates: as the official text (zh), day month year (en)
    source: str = ""  # an edition converted from another language's pages: that language's code

    @property
    def content(self) -> str:
        """The language of its pages, figures and glossary: its own code, or its source's."""
        return self.source or self.code

    @property
    def docs(self) -> str:
        return f"docs/{self.content}"


LANGUAGES = (
    Language(code="zh", folder="", hreflang="zh-CN", config="mkdocs.yml", og_locale="zh_CN", formats="zh_Hans_CN"),
    Language(code="en", folder="en/", hreflang="en", config="mkdocs.en.yml", og_locale="en_US", formats="en_GB"),
    Language(code="zh-Hant", folder="zh-hant/", hreflang="zh-Hant", config="mkdocs.zh-Hant.yml", og_locale="zh_HK",
             formats="zh_Hans_CN", source="zh"),
)
BY_CODE = {language.code: language for language in LANGUAGES}
ORIGINAL = LANGUAGES[0]  # the official text; the others translate it
AUTHORED = tuple(language for language in LANGUAGES if not language.source)  # those with their own pages


def language(code: str) -> Language:
    return BY_CODE[code]


def twin_url(url: str, *, lang: str, other: str) -> str:
    """Relative link from the page at `url` of `lang` to the same page in `other`."""
    depth = url.count("/") + BY_CODE[lang].folder.count("/")
    return "../" * depth + BY_CODE[other].folder + url


def language_of_site_path(path: str) -> Language:
    """The language of a path in the whole site ("en/2024/" -> English)."""
    for candidate in sorted(LANGUAGES, key=lambda item: -len(item.folder)):
        if path.lstrip("/").startswith(candidate.folder):
            return candidate
    return ORIGINAL
