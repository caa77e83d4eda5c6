"""nicheng_report.figures.compute: given values checked, derived figures in
dependency order with exact decimals, and the file's checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nicheng_report.figures import FigureDataError
from nicheng_report.figures.compute import check_key, derive, given_values, run_checks
from nicheng_report.figures.schema import FigureSpec, Text

LABEL = {"zh": "数", "en": "Figure"}


def spec(**fields) -> FigureSpec:
    return FigureSpec.model_validate({"unit": "item", "qualifier": "exact", "origin": "stated",
                                      "section": "a#b", "label": LABEL, **fields})


def computed(formula: str, decimals: int = 2, unit: str = "percent") -> FigureSpec:
    return spec(formula=formula, decimals=decimals, unit=unit, origin="computed")


def test_derived_figures_in_dependency_order_rounded_half_up():
    specs = {"m.share": computed("m.part / m.total * 100", 1),   # needs m.part, computed after it
             "m.part": computed("m.total - m.rest", 0, "item"),
             "m.total": spec(value=8), "m.rest": spec(value=5)}
    values, decimals = given_values("f.yml", specs, {})
    derive("f.yml", specs, {}, values, decimals)
    assert values == {"m.total": 8, "m.rest": 5, "m.part": 3, "m.share": Decimal("37.5")}
    assert decimals["m.share"] == 1 and decimals["m.total"] == 0
    assert given_values("f.yml", {"x.y": spec(value=97.6, unit="percent")}, {})[1] == {"x.y": 1}


def test_a_cycle_and_an_unknown_key_name_the_figure_and_its_line():
    specs = {"a.x": computed("a.y + 1"), "a.y": computed("a.x + 1")}
    with pytest.raises(FigureDataError, match="depend on each other: a.x, a.y") as caught:
        derive("f.yml", specs, {"a.x": 3, "a.y": 9}, {}, {})
    assert (caught.value.line, caught.value.key) == (3, "a.x")
    specs = {"a.rate": computed("a.done / a.dones"), "a.done": spec(value=1)}
    with pytest.raises(FigureDataError) as caught:
        derive("f.yml", specs, {"a.rate": 7}, {"a.done": Decimal(1)}, {})
    assert caught.value.line == 7 and "did you mean `a.done`?" in caught.value.fix_en


@pytest.mark.parametrize("figure, value, phrase", [
    (spec(value=1), Decimal(-1), "cannot be negative"),
    (spec(value=1, unit="percent"), Decimal("100.5"), "cannot exceed 100"),
    (spec(value=1), Decimal("2.5"), "whole number"),
])
def test_given_values_are_checked(figure, value, phrase):
    with pytest.raises(FigureDataError, match=phrase):
        given_values("f.yml", {"a.b": figure.model_copy(update={"value": float(value)})}, {"a.b": 4})


def test_a_computed_percentage_over_100_is_caught():
    specs = {"a.rate": computed("a.x / a.y * 100"), "a.x": spec(value=3), "a.y": spec(value=2)}
    values, decimals = given_values("f.yml", specs, {})
    with pytest.raises(FigureDataError, match="computed value percentage cannot exceed 100"):
        derive("f.yml", specs, {}, values, decimals)


def test_checks_on_given_figures_come_first_and_name_their_line():
    values = {"m.settled": Decimal(700), "m.cases": Decimal(626)}
    run_checks("f.yml", ["m.rate <= 100"], [20], values, given_only=True)  # names a derived figure: later
    with pytest.raises(FigureDataError) as caught:
        run_checks("f.yml", ["m.rate <= 100", "m.settled <= m.cases"], [20, 21], values, given_only=True)
    assert caught.value.line == 21 and "m.settled = 700, m.cases = 626" in caught.value.problem_en
    with pytest.raises(FigureDataError, match="cannot be evaluated"):
        run_checks("f.yml", ["m.rate <= 100"], [20], values, given_only=False)


def test_keys_are_dotted_and_grouped():
    groups = {"m": Text(zh="调解", en="Mediation")}
    check_key("f.yml", "m.cases", 1, groups)
    with pytest.raises(FigureDataError, match="not a valid key"):
        check_key("f.yml", "Mediation.Cases", 1, groups)
    with pytest.raises(FigureDataError, match="group `x` is not defined"):
        check_key("f.yml", "x.cases", 1, groups)
