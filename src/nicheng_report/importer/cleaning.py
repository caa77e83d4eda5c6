"""The text as the site shows it: spaces left inside words by text extraction
removed (法 律援助 → 法律援助, 一、 2024 年度 → 一、2024年度), nothing else changed.

A space is removed where both of its neighbours are Chinese (characters or
punctuation) or a Chinese neighbour meets a digit or a bracket; a space between
Latin letters is kept. One kind of space is meant: between two phrases of a
quoted slogan, “走进乡村看振兴 不忘初心与发行”, where both sides are Chinese
runs of three characters or more inside “…”; it is kept. Every removal is
reported, so staff can look at each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cleaned", "clean_line", "squash"]

SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u3000]+")
HAN = re.compile(r"[\u3400-\u9fff]")
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、。，：；！？（）—…·]")
JOINS = re.compile(r"[0-9()\[\]%\-.,:;!?\"'/]")
ASCII_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: list[str]      # each removed space with its neighbours, e.g. "法 律"


def squash(text: str) -> str:
    """Text without any whitespace: how the fidelity checks compare."""
    return re.sub(r"\s+", "", text)


def _run(text: str, index: int, step: int) -> int:
    """The number of Han characters in a row from `index` going by `step`."""
    count = 0
    while 0 <= index < len(text) and HAN.match(text[index]):
        count += 1
        index += step
    return count


def _in_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("“") > before.count("”")


def clean_line(line: str) -> Cleaned:
    text = SPACES.sub(" ", line).strip()
    out: list[str] = []
    removed: list[str] = []
    position = 0
    for match in re.finditer(" ", text):
        start = match.start()
        left, right = text[start - 1], text[start + 1]
        joinable = ((CHINESE.match(left) and (CHINESE.match(right) or JOINS.match(right)))
                    or (JOINS.match(left) and CHINESE.match(right)))
        if not joinable or ASCII_LETTER.match(left) or ASCII_LETTER.match(right):
            continue
        slogan = _in_quotes(text, start) and _run(text, start - 1, -1) >= 3 and _run(text, start + 1, 1) >= 3
        if slogan:
            continue
        out.append(text[position:start])
        position = start + 1
        removed.append(text[max(0, start - 4):start + 5])
    out.append(text[position:])
    return Cleaned("".join(out), removed)
