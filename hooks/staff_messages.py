"""MkDocs' own warnings (a broken link, a page missing from nav) explained for
staff, in Chinese and English with the fix, on every path: `make build`,
`make serve`, a bare `mkdocs build` (nicheng_report.staff_messages)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from nicheng_report.mkdocs_adapter import root_of
from nicheng_report.staff_messages import install


def on_config(config: MkDocsConfig) -> None:
    install(root_of(config))
    return None
