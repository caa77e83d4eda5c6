"""nicheng_report.figures.schema, vocabulary and messages: the shape of a data file,
its words, and pydantic's errors in plain words with the fix, in both languages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from nicheng_report.figures.messages import FigureDataError, did_you_mean, explain
from nicheng_report.figures.schema import ChartSpec, DataFile, FigureSpec
from nicheng_report.figures.vocabulary import COUNT_UNITS, ORIGINS, QUALIFIERS, UNITS
from nicheng_report.errors import StaffError

FIGURE = {"value": 626, "unit": "item", "qualifier": "exact", "origin": "stated",
          "section": "measures#dispute-resolution", "label": {"zh": "调解", "en": "Mediation"}}
FILE = {"report": {"year": 2024, "period": "2024", "title": {"zh": "报告", "en": "Report"},
                   "publisher": {"zh": "泥城镇人民政府", "en": "Nicheng"}, "published": "2024-12-17",
                   "signed": "2024-11-27", "source_url": "https://example.org/"},
        "groups": {"mediation": {"zh": "调解", "en": "Mediation"}},
        "figures": {"mediation.cases": FIGURE}}


def first_error(model, data) -> dict:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value.errors()[0]


def test_vocabulary():
    # The first units and qualifiers are those of 2024, in their order (the open data lists them so).
    assert list(UNITS)[:9] == ["item", "person_time", "time", "copy", "entry", "office", "project", "percent", "wan_yuan"]
    assert QUALIFIERS[:4] == ("exact", "at_least", "or_more", "more_than")
    assert {"percent", "wan_yuan", "yuan", "yi_yuan", "percentage_point"}.isdisjoint(COUNT_UNITS)
    assert {"item", "person_time", "member", "household", "session_count"} <= COUNT_UNITS
    assert all(len(forms) == 3 and all(forms) for forms in UNITS.values()), "every unit has its English"
    assert ORIGINS == ("stated", "described", "computed")


def test_cards_and_charts_are_optional_and_ordered():
    parsed = DataFile.model_validate(FILE)
    assert parsed.cards == [] and parsed.charts == {}
    chart = {"title": {"zh": "标题", "en": "Title"}, "description": {"zh": "说明", "en": "Description"},
             "figures": ["mediation.cases"]}
    parsed = DataFile.model_validate({**FILE, "cards": ["mediation.cases"], "charts": {"b": chart, "a": chart}})
    assert parsed.cards == ["mediation.cases"] and list(parsed.charts) == ["b", "a"]
    assert isinstance(parsed.charts["a"], ChartSpec)


def test_a_unit_outside_the_vocabulary_lists_the_allowed_ones():
    error = first_error(FigureSpec, {**FIGURE, "unit": "people"})
    problem_zh, problem_en, fix_zh, fix_en = explain(error)
    assert "'people' is not allowed for `unit`" in problem_en and "不在允许范围内" in problem_zh
    for unit in UNITS:
        assert f"'{unit}'" in fix_en and f"'{unit}'" in fix_zh


@pytest.mark.parametrize("change, phrases", [
    ({"value": "626"}, ("must be a number", "应当是数字", "without quotes", "不带引号")),
    ({"section": "measures dispute"}, ("page#heading-id",)),
    ({"formula": "a.b / c.d"}, ("either value", "not both")),
    ({"colour": "red"}, ("`colour` is not a known field", "不认识的字段")),
    ({"label": "调解"}, ("block of `key: value` lines", "键: 值")),
])
def test_figure_errors_in_plain_words(change, phrases):
    text = " ".join(explain(first_error(FigureSpec, {**FIGURE, **change})))
    for phrase in phrases:
        assert phrase in text, text


def test_missing_fields_and_lists():
    figure = {k: v for k, v in FIGURE.items() if k != "unit"}
    assert "`unit`" in explain(first_error(FigureSpec, figure))[1]
    problem_zh, problem_en, _, fix_en = explain(first_error(DataFile, {**FILE, "cards": "mediation.cases"}))
    assert "must be a list" in problem_en and "列表" in problem_zh and "lists" in fix_en


def test_figure_data_error_is_a_staff_error_with_everything_in_its_message():
    error = FigureDataError("docs/data/2024.yml", 12, "a.b", "问题", "problem", "改正", "fix it")
    assert isinstance(error, StaffError)
    assert str(error) == ("docs/data/2024.yml, line 12 / 第12行, key `a.b`\n"
                          "  问题：问题\n  Problem: problem\n  修改：改正\n  Fix: fix it")
    assert str(FigureDataError("x.yml", None, None, "问题", "p", "改", "f")).startswith("x.yml\n")


def test_did_you_mean():
    assert did_you_mean("mediation.case", ["mediation.cases", "party.study"]) == (
        "是不是 `mediation.cases`？", "did you mean `mediation.cases`?")
    assert did_you_mean("zzz", ["mediation.cases"]) == ("", "")
