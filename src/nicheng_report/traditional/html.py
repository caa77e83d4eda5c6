"""Convert what a reader sees in a rendered page: its text and reader-visible attributes.

Left alone: tags, URLs (href, src…), ids and classes, code (code, pre, kbd, samp), scripts and
styles, and every element whose `lang` is another language's (lang="en", or lang="zh-CN" where
the page names the simplified original, as its language link does). Data blocks (the search
configuration, JSON-LD) have their strings converted, but not their URLs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

TOKEN = re.compile(r"<!--.*?-->|<!\w[^>]*>|<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>|</?[A-Za-z][^>]*>|[^<]+|<",
                   re.DOTALL | re.IGNORECASE)
START = re.compile(r"<([A-Za-z][\w-]*)")
END = re.compile(r"</([A-Za-z][\w-]*)")
LANG = re.compile(r"""\slang=(["']?)([\w-]*)\1""")
CODE = {"code", "pre", "kbd", "samp", "var", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes a reader sees or hears; `content` only on <meta> (description, Open Graph).
VISIBLE = re.compile(r"""(\s(?:title|alt|aria-label|aria-description|placeholder|content)=")([^"]*)(")""")
DATA_BLOCK = re.compile(r"""<script\b[^>]*\btype="application/(?:ld\+)?json"[^>]*>(?P<json>.*?)</script\s*>""",
                        re.DOTALL | re.IGNORECASE)
URL_KEYS = {"url", "@id", "contentUrl", "href", "base", "search", "location", "sameAs", "encodingFormat"}


def convert_html(html: str, *, convert: Callable[[str], str], own: tuple[str, ...], source: str) -> str:
    """`html` with its visible text converted. `own`: the lang values (prefixes) converted
    text may carry, e.g. ("zh-Hant", "zh-hant"); `source`: the hreflang the text had (zh-CN),
    rewritten to own[0] on the document itself and in data blocks."""
    out: list[str] = []
    skip: tuple[str, int] | None = None   # (tag, depth) of the element being left alone
    for match in TOKEN.finditer(html):
        token = match.group()
        if match.group("raw"):
            out.append(_data_block(token, convert=convert, source=source, own=own[0]) if skip is None else token)
            continue
        start, end = START.match(token), END.match(token)
        if start:
            tag = start.group(1).lower()
            if skip is not None:
                if tag == skip[0] and tag not in VOID and not token.endswith("/>"):
                    skip = (tag, skip[1] + 1)
                out.append(token)
                continue
            lang = LANG.search(token)
            if tag == "html" and lang and lang.group(2) == source:
                token = token.replace(lang.group(0), lang.group(0).replace(source, own[0]), 1)
            elif (tag in CODE or (lang and not lang.group(2).startswith(own))) and tag not in VOID:
                skip = (tag, 1)
                out.append(token)
                continue
            if tag != "meta" or 'http-equiv=' not in token:
                token = VISIBLE.sub(lambda m: m.group(1) + convert(m.group(2)) + m.group(3), token)
            out.append(token)
        elif end:
            if skip is not None and end.group(1).lower() == skip[0]:
                skip = None if skip[1] == 1 else (skip[0], skip[1] - 1)
            out.append(token)
        elif token.startswith("<"):
            out.append(token)
        else:
            out.append(token if skip is not None else convert(token))
    return "".join(out)


def _data_block(token: str, *, convert: Callable[[str], str], source: str, own: str) -> str:
    block = DATA_BLOCK.fullmatch(token)
    if not block:
        return token   # code, styles: left alone
    try:
        data = json.loads(block.group("json"))
    except ValueError:
        return token
    text = json.dumps(convert_json(data, convert=convert, source=source, own=own), ensure_ascii=False,
                      separators=(",", ":")).replace("</", "<\\/")
    return token[:block.start("json")] + text + token[block.end("json"):]


def convert_json(value: Any, *, convert: Callable[[str], str], source: str, own: str, key: str = "") -> Any:
    """Strings converted, but not URLs or keys; the source's language tag becomes the edition's."""
    if isinstance(value, dict):
        return {name: convert_json(item, convert=convert, source=source, own=own, key=name)
                for name, item in value.items()}
    if isinstance(value, list):
        return [convert_json(item, convert=convert, source=source, own=own, key=key) for item in value]
    if isinstance(value, str):
        if key == "inLanguage" and value == source:
            return own
        if key in URL_KEYS or "://" in value:
            return value
        return convert(value)
    return value
