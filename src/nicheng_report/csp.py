"""The site's Content-Security-Policy, written once.

Two places enforce it, and both take it from here:

- every page carries it as `<meta http-equiv="Content-Security-Policy">`, first
  in <head> after the charset (overrides/main.html, given by hooks/csp.py), so
  that a host that sends no headers at all (object storage, a sub-path on the
  town's portal, `python -m http.server`) still runs no outside request and no
  inline code;
- deploy/nginx.conf sends it as a header, with `frame-ancestors`, which a meta
  policy cannot carry. tests/test_csp.py fails when the file's line differs from
  nginx_line() and says what to write.

What each directive allows:

  default-src 'self'   everything not listed below: this origin only.
  script-src 'self'    Material's bundle, site.js and the md-*.js files (Material's
                       inline scripts, moved into files by
                       overrides/partials/javascripts/*.html). No 'unsafe-inline', no
                       'unsafe-eval'. The <script type="application/json"> and
                       application/ld+json blocks are data, not run.
  style-src 'self'     no 'unsafe-inline' needed: the pages have no style="" attribute
                       and no <style> element (theme.font: false drops Material's inline
                       font <style>; nicheng_report.content_checks refuses them in
                       pages); Material's JavaScript sets styles only through
                       element.style (CSSOM), which CSP does not restrict.
  img-src 'self' data: Material's CSS draws its icons as data: SVGs.
  font-src, connect-src, manifest-src 'self': the search index is fetched from
                       this origin (connect-src), nothing else.
  worker-src 'self'    the search runs in a Web Worker loaded from
                       assets/javascripts/workers/.
  object-src 'none'    no plugins (<object>, <embed>).
  base-uri 'self', form-action 'self': no <base> or form posting to another host.
  frame-ancestors 'self': only this site may frame its pages (clickjacking); header
                       only, so nginx also sends X-Frame-Options.
"""

from __future__ import annotations

import re

__all__ = ["POLICY", "META_IGNORED", "header", "meta", "nginx_line", "nginx_policy"]

POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
    ("frame-ancestors", ("'self'",)),
)

# Directives a policy in a <meta> element cannot carry: browsers ignore them there,
# and Chromium logs an error for each (CSP Level 3, "The meta element").
META_IGNORED = frozenset({"frame-ancestors", "report-uri", "sandbox"})

NGINX_LINE = re.compile(r'^\s*add_header\s+Content-Security-Policy\s+"(?P<policy>[^"]*)"\s+always;\s*$', re.MULTILINE)


def _join(directives: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def header() -> str:
    """The whole policy, as the Content-Security-Policy header sends it."""
    return _join(POLICY)


def meta() -> str:
    """The policy for `<meta http-equiv="Content-Security-Policy" content="…">`: the
    header's, without what a meta policy cannot carry."""
    return _join(tuple((name, sources) for name, sources in POLICY if name not in META_IGNORED))


def nginx_line() -> str:
    """The line of deploy/nginx.conf that sends the policy (`always`: 404 pages and redirects too)."""
    return f'add_header Content-Security-Policy "{header()}" always;'


def nginx_policy(conf: str) -> list[str]:
    """The policies that the nginx configuration text `conf` sends (one, in ours)."""
    return [match.group("policy") for match in NGINX_LINE.finditer(conf)]


def parse(policy: str) -> dict[str, list[str]]:
    """A policy as {directive: [sources]}, as a browser reads it; a directive given twice is an error."""
    parsed: dict[str, list[str]] = {}
    for part in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = part.split()
        if name in parsed:
            raise ValueError(f"{name} twice in the policy {policy!r}")
        parsed[name] = sources
    return parsed
