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
from dataclasses import dataclass
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


UNCOMMITTED = "0" * 40


def blame_dates(root: Path, rel: str) -> dict[int, str]:
    """Line number -> YYYY-MM-DD of the commit that last changed that line of `rel`, from one
    `git blame --line-porcelain`. Lines not committed yet are left out (their date is the
    fallback's: never the clock); without git, nothing."""
    try:
        output = subprocess.run(["git", "blame", "--line-porcelain", "--", rel], cwd=root, capture_output=True,
                                text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[int, str] = {}
    line, commit, stamp = 0, "", 0
    for row in output.splitlines():
        if row.startswith("\t"):
            continue
        head, _, rest = row.partition(" ")
        if len(head) == 40 and rest[:1].isdigit():
            commit, line = head, int(rest.split()[1])
        elif head == "committer-time":
            stamp = int(rest)
        elif head == "committer-tz" and commit != UNCOMMITTED:
            offset = (1 if rest[0] == "+" else -1) * (int(rest[1:3]) * 60 + int(rest[3:5]))
            zone = datetime.timezone(datetime.timedelta(minutes=offset))
            dates[line] = datetime.datetime.fromtimestamp(stamp, zone).date().isoformat()
    return dates


def block_end(lines: list[str], start: int) -> int:
    """The last line (1-based) of the YAML block whose first line is `start`: up to the next
    line indented no deeper than it (a list item's own `- ` counts as its indentation)."""
    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    own = indent(lines[start - 1])
    end = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if indent(text) <= own:
            break
        end = number
    return end


def newest(*dates: str | None) -> str | None:
    present = [date for date in dates if date]
    return max(present) if present else None


@dataclass(frozen=True)
class PageSources:
    pages: tuple[str, ...]         # the page's .md and those it includes, relative to its docs folder
    keys: set[str]                 # the figures it names ({{ key }})
    markers: set[str]              # its generated content (<!-- figures:tables -->: tables, charts, cards …)


def page_sources(src_uri: str, source: str, *, docs_dir: str) -> PageSources:
    """What a page is made of: its own source, the pages it includes (full.md) and the figures
    they name. An included page that cannot be read is left to hooks/full_report.py to report."""
    from nicheng_report.figures.markers import MARKER
    from nicheng_report.figures.placeholders import PLACEHOLDER
    from nicheng_report.full_report import INCLUDE

    pages, texts = [src_uri], [source]
    folder = src_uri.rpartition("/")[0]
    for match in INCLUDE.finditer(source):
        included = f"{folder}/{match.group('path')}" if folder else match.group("path")
        try:
            texts.append((Path(docs_dir) / included).read_text(encoding="utf-8"))
        except OSError:
            continue
        pages.append(included)
    keys = {match.group("key") for text in texts for match in PLACEHOLDER.finditer(text)}
    markers = {match.group("name") for text in texts for match in MARKER.finditer(text)}
    return PageSources(pages=tuple(pages), keys=keys, markers=markers)
