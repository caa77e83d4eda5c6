"""The poster as data: every text line and box with its place, for one year and
one language. The SVG template (overrides/partials/figures/poster-svg.html) only draws
what this computes.

The figures are the ones the at-a-glance page shows from the data file: the
year's headline cards (`cards:`), its charts (`charts:`, each a titled group
with bars) and its targets for the next stage, so the data file is the one
source of the page, the SVG and the PNG. Lines are wrapped with the widths of
the font the PNG is rendered with (fonts.py), with room to spare for the
reader's own fonts when the SVG is shown in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from nicheng_report.figures.charts import bar_charts
from nicheng_report.figures.formatting import format_date, format_figure, unit_label
from nicheng_report.figures.model import Figure, ReportData

from .fonts import CjkFont

__all__ = ["WIDTH", "Poster", "poster_layout"]

WIDTH = 1080                 # the PNG's width in pixels; the SVG's viewBox
MARGIN = 60
INNER = WIDTH - 2 * MARGIN
PAD = 40                     # inside a panel
LABEL, LEADING = 34, 48      # the labels under a number or above a bar
SLACK = 0.92                 # wrap a little early: a reader's fonts may run wider than Noto's

NO_LINE_START = set("，。、；：？！）》」』”’%")   # punctuation that never begins a line (禁则)
Measure = Callable[[str, float, bool], float]    # (text, size, bold) -> width


@dataclass(frozen=True)
class Line:
    x: float
    y: float
    text: str
    size: int
    bold: bool = False
    anchor: str = "start"


@dataclass(frozen=True)
class Card:
    x: float
    y: float
    width: float
    height: float
    value: Line
    unit: str
    label: tuple[Line, ...]
    computed: bool
    unit_line: Line | None = None   # a unit too long to follow the number goes under it


@dataclass(frozen=True)
class Bar:
    label: tuple[Line, ...]
    x: float
    y: float
    width: float
    value: Line
    unit: str
    computed: bool
    track: bool = True        # a bar against the group's largest; a target stands alone, without one


@dataclass(frozen=True)
class Group:
    number: str
    y: float                  # top of its heading
    title: tuple[Line, ...]
    panel_y: float
    panel_height: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Poster:
    lang: str
    family: str
    title: str                # <title>
    description: str          # <desc>: every figure in words
    height: float
    header_height: float
    kicker: Line
    heading: Line
    subtitle: tuple[Line, ...]
    cards_heading: Line
    cards: tuple[Card, ...]
    groups: tuple[Group, ...]
    footer_y: float
    footer: tuple[Line, ...]
    any_computed: bool
    year_mark: str = ""       # the year, drawn faintly in the header where the heading leaves room
    width: int = WIDTH


def wrap(text: str, *, width: float, size: int, bold: bool, measure: Measure) -> list[str]:
    """`text` in lines no wider than `width`: Chinese breaks between any two characters,
    English and URLs at spaces and after slashes."""
    pieces = re.findall(r"[A-Za-z0-9,.;:'’()%\-–?=_&]+/?\s*|\s+|.", text)
    lines, current = [], ""
    for piece in pieces:
        if (current and piece not in NO_LINE_START
                and measure((current + piece).rstrip(), size, bold) > width * SLACK):
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _lines(texts: list[str], *, x: float, y: float, size: int, leading: float, bold: bool = False) -> tuple[Line, ...]:
    return tuple(Line(x=x, y=round(y + index * leading, 1), text=text, size=size, bold=bold)
                 for index, text in enumerate(texts))


def _value(figure: Figure, lang: str) -> tuple[str, str]:
    return format_figure(figure, lang=lang), unit_label(figure, lang=lang)


def _card_value(text: str, unit: str, *, room: float, measure: Measure) -> tuple[int, bool]:
    """The largest size at which the number and its unit fit on one line, else (the size at
    which the number alone fits, True): the unit then goes on a line of its own."""
    for size in (88, 76, 64, 56):
        if measure(text, size, True) + measure(unit, 34, False) + 12 <= room * SLACK:
            return size, False
    return next((size for size in (76, 64, 56) if measure(text, size, True) <= room * SLACK), 48), bool(unit)


def _cards(data: ReportData, *, lang: str, top: float, measure: Measure) -> tuple[tuple[Card, ...], float]:
    gap, width = 30, (INNER - 30) / 2
    cards, y = [], top
    keys = list(data.cards)
    for row in range(0, len(keys), 2):
        pair = [data.figures[key] for key in keys[row:row + 2]]
        values = [_value(f, lang) for f in pair]
        fits = [_card_value(text, unit, room=width - 2 * PAD, measure=measure) for text, unit in values]
        below = 44 if any(unit_below for _, unit_below in fits) else 0
        labels = [wrap(f.label.text(lang), width=width - 2 * PAD, size=LABEL, bold=False, measure=measure) for f in pair]
        height = PAD + 96 + below + 24 + max(len(lines) for lines in labels) * LEADING + PAD - 10
        for column, (figure, label, (text, unit), (size, unit_below)) in enumerate(zip(pair, labels, values, fits)):
            x = MARGIN + column * (width + gap)
            cards.append(Card(x=x, y=y, width=width, height=height, unit="" if unit_below else unit,
                              unit_line=Line(x=x + PAD, y=y + PAD + 80 + below, text=unit, size=34) if unit_below else None,
                              computed=figure.origin == "computed",
                              value=Line(x=x + PAD, y=y + PAD + 80, text=text, size=size, bold=True),
                              label=_lines(label, x=x + PAD, y=y + PAD + 96 + below + 44, size=LABEL, leading=LEADING)))
        y += height + gap
    return tuple(cards), y - gap


def _group(number: int, title: str, figures: list[Figure], *, lang: str, top: float, measure: Measure,
           bars: bool = True) -> Group:
    title_lines = wrap(title, width=INNER - 110, size=44, bold=True, measure=measure)
    heading = _lines(title_lines, x=MARGIN + 100, y=top + 50, size=44, leading=58, bold=True)
    panel_y = top + 50 + (len(title_lines) - 1) * 58 + 40
    values = [_value(f, lang) for f in figures]
    room = max(measure(text, 48, True) + measure(" " + unit, 30, False) for text, unit in values) + 24
    longest = INNER - 2 * PAD - room
    largest = max((f.value for f in figures), default=Decimal(0)) or Decimal(1)
    drawn, y = [], panel_y + PAD
    for figure, (text, unit) in zip(figures, values):
        label = wrap(figure.label.text(lang), width=INNER - 2 * PAD, size=LABEL, bold=False, measure=measure)
        lines = _lines(label, x=MARGIN + PAD, y=y + 34, size=LABEL, leading=LEADING)
        bar_y = y + 34 + (len(label) - 1) * LEADING + 22
        width = max(8.0, round(float(figure.value / largest) * longest, 1)) if bars else 0.0
        drawn.append(Bar(label=lines, x=MARGIN + PAD, y=bar_y, width=width, unit=unit, computed=figure.origin == "computed",
                         value=Line(x=MARGIN + PAD + (width + 18 if bars else 0), y=bar_y + 36 + (0 if bars else 30),
                                    text=text, size=48 if bars else 64, bold=True), track=bars))
        y = bar_y + 44 + 34 + (0 if bars else 30)
    return Group(number=f"{number:02d}", y=top, title=heading, panel_y=panel_y,
                 panel_height=y - 34 + PAD - panel_y, bars=tuple(drawn))


def _date(iso: str, lang: str) -> str:
    """A draft may still say 待填写 where the date goes (make serve shows drafts)."""
    return format_date(iso, lang=lang) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) else iso


def _description(data: ReportData, lang: str, strings: Mapping[str, str], groups: list[tuple[str, list[Figure]]]) -> str:
    colon, sep, stop = strings["colon"], strings["semicolon"], strings["full_stop"]
    parts = []
    for title, figures in groups:
        items = sep.join(f"{f.label.text(lang)}{colon}{' '.join(filter(None, _value(f, lang)))}" for f in figures)
        parts.append(f"{title}{colon}{items}{stop}")
    return " ".join(parts)


def poster_layout(data: ReportData, *, lang: str, family: str, strings: Mapping[str, str],
                  regular: CjkFont, bold: CjkFont) -> Poster:
    """The poster of `data` in `lang`; `strings` are the UI strings (nicheng.poster.*)."""
    def measure(text: str, size: float, heavy: bool) -> float:
        return (bold if heavy else regular).width(text, size=size)

    title, publisher = data.meta.title.text(lang), data.meta.publisher.text(lang)
    kicker = Line(x=MARGIN + 24, y=100, text=publisher, size=34, bold=True)
    heading = Line(x=MARGIN, y=250, text=strings["heading"], size=128, bold=True)
    year_mark = str(data.year)
    if measure(heading.text, heading.size, True) + measure(year_mark, 170, True) + 40 > INNER:
        year_mark = ""
    subtitle_lines = wrap(title, width=INNER, size=46, bold=True, measure=measure)
    subtitle = _lines(subtitle_lines, x=MARGIN, y=340, size=46, leading=62, bold=True)
    header_height = 340 + (len(subtitle_lines) - 1) * 62 + 90

    cards_heading = Line(x=MARGIN, y=header_height + 100, text=strings["cards"] if data.cards else "", size=44, bold=True)
    cards, y = _cards(data, lang=lang, top=header_height + 140, measure=measure) if data.cards else ((), header_height)

    themed = [(chart.title, [bar.figure for bar in chart.bars]) for chart in bar_charts(data, lang=lang)]
    targets = [f for f in data.figures.values() if f.group == "targets"]
    if targets and "targets" in data.groups:
        themed.append((data.groups["targets"].text(lang), targets))
    groups = []
    for number, (group_title, figures) in enumerate(themed, start=1):
        group = _group(number, group_title, figures, lang=lang, top=y + 80, measure=measure,
                       bars=figures is not targets)
        groups.append(group)
        y = group.panel_y + group.panel_height

    footer_texts = [strings["publisher"].replace("#", publisher),
                    strings["published"].replace("#", _date(data.meta.published, lang))]
    source = wrap(strings["source"].replace("#", data.meta.source_url), width=INNER, size=26,
                  bold=False, measure=measure)
    any_computed = any(card.computed for card in cards) or any(bar.computed for g in groups for bar in g.bars)
    notes = [line for note in [strings["note"]] + ([strings["computed"]] if any_computed else [])
             for line in wrap(note, width=INNER, size=28, bold=False, measure=measure)]
    footer_y = y + 80
    footer = (_lines(footer_texts, x=MARGIN, y=footer_y + 80, size=32, leading=48, bold=True)
              + _lines(source, x=MARGIN, y=footer_y + 80 + 2 * 48 + 4, size=28, leading=40)
              + _lines(notes, x=MARGIN, y=footer_y + 80 + 2 * 48 + 4 + len(source) * 40 + 20, size=28, leading=40))
    height = footer[-1].y + 70
    description = _description(data, lang, strings,
                               [(strings["cards"], [data.figures[key] for key in data.cards])] * bool(data.cards) + themed)
    return Poster(lang=lang, family=family, title=f"{strings['heading']} · {title}",
                  description=description, height=round(height), header_height=header_height, kicker=kicker,
                  heading=heading, subtitle=subtitle, cards_heading=cards_heading, cards=cards, groups=tuple(groups),
                  footer_y=footer_y, footer=footer, any_computed=any_computed, year_mark=year_mark)
