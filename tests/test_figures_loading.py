"""nicheng_report.figures.loading: a year's data file loaded, and every staff mistake
in it explained with the file, the line, the key, the problem and the fix in both
languages. Each mistake is planted in a copy of docs/data/2024.yml (fast: no build;
tests/test_staff_mistakes.py keeps two of them end to end)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nicheng_report.figures import FigureDataError, load_report_data

from conftest import PROJECT
from report_data import LATEST, raw_value

DATA = PROJECT / "docs" / "data" / f"{LATEST}.yml"
SHOWN = f"docs/data/{LATEST}.yml"
CASES, SETTLED, PERSONS = (raw_value(key) for key in ("mediation.cases", "mediation.settled", "mediation.persons"))


def planted(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of the data file with `old` replaced once by `new`; and its text."""
    text = DATA.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = tmp_path / f"{LATEST}.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, needle: str, *, nth: int = 1) -> int:
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text[:index].count("\n") + 1


def load_fails(path: Path) -> FigureDataError:
    with pytest.raises(FigureDataError) as caught:
        load_report_data(path, display_path=SHOWN)
    return caught.value


# The eight data mistakes of tests/test_staff_mistakes.py:
# name -> (old, new, key, where the line points (needle, which occurrence, lines after it),
#          phrases of the message, in English and Chinese)
MISTAKES = {
    "malformed YAML in the data": (f"    value: {CASES}\n", f"    value: [{CASES}\n", None, (f"    value: [{CASES}", 1, 1),
                                   ["cannot be read", "无法读取"]),
    "missing field": (f"    value: {CASES}\n    unit: item\n", f"    value: {CASES}\n", "mediation.cases",
                      ("  mediation.cases:", 1, 0), ["`unit`", "required field", "缺少必填字段"]),
    "text where a number belongs": (f"value: {CASES}", 'value: "六百二十六"', "mediation.cases",
                                    ('value: "六百二十六"', 1, 0), ["must be a number", "应当是数字"]),
    "negative count": (f"value: {PERSONS}", f"value: -{PERSONS}", "mediation.persons", ("  mediation.persons:", 1, 0),
                       ["negative", "负数"]),
    "settled greater than cases": (f"value: {SETTLED}", f"value: {int(CASES) + 1}", None,
                                   ("  - mediation.settled <= mediation.cases", 1, 0),
                                   ["mediation.settled <= mediation.cases", "break the rule", "不成立"]),
    "formula naming an unknown key": ("mediation.settled / mediation.cases * 100",
                                      "mediation.settled / mediation.case * 100", "mediation.success_rate",
                                      ("  mediation.success_rate:", 1, 0),
                                      ["mediation.case", "did you mean `mediation.cases`", "是不是"]),
    "division by zero": ("mediation.settled / mediation.cases * 100",
                         f"mediation.settled / (mediation.cases - {CASES})", "mediation.success_rate",
                         ("  mediation.success_rate:", 1, 0), ["divides by zero", "除数不能为 0"]),
    "duplicate key": ("  mediation.persons:", "  mediation.cases:", "mediation.cases", ("  mediation.cases:", 2, 0),
                      ["appears twice", "重复"]),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_data_mistake_names_file_line_key_both_languages_and_fix(tmp_path: Path, name: str):
    old, new, key, (needle, nth, after), phrases = MISTAKES[name]
    path, text = planted(tmp_path, old, new)
    error = load_fails(path)
    assert error.path == SHOWN
    assert error.line == line_of(text, needle, nth=nth) + after
    assert error.key == key
    assert error.problem_zh and error.problem_en and error.fix_zh and error.fix_en
    message = str(error)
    assert message.startswith(f"{SHOWN}, line {error.line} / 第{error.line}行")
    if key:
        assert f"key `{key}`" in message
    for label in ("问题：", "Problem:", "修改：", "Fix:"):
        assert label in message
    assert "Traceback" not in message
    for phrase in phrases:
        assert phrase in message, f"{phrase!r} not in\n{message}"


def test_the_real_file_loads_with_its_cards_and_charts():
    data = load_report_data(DATA)
    assert data.year == LATEST and data.path == DATA
    assert data.cards == ("mediation.cases", "mediation.success_rate", "disclosure.published_items",
                          "legal_services.consultations")
    assert list(data.charts) == ["mediation", "reconsideration", "disclosure", "legal_services"]
    chart = data.charts["mediation"]
    assert chart.title.zh == "矛盾纠纷调解：从受理到达成协议"
    assert chart.title.en == "Mediation: from disputes accepted to agreements"
    assert chart.figures[0] == "mediation.cases"
    assert all(key in data.figures for key in data.cards)
    assert all(key in data.figures for spec in data.charts.values() for key in spec.figures)
    assert data.figures["mediation.cases"].line == line_of(DATA.read_text(encoding="utf-8"), "  mediation.cases:")


def test_cards_and_charts_are_optional(tmp_path: Path):
    """A new year's skeleton data file has neither: no cards, no charts."""
    text = DATA.read_text(encoding="utf-8")
    path = tmp_path / f"{LATEST}.yml"
    path.write_text(text[: text.index("\n# 首页")] + "\n", encoding="utf-8")
    data = load_report_data(path)
    assert data.cards == () and data.charts == {}


def test_a_skeleton_with_no_figures_loads(tmp_path: Path):
    text = DATA.read_text(encoding="utf-8")
    path = tmp_path / f"{LATEST + 1}.yml"
    path.write_text(text[: text.index("\nfigures:")].replace(f"year: {LATEST}", f"year: {LATEST + 1}") + "\nfigures: {}\n",
                    encoding="utf-8")
    data = load_report_data(path)
    assert data.year == LATEST + 1 and data.figures == {} and data.cards == () and data.charts == {}


@pytest.mark.parametrize("old, new, where, needle", [
    ("  - mediation.success_rate\n", "  - mediation.sucess_rate\n", "cards", "  - mediation.sucess_rate"),
    ("mediation.unsettled]", "mediation.unsetled]", "charts.mediation.figures", "mediation.unsetled]"),
])
def test_an_unknown_figure_in_cards_or_charts_is_explained(tmp_path: Path, old: str, new: str, where: str, needle: str):
    path, text = planted(tmp_path, old, new)
    error = load_fails(path)
    bad = new.strip(" -\n]")
    assert error.path == SHOWN and error.key == bad
    assert error.line == line_of(text, needle)
    assert f"`{where}`" in error.problem_zh and f"`{where}`" in error.problem_en
    assert bad in error.problem_zh and bad in error.problem_en
    assert "figures:" in error.fix_zh and "figures:" in error.fix_en
    assert "did you mean `mediation." in error.fix_en and "是不是 `mediation." in error.fix_zh


def test_a_chart_id_that_cannot_be_an_html_id_is_explained(tmp_path: Path):
    path, text = planted(tmp_path, "\n  legal_services:\n    title:", "\n  Legal-Services:\n    title:")
    error = load_fails(path)
    assert error.key == "charts.Legal-Services" and error.line == line_of(text, "  Legal-Services:")
    assert "chart id" in error.problem_en and "图表 id" in error.problem_zh


def test_a_chart_without_a_title_is_explained(tmp_path: Path):
    path, text = planted(tmp_path, "    title: {zh: 行政复议案件及结果, en: Administrative reconsideration cases and outcomes}\n", "")
    error = load_fails(path)
    assert error.key == "charts.reconsideration.title" and error.line == line_of(text, "  reconsideration:\n    description")
    assert "`title`" in error.problem_en and "缺少必填字段" in error.problem_zh
