"""Chinese compounds found by their parts (nicheng_report.search.parts); the search
index as UTF-8, half the size, and no lunr files the search never loads
(nicheng_report.search.index)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from nicheng_report.search.index import shrink_index
from nicheng_report.search.parts import add_parts_to_site


@event_priority(-50)  # after Material's search plugin has written the index and copied lunr
def on_post_build(*, config: MkDocsConfig) -> None:
    add_parts_to_site(Path(config.site_dir))
    shrink_index(Path(config.site_dir))
    return None
