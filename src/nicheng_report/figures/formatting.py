"""Format a figure for a page's language, with Babel.

Chinese pages show a figure exactly as the official text writes it
(705.765万元, 98.72%, 300余, 不少于12; a figure's `written:` gives any other
wording, such as 超过#% or #万余); English pages as an English reader expects
(RMB 7,057,650, 98.72%, more than 300, at least 12, 12,000).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, format_percent

from nicheng_report.languages import LANGUAGES

from .model import Figure
from .vocabulary import COUNT_UNITS, MEASURES, MONEY, SCALES, UNITS

__all__ = ["LOCALES", "format_date", "format_number", "format_figure", "unit_label"]

LOCALES = {language.code: language.formats for language in LANGUAGES}

# Official Chinese documents write numbers without thousands separators.
_GROUPING = {"zh": "0", "en": "#,##0"}

_QUALIFIERS = {
    "zh": {"exact": "{n}", "at_least": "不少于{n}", "or_more": "{n}以上", "more_than": "{n}余",
           "at_most": "不超过{n}", "about": "约{n}", "nearly": "近{n}"},
    "en": {"exact": "{n}", "at_least": "at least {n}", "or_more": "at least {n}", "more_than": "more than {n}",
           "at_most": "at most {n}", "about": "about {n}", "nearly": "nearly {n}"},
}


def _pattern(lang: str, decimals: int) -> str:
    return _GROUPING[lang] + ("." + "0" * decimals if decimals else "")


def format_date(iso: str, *, lang: str) -> str:
    """A YYYY-MM-DD date as the page's language writes it: 2024年12月17日, 17 December 2024."""
    return babel_format_date(date.fromisoformat(iso), "long", locale=LOCALES[lang])


def format_number(value: Decimal, *, lang: str, decimals: int = 0) -> str:
    return format_decimal(value, format=_pattern(lang, decimals), locale=LOCALES[lang], decimal_quantization=True)


def _whole(value: Decimal, decimals: int, factor: int) -> tuple[Decimal, int]:
    """A number written in 万 (or 亿) as a whole number, with the decimals it still needs."""
    return value * factor, max(0, decimals - (len(str(factor)) - 1))


def _bare(figure: Figure, lang: str) -> str:
    if figure.unit == "percent":
        return format_percent(figure.value / 100, format=_pattern(lang, figure.decimals) + "%",
                              locale=LOCALES[lang], decimal_quantization=True)
    if figure.unit in MONEY:
        if lang == "zh":
            return format_number(figure.value, lang="zh", decimals=figure.decimals) + UNITS[figure.unit][0]
        yuan, places = _whole(figure.value, figure.decimals, MONEY[figure.unit])
        return "RMB " + format_number(yuan, lang="en", decimals=places)
    if figure.unit == "percentage_point":
        number = format_number(figure.value, lang=lang, decimals=figure.decimals)
        zh, singular, plural = UNITS["percentage_point"]
        return number + zh if lang == "zh" else f"{number} {singular if figure.value == 1 else plural}"
    if figure.scale and lang != "zh":
        whole, places = _whole(figure.value, figure.decimals, SCALES[figure.scale])
        return format_number(whole, lang=lang, decimals=places)
    return format_number(figure.value, lang=lang, decimals=figure.decimals) + (figure.scale or "")


def format_figure(figure: Figure, *, lang: str) -> str:
    """The figure as it is written in running text, qualifier included."""
    if lang == "zh" and figure.written:
        return figure.written.replace("#", format_number(figure.value, lang="zh", decimals=figure.decimals), 1)
    return _QUALIFIERS[lang][figure.qualifier].format(n=_bare(figure, lang))


def unit_label(figure: Figure, *, lang: str) -> str:
    """The unit for a table column: 件 / cases; empty where the figure carries it (%, 万元)."""
    if figure.unit not in COUNT_UNITS | MEASURES:
        return ""
    zh, singular, plural = UNITS[figure.unit]
    if lang == "zh":
        return zh
    return singular if figure.value == 1 and not figure.scale else plural
