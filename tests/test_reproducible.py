"""Two builds of the same commit are byte-identical (dates come from git via
SOURCE_DATE_EPOCH; every list is in a stable order; .gz files carry no time)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from test_staff_mistakes import tree_digest


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(again)],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    differing = [p.relative_to(again).as_posix() for p in again.rglob("*")
                 if p.is_file() and (site / p.relative_to(again)).read_bytes() != p.read_bytes()]
    assert not differing, differing[:10]
    assert tree_digest(again) == tree_digest(site)
