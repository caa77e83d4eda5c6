"""Material's search worker with its whole-word fix for Chinese queries, published
under its own fingerprint (nicheng_report.search.worker)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from nicheng_report.mkdocs_adapter import staff_errors
from nicheng_report.search.worker import WORKERS, patch_worker

_names: dict[str, str] = {}  # Material's worker file name -> the fixed copy's name
_fixed: dict[str, str] = {}  # the fixed copy's name -> its source


@staff_errors
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
