"""Publish only the lunr language files that the search can ask for.

Material copies all of lunr's language support (64 files, about 1.3 MB per
language edition) into every site. Its search worker imports them only for a
search language other than English, and ours is English in both editions:
jieba splits the Chinese text into words at build time (search_terms.py), so
lunr never stems or segments Chinese itself. The files were never requested,
only uploaded. If the index ever names another language, they stay.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_languages")

LUNR = "assets/javascripts/lunr"


@event_priority(-60)  # after Material's search plugin has written the index and copied lunr
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if not index.exists() or not (site / LUNR).is_dir():
        return None
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    if languages != ["en"]:
        log.debug("search languages %s: keeping %s", languages, LUNR)
        return None
    shutil.rmtree(site / LUNR)
    return None
