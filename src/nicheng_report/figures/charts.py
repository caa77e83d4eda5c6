"""Geometry for the build-time SVG charts; the markup is in Jinja templates.

A chart is a title, a description and rows; each row gets a bar whose width is
its share of the largest value. No JavaScript, no external library. Which
charts a year has, their titles and their figures are in its data file
(`charts:` in docs/data/YEAR.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Figure, ReportData
from .formatting import format_figure

__all__ = ["Bar", "Chart", "bar_chart", "bar_charts"]

# No viewBox: the SVG is as wide as the page and its text stays at its real
# size on phones; bar lengths are percentages of that width. Labels sit above
# the bars, so long Chinese labels never clip.
LONGEST_BAR = 80.0  # percent of the width, leaving room for the value after it
ROW_HEIGHT = 56
BAR_HEIGHT = 22


@dataclass(frozen=True)
class Bar:
    figure: Figure
    label: str
    text: str
    y: int
    width: float  # percent of the chart's width


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    height: int


def bar_chart(data: ReportData, chart_id: str, *, lang: str) -> Chart:
    spec = data.charts[chart_id]
    figures = [data.figures[key] for key in spec.figures if key in data.figures]
    largest = max((f.value for f in figures), default=Decimal(0)) or Decimal(1)
    bars = tuple(
        Bar(figure=f, label=f.label.text(lang), text=format_figure(f, lang=lang),
            y=index * ROW_HEIGHT, width=round(float(f.value / largest) * LONGEST_BAR, 2))
        for index, f in enumerate(figures)
    )
    return Chart(id=chart_id, title=getattr(spec.title, lang), description=getattr(spec.description, lang),
                 bars=bars, height=len(bars) * ROW_HEIGHT)


def bar_charts(data: ReportData, *, lang: str) -> list[Chart]:
    """Every chart of the year, in the order of its data file; a chart with no bars is left out."""
    return [chart for chart in (bar_chart(data, chart_id, lang=lang) for chart_id in data.charts) if chart.bars]
