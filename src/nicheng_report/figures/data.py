"""Load, validate and compute one year's figures from its YAML data file.

Engine-agnostic: nothing here imports MkDocs. Every problem a staff member can
cause raises FigureDataError with the file, the line, the key, what is wrong
and how to fix it, in Chinese and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from nicheng_report.errors import StaffError

from .expressions import ExpressionError, evaluate, keys_in

__all__ = ["FigureDataError", "Figure", "ReportData", "load_report_data", "UNITS", "COUNT_UNITS"]

KEY_PATTERN = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")
SECTION_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$")

# Unit code -> (Chinese symbol, English singular, English plural).
UNITS: dict[str, tuple[str, str, str]] = {
    "item": ("件", "case", "cases"),
    "person_time": ("人次", "person-time", "person-times"),
    "time": ("次", "time", "times"),
    "copy": ("份", "document", "documents"),
    "entry": ("条", "item", "items"),
    "office": ("个", "office", "offices"),
    "project": ("项", "item", "items"),
    "percent": ("%", "%", "%"),
    "wan_yuan": ("万元", "yuan", "yuan"),
}
COUNT_UNITS = frozenset(UNITS) - {"percent", "wan_yuan"}
Unit = Literal["item", "person_time", "time", "copy", "entry", "office", "project", "percent", "wan_yuan"]
Qualifier = Literal["exact", "at_least", "or_more", "more_than"]
Origin = Literal["stated", "described", "computed"]


class FigureDataError(StaffError):
    """A mistake in a data file, explained for the person who made it."""

    def __init__(self, path: Path | str, line: int | None, key: str | None,
                 problem_zh: str, problem_en: str, fix_zh: str, fix_en: str) -> None:
        self.path, self.line, self.key = str(path), line, key
        self.problem_zh, self.problem_en, self.fix_zh, self.fix_en = problem_zh, problem_en, fix_zh, fix_en
        where = self.path + (f", line {line} / 第{line}行" if line else "")
        if key:
            where += f", key `{key}`"
        super().__init__(
            f"{where}\n"
            f"  问题：{problem_zh}\n  Problem: {problem_en}\n"
            f"  修改：{fix_zh}\n  Fix: {fix_en}"
        )


# --- YAML with line numbers and duplicate-key detection ----------------------

class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class _LineDict(dict):
    """A mapping that remembers the line of each of its keys."""

    lines: dict[str, int]


# libyaml's parser when PyYAML has it (about ten times faster); marks and errors are the same.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in lines:
                raise _DuplicateKey(str(key), line, lines[key])
            lines[str(key)] = line
        mapping = _LineDict(super().construct_mapping(node, deep=True))
        mapping.lines = lines
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def _read_yaml(path: Path, shown: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FigureDataError(shown, None, None, "找不到数据文件。", "the data file does not exist.",
                              "确认文件名和位置（docs/data/年份.yml）。",
                              "check the file name and place (docs/data/YEAR.yml).") from None
    except UnicodeDecodeError:
        raise FigureDataError(shown, None, None, "文件不是 UTF-8 编码。", "the file is not UTF-8 text.",
                              "用 UTF-8 编码重新保存。", "save the file again as UTF-8.") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as dup:
        raise FigureDataError(
            shown, dup.line, dup.key,
            f"键名 `{dup.key}` 重复出现（第一次在第{dup.first_line}行）。",
            f"the key `{dup.key}` appears twice (first on line {dup.first_line}).",
            "删除或重命名其中一个；每个数字只能写一次。",
            "delete or rename one of them; each figure is written once.") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise FigureDataError(
            shown, line, None,
            f"YAML 格式错误：{error.problem}。", f"the YAML cannot be read: {error.problem}.",
            "检查这一行及上一行的缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。",
            "check the indentation of this line and the one above (spaces, not tabs), "
            "the space after each colon, and that quotes are paired.") from None


# --- Schema ------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Text(_Strict):
    zh: str
    en: str

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class ReportMeta(_Strict):
    year: int
    period: str
    title: Text
    publisher: Text
    published: str
    signed: str
    source_url: str

    @field_validator("published", "signed")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        date.fromisoformat(value)
        return value


class FigureSpec(_Strict):
    value: int | float | None = None
    formula: str | None = None
    decimals: int | None = None
    unit: Unit
    qualifier: Qualifier
    origin: Origin
    period: str | None = None
    section: str
    label: Text
    definition: Text | None = None

    @field_validator("section")
    @classmethod
    def _section_shape(cls, value: str) -> str:
        if not SECTION_PATTERN.match(value):
            raise ValueError("must look like page#heading-id, e.g. measures#dispute-resolution")
        return value

    @model_validator(mode="after")
    def _value_or_formula(self) -> "FigureSpec":
        if (self.value is None) == (self.formula is None):
            raise ValueError("give either value (a number) or formula (for a derived figure), not both")
        if self.formula is not None and self.decimals is None:
            raise ValueError("a derived figure needs decimals (how many digits to keep)")
        if self.origin == "computed" and self.formula is None:
            raise ValueError("origin computed needs a formula")
        return self


class DataFile(_Strict):
    report: ReportMeta
    groups: dict[str, Text]
    figures: dict[str, FigureSpec]
    checks: list[str] = []


# --- Result ------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    key: str
    group: str
    value: Decimal
    decimals: int
    unit: str
    qualifier: str
    origin: str
    period: str
    section: str
    label: Text
    definition: Text | None
    formula: str | None
    line: int | None

    @property
    def anchor(self) -> str:
        """Id of this figure's row on the key-figures page."""
        return "fig-" + self.key.replace(".", "-").replace("_", "-")

    @property
    def page(self) -> str:
        return self.section.split("#", 1)[0]

    @property
    def heading(self) -> str:
        return self.section.split("#", 1)[1]


@dataclass(frozen=True)
class ReportData:
    path: Path
    year: int
    meta: ReportMeta
    groups: dict[str, Text]
    figures: dict[str, Figure] = field(repr=False)
    checks: tuple[str, ...] = ()

    def by_group(self) -> list[tuple[str, Text, list[Figure]]]:
        return [(name, label, [f for f in self.figures.values() if f.group == name])
                for name, label in self.groups.items()
                if any(f.group == name for f in self.figures.values())]


# --- Pydantic errors in plain words ------------------------------------------

def _explain(error: dict[str, Any]) -> tuple[str, str, str, str]:
    kind, field_name, got = error["type"], str(error["loc"][-1]) if error["loc"] else "", error.get("input")
    if kind == "missing":
        return (f"缺少必填字段 `{field_name}`。", f"the required field `{field_name}` is missing.",
                f"补上 `{field_name}:`，参照文件中其他条目的写法。",
                f"add `{field_name}:`, following the other entries in the file.")
    if kind == "extra_forbidden":
        return (f"不认识的字段 `{field_name}`。", f"`{field_name}` is not a known field.",
                "检查拼写；可用的字段见文件开头的说明。",
                "check the spelling; the fields are listed at the top of the file.")
    if kind in {"int_type", "float_type", "int_from_float", "decimal_type"} or (kind.endswith("_type") and field_name in {"value", "decimals", "year"}):
        return (f"`{field_name}` 应当是数字，现在是 {got!r}。", f"`{field_name}` must be a number, not {got!r}.",
                "写成不带引号的数字，例如 626 或 98.72。", "write a number without quotes, e.g. 626 or 98.72.")
    if kind == "string_type":
        return (f"`{field_name}` 应当是文字，现在是 {got!r}。", f"`{field_name}` must be text, not {got!r}.",
                "给它加上引号。", "put it in quotes.")
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return (f"`{field_name}` 的值 {got!r} 不在允许范围内。", f"{got!r} is not allowed for `{field_name}`.",
                f"改为以下之一：{allowed}。", f"use one of: {allowed}.")
    if kind in {"dict_type", "model_type"}:
        return (f"`{field_name}` 应当是一组“键: 值”。", f"`{field_name}` must be a block of `key: value` lines.",
                "参照文件中其他条目的缩进和写法。", "follow the indentation of the other entries.")
    message = error["msg"].removeprefix("Value error, ")
    return (f"`{field_name}`：{message}。", f"`{field_name}`: {message}.",
            "按上面的说明改正这一项。", "correct this field as described above.")


def _line_of(raw: Any, loc: tuple[Any, ...]) -> int | None:
    line, node = None, raw
    for part in loc:
        if isinstance(node, _LineDict) and str(part) in node.lines:
            line = node.lines[str(part)]
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return line


# --- Loading -----------------------------------------------------------------

def load_report_data(path: Path | str, *, display_path: str | None = None) -> ReportData:
    """Read, validate and compute the figures of one year. Raises FigureDataError."""
    path = Path(path)
    shown = display_path or str(path)
    raw = _read_yaml(path, shown)
    if not isinstance(raw, dict):
        raise FigureDataError(shown, 1, None, "文件内容不是“键: 值”结构。", "the file is not a YAML mapping.",
                              "以 report:、groups:、figures: 三段开头，参照 docs/data/2024.yml。",
                              "start with the sections report:, groups:, figures:, as in docs/data/2024.yml.")
    try:
        parsed = DataFile.model_validate(raw)
    except ValidationError as errors:
        first = errors.errors()[0]
        loc = tuple(first["loc"])
        key = str(loc[1]) if len(loc) > 1 and loc[0] == "figures" else ".".join(map(str, loc)) or None
        raise FigureDataError(shown, _line_of(raw, loc), key, *_explain(first)) from None

    figure_lines = raw["figures"].lines
    for key in parsed.figures:
        _check_key(shown, key, figure_lines.get(key), parsed.groups)

    values: dict[str, Decimal] = {}
    decimals: dict[str, int] = {}
    for key, spec in parsed.figures.items():
        if spec.value is not None:
            number = Decimal(str(spec.value))
            _check_value(shown, key, figure_lines.get(key), spec, number, given=True)
            values[key] = number
            decimals[key] = max(0, -number.as_tuple().exponent) if number != number.to_integral() else 0

    # Checks on given figures first: their message names the real mistake
    # (settled > cases) rather than a derived figure that it breaks (rate > 100%).
    _run_checks(shown, raw, parsed.checks, values, given_only=True)

    # Derived figures, in dependency order; a cycle or an unknown key is an error.
    pending = {k: s for k, s in parsed.figures.items() if s.formula is not None}
    for key, spec in pending.items():
        for name in keys_in(spec.formula or ""):
            if name not in parsed.figures:
                import difflib
                near = difflib.get_close_matches(name, parsed.figures, n=1)
                hint_zh = f"是不是 `{near[0]}`？" if near else "请检查拼写。"
                hint_en = f"did you mean `{near[0]}`?" if near else "check the spelling."
                raise FigureDataError(shown, figure_lines.get(key), key,
                                      f"公式 `{spec.formula}` 用到了不存在的键 `{name}`。",
                                      f"the formula `{spec.formula}` names `{name}`, which is not a figure.",
                                      hint_zh, hint_en)
    while pending:
        ready = [k for k, s in pending.items() if all(n in values for n in keys_in(s.formula or ""))]
        if not ready:
            cycle = ", ".join(sorted(pending))
            first = sorted(pending)[0]
            raise FigureDataError(shown, figure_lines.get(first), first,
                                  f"公式互相引用，无法计算：{cycle}。", f"these formulas depend on each other: {cycle}.",
                                  "让每个公式只用原始数字或已能算出的数字。",
                                  "make each formula use given figures or figures computed without it.")
        for key in ready:
            spec = pending.pop(key)
            try:
                result = evaluate(spec.formula or "", values)
            except ExpressionError as error:
                raise FigureDataError(shown, figure_lines.get(key), key,
                                      f"公式无法计算：{error}。", f"the formula cannot be computed: {error}.",
                                      "检查公式；除数不能为 0，只能用数字、键名和 + - * / ( )。",
                                      "check the formula: no division by zero; only numbers, keys and + - * / ( ).") from None
            assert isinstance(result, Decimal)
            rounded = result.quantize(Decimal(1).scaleb(-(spec.decimals or 0)), rounding=ROUND_HALF_UP)
            _check_value(shown, key, figure_lines.get(key), spec, rounded, given=False)
            values[key], decimals[key] = rounded, spec.decimals or 0

    _run_checks(shown, raw, parsed.checks, values, given_only=False)

    figures = {
        key: Figure(key=key, group=key.split(".", 1)[0], value=values[key], decimals=decimals[key],
                    unit=spec.unit, qualifier=spec.qualifier, origin=spec.origin,
                    period=spec.period or parsed.report.period, section=spec.section, label=spec.label,
                    definition=spec.definition, formula=spec.formula, line=figure_lines.get(key))
        for key, spec in parsed.figures.items()
    }
    return ReportData(path=path, year=parsed.report.year, meta=parsed.report, groups=dict(parsed.groups),
                      figures=figures, checks=tuple(parsed.checks))



def _run_checks(shown: str, raw: Any, checks: list[str], values: dict[str, Decimal], *, given_only: bool) -> None:
    first_line = _line_of(raw, ("checks",))
    for index, check in enumerate(checks):
        if given_only and not all(key in values for key in keys_in(check)):
            continue
        line = first_line + 1 + index if first_line else None
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

def _check_key(shown: str, key: str, line: int | None, groups: dict[str, Text]) -> None:
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


def _check_value(shown: str, key: str, line: int | None, spec: FigureSpec, value: Decimal, *, given: bool) -> None:
    what_zh, what_en = ("", "") if given else ("计算结果", "the computed value ")
    if value < 0:
        raise FigureDataError(shown, line, key, f"{what_zh}不能是负数（现在是 {value}）。",
                              f"{what_en or 'the value '}cannot be negative (it is {value}).",
                              "改为 0 或正数。", "use 0 or a positive number.")
    if spec.unit == "percent" and value > 100:
        raise FigureDataError(shown, line, key, f"{what_zh}百分比不能超过 100（现在是 {value}）。",
                              f"{what_en or 'a '}percentage cannot exceed 100 (it is {value}).",
                              "百分比写成 0 到 100 之间的数，例如 98.72。", "write percentages from 0 to 100, e.g. 98.72.")
    if given and spec.unit in COUNT_UNITS and value != value.to_integral():
        raise FigureDataError(shown, line, key, f"件数、次数必须是整数（现在是 {value}）。",
                              f"a count must be a whole number (it is {value}).",
                              "去掉小数部分。", "remove the decimal part.")
