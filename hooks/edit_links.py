""""Edit this page" links only when the repository is known.

`edit_uri` is set for each language in the configs; without `repo_url`
(REPO_URL) it would be a bare path and a warning on every page, so it is
dropped until the town publishes the repository's address.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if not config.repo_url:
        config.edit_uri = None
        return config
    return None
