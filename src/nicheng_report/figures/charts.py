"""Geometry for the build-time SVG charts; the markup is in Jinja templates.

A chart is a title, a description and rows; each row gets a bar whose width is
its share of the largest value. No JavaScript, no external library.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Figure, ReportData
from .formatting import format_figure

__all__ = ["Bar", "Chart", "bar_chart", "CHARTS"]

# Chart id -> (figure keys, Chinese title, English title, Chinese description, English description)
CHARTS: dict[str, tuple[tuple[str, ...], str, str, str, str]] = {
    "mediation": (
        ("mediation.cases", "mediation.settled", "mediation.studio_agreements", "mediation.complex_cases",
         "mediation.unsettled"),
        "矛盾纠纷调解：从受理到达成协议", "Mediation: from disputes accepted to agreements",
        "调解纠纷受理件数、调解成功件数、其中两个调解工作室达成的协议、疑难复杂案件和未达成协议的纠纷。",
        "Disputes accepted, disputes settled, agreements reached by the two studios, difficult cases "
        "and disputes not settled.",
    ),
    "reconsideration": (
        ("reconsideration.cases", "reconsideration.withdrawn", "reconsideration.upheld"),
        "行政复议案件及结果", "Administrative reconsideration cases and outcomes",
        "收到的行政复议案件数及其结果。", "Cases received and how they ended.",
    ),
    "disclosure": (
        ("disclosure.published_items", "disclosure.applications", "enforcement.legal_reviews"),
        "政务公开与执法监督", "Openness of government affairs and supervision of enforcement",
        "公开政府信息条数、办理依申请公开件数和重大执法决定法制审核件数。",
        "Items of information published, applications for disclosure handled and major enforcement "
        "decisions given a legal review.",
    ),
    "legal_services": (
        ("legal_services.consultations", "legal_services.advice", "education.publicity_events",
         "legal_services.village_offices"),
        "公共法律服务与法治宣传", "Public legal services and legal publicity",
        "法律咨询人次、决策咨询和法律建议次数、普法宣传活动次数和居(村)工作室个数。",
        "Legal consultations, decision-making advice and legal opinions given, legal publicity events held "
        "and village legal service offices.",
    ),
}

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
    keys, title_zh, title_en, desc_zh, desc_en = CHARTS[chart_id]
    figures = [data.figures[key] for key in keys if key in data.figures]
    largest = max((f.value for f in figures), default=Decimal(0)) or Decimal(1)
    bars = tuple(
        Bar(figure=f, label=getattr(f.label, lang), text=format_figure(f, lang=lang),
            y=index * ROW_HEIGHT, width=round(float(f.value / largest) * LONGEST_BAR, 2))
        for index, f in enumerate(figures)
    )
    return Chart(id=chart_id, title=title_zh if lang == "zh" else title_en,
                 description=desc_zh if lang == "zh" else desc_en, bars=bars, height=len(bars) * ROW_HEIGHT)
