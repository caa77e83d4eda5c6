"""What the hooks in hooks/ share about MkDocs itself: the language of a config,
the project root, and staff errors turned into MkDocs' PluginError."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from nicheng_report.errors import StaffError
from nicheng_report.languages import Language, language
from nicheng_report.paths import project_root

Hook = TypeVar("Hook", bound=Callable[..., Any])


def language_of(config: MkDocsConfig) -> Language:
    return language(config.extra.get("lang", "zh"))


def root_of(config: MkDocsConfig) -> Path:
    return project_root(config.config_file_path)


def staff_errors(hook: Hook) -> Hook:
    """A StaffError raised in `hook` stops the build with its message, without a traceback."""
    @functools.wraps(hook)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return hook(*args, **kwargs)
        except StaffError as error:
            raise PluginError(str(error)) from None
    return wrapper  # type: ignore[return-value]
