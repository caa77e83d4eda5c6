"""The 一图读懂 posters (4): each PNG's pixels and bytes against the issue's limits, the
SVG's bytes, and the time to lay out, draw and render one, measured outside MkDocs
with the project's own templates (the build does the same in the figures hook)."""

from __future__ import annotations

import gzip
import statistics
import struct
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs.theme import Theme

from nicheng_report.bench.report import Table
from nicheng_report.figures import load_report_data
from nicheng_report.languages import LANGUAGES
from nicheng_report.poster.files import PNG_NAME, PosterSlot, poster_files

BUDGET_PNG_KB = 1000   # "at most 1 MB", the PNG as shared on WeChat
MIN_WIDTH = 750


def _png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def bench_poster(table: Table, site: Path, project: Path, *, reps: int = 3) -> None:
    for png in sorted(site.rglob(PNG_NAME)):
        width, height = _png_size(png)
        kb = png.stat().st_size / 1000
        svg = png.with_suffix(".svg").read_bytes()
        ok = kb <= BUDGET_PNG_KB and width >= MIN_WIDTH and height > width
        table.data[f"poster_{png.relative_to(site)}"] = {"width": width, "height": height, "png": png.stat().st_size,
                                                        "svg": len(svg)}
        table.add("4", f"at-a-glance poster: {png.relative_to(site)}",
                  f"{width}×{height} px, {kb:.0f} kB PNG; SVG {len(svg) / 1024:.1f} KB "
                  f"({len(gzip.compress(svg, 9)) / 1024:.1f} KB gzip)",
                  f"PNG ≤ {BUDGET_PNG_KB} kB, ≥ {MIN_WIDTH} px wide, taller than wide", ok)
    data = load_report_data(project / "docs" / "data" / "2024.yml")
    for language in LANGUAGES:
        theme = Theme(name="material", custom_dir=str(project / "overrides"), language=language.hreflang)
        env = theme.get_env()
        config = SimpleNamespace(theme={"language": theme["language"]}, extra={"lang": language.code})
        def draw(name: str, **context: object) -> str:
            return env.get_template(name).render(config=config, **context)

        timings = {}
        with tempfile.TemporaryDirectory() as cache:
            for kept in (None, Path(cache)):   # the first build; a build with the PNG in .cache/poster/
                times = []
                for _ in range(reps):
                    started = time.perf_counter()
                    list(poster_files(data, PosterSlot(folder=""), lang=language.code, render=draw, cache=kept))
                    times.append(time.perf_counter() - started)
                timings["cached" if kept else "first"] = statistics.median(times) * 1000
        table.data[f"poster_ms_{language.code}"] = timings
        table.add("4", f"at-a-glance poster {language.code}: layout, SVG and PNG in the figures hook (median of {reps})",
                  f"{timings['first']:.0f} ms; {timings['cached']:.0f} ms with the PNG in the build cache")
