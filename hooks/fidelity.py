"""The Chinese pages hold the official text word for word, checked in every build of the
Chinese site once the figures are in the pages (after hooks/figures.py's on_env), before any
page is written (nicheng_report.fidelity_site)."""

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


@staff_errors
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if language_of(config) != ORIGINAL:
        return env
    root = root_of(config)
    drafts = draft_years(root, report_years(root))   # a draft is still being checked: `make publish` asks
    published = load_years(root / config.extra.get("report_years_path", "docs/data"), root, skip=drafts)

    def content_of(src_uri: str) -> str | None:
        file = files.get_file_from_path(src_uri)
        return file.page.content if file is not None and file.page is not None else None

    check_years(root, published, content_of)
    return env
