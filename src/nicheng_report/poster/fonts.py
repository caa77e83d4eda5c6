"""The poster's fonts: Noto Sans CJK from Debian's fonts-noto-cjk, never fetched.

One family for every language (it has Latin, digits and the CJK ideographs),
in the regional face the language reads (SC for simplified Chinese and English,
TC/HK for traditional). resvg renders the PNG from these very files; the
layout measures text with their advance widths (fontTools), so the lines it
wraps are the lines the PNG shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
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
def metrics(family: str, *, bold: bool, font_dir: Path = FONT_DIR) -> CjkFont:
    path = font_files(font_dir)[1 if bold else 0]
    collection = TTCollection(str(path), lazy=True)
    for face in collection.fonts:
        if face["name"].getDebugName(1) == family:
            widths = face["hmtx"].metrics
            advances = {code: widths[glyph][0] for code, glyph in face.getBestCmap().items()}
            return CjkFont(units_per_em=face["head"].unitsPerEm, advances=advances, fallback=face["head"].unitsPerEm)
    raise StaffError(f"{path} has no face named {family}. Fix: reinstall fonts-noto-cjk "
                     "(`sudo apt-get install --reinstall fonts-noto-cjk`). / 修改：重新安装 fonts-noto-cjk 字体。")


def font_stack(hreflang: str) -> str:
    """The SVG's font-family: Noto first (what the PNG uses), then the system fonts with the same
    coverage a reader's phone or computer has (the site's own list, overrides/assets/stylesheets/site.css)."""
    region = _REGION.get(hreflang, "SC")
    others = {"SC": "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'",
              "TC": "'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei'",
              "HK": "'Source Han Sans HC', 'PingFang HK', 'Microsoft JhengHei'"}[region]
    return f"'{family_for(hreflang)}', {others}, sans-serif"
