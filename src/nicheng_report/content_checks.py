"""Page mistakes that the site engine itself lets through.

- an image without alt text (residents using screen readers get nothing);
- raw `<script>` in a page (no page may run its own code: CSP, safety);
- a front-matter `date` that is not a real YYYY-MM-DD date.
Each problem names the file and line; hooks/content_checks.py logs them as
warnings, so the strict build fails.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`", re.MULTILINE | re.DOTALL)
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt\s*=\s*\"[^\"]+\")[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)


def _line(markdown: str, offset: int, source: str) -> int:
    # Front matter is stripped before the Markdown reaches the checks; count it back in.
    front = source[: source.find(markdown[:40])] if markdown else ""
    return front.count("\n") + markdown.count("\n", 0, offset) + 1


def problems(markdown: str, *, source: str, meta: dict[str, Any], where: str) -> list[str]:
    """What is wrong with a page: `markdown` without its front matter, `source` the whole file,
    `meta` its front matter as read, `where` the file as staff know it (docs/zh/2024/measures.md)."""
    found = []
    text = CODE.sub(lambda m: " " * len(m.group(0)), markdown)  # keep offsets, ignore code
    for match in IMAGE_WITHOUT_ALT.finditer(text):
        found.append(f"{where}, line {_line(markdown, match.start(), source)}: an image has no alt text. Fix: describe "
                     "the image in the brackets, e.g. ![泥城镇宪法广场](…). / 修改：在方括号中写明图片内容（替代文字）。")
    for match in SCRIPT.finditer(text):
        found.append(f"{where}, line {_line(markdown, match.start(), source)}: a <script> tag in a page is not allowed. "
                     "Fix: remove it; behavior belongs in overrides/assets/javascripts/. "
                     "/ 修改：删除页面中的 <script>，页面不得包含脚本。")
    if source.startswith("---\n") and not meta:
        found.append(f"{where}, line 1: the front matter (between the --- lines) cannot be read, often because of an "
                     "impossible date such as 2024-13-45 or a missing space after a colon. Fix: correct it; dates are "
                     "YYYY-MM-DD. / 修改：检查文件开头 --- 之间的内容；日期写作 年-月-日。")
    if "date" in meta and not isinstance(meta["date"], datetime.date):
        try:
            datetime.date.fromisoformat(str(meta["date"]))
        except ValueError:
            found.append(f"{where}, front matter `date: {meta['date']}` is not a real date. Fix: write it as YYYY-MM-DD, "
                         "e.g. date: 2024-12-17. / 修改：日期写作 年-月-日，例如 2024-12-17。")
    return found
