"""Compile Material's Jinja templates once, not once per language and build.

Compiling the theme's templates is a large share of each build. A bytecode
cache in .cache/jinja (git-ignored, keyed by template source, so an edit to a
template or a Material upgrade is picked up) lets the second language and every
later build or `make serve` rebuild reuse them. Output is unchanged.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from nicheng_report.mkdocs_adapter import with_template_cache


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return with_template_cache(env, config, create=True)
