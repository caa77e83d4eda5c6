"""Zensical, which reads mkdocs.yml but runs no hook: each language is staged first
(nicheng_report.prerender: finished Markdown and a config), then built by `zensical build
--strict`, the languages at once.

Each staging project lives inside the language's own claimed staging folder
(nicheng_report.publish): Zensical's cache (.cache/ beside the config, which
`zensical build --clean` deletes whole) is the staging project's, never the project's
.cache/, and a killed build's leftovers go with the claimed folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from nicheng_report.engines.html_stage import convert_edition, mark_languages, shortest_links
from nicheng_report.languages import LANGUAGES, Language
from nicheng_report.prerender.stage import stage_language

WORK = ".zensical-project"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def readable(output: str) -> str:
    """Zensical's report without colour codes and without the Python traceback that follows it."""
    lines = ANSI.sub("", output).splitlines()
    if "Traceback (most recent call last):" in lines:
        start = lines.index("Traceback (most recent call last):")
        lines = lines[:start] + [line for line in lines[start:] if re.match(r"^[A-Za-z]+(Error|Exception):", line)]
    return "\n".join(lines).strip()


def _language_of(config_file: Path) -> Language:
    return next(each for each in LANGUAGES if each.config == config_file.name)


def build_with_zensical(root: Path, jobs: list[tuple[Path, Path]]) -> None:
    """Every (config file, site folder) of `jobs`: staged, then built by Zensical into its site folder."""
    staged = []   # every language staged before any build starts: a mistake stops them all
    for config_file, site_dir in jobs:
        work = site_dir / WORK
        work.mkdir()
        staged.append((site_dir, work, _language_of(config_file), stage_language(root, _language_of(config_file), work)))
    runs = [(site_dir, work, lang, subprocess.Popen(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(generated)],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"}))
        for site_dir, work, lang, generated in staged]
    failed = []
    for site_dir, work, lang, run in runs:
        output, _ = run.communicate()
        if run.returncode != 0 or not (work / "site" / "index.html").is_file():
            failed.append(f"zensical build failed / Zensical 构建失败:\n{readable(output)}")
            continue
        for child in (work / "site").iterdir():
            child.rename(site_dir / child.name)
        shutil.rmtree(work)
        shortest_links(site_dir)
        mark_languages(site_dir, lang=lang.code)
        convert_edition(site_dir, lang=lang, root=root)
    if failed:
        raise Abort("\n".join(failed))
