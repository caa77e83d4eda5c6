"""The README's two commands do all the set-up: `make test` installs the Debian
packages the tests use, or stops at once with the one command to run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "system-packages.sh"
PACKAGES = ["chromium", "nginx", "fonts-noto-cjk", "default-jre-headless", "npm"]


def run_script(tmp_path: Path, *args: str, user: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The script on a machine that has none of the packages (SYSTEM_ROOT: an empty folder)."""
    command = ["bash", str(SCRIPT), *args]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=30, cwd=tmp_path,
                          env={**os.environ, "SYSTEM_ROOT": str(tmp_path), **env})


def test_make_test_installs_the_system_packages_first() -> None:
    plan = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "scripts/system-packages.sh" in plan
    assert plan.index("scripts/system-packages.sh") < plan.index("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "apt-get" not in ci, ".ci/run should leave the set-up to make test"


def test_nothing_to_do_where_everything_is_installed() -> None:
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=30)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.skipif(os.geteuid() != 0, reason="installs as root only")
def test_as_root_it_updates_then_installs_what_is_missing(tmp_path: Path) -> None:
    result = run_script(tmp_path, SYSTEM_PACKAGES_DRY_RUN="1")
    assert result.returncode == 0, result.stderr
    steps = [line for line in result.stderr.splitlines() if line.startswith("would run:")]
    assert steps[0] == "would run: apt-get update -qq"
    assert steps[1].split()[2:5] == ["apt-get", "install", "-y"] and steps[1].split()[-5:] == PACKAGES


def test_without_root_or_sudo_it_stops_at_once_with_the_command_to_run(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        user = "nobody"  # a user with neither root nor sudo
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        pytest.skip("this user has sudo without a password: the script would install")
    else:
        user = None
    tmp_path.chmod(0o755)
    result = run_script(tmp_path, user=user)
    assert result.returncode == 1
    line, = result.stderr.splitlines()
    assert f"sudo apt-get update && sudo apt-get install -y -qq --no-install-recommends {' '.join(PACKAGES)}" in line


def test_make_build_and_serve_get_the_poster_fonts_first() -> None:
    for target in ("build", "serve"):
        plan = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True).stdout
        assert "scripts/system-packages.sh build" in plan, target
        assert plan.index("scripts/system-packages.sh build") < plan.index(f"-m nicheng_report {target}")


def test_for_the_build_only_the_fonts_and_the_one_command_to_run(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        result = run_script(tmp_path, "build", SYSTEM_PACKAGES_DRY_RUN="1")
        assert result.returncode == 0, result.stderr
        steps = [line for line in result.stderr.splitlines() if line.startswith("would run:")]
        assert steps[1].split()[-1] == "fonts-noto-cjk" and "chromium" not in steps[1]
        user = "nobody"
    else:
        user = None
    tmp_path.chmod(0o755)
    result = run_script(tmp_path, "build", user=user)
    if result.returncode == 0:
        pytest.skip("this user has sudo without a password: the script would install")
    line, = result.stderr.splitlines()
    assert line.startswith("make build needs Debian packages: run `sudo apt-get update && sudo apt-get install")
    assert line.split("`")[1].endswith("--no-install-recommends fonts-noto-cjk")
