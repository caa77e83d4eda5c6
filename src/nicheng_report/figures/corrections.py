"""Official corrections (更正说明) in a year's data file: checked against the figures, and
the figures as the published report had them, for the fidelity check (nicheng_report.fidelity).

A corrected figure's `now` must be its value in the file (the one place the site takes it
from); its `published` value, put back, gives every figure computed from it as published.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .compute import derive
from .messages import FigureDataError, did_you_mean
from .model import Correction
from .schema import CorrectionSpec, DataFile
from .yamlfile import line_of

__all__ = ["check_corrections", "as_published"]


def check_corrections(shown: str, raw: Any, parsed: DataFile, values: Mapping[str, Decimal]) -> tuple[Correction, ...]:
    """The year's corrections, each checked against the figures and the publication date."""
    corrections: list[Correction] = []
    seen: dict[str, int | None] = {}
    for index, spec in enumerate(parsed.corrections):
        line = line_of(raw, ("corrections", index))
        _check_date(shown, line, spec, parsed.report.published)
        if spec.figure is None:
            corrections.append(Correction(section=spec.section or "", published=str(spec.published), now=str(spec.now),
                                          date=spec.date, decided_by=spec.decided_by, reason=spec.reason, line=line))
            continue
        key = spec.figure
        _check_figure(shown, line, spec, parsed, values)
        if key in seen:
            raise FigureDataError(shown, line, key, f"`{key}` 已有一条更正（第{seen[key]}行）。",
                                  f"`{key}` already has a correction (line {seen[key]}).",
                                  "合并为一条：published 写正式发布时的数，now 写现在的数，date 写最近一次决定的日期。",
                                  "make them one: published as first published, now as it is now, "
                                  "date of the latest decision.")
        seen[key] = line
        corrections.append(Correction(section=parsed.figures[key].section, published=_plain(spec.published),
                                      now=_plain(spec.now), date=spec.date, decided_by=spec.decided_by,
                                      reason=spec.reason, figure=key, line=line))
    return tuple(corrections)


def _plain(number: int | float | str) -> str:
    return str(Decimal(str(number)))


def _check_date(shown: str, line: int | None, spec: CorrectionSpec, published: str) -> None:
    try:
        first = date.fromisoformat(published)
    except ValueError:       # a draft's date may still be 待填写: a draft has nothing to correct yet
        raise FigureDataError(shown, line, "corrections", "报告尚未发布（report: 中的 published 不是日期），不能记录更正。",
                              "the report is not published yet (published: under report: is not a date), "
                              "so nothing can be corrected.",
                              "草稿直接修改数字或文字即可；删除这条更正。",
                              "in a draft, change the figure or the words directly; delete this correction.") from None
    if date.fromisoformat(spec.date) < first:
        raise FigureDataError(shown, line, "date", f"更正日期 {spec.date} 早于报告发布日期 {published}。",
                              f"the correction's date {spec.date} is before the report was published ({published}).",
                              '写作出更正决定的日期（“年-月-日”，带引号）。',
                              'write the date the correction was decided ("YYYY-MM-DD" in quotes).')


def _check_figure(shown: str, line: int | None, spec: CorrectionSpec, parsed: DataFile,
                  values: Mapping[str, Decimal]) -> None:
    key = spec.figure or ""
    if key not in parsed.figures:
        hint_zh, hint_en = did_you_mean(key, parsed.figures)
        raise FigureDataError(shown, line, key, f"`figure: {key}` 不是本文件 figures: 中的数据键名。",
                              f"`figure: {key}` is not a figure of this file (under figures:).",
                              f"{hint_zh}写更正的那个数字的键名（页面中 {{{{ }}}} 里的名称）。",
                              (f"{hint_en} " if hint_en else "") + "write the key of the corrected figure "
                              "(the name inside {{ }} in the page).")
    figure = parsed.figures[key]
    if figure.formula is not None:
        raise FigureDataError(shown, line, key, f"`{key}` 是计算得出的数字（formula:），不能单独更正。",
                              f"`{key}` is computed (formula:), so it cannot be corrected by itself.",
                              "更正它所用的原始数字；计算结果会随之更新。",
                              "correct the figure it is computed from; the result follows.")
    if Decimal(str(spec.now)) != values[key]:
        raise FigureDataError(shown, line, key, f"更正写 now: {spec.now}，但 `{key}` 的 value: 是 {figure.value}。",
                              f"the correction says now: {spec.now}, but the value: of `{key}` is {figure.value}.",
                              f"两处写同一个数：把 `{key}` 的 value: 改为 {spec.now}，或把 now: 改为 {figure.value}。",
                              f"make them the same number: set value: of `{key}` to {spec.now}, or now: to {figure.value}.")


def as_published(shown: str, parsed: DataFile, lines: Mapping[str, int], values: Mapping[str, Decimal],
                 decimals: Mapping[str, int], corrections: tuple[Correction, ...]) -> dict[str, Decimal]:
    """Key -> value as the published report had it, for every figure a correction changed
    (the corrected figures and those computed from them)."""
    fixed = [c for c in corrections if c.figure]
    if not fixed:
        return {}
    before = {key: value for key, value in values.items() if parsed.figures[key].formula is None}
    before.update({c.figure: Decimal(c.published) for c in fixed if c.figure})
    places = {key: decimals[key] for key in before}
    derive(shown, parsed.figures, lines, before, places)
    return {key: value for key, value in before.items() if value != values[key]}
