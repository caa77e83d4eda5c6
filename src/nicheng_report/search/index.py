"""What the site publishes for Material's search, made smaller.

- The index is written as UTF-8 rather than \\uXXXX escapes. Material writes every
  Chinese character as a six-byte escape; as UTF-8 the Chinese index is about half
  the size (1.8 KB less gzipped for every reader who searches). Same data.
- lunr's language files are not published when the search language is English
  alone. Material copies all of lunr's language support (64 files, about 1.3 MB per
  language edition); its search worker imports them only for a search language
  other than English. Ours is English in both editions: jieba splits the Chinese
  text into words at build time (nicheng_report.search.terms), so lunr never stems or segments
  Chinese itself. If the index ever names another language, the files stay.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

LUNR = "assets/javascripts/lunr"


def shrink_index(site: Path) -> None:
    """Rewrite `site`'s search index as UTF-8, and drop lunr's language files when no search language needs them."""
    index = site / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if data["config"]["lang"] == ["en"] and (site / LUNR).is_dir():
        shutil.rmtree(site / LUNR)
