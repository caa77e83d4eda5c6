"""The poster's two files: the SVG from its layout and the Jinja template, and
the PNG that resvg renders from that same SVG with the Noto CJK files only
(system fonts skipped), so a build on any machine gives the same bytes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import resvg_py

from nicheng_report.figures.model import ReportData
from nicheng_report.languages import language

from .fonts import FONT_DIR, family_for, font_files, font_stack, metrics
from .layout import MARGIN, Poster, poster_layout

__all__ = ["poster_of", "svg_of", "png_of"]

def poster_of(data: ReportData, *, lang: str, strings: Mapping[str, str], font_dir: Path = FONT_DIR) -> Poster:
    family = family_for(language(lang).hreflang)
    return poster_layout(data, lang=lang, family=family, strings=strings,
                         regular=metrics(family, bold=False, font_dir=font_dir),
                         bold=metrics(family, bold=True, font_dir=font_dir))


def svg_of(poster: Poster, *, render: Callable[..., str]) -> str:
    """The SVG text; `render(**context)` renders overrides/partials/figures/poster.svg."""
    hreflang = language(poster.lang).hreflang
    return render(poster=poster, margin=MARGIN, hreflang=hreflang, font_stack=font_stack(hreflang)).strip() + "\n"


def png_of(svg: str, *, font_dir: Path = FONT_DIR) -> bytes:
    """The PNG of `svg`, WIDTH pixels wide, drawn with the Noto CJK files alone."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, font_files=[str(path) for path in font_files(font_dir)],
                                       skip_system_fonts=True, background="#fbf5ec"))
