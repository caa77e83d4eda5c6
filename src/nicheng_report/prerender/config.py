"""A language's config read as MkDocs reads it, without MkDocs: `INHERIT` merged (mappings
key by key, anything else replaced: MkDocs' rule, not Zensical's, which appends lists and
so would give the English site both palettes), `!ENV` resolved. And the config written for
an engine without hooks: the staging folders, the nav written out with its labels, the
values the hooks hand the templates (`extra.engine`, read by overrides/ where the hooks'
globals are absent)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from nicheng_report.languages import Language


class _Loader(yaml.SafeLoader):
    """MkDocs' YAML: safe, plus `!ENV NAME` / `!ENV [NAME, …, default]`."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)
# Material's `!!python/name:…` tags are not used by this project's configs; refused as unknown.


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def read_config(path: Path) -> dict[str, Any]:
    """The config at `path`, with the file it inherits merged under it."""
    with open(path, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader) or {}
    parent = config.pop("INHERIT", None)
    return _merge(read_config(path.parent / parent), config) if parent else config


def site_config(root: Path, language: Language) -> dict[str, Any]:
    return read_config(root / language.config)


def staged_config(config: dict[str, Any], *, root: Path, nav: list, engine_values: dict[str, Any]) -> dict[str, Any]:
    """The config an engine without hooks builds from, in a staging project (docs/ and site/ beside it)."""
    staged = {key: value for key, value in config.items() if key not in ("hooks", "watch")}
    staged.update(docs_dir="docs", site_dir="site", nav=nav)
    theme = dict(staged.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    # Zensical's own look is its "modern" variant; ours is Material's (overrides/ holds copies of
    # Material's header and nav partials), which Zensical calls "classic". Other engines ignore it.
    theme.setdefault("variant", "classic")
    staged["theme"] = theme
    staged["extra"] = {**(staged.get("extra") or {}), "engine": engine_values}
    return staged


def write_config(config: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
