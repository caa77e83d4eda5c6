"""Let a Chinese query match a whole indexed word.

Material's search worker splits each run of Han characters in a query into
words found in the index, but its loop stops one character short
(`o<t.length`), so the whole query is never tried as a word: 文元调解工作室
became 文元调解工作* and 法到家 became 法* 到*. After the build we change
that bound to `o<=t.length` in the copied worker. If Material's worker no
longer has this exact code, the build stops, so an upgrade cannot silently
bring the bug back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.search_worker")

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def patch_worker(source: str) -> str:
    if source.count(BUGGY) != 1:
        raise PluginError(
            "Material's search worker has changed, so hooks/search_worker.py cannot apply its fix for "
            "whole-word Chinese queries. Fix: check whether the new Material version still cuts the last "
            "character off query words (see the docstring), then update or remove this hook."
        )
    return source.replace(BUGGY, FIXED)


def on_post_build(*, config: MkDocsConfig) -> None:
    workers = sorted((Path(config.site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"Expected one Material search worker in {config.site_dir}, found {len(workers)}.")
    worker = workers[0]
    worker.write_text(patch_worker(worker.read_text(encoding="utf-8")), encoding="utf-8")
    return None
