"""What the hooks in hooks/ share about MkDocs itself: the language of a config,
the project root, the theme's templates with their compiled cache, and staff
errors turned into MkDocs' PluginError."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from nicheng_report.errors import StaffError
from nicheng_report.languages import Language, language
from nicheng_report.paths import cache_folder, project_root

Hook = TypeVar("Hook", bound=Callable[..., Any])


def language_of(config: MkDocsConfig) -> Language:
    return language(config.extra.get("lang", "zh"))


def root_of(config: MkDocsConfig) -> Path:
    return project_root(config.config_file_path)


def with_template_cache(env: Environment, config: MkDocsConfig, *, create: bool = False) -> Environment:
    """`env` with the compiled templates kept in .cache/jinja (keyed by each template's
    source, so an edited template or a Material upgrade is compiled again). A cache
    that cannot be made or written is skipped: templates are then compiled."""
    folder = cache_folder(root_of(config)) / "jinja"
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    if folder.is_dir() and os.access(folder, os.W_OK):
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def theme_env(config: MkDocsConfig) -> Environment:
    """One of the theme's own environments, for hooks that render before MkDocs hands
    over its environment (on_env): pages are read before it exists."""
    return with_template_cache(config.theme.get_env(), config)


def staff_errors(hook: Hook) -> Hook:
    """A StaffError raised in `hook` stops the build with its message, without a traceback."""
    @functools.wraps(hook)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return hook(*args, **kwargs)
        except StaffError as error:
            raise PluginError(str(error)) from None
    return wrapper  # type: ignore[return-value]
