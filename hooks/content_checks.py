"""Catch page mistakes that MkDocs itself lets through.

- an image without alt text (residents using screen readers get nothing);
- raw `<script>` in a page (no page may run its own code: CSP, safety);
- a front-matter `date` that is not a real YYYY-MM-DD date.
Each is a warning naming the file and line, so the strict build fails.
"""

from __future__ import annotations

import datetime
import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.content_checks")

CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.MULTILINE | re.DOTALL)
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt\s*=\s*\"[^\"]+\")[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)


def _line(markdown: str, offset: int, page: Page) -> int:
    # Front matter is stripped before this hook; count it back in.
    front = page.file.content_string[: page.file.content_string.find(markdown[:40])] if markdown else ""
    return front.count("\n") + markdown.count("\n", 0, offset) + 1


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.file.generated_by:
        return None
    where = f"docs/{config.extra.get('lang', 'zh')}/{page.file.src_uri}"
    text = CODE.sub(lambda m: " " * len(m.group(0)), markdown)  # keep offsets, ignore code
    for match in IMAGE_WITHOUT_ALT.finditer(text):
        log.warning(f"{where}, line {_line(markdown, match.start(), page)}: an image has no alt text. Fix: describe "
                    "the image in the brackets, e.g. ![泥城镇宪法广场](…). / 修改：在方括号中写明图片内容（替代文字）。")
    for match in SCRIPT.finditer(text):
        log.warning(f"{where}, line {_line(markdown, match.start(), page)}: a <script> tag in a page is not allowed. "
                    "Fix: remove it; behavior belongs in overrides/assets/javascripts/. "
                    "/ 修改：删除页面中的 <script>，页面不得包含脚本。")
    if page.file.content_string.startswith("---\n") and not page.meta:
        log.warning(f"{where}, line 1: the front matter (between the --- lines) cannot be read, often because of an "
                    "impossible date such as 2024-13-45 or a missing space after a colon. Fix: correct it; dates are "
                    "YYYY-MM-DD. / 修改：检查文件开头 --- 之间的内容；日期写作 年-月-日。")
    if "date" in page.meta:
        value = page.meta["date"]
        if not isinstance(value, datetime.date):
            try:
                datetime.date.fromisoformat(str(value))
            except ValueError:
                log.warning(f"{where}, front matter `date: {value}` is not a real date. Fix: write it as YYYY-MM-DD, "
                            "e.g. date: 2024-12-17. / 修改：日期写作 年-月-日，例如 2024-12-17。")
    return None
