"""Two builds of the same commit are byte-identical (dates come from git via
SOURCE_DATE_EPOCH; every list is in a stable order; .gz files carry no time),
whether the build caches (.cache/: Jinja bytecode, jieba's cuts, .gz files, poster PNGs)
are empty or full."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import build_site, tree_digest


def differing_files(site: Path, again: Path) -> list[str]:
    return [p.relative_to(again).as_posix() for p in again.rglob("*")
            if p.is_file() and (site / p.relative_to(again)).read_bytes() != p.read_bytes()]


def test_builds_with_empty_and_full_caches_are_byte_identical(site, tmp_path):
    cache = tmp_path / "cache"
    build_site(tmp_path / "cold", SITE_CACHE=str(cache))  # empty caches: everything computed
    assert {p.name for p in cache.iterdir()} == {"gzip", "jieba", "jinja", "poster"}
    assert list((cache / "jieba").glob("zh-CN-*.json")), "the Chinese cuts were not kept"
    build_site(tmp_path / "warm", SITE_CACHE=str(cache))  # full caches: everything reused
    for again in (tmp_path / "cold", tmp_path / "warm"):
        assert not differing_files(site, again), differing_files(site, again)[:10]
        assert tree_digest(again) == tree_digest(site)


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(site, tmp_path):
    cache = tmp_path / "read-only-cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        if os.access(cache, os.W_OK):  # root ignores the mode: use a path below a file instead
            cache.chmod(0o700)
            (tmp_path / "a-file").write_text("", encoding="utf-8")
            cache = tmp_path / "a-file" / "cache"
        build_site(tmp_path / "out", SITE_CACHE=str(cache))
        assert not differing_files(site, tmp_path / "out")
    finally:
        if cache.exists():
            cache.chmod(0o700)
