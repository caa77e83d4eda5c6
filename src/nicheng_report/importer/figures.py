"""The figures of a paragraph: every number the report states with a unit.

A figure is an Arabic number with a unit of the vocabulary after it (件 人次 次
份 条 个 项 名 人 户 家 场 场次 篇 部 元 万元 亿元 % …, longest first), a scale
(1.2万人次) and a qualifier before, inside or after it (不少于12次, 300余人次,
1200余万元, 95%以上, 超过95%). What is kept is exactly what the placeholder will
show on the Chinese page: the figure is formatted back and must read as the
original (else the number stays plain text and is listed as uncertain).

Not figures: dates and years (3月12日, 2024年, 2024-12-17, 2021—2025年), numbers
in 《titles》, numbers joined to letters or signs (1+1+N, G60), ordinals (第二届,
前3名), list numbers (1、 1. (1)), numbers without a unit (a hotline such as
8890) and numbers in words (二十大, 四个责任制: in words, they are listed as
uncertain only where they count something outside quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nicheng_report.figures.formatting import format_figure
from nicheng_report.figures.model import Figure
from nicheng_report.figures.schema import Label
from nicheng_report.figures.vocabulary import CARRIED_UNITS, COUNT_UNITS, QUALIFIER_WORDS, SCALES, UNITS

__all__ = ["Found", "Uncertain", "find_figures"]

# Symbol -> unit code; 个 is an office before the name of an office, else a unit.
_SYMBOLS = {zh: code for code, (zh, _, _) in reversed(list(UNITS.items()))}
_SYMBOLS["个"] = "piece"
_SYMBOLS["％"] = "percent"
SYMBOLS = sorted(_SYMBOLS, key=len, reverse=True)
OFFICES = re.compile(r"^[^，,。；;、]{0,6}?(工作室|工作站|服务站|服务点|办公室|窗口|中心)")
# A unit followed by these is a word, not a unit (部门, 人民, 场所, 家庭 …), or a duration (个月).
NOT_UNIT = {"部": "门署分位", "人": "民员大口士", "场": "所地景馆合", "家": "庭属长乡", "条": "例款件", "期": "间限",
            "天": "然气", "次": "日数", "名": "单称录义", "本": "级镇区部单年次", "起": "来到草", "户": "籍口外",
            "项": "目", "元": "旦素宵", "个": "月工小季星年人体", "张": "贴"}
PREFIXES = sorted({word for words in QUALIFIER_WORDS.values() for word in words
                   if word not in ("余", "多", "以上", "以下", "以内", "左右")}, key=len, reverse=True)
QUALIFIER_OF = {word: name for name, words in QUALIFIER_WORDS.items() for word in words}
MIDDLE = ("余", "多")
SUFFIXES = ("以上", "以下", "以内", "左右")
NUMBER = re.compile(r"(?<![0-9A-Za-z.．+＋·])(?<![0-9],)[0-9]+(?:\.[0-9]+)?(?![0-9]|,[0-9]{3})")
GROUPED = re.compile(r"(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")
FULL_WIDTH = re.compile(r"[０-９]+")
IN_WORDS = re.compile(r"(?<![第一二三四五六七八九十百千万两])[两二三四五六七八九十百千]{1,4}"
                      r"(?=次|件|场|项|份|名|户|家|篇|部|期|批|起|宗)")
CLAUSE = re.compile(r"[，,；;。：:！!？?、]")
SENTENCE = re.compile(r"(?<=[。；;！!？?])")
LEADING = ("其中", "全年度", "全年", "全镇", "全区", "全街道", "年内", "今年", "本年度", "共计", "累计", "总计", "合计",
           "先后", "已", "共", "完成", "开展", "组织", "举办", "召开", "收到", "达成")
TRAILING = ("均为", "达到", "达", "为", "共计", "共", "计", "约", "总数", "数量", "总量", "均为")


@dataclass(frozen=True)
class Found:
    start: int                 # the span the placeholder takes, in the paragraph
    end: int
    text: str                  # the span as written: 300余, 95%以上, 705.765万元
    value: Decimal
    decimals: int
    unit: str
    qualifier: str
    written: str | None        # set where the default formatting would not give `text`
    scale: str | None
    label: str
    sentence: str


@dataclass(frozen=True)
class Uncertain:
    text: str                  # the number with what surrounds it
    reason: str                # a code: in-words, range, grouped, full-width, format, over-100
    sentence: str


def _inside(text: str, index: int, opening: str, closing: str) -> bool:
    before = text[:index]
    return before.count(opening) > before.count(closing)


def _sentence(text: str, index: int) -> str:
    start = 0
    for piece in SENTENCE.split(text):
        if start <= index < start + len(piece):
            return piece.strip()
        start += len(piece)
    return text


def _label(text: str, start: int, end: int, unit_end: int, unit: str) -> str:
    """A Chinese label from the words before the figure (their clause), tidied; from the words
    after it where those before say nothing (涉及953人次 -> 涉及人次; 及30个居(村)工作室 -> 居(村)工作室)."""
    clause_start = max((m.end() for m in CLAUSE.finditer(text, 0, start)), default=0)
    before = text[clause_start:start]
    if "等" in before:
        before = before.rsplit("等", 1)[1]
    changed = True
    while changed:
        changed = False
        for word in LEADING:
            if before.startswith(word) and len(before) > len(word) + 1:
                before, changed = before[len(word):], True
        for word in TRAILING:
            if before.endswith(word) and len(before) > len(word) + 1:
                before, changed = before[:-len(word)], True
    after_match = CLAUSE.search(text, unit_end)
    after = text[unit_end:after_match.start() if after_match else len(text)]
    if before.endswith(("及", "和", "与", "、")) or len(before) <= 2:
        symbol = UNITS[unit][0] if unit in COUNT_UNITS and before and not after else ""
        label = (before if len(before) <= 2 else "") + symbol + after[:16]
        before = label if len(label) >= 2 else before + after[:16]
    label = before[-24:].strip()
    return label or text[max(0, start - 8):start] or UNITS[unit][0]


def _prefix(text: str, start: int) -> str | None:
    return next((word for word in PREFIXES if text.endswith(word, 0, start)), None)


def _unit_at(text: str, position: int) -> tuple[str, str] | None:
    """(symbol, code) of the unit at `position`, or None."""
    for symbol in SYMBOLS:
        if text.startswith(symbol, position):
            following = text[position + len(symbol):position + len(symbol) + 1]
            if following and following in NOT_UNIT.get(symbol, ""):
                return None
            code = _SYMBOLS[symbol]
            if symbol == "个" and OFFICES.match(text[position + 1:]):
                code = "office"
            return symbol, code
    return None


def _parse(text: str, match: re.Match[str]) -> tuple[int, int, str, str | None, str, int] | None:
    """(span start, span end, unit code, scale, qualifier, end of the unit) of a number, or None."""
    start, position = match.start(), match.end()
    prefix = _prefix(text, start)
    words: list[str] = [prefix] if prefix else []
    scale = None
    if text.startswith(MIDDLE, position):
        words.append(text[position])
        position += 1
    if text[position:position + 1] in SCALES and not text.startswith(("万元", "亿元"), position):
        scale = text[position]
        position += 1
        if not words and text.startswith(MIDDLE, position):
            words.append(text[position])
            position += 1
    unit = _unit_at(text, position)
    if unit is None:
        return None
    symbol, code = unit
    unit_end = position + len(symbol)
    suffix = next((word for word in SUFFIXES if text.startswith(word, unit_end)), None)
    if suffix:
        words.append(suffix)
    qualifier = QUALIFIER_OF[words[0]] if words else "exact"
    span_start = start - len(prefix) if prefix else start
    if code in CARRIED_UNITS or suffix:
        span_end = unit_end + (len(suffix) if suffix else 0)
    else:
        span_end = position
    return span_start, span_end, code, scale, qualifier, unit_end


def _formatted(value: Decimal, decimals: int, unit: str, qualifier: str, written: str | None,
               scale: str | None) -> str:
    figure = Figure(key="x.y", group="x", value=value, decimals=decimals, unit=unit, qualifier=qualifier,
                    origin="stated", period="", section="x#y", label=Label(zh="x"), definition=None, formula=None,
                    line=None, written=written, scale=scale)
    return format_figure(figure, lang="zh")


def find_figures(text: str) -> tuple[list[Found], list[Uncertain]]:
    """The figures of a paragraph, in order, and the numbers that staff should look at."""
    found: list[Found] = []
    uncertain: list[Uncertain] = []
    for match in NUMBER.finditer(text):
        start = match.start()
        before = text[start - 1:start]
        if before in "第前每" and before or _inside(text, start, "《", "》"):
            continue
        parsed = _parse(text, match)
        if parsed is None:
            continue
        span_start, span_end, unit, scale, qualifier, unit_end = parsed
        sentence = _sentence(text, start)
        if before in "-—–~～至到" and before and re.match(r"[0-9]", text[start - 2:start - 1] or "x"):
            uncertain.append(Uncertain(text[max(0, start - 6):span_end + 2], "range", sentence))
            continue
        literal = match.group(0)
        value = Decimal(literal)
        decimals = len(literal.split(".", 1)[1]) if "." in literal else 0
        span = text[span_start:span_end]
        if unit == "percent" and value > 100:
            uncertain.append(Uncertain(span, "over-100", sentence))
            continue
        if unit in COUNT_UNITS and (value * (SCALES[scale] if scale else 1)) % 1:
            uncertain.append(Uncertain(span, "format", sentence))
            continue
        written = None
        if _formatted(value, decimals, unit, qualifier, None, scale) != span:
            offset = start - span_start
            written = span[:offset] + "#" + span[offset + len(literal):]
            if _formatted(value, decimals, unit, qualifier, written, scale) != span:
                uncertain.append(Uncertain(span, "format", sentence))
                continue
        found.append(Found(span_start, span_end, span, value, decimals, unit, qualifier, written, scale,
                           _label(text, span_start, span_end, unit_end, unit), sentence))
    for pattern, reason in ((GROUPED, "grouped"), (FULL_WIDTH, "full-width"), (IN_WORDS, "in-words")):
        for match in pattern.finditer(text):
            if _inside(text, match.start(), "《", "》") or _inside(text, match.start(), "“", "”"):
                continue
            if reason == "full-width" and not _unit_at(text, match.end()):
                continue
            uncertain.append(Uncertain(text[match.start():match.end() + 2], reason, _sentence(text, match.start())))
    return found, uncertain
