"""The locks in requirements/ (written by `make lock` from pyproject.toml) are whole and agree:
every package pinned with its hashes, the build's packages in the test lock at the same
versions, every direct dependency locked, and the Makefile installing them with
`pip install --require-hashes`: only the build lock for `make build` and `make serve`, the test
lock too for `make test`, `make check` and `make bench`."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

LOCKS = ROOT / "requirements"
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
FIX = "Fix: edit pyproject.toml (or requirements/lock.in) if needed, then run `make lock`."


def read_lock(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """{canonical name: (version, hashes)} of a pip-compile lock; fails on any line that is not a pin with hashes."""
    entries: dict[str, tuple[str, frozenset[str]]] = {}
    for line in path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement, *hashes = line.split()
        assert not requirement.startswith("-"), (
            f"{path.name}: option {line.strip()!r}: a lock names no index or folder of this machine. {FIX}")
        name, sep, version = requirement.partition("==")
        assert sep and version and ";" not in line, f"{path.name}: {requirement!r} is not pinned with ==. {FIX}"
        assert hashes and all(HASH.fullmatch(h) for h in hashes), f"{path.name}: {requirement} has no sha256 hashes. {FIX}"
        assert canonicalize_name(name) not in entries, f"{path.name}: {name} twice"
        entries[canonicalize_name(name)] = (version, frozenset(hashes))
    assert entries, f"{path.name} pins nothing"
    return entries


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def assert_locked(requirements: list[str], lock: dict[str, tuple[str, frozenset[str]]], lock_name: str) -> None:
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in lock, f"{requirement.name} (pyproject.toml) is not in {lock_name}. {FIX}"
        version = lock[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock_name} has {requirement.name} {version}, pyproject.toml asks for {text!r}. {FIX}")


def make_plan(*args: str) -> str:
    """What make would run (`make -n ARGS`), without running it."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    result = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pip_installs(plan: str) -> list[str]:
    return [line for line in plan.splitlines() if "-m pip install" in line]


@functools.cache
def lock(name: str) -> dict[str, tuple[str, frozenset[str]]]:
    return read_lock(LOCKS / name)


def test_every_line_of_every_lock_is_a_pin_with_hashes() -> None:
    for path in sorted(LOCKS.glob("*.txt")):
        read_lock(path)
        assert "make lock" in path.read_text(encoding="utf-8").split("\n\n")[0], f"{path.name}'s header should name `make lock`"
    assert not (ROOT / "requirements.txt").exists(), "the locks in requirements/ are the only list of versions"


def test_the_test_lock_has_every_build_package_at_the_same_version() -> None:
    build, test = lock("build.txt"), lock("test.txt")
    for name, (version, hashes) in build.items():
        assert name in test, f"{name} is in requirements/build.txt, not in requirements/test.txt. {FIX}"
        assert test[name] == (version, hashes), (
            f"{name}: {version} in requirements/build.txt, {test[name][0]} in requirements/test.txt "
            f"(or other hashes). {FIX}")


def test_the_build_lock_has_no_test_tools() -> None:
    """A machine that only builds (`make build`) installs no browser driver and no test runner."""
    assert {"pytest", "playwright", "ruff"} & lock("build.txt").keys() == set()


def test_every_direct_dependency_is_locked() -> None:
    project = pyproject()
    build_system = project["build-system"]["requires"]
    assert_locked(project["project"]["dependencies"] + build_system, lock("build.txt"), "requirements/build.txt")
    assert_locked(project["project"]["optional-dependencies"]["test"] + build_system, lock("test.txt"), "requirements/test.txt")
    tool = [line for line in (LOCKS / "lock.in").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert_locked(tool, lock("lock.txt"), "requirements/lock.txt")


def test_make_build_installs_only_the_build_lock_with_hashes() -> None:
    installs = pip_installs(make_plan("-B", "build"))
    locked = [line for line in installs if " -r " in line]
    assert locked and all("--require-hashes" in line for line in locked), installs
    assert any("-r requirements/build.txt" in line for line in locked), installs
    assert not any("requirements/test.txt" in line for line in installs), "make build should not install the test lock"
    # The only install without hashes: the project itself, editable, with nothing else.
    assert [line for line in installs if "--require-hashes" not in line] == [
        line for line in installs if line.endswith("--no-deps --no-build-isolation -e .")], installs
    assert len([line for line in installs if "--require-hashes" not in line]) == 1, installs


@pytest.mark.parametrize("target", ["test", "check", "bench"])
def test_the_test_targets_install_the_test_lock_with_hashes(target: str) -> None:
    installs = pip_installs(make_plan("-B", target))
    assert any("--require-hashes" in line and "-r requirements/test.txt" in line for line in installs), installs
    assert all("--require-hashes" in line for line in installs if " -r " in line), installs


def test_a_changed_lock_is_installed_again() -> None:
    """The stamps in .venv depend on the locks: make installs a lock again once it is newer."""
    assert "-r requirements/build.txt" in make_plan("-W", "requirements/build.txt", "build")
    assert "-r requirements/test.txt" in make_plan("-W", "requirements/test.txt", "check")


def test_setuptools_goes_first_alone_with_its_hashes(tmp_path: Path) -> None:
    """The Makefile's cut of the build lock (`sed`) is setuptools' pin and all its hashes, nothing else:
    jieba (source only) is then built with it, without an unchecked isolated build."""
    sed, = [line for line in make_plan("-B", "build").splitlines() if line.startswith("sed ")]
    command = sed.split(" > ")[0]
    cut = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    (tmp_path / "setuptools.txt").write_text(cut, encoding="utf-8")
    assert read_lock(tmp_path / "setuptools.txt") == {"setuptools": lock("build.txt")["setuptools"]}


def test_this_venv_has_the_locked_versions() -> None:
    """What `make test` installed is the test lock (other packages in the venv are allowed)."""
    def installed(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    wrong = {name: (version, installed(name)) for name, (version, _) in lock("test.txt").items() if installed(name) != version}
    assert not wrong, f"installed versions differ from requirements/test.txt (locked, installed): {wrong}; run make test"
