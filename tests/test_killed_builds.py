"""Builds killed at any moment (a CI time-out, a power cut) never break the site.

A build is killed with SIGKILL, with every process it started, at moments spread
over a whole build. After each kill site/ is exactly the old site or exactly the
new one; the next build removes what the killed ones left and publishes the new
site. Two builds started at once both succeed. The published tree can be read by
a web server's unprivileged workers whatever the umask of the build.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, command, copy_project, tree_digest
from report_data import LATEST

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1732665600"}


def start_build(project: Path) -> subprocess.Popen:
    """The build as `make build` runs it, in a process group of its own, under umask 077."""
    return subprocess.Popen(command("build", project),
                            cwd="/", env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=lambda: os.umask(0o077))


def finish(process: subprocess.Popen) -> None:
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode(errors="replace")[-3000:]


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir()
                  if path.name.startswith((".site-staging-", "site.old")))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(ROOT, tmp_path_factory.mktemp("killed") / "project")


def test_published_tree_is_readable_by_other_users(project: Path) -> None:
    finish(start_build(project))
    site = project / "site"
    wrong = [f"{path.relative_to(project)}: {stat.filemode(path.stat().st_mode)}"
             for path in [site, *site.rglob("*")]
             if stat.S_IMODE(path.stat().st_mode) != (0o755 if path.is_dir() else 0o644)]
    assert not wrong, "\n".join(wrong[:10])


def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_build_cleans_up(project: Path) -> None:
    page = project / "docs" / "zh" / "accessibility.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    started = time.monotonic()
    finish(start_build(project))  # the new site, and how long a build takes
    duration = time.monotonic() - started
    new = tree_digest(project / "site")
    page.write_text(page.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8")
    states, left = [], []
    for step in range(1, 10):  # from a tenth of a build to nearly all of it
        process = start_build(project)
        time.sleep(duration * step / 10)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        states.append(tree_digest(project / "site"))
        left.extend(leftovers(project))
    assert new in states, "every kill came after the swap: nothing was tested"
    assert left, "no kill left anything behind: the clean-up was not tested"
    finish(start_build(project))
    assert leftovers(project) == []
    newest = tree_digest(project / "site")
    assert newest != new
    assert set(states) <= {new, newest}, "a killed build left a site/ that is neither the old one nor the new one"


def test_two_builds_at_once_both_succeed(project: Path) -> None:
    first, second = start_build(project), start_build(project)
    finish(first)
    finish(second)
    assert leftovers(project) == []
    assert (project / "site" / "en" / str(LATEST) / "index.html").exists()
