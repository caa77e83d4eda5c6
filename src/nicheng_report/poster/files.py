"""The poster files of one year in one build: where they go, and their content.

The at-a-glance page's marker (`<!-- figures:poster -->`) asks for a year's poster
and says where its page is; once the site's Jinja environment exists, the
figures hook has poster_files() lay it out, draw the SVG and render the PNG, and
adds both beside the page. The page's snippet reads the layout (its height) from
the same slot.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nicheng_report.figures.model import ReportData

from .layout import Poster
from .render import png_of, poster_of, svg_of

__all__ = ["PosterSlot", "SVG_NAME", "PNG_NAME", "poster_files"]

SVG_NAME, PNG_NAME = "poster.svg", "poster.png"

Render = Callable[..., str]   # (template name, **context) -> text, in the site's environment


@dataclass
class PosterSlot:
    folder: str                    # the at-a-glance page's folder in the site, "2024/at-a-glance/"
    poster: Poster | None = None   # laid out in on_env


def poster_files(data: ReportData, slot: PosterSlot, *, lang: str, render: Render, cache: Path | None = None,
                 convert: Callable[[str], str] | None = None) -> Iterator[tuple[str, str | bytes]]:
    """(path in the site, content) of the year's SVG and PNG; fills in slot.poster.

    `convert`: an edition whose text is converted at build time (繁體, with OpenCC) passes its
    converter; it applies to the whole SVG before the PNG is drawn from it. The markup is ASCII
    and a converted character is as wide as the original, so the layout holds."""
    strings = json.loads(render("partials/figures/poster-strings.html"))
    slot.poster = poster_of(data, lang=lang, strings=strings, cache=cache)
    svg = svg_of(slot.poster, render=lambda **context: render("partials/figures/poster-svg.html", **context))
    if convert is not None:
        svg = convert(svg)
    yield slot.folder + SVG_NAME, svg
    yield slot.folder + PNG_NAME, png_of(svg, cache=cache)
