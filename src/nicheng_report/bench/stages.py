"""8: where a build spends its time.

One `python -m nicheng_report build` of a copy of the project whose mkdocs.yml
also lists hooks/first.py and hooks/last.py (see timeline.py), with
BUILD_SERIAL=1 so that both languages run, one after the other, in that one
process. Between two consecutive marks the build did one thing: the handlers of
an event (first to last mark of that event), or MkDocs' own work between two
events (for example from page_markdown to page_content: Markdown to HTML). The
stages therefore add up to the process's wall time. Imports are timed apart
with `python -X importtime`."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from nicheng_report.bench.common import PY, build_command, child_env, copy_project, log, run_child
from nicheng_report.bench.report import Table
from nicheng_report.bench.timeline import ENVIRONMENT

# MkDocs' own work between the last handler of one event and the first of the next.
BETWEEN = {
    ("pre_build", "files"): "MkDocs: clean the site folder, list the docs and the theme's files",
    ("files", "nav"): "MkDocs: navigation",
    ("pre_page", "page_markdown"): "pages: read the Markdown",
    ("page_markdown", "page_content"): "pages: Markdown → HTML",
    ("env", "pre_template"): "MkDocs: copy static files (theme assets)",
    ("env", "page_context"): "MkDocs: copy static files (theme assets)",
    ("template_context", "post_template"): "theme templates (404, sitemap): render",
    ("page_context", "post_page"): "pages: render templates",
    ("post_page", "page_context"): "pages: write HTML",
    ("post_page", "post_build"): "pages: write HTML (the last one), check anchors",
}
IMPORTS = ("pkg_resources", "jieba", "mkdocs.commands.build")


def add_timer_hooks(project: Path) -> None:
    """List hooks/first.py and hooks/last.py (of the copy's own package) in its mkdocs.yml."""
    config = project / "mkdocs.yml"
    hooks = project / "src" / "nicheng_report" / "bench" / "hooks"
    text, count = re.subn(r"^hooks:\n", f"hooks:\n  - {hooks / 'first.py'}\n  - {hooks / 'last.py'}\n",
                          config.read_text(encoding="utf-8"), count=1, flags=re.M)
    if count != 1:
        raise RuntimeError("mkdocs.yml has no `hooks:` list to add the bench's timer hooks to")
    config.write_text(text, encoding="utf-8")


def stages(marks: list[list], started: float, ended: float) -> tuple[list[tuple[str, float, int]], list]:
    """(exclusive stages, which add up to ended - started; per-language totals), as (label, seconds, count)."""
    points = [(started, "process", "start", None), *map(tuple, (mark + [None] * (4 - len(mark)) for mark in marks)),
              (ended, "process", "exit", None)]
    languages = [point[3] for point in points if point[1] == "config" and point[2] == "first"]
    found: dict[str, list] = {}
    totals = []
    build = -1
    language_started = started
    for (t0, event0, where0, _), (t1, event1, where1, _) in zip(points, points[1:]):
        if event1 == "startup" and where1 == "first":
            build += 1
        language = languages[build] if 0 <= build < len(languages) else "?"
        if where0 == "first" and event1 == event0 and where1 == "last":
            label = f"event {event0}: every hook and plugin"
        elif event1 == "startup":
            label = (f"{language}: python start-up, imports, load config (plugins, hook imports)" if event0 == "process"
                     else f"{language}: load config (plugins, hook imports)")
        elif event0 == "shutdown" and event1 == "process":
            label = "after the builds: 404 pages, sitemap, .gz files, swap into place, exit"
        elif event0 in ("pre_template", "template_context", "post_template"):
            label = BETWEEN.get((event0, event1), "theme templates (404, sitemap): context, write")
        else:
            label = BETWEEN.get((event0, event1), "MkDocs: other work between events")
        entry = found.setdefault(label, [0.0, 0])
        entry[0] += t1 - t0
        entry[1] += 1
        if event1 == "shutdown" and where1 == "last":
            totals.append((f"{language}: the whole language, load config to shutdown", t1 - language_started, 1))
            language_started = t1
    config_start = [t for t, event, where, _ in points if event == "config" and where == "first"]
    post_build_end = [t for t, event, where, _ in points if event == "post_build" and where == "last"]
    for language, start, end in zip(languages, config_start, post_build_end):
        totals.append((f"{language}: mkdocs build(), config to post_build events", end - start, 1))
    return [(label, seconds, count) for label, (seconds, count) in found.items()], totals


def import_times() -> list[tuple[str, float, int]]:
    """python -X importtime: cumulative import time of a few modules, in a fresh process."""
    result = subprocess.run([PY, "-X", "importtime", "-c", "import jieba, mkdocs.commands.build"],
                            capture_output=True, text=True)
    found = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+(\S+)$", line.rstrip())
        if match and match.group(2) in IMPORTS:
            found.append((f"(-X importtime) import {match.group(2)}", int(match.group(1)) / 1e6, 1))
    return found


def bench_stages(table: Table, work: Path, project: Path) -> list[tuple[str, float, int]]:
    log("8: where the build spends its time (one build, languages one after the other, timed by MkDocs events)")
    copy = copy_project(project, work / "stages-project")
    add_timer_hooks(copy)
    marks_file = work / "stages.json"
    python = run_child([PY, "-c", "pass"], work / "python-start.log", env=child_env(None))
    run = run_child(build_command(copy, work / "stages-out" / "site"), work / "stages.log",
                    env=child_env(copy, BUILD_SERIAL="1", **{ENVIRONMENT: str(marks_file)}), cwd=copy)
    if run.rc != 0 or not marks_file.exists():
        table.notes.append("Stage timing failed: " + run.tail(5))
        return []
    exclusive, totals = stages(json.loads(marks_file.read_text(encoding="utf-8")), run.started, run.ended)
    rows = [("process wall time (python start-up to exit)", run.wall, 1), ("python start-up (python -c pass)",
            python.wall, 1), *totals, *sorted(exclusive, key=lambda row: -row[1]), *import_times()]
    table.data["stages"] = rows
    return rows


def print_stages(rows: list[tuple[str, float, int]]) -> None:
    if not rows:
        return
    print("\nWhere our build spends its time: one `python -m nicheng_report build`, the languages one after the "
          "other (BUILD_SERIAL=1, as under make serve), timed by MkDocs events (hooks that run first and last). "
          "After the totals, the stages add up to the process's wall time; `event X` is every hook and plugin "
          "handler of that event, `count` the number of times.\n")
    print("| stage | seconds | count |\n|---|---:|---:|")
    for label, seconds, count in rows:
        if seconds >= 0.005:
            print(f"| {label} | {seconds:.3f} | {count} |")
