"""nicheng_report.publish: staging folders, their locks, ordinary modes, the atomic swap."""

from __future__ import annotations

import multiprocessing
import os
import stat
from pathlib import Path

from nicheng_report.publish import (claim_staging, publishable_modes, release_staging, remove_abandoned_staging,
                                    swap)


def _claim_and_die(parent: str) -> None:
    claim_staging(Path(parent))
    os._exit(0)  # no release: as a build killed mid-way


def test_a_running_builds_staging_is_kept_and_a_dead_ones_removed(tmp_path: Path) -> None:
    mine, lock = claim_staging(tmp_path)
    dead = multiprocessing.get_context("fork").Process(target=_claim_and_die, args=(str(tmp_path),))
    dead.start()
    dead.join()
    (tmp_path / ".site-staging-old").mkdir()  # an older build's folder, from before the locks
    assert len(list(tmp_path.glob(".site-staging-*"))) == 5  # two folders with locks, one without
    remove_abandoned_staging(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, mine.name + ".lock"])
    release_staging(mine, lock)
    mine.rmdir()
    assert list(tmp_path.iterdir()) == []


def test_modes_are_ordinary_whatever_the_umask(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text("x")
    os.chmod(site / "en", 0o700)
    os.chmod(site / "en" / "index.html", 0o600)
    publishable_modes(site)
    assert stat.S_IMODE((site / "en").stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "en" / "index.html").stat().st_mode) == 0o644


def test_swap_puts_the_new_site_in_place_and_leaves_the_old_in_staging(tmp_path: Path) -> None:
    new, out = tmp_path / "new", tmp_path / "site"
    new.mkdir(), out.mkdir()
    (new / "index.html").write_text("new")
    (out / "index.html").write_text("old")
    swap(new, out)
    assert (out / "index.html").read_text() == "new"
    assert (new / "index.html").read_text() == "old"
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    swap(fresh, tmp_path / "first")  # no site yet: a plain rename
    assert (tmp_path / "first").is_dir() and not fresh.exists()
