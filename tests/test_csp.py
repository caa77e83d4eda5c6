"""The Content-Security-Policy, written once (nicheng_report.csp), in both places it is enforced.

- deploy/nginx.conf sends exactly that policy as its header;
- every page carries it as <meta http-equiv>, without what a meta policy cannot carry
  (frame-ancestors, report-uri, sandbox), first in <head> after the charset: a meta
  policy governs only what comes after it;
- from a plain static server that sends no headers (nicheng_report.testing.serve, as
  object storage or a sub-path on a portal would serve the site), every page of both
  languages loads in Chromium with no violation, no console error and no request to
  another host, and the meta policy really blocks inline code, inline styles and
  outside images there.

Served by nginx with the header: tests/test_nginx.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests

from conftest import ROOT, Watch, html_pages
from report_data import LATEST
from nicheng_report import csp
from nicheng_report.languages import language_of_site_path

CONF = ROOT / "deploy" / "nginx.conf"
META = f'<meta http-equiv="Content-Security-Policy" content="{csp.meta()}">'


def test_nginx_sends_the_policy_written_once() -> None:
    assert csp.nginx_policy(CONF.read_text(encoding="utf-8")) == [csp.header()], (
        "deploy/nginx.conf's Content-Security-Policy differs from src/nicheng_report/csp.py, where the policy "
        f"is written once (every page's <meta> has it too). Edit the policy there, and write in nginx.conf:\n"
        f"    {csp.nginx_line()}")


def test_the_meta_policy_is_the_header_without_what_a_meta_policy_cannot_carry() -> None:
    header, meta = csp.parse(csp.header()), csp.parse(csp.meta())
    assert header["default-src"] == ["'self'"] and header["frame-ancestors"] == ["'self'"]
    assert meta == {name: sources for name, sources in header.items() if name not in csp.META_IGNORED}
    assert not csp.META_IGNORED & set(meta)
    # Written into an attribute as it is: nothing in it may need escaping.
    assert not re.search(r'["<>&]', csp.header())


def test_every_page_carries_the_policy_first_in_its_head(site: Path) -> None:
    pages = html_pages(site)
    assert len(pages) >= 24
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert html.count(META) == 1 and html.count("Content-Security-Policy") == 1, path
        head = html[html.index("<head>") + len("<head>"): html.index("</head>")]
        before = head[: head.index(META)]
        # Only the charset before it (it must come first), so that the policy governs every
        # stylesheet, script, icon and image of the page.
        assert re.fullmatch(r'\s*<meta charset="utf-8">\s*', before), (path, before)


# --- Chromium, from a server that sends no headers ------------------------------------------

@pytest.fixture(scope="module")
def watch(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watch(context)
    context.close()


def test_every_page_keeps_the_policy_from_a_server_that_sends_no_headers(server: str, site: Path, watch: Watch) -> None:
    headers = requests.get(server, timeout=10).headers
    assert "Content-Security-Policy" not in headers and "X-Frame-Options" not in headers
    page = watch.context.new_page()
    loaded = 0
    for path in html_pages(site):
        relative = path.relative_to(site).as_posix()
        url = server + (relative[: -len("index.html")] if path.name == "index.html" else relative)
        response = page.goto(url, wait_until="load")
        assert response.status == 200, url
        # Material's scripts ran under the policy: the bundle turned the page on, md-base.js set the scope.
        scope = page.evaluate("typeof __md_scope === 'object' ? __md_scope.pathname : null")
        assert scope == "/" + language_of_site_path(relative).folder, url
        page.wait_for_timeout(30)
        watch.check(page, relative)
        loaded += 1
    page.close()
    assert loaded == len(html_pages(site)) >= 24
    assert not watch.problems, "\n".join(watch.problems)


def test_the_meta_policy_blocks_code_styles_and_outside_images_without_headers(server: str, watch: Watch) -> None:
    """What the build refuses in pages, should it reach a page some other way, is blocked by the
    browser too: no request leaves for the other host, no inline code runs."""
    watch.problems.clear()
    page = watch.context.new_page()
    page.goto(server + f"{LATEST}/measures/")
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.head.append(script);
      const style = document.createElement("style");
      style.textContent = "body { outline: 9px solid red }";
      document.head.append(style);
      const image = document.createElement("img");
      image.alt = "outside";
      image.src = "https://example.com/a.png";
      document.body.append(image);
    }""")
    page.wait_for_function("() => window.__csp.length >= 3", timeout=5_000)  # a function: a string is eval()ed, which the policy blocks
    violations = page.evaluate("window.__csp")
    assert page.evaluate("window.__inline") is None
    assert page.evaluate("getComputedStyle(document.body).outlineWidth") != "9px"
    assert any(v.startswith("script-src") for v in violations), violations
    assert any(v.startswith("style-src") for v in violations), violations
    assert any(v.startswith("img-src blocked https://example.com/a.png") for v in violations), violations
    page.evaluate("window.__csp = []")
    page.close()
    # Chromium stops it before it leaves: Playwright sees the request fail with "csp".
    assert "failed: https://example.com/a.png csp" in watch.problems, watch.problems
