"""The date each page last changed, from git, for the page footer (hooks/page_dates.py).

One `git log` per build reads every file's last commit date. Without git or
without history (a downloaded copy), the date of SOURCE_DATE_EPOCH is used,
and failing that no date is shown: never the build time, so that two builds
of the same commit stay byte-identical.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path


def git_dates(root: Path) -> dict[str, str]:
    """Path (relative to root) -> YYYY-MM-DD of the last commit that touched it."""
    try:
        output = subprocess.run(["git", "log", "--format=#%cs", "--name-only", "--no-renames", "--", "docs"],
                                cwd=root, capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith("#"):
            current = line[1:]
        elif line and line not in dates:
            dates[line] = current  # newest first: keep the first date seen
    return dates


def fallback_date() -> str | None:
    """The date of SOURCE_DATE_EPOCH, for files git knows nothing of; never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat() if epoch else None
