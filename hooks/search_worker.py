"""Let a Chinese query match a whole indexed word.

Material's search worker splits each run of Han characters in a query into
words found in the index, but its loop stops one character short
(`o<t.length`), so the whole query is never tried as a word: 文元调解工作室
became 文元调解工作* and 法到家 became 法* 到*. We ship a fixed copy with the
bound `o<=t.length`, under a new fingerprint (so caches never serve the old
one) and point the pages at it. If Material's worker no longer has this exact
code, the build stops, so an upgrade cannot silently bring the bug back.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search_worker")

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
WORKERS = "assets/javascripts/workers"

_names: dict[str, str] = {}  # Material's worker file name -> the fixed copy's name
_fixed: dict[str, str] = {}  # the fixed copy's name -> its source


def patch_worker(source: str) -> str:
    if source.count(BUGGY) != 1:
        raise PluginError(
            "Material's search worker has changed, so hooks/search_worker.py cannot apply its fix for "
            "whole-word Chinese queries. Fix: check whether the new Material version still cuts the last "
            "character off query words (see the docstring), then update or remove this hook."
        )
    # Drop the source map reference: the map describes the unfixed code.
    lines = source.replace(BUGGY, FIXED).splitlines()
    return "\n".join(line for line in lines if not line.startswith("//# sourceMappingURL=")) + "\n"


def on_config(config: MkDocsConfig) -> None:
    _names.clear()
    _fixed.clear()
    for folder in config.theme.dirs:
        for worker in sorted((Path(folder) / WORKERS).glob("search.*.min.js")):
            fixed = patch_worker(worker.read_text(encoding="utf-8"))
            name = f"search.{hashlib.sha256(fixed.encode()).hexdigest()[:8]}.min.js"
            _names[worker.name], _fixed[name] = name, fixed
        if _names:
            break
    if len(_names) != 1:
        raise PluginError(f"Expected one Material search worker in the theme, found {len(_names)}.")
    return None


def point_at_fixed_worker(html: str) -> str:
    for old, new in _names.items():
        html = html.replace(f"{WORKERS}/{old}", f"{WORKERS}/{new}")
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return point_at_fixed_worker(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page and other theme templates carry the worker's address too.
    return point_at_fixed_worker(output_content)


def on_post_build(*, config: MkDocsConfig) -> None:
    folder = Path(config.site_dir) / WORKERS
    for old, new in _names.items():
        (folder / old).unlink(missing_ok=True)
        (folder / f"{old}.map").unlink(missing_ok=True)  # the map describes the unfixed code
        (folder / new).write_text(_fixed[new], encoding="utf-8")
    return None
