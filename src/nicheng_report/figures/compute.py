"""The arithmetic of a data file: given values checked, derived figures computed
from their formulas in dependency order, and the file's checks evaluated.

Every problem is a FigureDataError naming the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from .expressions import ExpressionError, evaluate, keys_in
from .messages import FigureDataError, did_you_mean
from .schema import FigureSpec, Label
from .vocabulary import COUNT_UNITS, KEY_PATTERN, SCALES

__all__ = ["check_key", "given_values", "derive", "run_checks"]

Lines = Mapping[str, int]


def check_key(shown: str, key: str, line: int | None, groups: Mapping[str, Label]) -> None:
    """A figure key is dotted lower-case words, and its first word is a group."""
    if not KEY_PATTERN.match(key):
        raise FigureDataError(shown, line, key, f"键名 `{key}` 格式不对。", f"the key `{key}` is not a valid key.",
                              "用小写英文字母、数字和下划线，中间用点分组，例如 mediation.cases。",
                              "use lower-case letters, digits and underscores, grouped with dots: mediation.cases.")
    group = key.split(".", 1)[0]
    if group not in groups:
        raise FigureDataError(shown, line, key, f"分组 `{group}` 没有在 groups: 中定义。",
                              f"the group `{group}` is not defined under groups:.",
                              f"在 groups: 中加上 `{group}: {{zh: 中文名, en: English name}}`，或改用已有分组。",
                              f"add `{group}: {{zh: ..., en: ...}}` under groups:, or use an existing group.")


def check_value(shown: str, key: str, line: int | None, spec: FigureSpec, value: Decimal, *, given: bool) -> None:
    """Not negative; a percentage at most 100; a given count a whole number."""
    what_zh, what_en = ("", "") if given else ("计算结果", "the computed value ")
    if value < 0:
        raise FigureDataError(shown, line, key, f"{what_zh}不能是负数（现在是 {value}）。",
                              f"{what_en or 'the value '}cannot be negative (it is {value}).",
                              "改为 0 或正数。", "use 0 or a positive number.")
    if spec.unit == "percent" and value > 100:
        raise FigureDataError(shown, line, key, f"{what_zh}百分比不能超过 100（现在是 {value}）。",
                              f"{what_en or 'a '}percentage cannot exceed 100 (it is {value}).",
                              "百分比写成 0 到 100 之间的数，例如 98.72。", "write percentages from 0 to 100, e.g. 98.72.")
    whole = value * SCALES[spec.scale] if spec.scale else value   # 1.2万人次 is 12000
    if given and spec.unit in COUNT_UNITS and whole != whole.to_integral():
        raise FigureDataError(shown, line, key, f"件数、次数必须是整数（现在是 {value}）。",
                              f"a count must be a whole number (it is {value}).",
                              "去掉小数部分。", "remove the decimal part.")


def given_values(shown: str, specs: Mapping[str, FigureSpec], lines: Lines) -> tuple[dict[str, Decimal], dict[str, int]]:
    """The figures written as numbers, checked: their values and their decimal places."""
    values: dict[str, Decimal] = {}
    decimals: dict[str, int] = {}
    for key, spec in specs.items():
        if spec.value is not None:
            number = Decimal(str(spec.value))
            check_value(shown, key, lines.get(key), spec, number, given=True)
            values[key] = number
            written = max(0, -number.as_tuple().exponent) if number != number.to_integral() else 0
            decimals[key] = spec.decimals if spec.decimals is not None else written   # 1.50: decimals: 2
    return values, decimals


def derive(shown: str, specs: Mapping[str, FigureSpec], lines: Lines,
           values: dict[str, Decimal], decimals: dict[str, int]) -> None:
    """Compute the derived figures into `values` and `decimals`, in dependency order;
    a formula naming an unknown key, a cycle or a division by zero is an error."""
    pending = {k: s for k, s in specs.items() if s.formula is not None}
    for key, spec in pending.items():
        for name in keys_in(spec.formula or ""):
            if name not in specs:
                hint_zh, hint_en = did_you_mean(name, specs)
                raise FigureDataError(shown, lines.get(key), key,
                                      f"公式 `{spec.formula}` 用到了不存在的键 `{name}`。",
                                      f"the formula `{spec.formula}` names `{name}`, which is not a figure.",
                                      hint_zh or "请检查拼写。", hint_en or "check the spelling.")
    while pending:
        ready = [k for k, s in pending.items() if all(n in values for n in keys_in(s.formula or ""))]
        if not ready:
            cycle = ", ".join(sorted(pending))
            first = sorted(pending)[0]
            raise FigureDataError(shown, lines.get(first), first,
                                  f"公式互相引用，无法计算：{cycle}。", f"these formulas depend on each other: {cycle}.",
                                  "让每个公式只用原始数字或已能算出的数字。",
                                  "make each formula use given figures or figures computed without it.")
        for key in ready:
            spec = pending.pop(key)
            try:
                result = evaluate(spec.formula or "", values)
            except ExpressionError as error:
                raise FigureDataError(shown, lines.get(key), key,
                                      f"公式无法计算：{error}。", f"the formula cannot be computed: {error}.",
                                      "检查公式；除数不能为 0，只能用数字、键名和 + - * / ( )。",
                                      "check the formula: no division by zero; only numbers, keys and + - * / ( ).") from None
            assert isinstance(result, Decimal)
            rounded = result.quantize(Decimal(1).scaleb(-(spec.decimals or 0)), rounding=ROUND_HALF_UP)
            check_value(shown, key, lines.get(key), spec, rounded, given=False)
            values[key], decimals[key] = rounded, spec.decimals or 0


def run_checks(shown: str, checks: Sequence[str], check_lines: Sequence[int | None],
               values: Mapping[str, Decimal], *, given_only: bool) -> None:
    """Every check holds. With `given_only`, only the checks over given figures are run:
    their message names the real mistake (settled > cases) rather than a derived figure
    that it breaks (rate > 100%)."""
    for index, check in enumerate(checks):
        if given_only and not all(key in values for key in keys_in(check)):
            continue
        line = check_lines[index] if index < len(check_lines) else None
        try:
            holds = evaluate(check, values)
        except ExpressionError as error:
            raise FigureDataError(shown, line, None, f"检查条件无法计算：{error}。",
                                  f"the check cannot be evaluated: {error}.",
                                  "检查键名拼写。", "check the spelling of the keys.") from None
        if holds is not True:
            shown_values = ", ".join(f"{k} = {values[k]}" for k in keys_in(check))
            raise FigureDataError(shown, line, None,
                                  f"数字之间的关系不成立：{check}（{shown_values}）。",
                                  f"the figures break the rule {check} ({shown_values}).",
                                  "核对这几个数字，改正写错的那个。",
                                  "check these figures against the report and correct the wrong one.")
