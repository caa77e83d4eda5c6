"""The machine the figures come from, and its load during the run."""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
import subprocess
import threading
from pathlib import Path

from nicheng_report.testing import CHROMIUM, NGINX

PACKAGES = ("mkdocs", "mkdocs-material", "jieba", "Markdown", "pymdown-extensions", "Jinja2", "PyYAML", "playwright")


def _first_line(cmd: list[str]) -> str:
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "missing"


def _proc_field(path: str, name: str) -> str | None:
    with contextlib.suppress(OSError):
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return line.split(":", 1)[1].strip()
    return None


def machine() -> list[tuple[str, str]]:
    memory = _proc_field("/proc/meminfo", "MemTotal")
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return [
        ("CPU", _proc_field("/proc/cpuinfo", "model name") or "?"),
        ("cores", f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)"),
        ("memory", f"{int(memory.split()[0]) / 2**20:.1f} GiB" if memory else "?"),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
        ("chromium", _first_line([CHROMIUM, "--version"])),
        ("nginx", _first_line([NGINX, "-v"])),
        ("node", _first_line(["node", "--version"])),
    ]


class LoadSampler:
    """The 1-minute load average every 5 s, to tell a quiet machine from a busy one."""

    def __init__(self) -> None:
        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(5):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])
