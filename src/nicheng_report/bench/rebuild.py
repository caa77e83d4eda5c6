"""2: rebuilds under `make serve`, and 3: the serve process's peak memory.

A child process (this module, `python -m nicheng_report.bench.rebuild PROJECT
OUT.json REPS`) builds a copy of the project as the serve command's builder
does (build_preview: both languages in one process, then the served folder's
files replaced), then edits a page and rebuilds REPS times, then the data file.
It checks that the edit reached the HTML, and writes its times and its own
peak memory to OUT.json."""

from __future__ import annotations

import json
import logging
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from nicheng_report.bench.common import PY, child_env, copy_project, log, median, run_child
from nicheng_report.bench.report import Table

EDITS = (("page", "docs/zh/2024/measures.md", "\n\n编辑测试{n}。\n"),
         ("data", "docs/data/2024.yml", "\n# bench edit {n}\n"))
PROBE = "2024/measures/index.html"   # where the page edit must show


def measure(project: Path, reps: int) -> dict[str, object]:
    """In this process: the first preview build, then `reps` rebuilds after each kind of edit."""
    from nicheng_report.commands.build import build_preview

    site = Path(tempfile.mkdtemp(prefix="bench-preview-"))

    def builder() -> None:  # as the serve command's builder
        staging = Path(tempfile.mkdtemp(prefix="bench-staging-"))
        build_preview(project, staging)
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in staging.iterdir():
            shutil.move(str(child), site / child.name)
        shutil.rmtree(staging, ignore_errors=True)

    result: dict[str, object] = {}
    try:
        started = time.perf_counter()
        builder()
        result["first"] = time.perf_counter() - started
        for kind, name, addition in EDITS:
            path = project / name
            original = path.read_text(encoding="utf-8")
            times = []
            try:
                for n in range(reps):
                    path.write_text(original + addition.format(n=n), encoding="utf-8")
                    started = time.perf_counter()
                    builder()
                    times.append(time.perf_counter() - started)
                    if kind == "page" and f"编辑测试{n}" not in (site / PROBE).read_text(encoding="utf-8"):
                        raise RuntimeError("the edited page was not rebuilt")
            finally:
                path.write_text(original, encoding="utf-8")
            result[kind] = times
        result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    finally:
        shutil.rmtree(site, ignore_errors=True)
    return result


def bench_rebuild(table: Table, work: Path, project: Path, reps: int) -> None:
    log("2: rebuild under make serve (in-process, both languages, after editing a page / the data file)")
    copy = copy_project(project, work / "rebuild-project")
    out_json = work / "rebuild.json"
    run = run_child([PY, "-m", "nicheng_report.bench.rebuild", str(copy), str(out_json), str(reps)],
                    work / "rebuild.log", env=child_env(copy), cwd=copy)
    if run.rc != 0:
        table.skip("2", "rebuild", f"failed: {run.tail(3)}")
        return
    result = json.loads(out_json.read_text(encoding="utf-8"))
    table.data["rebuild"] = result
    table.add("2", "serve: first build in a fresh process (both languages, no .gz)", f"{result['first']:.2f} s")
    table.add("2", f"serve: rebuild after editing a page (median of {reps})", f"{median(result['page']):.2f} s")
    table.add("2", f"serve: rebuild after editing docs/data/2024.yml (median of {reps})",
              f"{median(result['data']):.2f} s")
    table.add("3", f"peak memory of the serve process after {1 + 2 * reps} builds", f"{result['rss'] / 2**20:.0f} MiB")


def main(argv: list[str]) -> int:
    project, out_json, reps = Path(argv[0]), Path(argv[1]), int(argv[2])
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    out_json.write_text(json.dumps(measure(project, reps)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
