"""Write the search index as UTF-8 rather than \\uXXXX escapes.

Material writes every Chinese character of the index as a six-byte escape;
as UTF-8 the Chinese index is about half the size (1.8 KB less gzipped for
every reader who searches). Same data.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-50)  # after Material's search plugin has written the index
def on_post_build(*, config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return None
