"""What the hooks do to a page's HTML after Markdown, done to the built pages of an engine
without hooks: Chinese quoted in English pages marked lang="zh-CN" (hooks/language_of_parts.py,
nicheng_report.language_of_parts), in each page's article, the part the hook sees."""

from __future__ import annotations

import re
from pathlib import Path

from nicheng_report.language_of_parts import mark_chinese

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
