"""Simplified to Traditional characters: OpenCC's s2t with the project's phrase table."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

import opencc
import yaml

from nicheng_report.errors import StaffError

PHRASES = "docs/data/traditional.yml"
STANDARD = "s2t"   # OpenCC's standard Traditional characters: no regional words or variants
ZWSP = "\u200b"    # between the words jieba found, in the search index


@functools.cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def load_phrases(root: Path) -> dict[str, str]:
    """The phrase table, checked: each fix keeps the characters one for one and turns back into its phrase."""
    path = root / PHRASES
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    phrases = data.get("phrases") or {} if isinstance(data, dict) else None
    if not isinstance(phrases, dict):
        raise StaffError(f"{PHRASES}：phrases: 应是“简体词语: 繁体写法”的列表。\n"
                         f"  {PHRASES}: phrases: must map simplified phrases to their Traditional form.")
    back = _opencc("t2s")
    for simplified, traditional in phrases.items():
        simplified, traditional = str(simplified), str(traditional)
        if len(simplified) != len(traditional) or back.convert(traditional) != simplified:
            raise StaffError(
                f"{PHRASES}，{simplified}: {traditional}：繁体写法须与简体词语逐字对应（字数相同，转回简体即原词），"
                "不能改动用词。\n"
                f"  {PHRASES}, {simplified}: {traditional}: the Traditional form must match the phrase character "
                "for character (same length, and it turns back into the phrase); fix it or remove the line.")
    return {str(key): str(value) for key, value in phrases.items()}


def converter(phrases: dict[str, str]) -> Callable[[str], str]:
    """A function that converts simplified text to the edition's Traditional characters."""
    s2t = _opencc(STANDARD)
    if not phrases:
        return s2t.convert
    pattern = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))

    def convert(text: str) -> str:
        if not text or text.isascii():
            return text
        parts, last = [], 0
        for match in pattern.finditer(text):
            parts += [s2t.convert(text[last:match.start()]), phrases[match.group()]]
            last = match.end()
        return "".join(parts) + s2t.convert(text[last:])

    return convert


def convert_segmented(text: str, *, convert: Callable[[str], str]) -> str:
    """Text with ZWSP between jieba's words: converted as whole text (OpenCC sees its phrases
    across the breaks), the breaks put back where they were."""
    if ZWSP not in text:
        return convert(text)
    joined = text.replace(ZWSP, "")
    converted = convert(joined)
    if len(converted) != len(joined):
        return ZWSP.join(convert(word) for word in text.split(ZWSP))
    out, at = [], 0
    for word in text.split(ZWSP):
        out.append(converted[at:at + len(word)])
        at += len(word)
    return ZWSP.join(out)
