"""Compile Material's Jinja templates once, not once per language and build.

Compiling the theme's templates is a large share of each build. A bytecode
cache in .cache/jinja (git-ignored, keyed by template source, so an edit to a
template or a Material upgrade is picked up) lets the second language and every
later build or `make serve` rebuild reuse them. Output is unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from nicheng_report.paths import cache_folder


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    folder = cache_folder(Path(config.config_file_path).parent) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a cache never fails a build: without one, templates are compiled
    if os.access(folder, os.W_OK):
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
