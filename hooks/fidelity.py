"""The Chinese pages hold the official text word for word, checked in every build of the
Chinese site (nicheng_report.fidelity_site). Checked after the pages are built (on_post_build,
the figures are in them since hooks/figures.py's on_env), so that MkDocs' own messages about a
page (a broken link or anchor) are printed too; the failed build leaves the site as it was."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from nicheng_report.drafts import draft_years
from nicheng_report.fidelity_site import check_years
from nicheng_report.figures.years import load_years
from nicheng_report.languages import ORIGINAL
from nicheng_report.mkdocs_adapter import language_of, root_of, staff_errors
from nicheng_report.nav import report_years

_files: Files | None = None   # this build's pages, with their HTML


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    global _files
    _files = files
    return env


@staff_errors
def on_post_build(*, config: MkDocsConfig) -> None:
    if language_of(config) != ORIGINAL or _files is None:
        return None
    root, files = root_of(config), _files
    drafts = draft_years(root, report_years(root))   # a draft is still being checked: `make publish` asks
    published = load_years(root / config.extra.get("report_years_path", "docs/data"), root, skip=drafts)

    def content_of(src_uri: str) -> str | None:
        file = files.get_file_from_path(src_uri)
        return file.page.content if file is not None and file.page is not None else None

    check_years(root, published, content_of)
    return None
