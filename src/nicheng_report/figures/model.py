"""One year's figures once loaded: values computed, ready to format, chart and publish."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .schema import ChartSpec, Label, ReportMeta, Text

__all__ = ["Figure", "Correction", "ReportData"]


class InSection:
    """Something cited at a passage of the report: `section` is page#heading-id."""

    section: str

    @property
    def page(self) -> str:
        return self.section.split("#", 1)[0]

    @property
    def heading(self) -> str:
        return self.section.split("#", 1)[1]


@dataclass(frozen=True)
class Figure(InSection):
    key: str
    group: str
    value: Decimal
    decimals: int
    unit: str
    qualifier: str
    origin: str
    period: str
    section: str
    label: Label
    definition: Text | None
    formula: str | None
    line: int | None
    written: str | None = None      # how the Chinese original writes it, "#" for the number
    scale: str | None = None        # 万 or 亿: the report writes the number in that unit
    review: bool = False            # imported, not yet checked by staff
    sentence: str | None = None     # the official sentence that states it (make import)

    @property
    def anchor(self) -> str:
        """Id of this figure's row on the key-figures page."""
        return "fig-" + self.key.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Correction(InSection):
    """An official correction (更正说明): of a figure (`figure` set; `published` and `now` are its
    values) or of a sentence (`figure` None; `published` and `now` are the words)."""

    section: str                     # page#heading-id of the passage corrected
    published: str                  # as the published report has it (a figure: its value, e.g. "618")
    now: str                         # as it is now
    date: str                        # YYYY-MM-DD, when it was decided
    decided_by: Text
    reason: Text
    figure: str | None = None        # the corrected figure's key
    line: int | None = None          # where it is recorded in the data file


@dataclass(frozen=True)
class ReportData:
    path: Path
    year: int
    meta: ReportMeta
    groups: dict[str, Label]
    figures: dict[str, Figure] = field(repr=False)
    checks: tuple[str, ...] = ()
    cards: tuple[str, ...] = ()                                       # keys of the home page's cards
    charts: dict[str, ChartSpec] = field(default_factory=dict, repr=False)  # chart id -> chart
    corrections: tuple[Correction, ...] = ()
    # The figures whose value differs from the published report's, at their published value
    # (a corrected figure and the figures computed from it): what the fidelity check compares.
    as_published: dict[str, Decimal] = field(default_factory=dict, repr=False)

    def by_group(self) -> list[tuple[str, Text, list[Figure]]]:
        return [(name, label, [f for f in self.figures.values() if f.group == name])
                for name, label in self.groups.items()
                if any(f.group == name for f in self.figures.values())]
