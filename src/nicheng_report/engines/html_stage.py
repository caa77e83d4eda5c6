"""What the hooks do to a page's HTML after Markdown, done to the built pages of an engine
without hooks: Chinese quoted in English pages marked lang="zh-CN" (hooks/language_of_parts.py,
nicheng_report.language_of_parts), in each page's article, the part the hook sees.

And the links of the article's raw HTML written as MkDocs writes them, the shortest way from
the page's URL: Zensical resolves a relative link in raw HTML from the page's file and writes
it back from the page's URL through `..` (2024/at-a-glance.md's `at-a-glance/poster.png`
comes out as `../at-a-glance/poster.png` on 2024/at-a-glance/, where MkDocs has `poster.png`);
the same file either way, but not the default build's link.

And an edition converted at build time (繁體, a `source` in the languages table) converted as
hooks/traditional.py converts it, page by page with nicheng_report.traditional.html (its
posters were converted when they were drawn, in the Markdown stage)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from nicheng_report.language_of_parts import mark_chinese
from nicheng_report.languages import Language, language
from nicheng_report.traditional.convert import converter, load_phrases
from nicheng_report.traditional.html import convert_html

LINK = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<path>(?:\.\./)+[^"#?]*)(?P<rest>[^"]*)"')
ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(?P<content>.*?)(</article>)', re.DOTALL)


def mark_languages(site_dir: Path, *, lang: str) -> None:
    """Every page of the site built in `site_dir` in `lang`, marked as the hook marks it (English only)."""
    if lang != "en":
        return
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        match = ARTICLE.search(text)
        if match:
            marked = mark_chinese(match.group("content"))
            path.write_text(text[:match.start("content")] + marked + text[match.end("content"):], encoding="utf-8")


def shortest(path: str, *, url: str) -> str:
    """`path`, a link from the page at `url` (a folder: 2024/at-a-glance/), the shortest way there."""
    target = posixpath.normpath(posixpath.join(url, path))
    relative = posixpath.relpath(target, url.rstrip("/") or ".")
    return "./" if relative == "." and path.endswith("/") else relative + ("/" if path.endswith("/") and relative != "." else "")


def shortest_links(site_dir: Path) -> None:
    """In every page's article, each link that climbs with `..` written the shortest way (MkDocs')."""
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        match = ARTICLE.search(text)
        if not match:
            continue
        url = path.parent.relative_to(site_dir).as_posix() + "/"
        url = "" if url == "./" else url
        content = LINK.sub(lambda m: m.group("attr") + shortest(m.group("path"), url=url) + m.group("rest") + '"',
                           match.group("content"))
        if content != match.group("content"):
            path.write_text(text[:match.start("content")] + content + text[match.end("content"):], encoding="utf-8")


def convert_edition(site_dir: Path, *, lang: Language, root: Path) -> None:
    """Every page of `lang`'s site in `site_dir` converted, if `lang` is converted from its
    source's pages (as hooks/traditional.py's on_post_page and on_post_template do)."""
    if not lang.source:
        return
    convert = converter(load_phrases(root))
    own, source = (lang.hreflang, lang.hreflang.lower()), language(lang.source).hreflang
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        path.write_text(convert_html(text, convert=convert, own=own, source=source), encoding="utf-8")
