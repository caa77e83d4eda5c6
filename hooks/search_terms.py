"""Local and legal terms for jieba, and jieba's cuts kept between builds
(nicheng_report.search.terms)."""

from __future__ import annotations

import jieba
from mkdocs.config.defaults import MkDocsConfig

from nicheng_report.mkdocs_adapter import root_of, staff_errors
from nicheng_report.paths import cache_folder
from nicheng_report.search.terms import SegmentCache, cache_key, search_terms

_cache: SegmentCache | None = None


@staff_errors
def on_config(config: MkDocsConfig) -> None:
    global _cache
    root = root_of(config)
    terms = search_terms(root)
    # One file per language: the two languages are built at the same time.
    language = config.theme.get("language") or "default"
    _cache = SegmentCache(cache_folder(root) / "jieba" / f"{language}-{cache_key(terms)}.json", terms)
    jieba.cut = _cache.cut
    return None


def on_post_build(*, config: MkDocsConfig) -> None:
    if _cache is not None:
        _cache.save()
    return None
