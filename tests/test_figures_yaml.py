"""nicheng_report.figures.yamlfile: YAML with the line of every key and list item;
a duplicate key, bad YAML, a missing or non-UTF-8 file explained for staff."""

from __future__ import annotations

from pathlib import Path

import pytest

from nicheng_report.figures import FigureDataError
from nicheng_report.figures.yamlfile import LineDict, LineList, line_of, read_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_keys_and_list_items_remember_their_lines(tmp_path: Path):
    raw = read_yaml(write(tmp_path, "a:\n  b: 1\n  c: [x, y]\nd:\n  - p\n\n  - q\n"), "shown.yml")
    assert isinstance(raw, LineDict) and raw.lines == {"a": 1, "d": 4}
    assert raw["a"].lines == {"b": 2, "c": 3}
    assert isinstance(raw["d"], LineList) and raw["d"] == ["p", "q"] and raw["d"].lines == [5, 7]
    assert line_of(raw, ("a", "c")) == 3
    assert line_of(raw, ("d", 1)) == 7
    assert line_of(raw, ("a", "missing", "deeper")) == 1   # the deepest part found
    assert line_of(raw, ()) is None


def test_a_duplicate_key_names_both_lines(tmp_path: Path):
    with pytest.raises(FigureDataError) as caught:
        read_yaml(write(tmp_path, "figures:\n  a.b: 1\n  a.c: 2\n  a.b: 3\n"), "docs/data/2024.yml")
    error = caught.value
    assert (error.path, error.line, error.key) == ("docs/data/2024.yml", 4, "a.b")
    assert "first on line 2" in error.problem_en and "第一次在第2行" in error.problem_zh


def test_bad_yaml_names_the_line(tmp_path: Path):
    with pytest.raises(FigureDataError) as caught:
        read_yaml(write(tmp_path, "a:\n  b: [1\n  c: 2\n"), "x.yml")
    assert caught.value.line == 3 and caught.value.key is None
    assert "cannot be read" in caught.value.problem_en and "缩进" in caught.value.fix_zh and "indentation" in caught.value.fix_en


def test_a_missing_file_and_a_file_not_in_utf8(tmp_path: Path):
    with pytest.raises(FigureDataError, match="does not exist") as caught:
        read_yaml(tmp_path / "none.yml", "docs/data/2030.yml")
    assert caught.value.path == "docs/data/2030.yml" and caught.value.line is None
    path = tmp_path / "gbk.yml"
    path.write_bytes("a: 泥城".encode("gbk"))
    with pytest.raises(FigureDataError, match="UTF-8"):
        read_yaml(path, "gbk.yml")
