"""Mark the Chinese in English pages as Chinese (WCAG 2.1 SC 3.1.2, Language of Parts).

The English translation quotes Chinese titles and terms: (《2024年泥城镇法治建设
责任制工作要点》), 人解, 人调. Without a `lang` a screen reader reads them with
its English voice, character names or silence. Staff write them as plain text;
hooks/language_of_parts.py wraps each Chinese run of an English page that is not already inside
an element marked `lang="zh…"` in `<span lang="zh-CN">`. Tags and attributes are
left as they are.
"""

from __future__ import annotations

import re

# Han characters, CJK punctuation (、。《》「」) and full-width forms (（），：；！？).
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# A Chinese run starts and ends with a CJK character and may hold digits, brackets,
# hyphens and quotes inside: 《法治政府建设实施纲要(2021-2025年)》, 《…"十四五"规划》.
# Not letters or spaces: "人解 appears to be a slip for 人调" is two runs.
CHINESE_RUN = re.compile(rf"[{CJK}](?:[{CJK}0-9\-()\"·]*[{CJK}])?")
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
CHINESE_LANG = re.compile(r"""\slang\s*=\s*["']?zh""", re.IGNORECASE)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT = {"script", "style"}


def mark_chinese(html: str) -> str:
    """`html` with every Chinese run outside a zh element wrapped in <span lang="zh-CN">."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, inside Chinese or raw text)
    for token in TOKEN.findall(html):
        if token.startswith("<!--"):
            out.append(token)
        elif token.startswith("</"):
            name = token[2:-1].strip().lower()
            while stack:
                if stack.pop()[0] == name:
                    break
            out.append(token)
        elif token.startswith("<"):
            out.append(token)
            tag = OPEN_TAG.match(token)
            if tag and tag[1].lower() not in VOID and not token.endswith("/>"):
                inside = bool(stack and stack[-1][1]) or bool(CHINESE_LANG.search(tag[2])) or tag[1].lower() in RAW_TEXT
                stack.append((tag[1].lower(), inside))
        elif stack and stack[-1][1]:
            out.append(token)
        else:
            out.append(CHINESE_RUN.sub(lambda run: f'<span lang="zh-CN">{run[0]}</span>', token))
    return "".join(out)
