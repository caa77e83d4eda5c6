"""Format a figure for a page's language, with Babel.

Chinese pages show a figure exactly as the official text writes it
(705.765万元, 98.72%, 300余, 不少于12); English pages as an English reader
expects (RMB 7,057,650, 98.72%, more than 300, at least 12).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, format_percent

from nicheng_report.languages import LANGUAGES

from .model import Figure
from .vocabulary import COUNT_UNITS, UNITS

__all__ = ["LOCALES", "format_date", "format_number", "format_figure", "unit_label"]

LOCALES = {language.code: language.formats for language in LANGUAGES}

# Official Chinese documents write numbers without thousands separators.
_GROUPING = {"zh": "0", "en": "#,##0"}

_QUALIFIERS = {
    "zh": {"exact": "{n}", "at_least": "不少于{n}", "or_more": "{n}以上", "more_than": "{n}余"},
    "en": {"exact": "{n}", "at_least": "at least {n}", "or_more": "at least {n}", "more_than": "more than {n}"},
}


def _pattern(lang: str, decimals: int) -> str:
    return _GROUPING[lang] + ("." + "0" * decimals if decimals else "")


def format_date(iso: str, *, lang: str) -> str:
    """A YYYY-MM-DD date as the page's language writes it: 2024年12月17日, 17 December 2024."""
    return babel_format_date(date.fromisoformat(iso), "long", locale=LOCALES[lang])


def format_number(value: Decimal, *, lang: str, decimals: int = 0) -> str:
    return format_decimal(value, format=_pattern(lang, decimals), locale=LOCALES[lang], decimal_quantization=True)


def _bare(figure: Figure, lang: str) -> str:
    if figure.unit == "percent":
        return format_percent(figure.value / 100, format=_pattern(lang, figure.decimals) + "%",
                              locale=LOCALES[lang], decimal_quantization=True)
    if figure.unit == "wan_yuan":
        if lang == "zh":
            return format_number(figure.value, lang="zh", decimals=figure.decimals) + "万元"
        yuan = figure.value * 10000
        places = max(0, figure.decimals - 4)
        return "RMB " + format_number(yuan, lang="en", decimals=places)
    return format_number(figure.value, lang=lang, decimals=figure.decimals)


def format_figure(figure: Figure, *, lang: str) -> str:
    """The figure as it is written in running text, qualifier included."""
    return _QUALIFIERS[lang][figure.qualifier].format(n=_bare(figure, lang))


def unit_label(figure: Figure, *, lang: str) -> str:
    """The unit for a table column: 件 / cases; empty where the figure carries it (%, 万元)."""
    if figure.unit not in COUNT_UNITS:
        return ""
    zh, singular, plural = UNITS[figure.unit]
    if lang == "zh":
        return zh
    return singular if figure.value == 1 else plural
