"""Staff messages about a data file: FigureDataError, and pydantic's validation
errors in plain words, in Chinese and English, each with its fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nicheng_report.errors import StaffError, place, staff_message

__all__ = ["FigureDataError", "explain", "did_you_mean"]

# No "date": a correction has a field of that name, and the schema has no date type.
TYPE_NAMES = {"int", "float", "str", "bool", "none", "list", "dict", "decimal"}


class FigureDataError(StaffError):
    """A mistake in a data file, explained for the person who made it."""

    def __init__(self, path: Path | str, line: int | None, key: str | None,
                 problem_zh: str, problem_en: str, fix_zh: str, fix_en: str) -> None:
        self.path, self.line, self.key = str(path), line, key
        self.problem_zh, self.problem_en, self.fix_zh, self.fix_en = problem_zh, problem_en, fix_zh, fix_en
        where = place(self.path, line) + (f", key `{key}`" if key else "")
        super().__init__(staff_message(where, problem=(problem_zh, problem_en), fix=(fix_zh, fix_en)))


def explain(error: dict[str, Any]) -> tuple[str, str, str, str]:
    """One pydantic error as (problem_zh, problem_en, fix_zh, fix_en)."""
    kind, got = error["type"], error.get("input")
    # The field, not the kind of value pydantic tried last (`value: int | float` gives loc (..., "value", "int")).
    names = [str(part) for part in error["loc"] if str(part) not in TYPE_NAMES and not str(part).startswith("function")]
    field_name = names[-1] if names else ""
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
    if kind == "list_type":
        return (f"`{field_name}` 应当是一个列表（每行以“- ”开头）。", f"`{field_name}` must be a list (lines starting with `- `).",
                "参照文件中其他列表的写法。", "follow the other lists in the file.")
    if field_name in {"published", "signed", "date"} and "not a date" in error["msg"]:
        return (f"`{field_name}` 应当是日期，现在是 {got!r}。", f"`{field_name}` must be a date, not {got!r}.",
                '写作带引号的“年-月-日”，例如 "2025-01-31"。', 'write it as "YYYY-MM-DD" in quotes, e.g. "2025-01-31".')
    message = error["msg"].removeprefix("Value error, ")
    return (f"`{field_name}`：{message}。", f"`{field_name}`: {message}.",
            f"改正 `{field_name}` 这一项，参照文件开头的字段说明。",
            f"correct `{field_name}`, following the explanation of the fields at the top of the file.")


def did_you_mean(name: str, choices: Iterable[str], *, cutoff: float = 0.6) -> tuple[str, str]:
    """A hint for a misspelt key: (Chinese, English); empty strings when nothing is close."""
    near = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return (f"是不是 `{near[0]}`？", f"did you mean `{near[0]}`?") if near else ("", "")
