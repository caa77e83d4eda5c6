"""The poster's fonts: Noto Sans CJK from Debian's fonts-noto-cjk, never fetched.

One family for every language (it has Latin, digits and the CJK ideographs),
in the regional face the language reads (SC for simplified Chinese and English,
TC/HK for traditional). resvg renders the PNG from these very files; the
layout measures text with their advance widths (fontTools), so the lines it
wraps are the lines the PNG shows.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from fontTools.ttLib import TTCollection

from nicheng_report.errors import StaffError

__all__ = ["FONT_DIR", "FONT_FILES", "CjkFont", "family_for", "font_files", "font_stack", "metrics"]

# Where Debian's fonts-noto-cjk puts them (scripts/system-packages.sh checks the same path).
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_FILES = {"regular": "NotoSansCJK-Regular.ttc", "bold": "NotoSansCJK-Bold.ttc"}

# Region of the CJK face by the page's language tag; anything else reads simplified.
_REGION = {"zh-Hant": "TC", "zh-TW": "TC", "zh-HK": "HK", "zh-MO": "HK"}


def family_for(hreflang: str) -> str:
    """The font family the poster of a language names: Noto Sans CJK SC, TC or HK."""
    return f"Noto Sans CJK {_REGION.get(hreflang, 'SC')}"


def font_files(font_dir: Path = FONT_DIR) -> list[Path]:
    """The two font files, or a StaffError with the one command that installs them."""
    paths = [font_dir / name for name in FONT_FILES.values()]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise StaffError(f"The 一图读懂 poster needs the Noto CJK fonts ({', '.join(missing)} missing). "
                         "Fix: run `sudo apt-get install fonts-noto-cjk` (make build does it when it may). "
                         "/ 修改：先运行 sudo apt-get install fonts-noto-cjk 安装中文字体，再构建。")
    return paths


@dataclass(frozen=True)
class CjkFont:
    """Advance widths of one face, for measuring text before it is drawn."""
    units_per_em: int
    advances: dict[int, int]   # code point -> advance in font units
    fallback: int              # an ideograph's advance, for a character the face lacks

    def width(self, text: str, *, size: float) -> float:
        return sum(self.advances.get(ord(char), self.fallback) for char in text) * size / self.units_per_em


@lru_cache(maxsize=8)
def metrics(family: str, *, bold: bool, font_dir: Path = FONT_DIR, cache: Path | None = None) -> CjkFont:
    """The face's advance widths; kept in `cache` (the poster's build cache) because reading them
    from the .ttc takes about 0.15 s in every edition's build, and a kept copy a few ms."""
    path = font_files(font_dir)[1 if bold else 0]
    kept = cache / f"metrics-{_metrics_key(path, family)}.json" if cache else None
    try:
        if kept and kept.is_file():
            stored = json.loads(kept.read_text(encoding="utf-8"))
            return CjkFont(units_per_em=stored["units_per_em"], fallback=stored["fallback"],
                           advances={int(code): advance for code, advance in stored["advances"].items()})
    except (OSError, ValueError, KeyError, TypeError):
        pass   # a broken copy only costs the reading of the font
    font = _read_metrics(path, family)
    if kept:
        _keep_metrics(kept, font)
    return font


def _read_metrics(path: Path, family: str) -> CjkFont:
    collection = TTCollection(str(path), lazy=True)
    for face in collection.fonts:
        if face["name"].getDebugName(1) == family:
            widths = face["hmtx"].metrics
            upem = face["head"].unitsPerEm
            # An advance equal to the fallback (a full-width ideograph's) is left out: `width` gives
            # the fallback for a missing code point anyway, and the kept copy is small.
            advances = {code: widths[glyph][0] for code, glyph in face.getBestCmap().items()
                        if widths[glyph][0] != upem}
            return CjkFont(units_per_em=upem, advances=advances, fallback=upem)
    raise StaffError(f"{path} has no face named {family}. Fix: reinstall fonts-noto-cjk "
                     "(`sudo apt-get install --reinstall fonts-noto-cjk`). / 修改：重新安装 fonts-noto-cjk 字体。")


def _metrics_key(path: Path, family: str) -> str:
    stat = path.stat()
    parts = [family, path.name, str(stat.st_size), str(stat.st_mtime_ns), version("fonttools")]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def _keep_metrics(kept: Path, font: CjkFont) -> None:
    stored = {"units_per_em": font.units_per_em, "fallback": font.fallback,
              "advances": {str(code): advance for code, advance in sorted(font.advances.items())}}
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        partial.write_text(json.dumps(stored, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, kept)   # whole or absent, also with several editions building at once
    except OSError:
        pass


def font_stack(hreflang: str) -> str:
    """The SVG's font-family: Noto first (what the PNG uses), then the system fonts with the same
    coverage a reader's phone or computer has (the site's own list, overrides/assets/stylesheets/site.css)."""
    region = _REGION.get(hreflang, "SC")
    others = {"SC": "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'",
              "TC": "'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei'",
              "HK": "'Source Han Sans HC', 'PingFang HK', 'Microsoft JhengHei'"}[region]
    return f"'{family_for(hreflang)}', {others}, sans-serif"
