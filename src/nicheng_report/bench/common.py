"""What every section of the bench shares: log lines, medians, the snapshot of the
project, and child processes timed by wait4 (wall time, CPU time, peak memory)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PY = sys.executable
# Fixed dates for every build (the build would otherwise ask git, and the snapshot has no .git).
SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time())))
SNAPSHOT_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "site.old", ".site-staging-*", ".bench", ".cache",
                                         "node_modules", ".pytest_cache", ".screenshots", "__pycache__", "*.pyc",
                                         "*.egg-info")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def snapshot(root: Path, dest: Path) -> Path:
    """The project at `root` copied to `dest`, without what git ignores (its build caches included)."""
    shutil.copytree(root, dest, ignore=SNAPSHOT_IGNORE, symlinks=True)
    return dest


def copy_project(project: Path, dest: Path) -> Path:
    """Another copy of a snapshot, for a section that edits it."""
    shutil.copytree(project, dest, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def build_command(project: Path, out: Path) -> list[str]:
    """`make build` of `project` into `out`: the project's own command."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return [PY, "-m", "nicheng_report", "build", "--project", str(project), "--out", str(out)]


def child_env(project: Path | None, **extra: str) -> dict[str, str]:
    """The environment of a child process: fixed dates, and the package code of the
    snapshot `project` (its src/ first on the import path) rather than the work tree's."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **extra}
    if project is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project / "src"), os.environ.get("PYTHONPATH")]))
    return env


@dataclass
class Run:
    wall: float        # seconds, start to exit
    cpu: float         # user + system seconds, with any process it forked and waited for
    rss: int           # peak resident memory in bytes (ru_maxrss)
    rc: int
    log_path: Path
    started: float     # time.monotonic() at start and at exit: the same clock as the build's own marks
    ended: float

    def tail(self, lines: int = 25) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])


def run_child(cmd: list[str], log_path: Path, *, env: dict[str, str], cwd: Path | None = None,
              timeout: float = 900) -> Run:
    """Run a process, its output into `log_path`; its resources from wait4()."""
    with open(log_path, "wb") as out:
        started = time.monotonic()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        ended = time.monotonic()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(ended - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, process.returncode,
               log_path, started, ended)
