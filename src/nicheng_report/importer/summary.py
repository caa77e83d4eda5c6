"""What `make import` tells staff: what was written, the sections and headings,
every figure with its sentence, and what to review (every figure, numbering
slips, possible slips in the text, removed spaces, uncertain numbers, what waits
for English)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .keys import Figures
from .structure import Report

__all__ = ["Outcome", "possible_slips", "summary"]

PAIRS = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"), ("‘", "’"), ("[", "]"), ("【", "】"))
DOUBLED = re.compile(r"([，。；、,;：:])\1")
REASONS = {
    "in-words": ("数字用汉字书写，未作为数据", "a number in words, not taken as a figure"),
    "range": ("数字范围，未作为数据", "a range, not taken as a figure"),
    "grouped": ("带千位分隔符，未作为数据", "written with thousands separators, not taken as a figure"),
    "full-width": ("全角数字，未作为数据", "full-width digits, not taken as a figure"),
    "format": ("无法按原文格式复现，未作为数据", "cannot be shown exactly as written, not taken as a figure"),
    "over-100": ("超过100%的百分比（增长率？），未作为数据", "a percentage over 100 (a growth rate?), not taken as a figure"),
}


@dataclass
class Outcome:
    year: int
    source: str                       # the file, as given
    kind: str                         # docx, txt
    encoding: str
    written: list[str]
    replaced: bool = False
    warnings: list[tuple[str, str]] = field(default_factory=list)   # (zh, en)
    kept_translations: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


def possible_slips(report: Report) -> list[str]:
    """Paragraphs with unbalanced brackets or quotes, or doubled punctuation (slips to check against the original)."""
    found: list[str] = []
    texts = [*report.preamble, *(item.text for section in report.sections for item in section.items)]
    for text in texts:
        for opening, closing in PAIRS:
            if text.count(opening) != text.count(closing):
                at = next((i for i, ch in enumerate(text) if ch in (opening, closing)), 0)
                found.append(f"{opening}{closing} 不成对 / unbalanced: …{text[max(0, at - 15):at + 20]}…")
        for match in DOUBLED.finditer(text):
            found.append(f"重复的标点 / doubled punctuation: …{text[max(0, match.start() - 10):match.end() + 10]}…")
    return found


def summary(report: Report, figures: Figures, outcome: Outcome) -> str:
    lines = [f"{'已替换' if outcome.replaced else '已导入'} {outcome.year} 年度 / "
             f"{'Replaced' if outcome.replaced else 'Imported'} the {outcome.year} report: {report.title}",
             f"  来源 / Source: {outcome.source} ({outcome.kind}, {outcome.encoding})", "  写入 / Written:"]
    lines += [f"    {path}" for path in outcome.written]
    for zh, en in outcome.warnings:
        lines += [f"  注意 / Warning: {zh}", f"                  {en}"]

    headings = sum(1 for s in report.sections for item in s.items if item.kind == "heading")
    lines += ["", f"结构 / Structure: {len(report.sections)} 个部分（页面） / sections (pages), {headings} 个标题 / headings"]
    if report.addressee:
        lines.append(f"  主送 / Addressee: {report.addressee}")
    for section in report.sections:
        lines.append(f"  {section.page}.md  # {section.title}")
        for item in section.items:
            if item.kind == "heading":
                lines.append(f"    {'  ' * (item.level - 2)}{'#' * item.level} {item.text}  {{ #{item.id} }}")
    if report.signature or report.signed:
        lines.append(f"  落款 / Signature: {' '.join(report.signature)} {report.signed or ''}".rstrip())
    if report.attachments:
        lines.append(f"  {report.attachments}")

    lines += ["", f"数据 / Figures: {len(figures.placed)}（每个都标为 review: true / each marked review: true"
              + (f"，{sum(p.reviewed for p in figures.placed)} 个沿用已核对的 / "
                 f"{sum(p.reviewed for p in figures.placed)} kept as reviewed" if outcome.replaced else "") + "）"]
    for placed in figures.placed:
        found = placed.found
        extra = f", written {found.written}" if found.written else ""
        lines.append(f"  {{{{ {placed.key} }}}} = {found.text}  ({found.value} {found.unit}, {found.qualifier}{extra})"
                     f"  {placed.page}#{placed.heading}  {placed.label.zh}{'  ✓' if placed.reviewed else ''}")
        lines.append(f"      「{found.sentence}」")

    review: list[str] = []
    for note in report.numbering:
        review.append(f"序号 / numbering: “{note.where}” — 原文“{note.written}”，按顺序应为“{note.expected}”"
                      f" / written {note.written}, in order {note.expected} ({note.problem}); 已加编者注 / "
                      f"an editor's note is on {note.page}.md")
    review += [f"可能的笔误 / possible slip: {slip}" for slip in possible_slips(report)]
    review += [f"已删除提取时多出的空格 / extraction space removed: “{space}”" for space in report.removed_spaces]
    for page, number in figures.uncertain:
        zh, en = REASONS[number.reason]
        review.append(f"不确定的数字 / uncertain number ({page}.md): “{number.text}” — {zh} / {en}")
    review += [f"标题中的数字未作为数据 / a number in a heading, not a figure: {text}" for text in figures.in_headings]
    review += [f"很长的标题 / a long heading: {text[:50]}…" for text in report.long_headings]
    review += [f"带编号的段落（非标题）/ a numbered paragraph, not a heading: {text}…" for text in report.numbered_paragraphs]
    if outcome.cards:
        review.append(f"首页数据卡片（自动选取）/ home-page cards (chosen automatically): {', '.join(outcome.cards)}")
    if outcome.terms:
        review.append(f"搜索词（引号中的名称）/ search terms (quoted names): {'、'.join(outcome.terms)}")
    untranslated = sum(1 for p in figures.placed if not p.label.en)
    review.append(f"英文 / English: 页面待翻译（translation: pending）/ pages wait for their translation; "
                  f"{untranslated} 个数据缺英文名称 / figures without an English label")
    if outcome.kept_translations:
        review.append("保留的英文译文 / English translations kept: " + ", ".join(outcome.kept_translations))
    lines += ["", f"请核对 / To review ({len(review)}):"] + [f"  - {line}" for line in review]
    lines += ["", "下一步 / Next steps:",
              "  make serve   预览，对照原文核对 / preview and check against the original",
              f"  编辑 docs/data/{outcome.year}.yml：核对每个数字后删除 review: true / check each figure, then delete review: true",
              f"  翻译 docs/en/{outcome.year}/：译好一页后删除 translation: pending / translate a page, then delete "
              "translation: pending",
              "  make check   检查 / run the checks"]
    return "\n".join(lines)
