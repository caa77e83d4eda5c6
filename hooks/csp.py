"""Every page's `<meta http-equiv="Content-Security-Policy">`: the policy of
nicheng_report.csp (the one deploy/nginx.conf sends as a header), for the
templates (overrides/main.html), 404 pages too."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from nicheng_report import csp


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["content_security_policy"] = csp.meta()
    return env
