"""YAML that remembers where things are: the line of every mapping key and list
item, and a duplicate key is an error (PyYAML would silently keep the last)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .messages import FigureDataError

__all__ = ["LineDict", "LineList", "read_yaml", "line_of"]


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class LineDict(dict):
    """A mapping that remembers the line of each of its keys."""

    lines: dict[str, int]


class LineList(list):
    """A list that remembers the line of each of its items."""

    lines: list[int]


# libyaml's parser when PyYAML has it (about ten times faster); marks and errors are the same.
class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in lines:
                raise DuplicateKey(str(key), line, lines[key])
            lines[str(key)] = line
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.lines = lines
        return mapping

    def construct_line_list(self, node: yaml.SequenceNode) -> LineList:
        items = LineList(self.construct_sequence(node, deep=True))
        items.lines = [item.start_mark.line + 1 for item in node.value]
        return items


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, LineLoader.construct_line_list)


def read_yaml(path: Path, shown: str) -> Any:
    """The YAML document at `path`; every problem is a FigureDataError naming `shown`."""
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
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except DuplicateKey as dup:
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
            "这一行或上一行的写法有误，文件无法读取。",
            "the file cannot be read: the way something is written on or just above this line is wrong.",
            "检查这一行及上一行的缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。",
            "check the indentation of this line and the one above (spaces, not tabs), "
            "the space after each colon, and that quotes are paired.") from None


def line_of(raw: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest part of `loc` (keys and list indexes) found in `raw`."""
    line, node = None, raw
    for part in loc:
        if isinstance(node, LineDict) and str(part) in node.lines:
            line = node.lines[str(part)]
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.lines[part]
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return line
