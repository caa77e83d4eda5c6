"""The statistics core (nicheng_report.figures) on its own, without MkDocs: the real
data file against the official text, formulas, open data, charts, staff mistakes."""

from __future__ import annotations

import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from nicheng_report.figures import FigureDataError, format_figure, load_report_data
from nicheng_report.figures.charts import bar_chart
from nicheng_report.figures.expressions import ExpressionError, evaluate
from nicheng_report.figures.opendata import datapackage_json, figures_csv, figures_json

from conftest import PROJECT
from report_data import LATEST, PUBLISHED, official_text, raw_value

DATA = PROJECT / "docs" / "data" / f"{LATEST}.yml"

# How each language writes a figure, on fixed examples (unit, qualifier, value, decimals): the
# formatting rules themselves, whatever the report's figures are.
FORMATS = [
    ("time", "at_least", "12", 0, "不少于12", "at least 12"),
    ("item", "exact", "626", 0, "626", "626"),
    ("wan_yuan", "exact", "705.765", 3, "705.765万元", "RMB 7,057,650"),
    ("percent", "exact", "98.72", 2, "98.72%", "98.72%"),
    ("percent", "exact", "100", 0, "100%", "100%"),
    ("person_time", "more_than", "300", 0, "300余", "more than 300"),
    ("percent", "or_more", "95", 0, "95%以上", "at least 95%"),
]


@pytest.fixture(scope="module")
def data():
    return load_report_data(DATA)


@pytest.mark.parametrize("unit, qualifier, value, decimals, zh, en", FORMATS)
def test_each_language_writes_a_figure_as_the_reports_do(data, unit, qualifier, value, decimals, zh, en):
    example = dataclasses.replace(next(iter(data.figures.values())), unit=unit, qualifier=qualifier,
                                  value=Decimal(value), decimals=decimals, written=None, scale=None)
    assert (format_figure(example, lang="zh"), format_figure(example, lang="en")) == (zh, en)


def _corrected(year: int) -> set[str]:
    """Figures with a recorded official correction (更正说明): they differ from the text on purpose."""
    raw = yaml.safe_load((PROJECT / "docs" / "data" / f"{year}.yml").read_text(encoding="utf-8"))
    return {entry.get("figure") for entry in raw.get("corrections") or [] if isinstance(entry, dict)}


@pytest.mark.parametrize("year", PUBLISHED)
def test_every_stated_figure_is_written_so_in_the_official_text(year):
    """A stated figure is a numeral of the report: the Chinese pages write it as the official text does."""
    data = load_report_data(PROJECT / "docs" / "data" / f"{year}.yml")
    text = re.sub(r"\s+", "", official_text(year))
    stated = [key for key, item in data.figures.items() if item.origin == "stated" and key not in _corrected(year)]
    assert stated, "no stated figure"
    missing = [(key, format_figure(data.figures[key], lang="zh")) for key in stated
               if format_figure(data.figures[key], lang="zh") not in text]
    assert not missing, f"not written so in docs/data/{year}.official.zh.txt: {missing}"


def test_every_formula_gives_the_value_the_site_shows(data):
    """Derived figures (the success rate the report states, the site's own shares) are their formula
    over the data file's values, rounded half up to their decimals."""
    derived = {key: item for key, item in data.figures.items() if item.formula}
    assert derived and "mediation.success_rate" in derived
    values = {key: item.value for key, item in data.figures.items()}
    for key, item in derived.items():
        exact = evaluate(item.formula, values)
        assert item.value == exact.quantize(Decimal(1).scaleb(-item.decimals), rounding=ROUND_HALF_UP), key
    assert all(data.figures[key].origin == "computed" for key in
               ("mediation.studio_share", "mediation.unsettled", "mediation.complex_share", "mediation.amount_per_case"))


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
    path = tmp_path / DATA.name
    path.write_text(change(text), encoding="utf-8")
    return path


def replace_once(old: str, new: str):
    def change(text: str) -> str:
        assert text.count(old) >= 1, old
        return text.replace(old, new, 1)
    return change


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


CASES, SETTLED, PROACTIVE = (raw_value(key) for key in ("mediation.cases", "mediation.settled", "disclosure.proactive_rate"))
MISTAKES = {
    "malformed YAML": (replace_once(f"  mediation.cases:\n    value: {CASES}", f"  mediation.cases:\n    value: [{CASES}"),
                       None, ("无法读取", "缩进")),
    "missing field": (replace_once(f"    value: {CASES}\n    unit: item\n", f"    value: {CASES}\n"),
                      "mediation.cases", ("`unit`", "缺少必填字段")),
    "string for a number": (replace_once(f"value: {CASES}", f'value: "{CASES}"'), "mediation.cases", ("must be a number", "应当是数字")),
    "negative count": (replace_once(f"value: {CASES}", f"value: -{CASES}"), "mediation.cases", ("negative", "负数")),
    "settled more than cases": (replace_once(f"value: {SETTLED}", f"value: {int(CASES) + 1}"), None,
                                ("mediation.settled <= mediation.cases", "不成立")),
    "formula with an unknown key": (replace_once("mediation.settled / mediation.cases * 100",
                                                 "mediation.setled / mediation.cases * 100"),
                                    "mediation.success_rate", ("mediation.setled", "mediation.settled")),
    "division by zero": (replace_once("mediation.settled / mediation.cases * 100", "mediation.settled / 0"),
                         "mediation.success_rate", ("divides by zero",)),
    "duplicate key": (replace_once("  mediation.persons:", "  mediation.cases:"), "mediation.cases",
                      ("appears twice", "重复")),
    "percentage over 100": (replace_once(f"value: {PROACTIVE}", f"value: {float(PROACTIVE) + 100}"), "disclosure.proactive_rate", ("exceed 100",)),
    "count with decimals": (replace_once(f"value: {CASES}", f"value: {CASES}.5"), "mediation.cases", ("whole number",)),
    "unknown unit": (replace_once("unit: person_time", "unit: people"), "mediation.persons", ("people", "one of")),
    "bad section": (replace_once("section: measures#dispute-resolution", "section: measures dispute"),
                    "mediation.cases", ("page#heading-id",)),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_data_mistake_names_file_line_key_and_fix(tmp_path, name):
    change, key, phrases = MISTAKES[name]
    path = mutate(tmp_path, change)
    with pytest.raises(FigureDataError) as caught:
        load_report_data(path, display_path=f"docs/data/{LATEST}.yml")
    message = str(caught.value)
    assert message.startswith(f"docs/data/{LATEST}.yml")
    assert "Fix:" in message and "修改：" in message and "Traceback" not in message
    if key:
        assert f"key `{key}`" in message
    assert "line" in message and caught.value.line is not None
    for phrase in phrases:
        assert phrase in message, message


def test_error_line_points_at_the_mistake(tmp_path):
    path = mutate(tmp_path, replace_once(f"value: {CASES}", f"value: -{CASES}"))
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
