"""Where a project's files are: its root is the folder of mkdocs.yml.

Paths come from the config file's path, never from the working directory
(`make build` and `mkdocs build` may be run from anywhere). Build caches live in
.cache/ beside mkdocs.yml (git-ignored); SITE_CACHE moves them (the tests build
with empty caches that way).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA = "docs/data"
GLOSSARY = "docs/data/glossary.yml"


def project_root(config_file_path: str | os.PathLike[str]) -> Path:
    """The project of a config file: mkdocs.yml and mkdocs.en.yml sit at its root."""
    return Path(config_file_path).resolve().parent


def data_file(root: Path, year: int) -> Path:
    """A report year's data file: docs/data/YEAR.yml."""
    return root / DATA / f"{year}.yml"


def cache_folder(root: Path) -> Path:
    """The build caches of the project whose mkdocs.yml is in `root`."""
    return Path(os.environ.get("SITE_CACHE") or root / ".cache")


def relative(path: Path, root: Path) -> str:
    """How staff see a path: relative to the project, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
