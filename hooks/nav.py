"""The nav, written once in mkdocs.yml (paths only): its `- YEAR:` section repeated
for every report year, and every label read from the page in this language
(`nav_title:` or the H1; a section's from `nav_section_title:` in its index page).
See nicheng_report.nav."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from nicheng_report.mkdocs_adapter import root_of, staff_errors
from nicheng_report.drafts import hidden_years
from nicheng_report.nav import expand, label, report_years, unknown_entry

log = logging.getLogger("mkdocs.hooks.nav")


@staff_errors
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.nav is None:   # no nav: MkDocs lists every page by itself
        return config
    root = root_of(config)
    expanded = expand(config.nav, root, hide=hidden_years(root, report_years(root)))
    config.nav = expanded.nav
    for path in expanded.unknown:
        log.log(config.validation.nav.not_found, unknown_entry(path, root))
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    label(nav.items, lambda page: page.file.content_string)
    return nav
