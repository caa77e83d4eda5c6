"""The statistics core (nicheng_report.figures) on its own, without MkDocs: the real
data file against the official text, formulas, open data, charts, staff mistakes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from nicheng_report.figures import FigureDataError, format_figure, load_report_data
from nicheng_report.figures.charts import bar_chart
from nicheng_report.figures.expressions import ExpressionError, evaluate
from nicheng_report.figures.opendata import datapackage_json, figures_csv, figures_json

from conftest import ROOT

DATA = ROOT / "docs" / "data" / "2024.yml"

# Every figure as the official text writes it, and as English pages show it.
OFFICIAL = {
    "party.study_sessions": ("不少于12", "at least 12"),
    "contracts.legality_reviews": ("425", "425"),
    "litigation.head_appearance_rate": ("100%", "100%"),
    "reconsideration.cases": ("2", "2"),
    "reconsideration.disclosure_cases": ("1", "1"),
    "reconsideration.enforcement_cases": ("1", "1"),
    "public_interest.procuratorial_recommendations": ("3", "3"),
    "disclosure.published_items": ("168", "168"),
    "disclosure.proactive_rate": ("97.6%", "97.6%"),
    "disclosure.applications": ("11", "11"),
    "enforcement.legal_reviews": ("7", "7"),
    "mediation.cases": ("626", "626"),
    "mediation.persons": ("953", "953"),
    "mediation.complex_cases": ("19", "19"),
    "mediation.amount": ("705.765万元", "RMB 7,057,650"),
    "mediation.settled": ("618", "618"),
    "mediation.studio_agreements": ("161", "161"),
    "mediation.success_rate": ("98.72%", "98.72%"),
    "legal_services.village_offices": ("30", "30"),
    "legal_services.consultations": ("300余", "more than 300"),
    "legal_services.advice": ("70余", "more than 70"),
    "education.publicity_events": ("42", "42"),
    "targets.dispute_resolution_rate": ("95%以上", "at least 95%"),
}


@pytest.fixture(scope="module")
def data():
    return load_report_data(DATA)


def test_every_stated_figure_formats_as_the_official_text(data):
    stated = {k for k, f in data.figures.items() if f.origin == "stated"}
    assert stated == set(OFFICIAL), "the data file and the list of official figures disagree"
    for key, (zh, en) in OFFICIAL.items():
        assert format_figure(data.figures[key], lang="zh") == zh, key
        assert format_figure(data.figures[key], lang="en") == en, key


def test_success_rate_is_computed_and_equals_the_published_value(data):
    rate = data.figures["mediation.success_rate"]
    assert rate.formula == "mediation.settled / mediation.cases * 100"
    assert rate.value == Decimal("98.72")  # 618 / 626 = 98.7220…%, as published


def test_site_computed_figures(data):
    assert data.figures["mediation.studio_share"].value == Decimal("26.1")      # 161 / 618
    assert data.figures["mediation.unsettled"].value == 8                       # 626 - 618
    assert data.figures["mediation.complex_share"].value == Decimal("3.0")      # 19 / 626
    assert data.figures["mediation.amount_per_case"].value == Decimal("1.1274")  # 705.765 / 626
    assert all(f.origin == "computed" for k, f in data.figures.items() if k in {
        "mediation.studio_share", "mediation.unsettled", "mediation.complex_share", "mediation.amount_per_case"})


def test_formulas_are_exact_decimals_and_safe():
    assert evaluate("a.b / c.d * 100", {"a.b": Decimal(1), "c.d": Decimal(3)}).quantize(Decimal("0.01")) == Decimal("33.33")
    with pytest.raises(ExpressionError, match="divides by zero"):
        evaluate("a.b / c.d", {"a.b": Decimal(1), "c.d": Decimal(0)})
    with pytest.raises(ExpressionError):
        evaluate("__import__('os').system('true')", {})


def test_open_data_is_complete_and_typed(data):
    import csv
    import io
    import json
    rows = list(csv.DictReader(io.StringIO(figures_csv(data))))
    assert [r["key"] for r in rows] == list(data.figures)
    assert json.loads(figures_json(data))["figures"][0]["key"] == rows[0]["key"]
    package = json.loads(datapackage_json(data))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["value"]["type"] == "number" and fields["value"]["constraints"]["minimum"] == 0
    assert set(fields) == set(rows[0])


def test_charts_scale_to_the_largest_value(data):
    assert list(data.charts) == ["mediation", "reconsideration", "disclosure", "legal_services"]
    for chart_id in data.charts:
        chart = bar_chart(data, chart_id, lang="zh")
        assert chart.bars and max(bar.width for bar in chart.bars) == pytest.approx(80)
        assert chart.title and chart.description


# --- Staff mistakes in the data file --------------------------------------------

def mutate(tmp_path: Path, change) -> Path:
    """A copy of the real data file with one mistake planted (text edit)."""
    text = DATA.read_text(encoding="utf-8")
    path = tmp_path / "2024.yml"
    path.write_text(change(text), encoding="utf-8")
    return path


def replace_once(old: str, new: str):
    def change(text: str) -> str:
        assert text.count(old) >= 1, old
        return text.replace(old, new, 1)
    return change


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


MISTAKES = {
    "malformed YAML": (replace_once("  mediation.cases:\n    value: 626", "  mediation.cases:\n    value: [626"),
                       None, ("无法读取", "缩进")),
    "missing field": (replace_once("    value: 626\n    unit: item\n", "    value: 626\n"),
                      "mediation.cases", ("`unit`", "缺少必填字段")),
    "string for a number": (replace_once("value: 626", 'value: "626"'), "mediation.cases", ("must be a number", "应当是数字")),
    "negative count": (replace_once("value: 626", "value: -626"), "mediation.cases", ("negative", "负数")),
    "settled more than cases": (replace_once("value: 618", "value: 700"), None,
                                ("mediation.settled <= mediation.cases", "不成立")),
    "formula with an unknown key": (replace_once("mediation.settled / mediation.cases * 100",
                                                 "mediation.setled / mediation.cases * 100"),
                                    "mediation.success_rate", ("mediation.setled", "mediation.settled")),
    "division by zero": (replace_once("mediation.settled / mediation.cases * 100", "mediation.settled / 0"),
                         "mediation.success_rate", ("divides by zero",)),
    "duplicate key": (replace_once("  mediation.persons:", "  mediation.cases:"), "mediation.cases",
                      ("appears twice", "重复")),
    "percentage over 100": (replace_once("value: 97.6", "value: 197.6"), "disclosure.proactive_rate", ("exceed 100",)),
    "count with decimals": (replace_once("value: 626", "value: 626.5"), "mediation.cases", ("whole number",)),
    "unknown unit": (replace_once("unit: person_time", "unit: people"), "mediation.persons", ("people", "one of")),
    "bad section": (replace_once("section: measures#dispute-resolution", "section: measures dispute"),
                    "mediation.cases", ("page#heading-id",)),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_data_mistake_names_file_line_key_and_fix(tmp_path, name):
    change, key, phrases = MISTAKES[name]
    path = mutate(tmp_path, change)
    with pytest.raises(FigureDataError) as caught:
        load_report_data(path, display_path="docs/data/2024.yml")
    message = str(caught.value)
    assert message.startswith("docs/data/2024.yml")
    assert "Fix:" in message and "修改：" in message and "Traceback" not in message
    if key:
        assert f"key `{key}`" in message
    assert "line" in message and caught.value.line is not None
    for phrase in phrases:
        assert phrase in message, message


def test_error_line_points_at_the_mistake(tmp_path):
    path = mutate(tmp_path, replace_once("value: 626", "value: -626"))
    with pytest.raises(FigureDataError) as caught:
        load_report_data(path)
    assert caught.value.line == line_of(path.read_text(encoding="utf-8"), "  mediation.cases:")


def test_the_real_data_file_has_no_unused_group_and_valid_yaml():
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    used = {key.split(".")[0] for key in raw["figures"]}
    assert used == set(raw["groups"])


def test_dates_as_each_language_writes_them():
    from nicheng_report.figures.formatting import format_date
    assert format_date("2024-12-17", lang="zh") == "2024年12月17日"
    assert format_date("2024-01-07", lang="zh") == "2024年1月7日"
    assert format_date("2024-12-17", lang="en") == "17 December 2024"
