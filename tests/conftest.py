"""Shared fixtures: one real build of both languages per test session, a local
HTTP server for it (no headers of its own), and Debian's Chromium driven by
Playwright; Watch, what a browser context must never see under the site's
Content-Security-Policy."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from nicheng_report.languages import LANGUAGES
from nicheng_report.testing import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
# The project whose pages and data the site checks build and read: this repository, or a copy of it
# named by NICHENG_PROJECT (tests/test_staff_tasks.py runs the site checks on a copy after the staff tasks).
PROJECT = Path(os.environ.get("NICHENG_PROJECT") or ROOT).resolve()
REPORT_PAGES = ("index", "measures", "reporting-on-law", "highlights", "shortcomings", "next-steps")
PROJECT_PARTS = ("docs", "hooks", "overrides", *dict.fromkeys(language.config for language in LANGUAGES))


# Whole modules that build copies of the project or run Chromium or nginx: `make test`
# runs them, `make check` (the fast lane: unit tests, the site build, parity, lint) does not.
SLOW_MODULES = {
    "test_accessibility",
    "test_browser",
    "test_nginx",
    "test_killed_builds",
    "test_new_year",
    "test_import",
    "test_serve",
    "test_reproducible",
    "test_site_url",
    "test_staff_mistakes",
    "test_corrections_site",
    "test_poster_site",
    "test_engines",
    "test_message_catalogue",
    "test_staff_tasks",
}
BROWSER_FIXTURES = {"browser", "page", "servers"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.module.__name__ in SLOW_MODULES or BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def copy_project(source: Path, target: Path) -> Path:
    """What a build needs of the project at `source`, copied to `target`, for tests that edit it."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source / part, target / part)
    return target


def command(name: str, project: Path, *args: str) -> list[str]:
    """`python -m nicheng_report NAME --project PROJECT ARGS`: a command as the make targets run it."""
    return [sys.executable, "-m", "nicheng_report", name, "--project", str(project), *args]


def tree_digest(folder: Path) -> str:
    """One hash of a whole tree: every path and every file's bytes."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_site(out: Path, *, project: Path = PROJECT, **env: str) -> Path:
    """`make build` of `project` into `out`, with extra environment variables (SITE_URL, SITE_CACHE); it must succeed."""
    result = subprocess.run(command("build", project, "--out", str(out)),
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    assert result.returncode == 0, result.stderr[-5000:]
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make build` makes it, built once into a temporary folder."""
    return build_site(tmp_path_factory.mktemp("build") / "site")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="session")
def soup(site: Path):
    """soup("2024/measures/") -> the parsed page; cached."""
    @functools.lru_cache(maxsize=None)
    def load(url: str) -> BeautifulSoup:
        path = site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return soup_of(path)
    return load


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


@pytest.fixture(scope="session")
def server(site: Path):
    httpd = serve(site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `apt-get install chromium` (.ci/run does).")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


# --- Chromium: what must never happen under the Content-Security-Policy -------------------------

CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
                    `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
}, true);
"""


class Watch:
    """Collect, over a whole browser context, what must never happen under the CSP."""

    def __init__(self, context) -> None:
        self.context = context
        self.problems: list[str] = []
        context.add_init_script(CSP_LISTENER)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("page", lambda page: page.on("worker", lambda worker: worker.on("console", self._console)))

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text} ({message.location.get('url')})")

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1":
            self.problems.append(f"request to another host: {request.url}")

    def _failed(self, request) -> None:
        if request.failure != "net::ERR_ABORTED":  # cancelled by leaving the page, e.g. the search worker
            self.problems.append(f"failed: {request.url} {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.status}: {response.url}")

    def check(self, page, where: str) -> None:
        violations = page.evaluate("window.__csp || []")
        self.problems.extend(f"CSP violation on {where}: {violation}" for violation in violations)
        page.evaluate("window.__csp = []")
