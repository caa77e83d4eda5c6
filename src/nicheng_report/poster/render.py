"""The poster's two files: the SVG from its layout and the Jinja template, and
the PNG that resvg renders from that same SVG with the Noto CJK files only
(system fonts skipped), so a build on any machine gives the same bytes.

Rendering a 1080 px long picture takes about a second, so the PNG is kept in the
build cache (.cache/poster/, SITE_CACHE), under a key of everything it depends on:
the SVG's text, resvg's version and the font files. A cache that cannot be read
or written only costs the second."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from importlib.metadata import version
from pathlib import Path

import resvg_py

from nicheng_report.figures.model import ReportData
from nicheng_report.languages import language

from .fonts import FONT_DIR, family_for, font_files, font_stack, metrics
from .layout import MARGIN, Poster, poster_layout

__all__ = ["poster_of", "svg_of", "png_of"]

def poster_of(data: ReportData, *, lang: str, strings: Mapping[str, str], font_dir: Path = FONT_DIR,
              cache: Path | None = None) -> Poster:
    family = family_for(language(lang).hreflang)
    return poster_layout(data, lang=lang, family=family, strings=strings,
                         regular=metrics(family, bold=False, font_dir=font_dir, cache=cache),
                         bold=metrics(family, bold=True, font_dir=font_dir, cache=cache))


def svg_of(poster: Poster, *, render: Callable[..., str]) -> str:
    """The SVG text; `render(**context)` renders overrides/partials/figures/poster-svg.html."""
    hreflang = language(poster.lang).hreflang
    return render(poster=poster, margin=MARGIN, hreflang=hreflang, font_stack=font_stack(hreflang)).strip() + "\n"


def png_of(svg: str, *, font_dir: Path = FONT_DIR, cache: Path | None = None) -> bytes:
    """The PNG of `svg`, as wide as its viewBox, drawn with the Noto CJK files alone."""
    fonts = font_files(font_dir)
    kept = cache / f"{_key(svg, fonts)}.png" if cache else None
    try:
        if kept and kept.is_file():
            return kept.read_bytes()
    except OSError:
        pass
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, font_files=[str(path) for path in fonts],
                                      skip_system_fonts=True, background="#fbf5ec"))
    if kept:
        _keep(kept, png)
    return png


def _key(svg: str, fonts: list[Path]) -> str:
    parts = [svg, version("resvg-py"), *(f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in fonts)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def _keep(path: Path, png: bytes) -> None:
    """Written whole or not at all (two builds run at once, one per language)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(png)
        partial.replace(path)
    except OSError:
        pass
