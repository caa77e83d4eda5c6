"""The shape of a year's data file (docs/data/YEAR.yml), as pydantic models.

Strict: a number in quotes, an unknown field or a unit that is not in the
vocabulary is an error (explained for staff by messages.explain).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .vocabulary import ORIGINS, QUALIFIERS, SECTION_PATTERN, UNITS

__all__ = ["Text", "ReportMeta", "FigureSpec", "ChartSpec", "DataFile", "Unit", "Qualifier", "Origin"]

Unit = Literal[tuple(UNITS)]  # type: ignore[valid-type]
Qualifier = Literal[QUALIFIERS]  # type: ignore[valid-type]
Origin = Literal[ORIGINS]  # type: ignore[valid-type]


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


class ChartSpec(_Strict):
    """A bar chart of the key-figures and at-a-glance pages: one bar per figure."""

    title: Text
    description: Text
    figures: list[str]


class DataFile(_Strict):
    report: ReportMeta
    groups: dict[str, Text]
    figures: dict[str, FigureSpec]
    checks: list[str] = []
    # Optional: a new year's skeleton has neither until its figures are in.
    cards: list[str] = []                # figures shown as cards on the home page (latest year)
    charts: dict[str, ChartSpec] = {}    # chart id -> chart, in the order shown
