"""The date each page last changed, from git, for the page footer.

One `git log` per build reads every file's last commit date. Without git or
without history (a downloaded copy), the date of SOURCE_DATE_EPOCH is used,
and failing that no date is shown: never the build time, so that two builds
of the same commit stay byte-identical.
"""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.page_dates")

_dates: dict[str, str] = {}
_fallback: str | None = None


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


def on_config(config: MkDocsConfig) -> None:
    global _fallback
    root = Path(config.config_file_path).parent
    _dates.clear()
    _dates.update(git_dates(root))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    _fallback = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat() if epoch else None
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = config.extra.get("lang", "zh")
    rel = f"docs/{lang}/{page.file.src_uri}"
    date = _dates.get(rel) or _fallback
    if date:
        page.meta.setdefault("last_changed", date)
    return None
