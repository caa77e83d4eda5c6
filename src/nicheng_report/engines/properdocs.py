"""ProperDocs, the maintained MkDocs 1.6 fork, in place of MkDocs in this process.

ProperDocs' own command imports properdocs.replacement, which makes every `mkdocs.*`
import (ours, Material's, the hooks') load the `properdocs.*` module. It must come
before anything imports mkdocs: use_properdocs() is the first thing the build does.

The catch it leaves: ProperDocs counts strict-mode warnings on its `properdocs` logger,
while our hooks, Material and staff_messages log to `mkdocs.*` loggers, so a hook's
warning would no longer fail the build. ProperDocs' command line fixes this by making
the `mkdocs` logger a child of `properdocs` (properdocs/__main__.py, State); a build
run from Python, as ours is, does not get that, so use_properdocs() does the same.
tests/test_engines.py fails if a hook's warning stops failing the build.
"""

from __future__ import annotations

import logging
import sys


def use_properdocs() -> None:
    if "mkdocs" in sys.modules and sys.modules["mkdocs"].__name__ != "properdocs":
        raise RuntimeError("MkDocs was imported before ProperDocs could take its place: call use_properdocs() first")
    import properdocs.replacement  # noqa: F401 - its import maps mkdocs.* to properdocs.*

    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.parent = logging.getLogger("properdocs")
    mkdocs_logger.setLevel(logging.NOTSET)
    mkdocs_logger.propagate = True
