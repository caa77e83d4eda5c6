"""The year's data file (docs/data/YEAR.yml) as `make import` writes it: the
report's details, the groups, every figure found (value, unit, qualifier, how
the Chinese writes it where that differs, origin stated, section, a Chinese
label, the sentence, `review: true`), home-page cards and the year's search
terms. Written as text, in the layout of docs/data/2024.yml, so staff read it
easily; load_report_data() then reads it back like any other year's."""

from __future__ import annotations

import json
import re

from nicheng_report.figures.schema import Label

from .keys import Figures

__all__ = ["data_file", "scalar"]

HEADER = """\
# {title} · 数据
# Figures of the {year} report, imported from the official document by `make import`.
#
# 由 `make import` 从正式文本生成。每个数字都标着 review: true：请对照 sentence（原文句子）
# 核对数值、单位（unit）、限定词（qualifier）和中文名称（label），补上英文名称（label 的 en），
# 确认无误后删除 review: true 这一行。字段说明见 docs/data/{previous}.yml 开头。
# Made by `make import` from the official text. Every figure says review: true: check its
# value, unit, qualifier and Chinese label against its sentence (the official one), add the
# English label (en), then delete the line review: true. The fields are explained at the top
# of docs/data/{previous}.yml.
"""


def scalar(value: str) -> str:
    """A string as a YAML scalar: plain where that reads back the same, else double-quoted."""
    if value and re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9(（][^:#\"'{}\[\],&*!|>%@`]*", value) \
            and not value.endswith((" ", "：")) and value.strip() == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _label(label: Label) -> str:
    inside = f"zh: {scalar(label.zh)}" + (f", en: {scalar(label.en)}" if label.en else "")
    return "{" + inside + "}"


def data_file(*, year: int, previous: int, title: Label, publisher: Label, published: str, signed: str,
              source_url: str, figures: Figures, cards: list[str], terms: list[str]) -> str:
    lines = [HEADER.format(title=title.zh, year=year, previous=previous).rstrip("\n"), "", "report:",
             f"  year: {year}", f'  period: "{year}"', "  title:", f"    zh: {scalar(title.zh)}"]
    if title.en:
        lines.append(f"    en: {scalar(title.en)}")
    lines += ["  publisher:", f"    zh: {scalar(publisher.zh)}"]
    if publisher.en:
        lines.append(f"    en: {scalar(publisher.en)}")
    lines += [f'  published: "{published}"', f'  signed: "{signed}"', f"  source_url: {json.dumps(source_url)}", ""]
    lines += ["groups:"] + [f"  {group}: {_label(label)}" for group, label in figures.groups.items()]
    if not figures.groups:
        lines[-1] = "groups: {}"
    lines += ["", "figures:" if figures.placed else "figures: {}"]
    for placed in figures.placed:
        found = placed.found
        value = str(found.value)
        lines += ["", f"  {placed.key}:", f"    value: {value}"]
        if "." in value and value.endswith("0"):
            lines.append(f"    decimals: {found.decimals}")   # 1.50: the trailing zero is as written
        lines += [f"    unit: {found.unit}", f"    qualifier: {found.qualifier}"]
        if found.written:
            lines.append(f"    written: {json.dumps(found.written, ensure_ascii=False)}")
        if found.scale:
            lines.append(f"    scale: {found.scale}")
        lines += ["    origin: stated", f"    section: {placed.page}#{placed.heading}",
                  f"    label: {_label(placed.label)}",
                  f"    sentence: {json.dumps(found.sentence, ensure_ascii=False)}"]
        if not placed.reviewed:
            lines.append("    review: true")
    if cards:
        lines += ["", "# 首页“数说报告”的数据卡片（自动选取，可修改）。 The home page's cards (chosen by the import; edit at will).",
                  "cards:"] + [f"  - {key}" for key in cards]
    if terms:
        lines += ["", "# 本报告的名称和品牌，供中文搜索分词。 The report's own names, for the Chinese search.",
                  "search_terms:"] + [f"  - {scalar(term)}" for term in terms]
    return "\n".join(lines) + "\n"
