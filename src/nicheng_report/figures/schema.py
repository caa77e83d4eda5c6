"""The shape of a year's data file (docs/data/YEAR.yml), as pydantic models.

Strict: a number in quotes, an unknown field or a unit that is not in the
vocabulary is an error (explained for staff by messages.explain).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator

from nicheng_report.languages import ORIGINAL

from .vocabulary import CARRIED_UNITS, ORIGINS, QUALIFIER_WORDS, QUALIFIERS, SCALES, SECTION_PATTERN, UNITS

__all__ = ["Text", "Label", "ReportMeta", "FigureSpec", "ChartSpec", "CorrectionSpec", "DataFile", "Unit", "Qualifier", "Origin"]

Unit = Literal[tuple(UNITS)]  # type: ignore[valid-type]
Qualifier = Literal[QUALIFIERS]  # type: ignore[valid-type]
Scale = Literal[tuple(SCALES)]  # type: ignore[valid-type]
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


class Label(_Strict):
    """A name in Chinese and, once translated, in English. Until then (`make import` writes
    no English) English pages show the Chinese, marked as Chinese: nothing is invented."""

    zh: str
    en: str | None = None

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty")
        return value

    def text(self, lang: str) -> str:
        """The name in `lang`, else the Chinese: for plain text (JSON-LD, an SVG's title)."""
        return getattr(self, lang, None) or self.zh

    def html(self, lang: str) -> str:
        """The name in `lang`, else the Chinese in a span marked as Chinese: for HTML and Markdown."""
        value = getattr(self, lang, None)
        return value if value else f'<span lang="{ORIGINAL.hreflang}">{self.zh}</span>'


class ReportMeta(_Strict):
    year: int
    period: str
    title: Label
    publisher: Label
    published: str
    signed: str
    source_url: str
    # draft: left out of the published site (nicheng_report.drafts); published: `make publish YEAR=…`.
    status: Literal["draft", "published"] | None = None

    @field_validator("published", "signed")
    @classmethod
    def _iso_date(cls, value: str, info: ValidationInfo) -> str:
        if (info.context or {}).get("draft"):   # a draft's dates may still say 待填写 (make serve shows it)
            return value
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date") from None
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
    label: Label
    definition: Text | None = None
    # How the Chinese original writes it, "#" for the number: "#余万元", "超过#%", "#万余".
    written: str | None = None
    # The report writes the number in 万 or 亿 (1.2万人次): English shows it whole.
    scale: Scale | None = None
    # `make import` sets review: true and the sentence that states the figure; staff
    # remove review: once they have checked it.
    review: bool = False
    sentence: str | None = None

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
        if self.written is not None:
            self._check_written(self.written)
        if self.scale is not None and self.unit in CARRIED_UNITS:
            raise ValueError(f"scale is for counts written in 万 or 亿; {self.unit} carries its own unit")
        return self

    def _check_written(self, written: str) -> None:
        if written.count("#") != 1:
            raise ValueError('written must hold one "#" where the number goes, e.g. "#余" or "超过#%"')
        words = QUALIFIER_WORDS[self.qualifier]
        if words and not any(word in written for word in words):
            raise ValueError(f"written {written!r} has no word of the qualifier {self.qualifier} ({'、'.join(words)})")
        if self.unit in CARRIED_UNITS and UNITS[self.unit][0] not in written:
            raise ValueError(f"written {written!r} must hold the unit {UNITS[self.unit][0]}")
        if self.scale is not None and self.scale not in written:
            raise ValueError(f"written {written!r} must hold the scale {self.scale}")


class ChartSpec(_Strict):
    """A bar chart of the key-figures and at-a-glance pages: one bar per figure."""

    title: Text
    description: Text
    figures: list[str]


class CorrectionSpec(_Strict):
    """An official correction (更正说明) of the published report: a figure (`figure:` its key) or a
    sentence (`section:` page#heading-id, `published:` and `now:` the words that changed)."""

    figure: str | None = None
    section: str | None = None
    published: int | float | str
    now: int | float | str
    date: str
    decided_by: Text
    reason: Text

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date") from None
        return value

    @field_validator("section")
    @classmethod
    def _section_shape(cls, value: str | None) -> str | None:
        if value is not None and not SECTION_PATTERN.match(value):
            raise ValueError("must look like page#heading-id, e.g. measures#dispute-resolution")
        return value

    @model_validator(mode="after")
    def _figure_or_sentence(self) -> "CorrectionSpec":
        if (self.figure is None) == (self.section is None):
            raise ValueError("give either figure (the key of a corrected figure) or section "
                             "(page#heading-id of a corrected sentence), not both")
        if self.section is not None and not (isinstance(self.published, str) and isinstance(self.now, str)):
            raise ValueError("a corrected sentence gives published and now as the words in quotes")
        if self.figure is not None and (isinstance(self.published, str) or isinstance(self.now, str)):
            raise ValueError("a corrected figure gives published and now as numbers without quotes")
        if isinstance(self.published, str) and not (self.published.strip() and self.now.strip()):
            raise ValueError("published and now must not be empty")
        if str(self.published) == str(self.now):
            raise ValueError("published and now are the same: nothing was corrected")
        return self


class DataFile(_Strict):
    report: ReportMeta
    groups: dict[str, Label]
    figures: dict[str, FigureSpec]
    checks: list[str] = []
    # Optional: a new year's skeleton has neither until its figures are in.
    cards: list[str] = []                # figures shown as cards on the home page (latest year)
    charts: dict[str, ChartSpec] = {}    # chart id -> chart, in the order shown
    search_terms: list[str] = []         # the year's own words for the Chinese search (names, brands)
    corrections: list[CorrectionSpec] = []   # official corrections (更正说明) of the published report
