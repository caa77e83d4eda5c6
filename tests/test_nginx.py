"""The site as served by the nginx configuration we ship, deploy/nginx.conf.

Real nginx (Debian's /usr/sbin/nginx) runs deploy/nginx.conf with only the
machine-specific lines substituted (pid, logs, listen, root; for the sub-path
also the two 404 paths, as deploy/README.md says): nicheng_report.testing sets
it up, for these tests and for `make bench`. Started as root it keeps the
shipped `user www-data;`: its workers read the site as an unprivileged user, as
on any distribution's nginx. One nginx serves the
session build at the root of a host, another under /fzzf/report/. Both live for
this module only.

Over HTTP: every page of both languages, every same-site <a href>, <link href>,
<script src>, <img src> and #anchor resolves; outside links are few and https;
gzip, charset, caching and security headers are right, and missing pages get
the site's 404 page. In Chromium (the session browser), under the sub-path:
every page loads with no Content-Security-Policy violation, no console error,
no failed request and no request to another host; search works (its Web
Worker loads under the CSP) and the palette choice is remembered.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import ROOT, Watch
from report_data import LATEST
from nicheng_report import csp as policy
from nicheng_report.languages import language_of_site_path
from nicheng_report.testing import NGINX, nginx_worker_user, start_nginx, stop_nginx

CONF = ROOT / "deploy" / "nginx.conf"
SUBPATH = "/fzzf/report/"
MOUNTS = ("/", SUBPATH)
REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))
MAX_EXTERNAL = 10          # distinct outside links in the whole site
GZIP = {"Accept-Encoding": "gzip"}


# --- nginx: nicheng_report.testing starts it, as the bench does ----------------------

MASTERS: list[subprocess.Popen] = []  # the running nginx master processes


@pytest.fixture(scope="module")
def servers(site: Path):
    """{mount: base URL}: one nginx at the host root, one under /fzzf/report/.

    Both serve a copy of the session build that keeps its modes (a folder the
    workers may not read stays so), in a folder that, like /srv, anyone may
    enter: pytest's own temporary folders are private to the user running it."""
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is missing: `make test` installs it (scripts/system-packages.sh).")
    base = Path(tempfile.mkdtemp(prefix="nicheng-nginx-"))
    base.chmod(0o755)
    started = {}
    try:
        shutil.copytree(site, base / "site", symlinks=True)  # copy2 and copystat: modes kept
        for mount in MOUNTS:
            tmp = base / mount.strip("/").replace("/", "-") if mount != "/" else base / "root"
            tmp.mkdir(mode=0o755)
            started[mount] = start_nginx(base / "site", tmp, CONF, mount)
            MASTERS.append(started[mount].process)
        yield {mount: server.url for mount, server in started.items()}
    finally:
        for server in started.values():
            stop_nginx(server.process)
        MASTERS.clear()
        shutil.rmtree(base, ignore_errors=True)


def test_workers_run_unprivileged(servers) -> None:
    """The master may be root; the workers that read the site never are."""
    masters = ",".join(str(process.pid) for process in MASTERS)
    workers = subprocess.run(["ps", "-o", "user=", "--ppid", masters], capture_output=True, text=True).stdout.split()
    assert workers, "no nginx worker found"
    assert set(workers) == {nginx_worker_user() or pwd.getpwuid(os.geteuid()).pw_name}
    assert "root" not in workers


# --- crawl ------------------------------------------------------------------------

def page_paths(site: Path) -> list[str]:
    """Every page as a URL path relative to the site: "", "2024/measures/", "404.html", "en/" ..."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative[: -len("index.html")] if file.name == "index.html" else relative)
    return paths


def is_404_page(path: str) -> bool:
    return path.rsplit("/", 1)[-1] == "404.html"


class Crawl:
    """Fetch each URL once (fragment removed); remember status and, for HTML, the ids."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.responses: dict[str, requests.Response] = {}
        self.soups: dict[str, BeautifulSoup] = {}
        self.anchors: dict[str, set[str]] = {}

    def get(self, url: str) -> requests.Response:
        url = urldefrag(url).url
        if url not in self.responses:
            self.responses[url] = self.session.get(url, timeout=10)
        return self.responses[url]

    def soup(self, url: str) -> BeautifulSoup:
        url = urldefrag(url).url
        if url not in self.soups:
            self.soups[url] = BeautifulSoup(self.get(url).content, "lxml")
        return self.soups[url]

    def ids(self, url: str) -> set[str]:
        url = urldefrag(url).url
        if url not in self.anchors:
            soup = self.soup(url)
            self.anchors[url] = ({tag["id"] for tag in soup.find_all(id=True)}
                                 | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})})
        return self.anchors[url]


@pytest.fixture(scope="module")
def crawls(servers, site: Path):
    """{mount: (Crawl, problems, outside links)} for every page of both languages."""
    results = {}
    for mount, base in servers.items():
        crawl, problems, outside = Crawl(base), [], set()
        host = urlsplit(base).netloc
        for path in page_paths(site):
            page_url = base + path
            response = crawl.get(page_url)
            if response.status_code != 200 or "text/html" not in response.headers.get("Content-Type", ""):
                problems.append(f"{page_url}: {response.status_code} {response.headers.get('Content-Type')}")
                continue
            if mount != "/" and is_404_page(path):
                continue  # served at any missing URL, so absolute links: see test_404_pages_under_subpath
            for tag_name, attribute in REFERENCES:
                for tag in crawl.soup(page_url).find_all(tag_name):
                    reference = tag.get(attribute)
                    if reference is None:
                        continue
                    target = urljoin(page_url, reference)
                    scheme = urlsplit(target).scheme
                    if scheme == "javascript":
                        # Material's search-share button; its JavaScript sets the real URL when search starts.
                        if not (reference == "javascript:void(0)" and tag.get("data-md-component") == "search-share"):
                            problems.append(f"{page_url}: <{tag_name} {attribute}={reference!r}>")
                        continue
                    if scheme == "data":
                        continue
                    if scheme not in ("http", "https") or urlsplit(target).netloc != host:
                        outside.add(target)
                        continue
                    where = f"{page_url}: <{tag_name} {attribute}={reference!r}>"
                    if not target.startswith(base):
                        problems.append(f"{where} leaves the site ({target})")
                        continue
                    linked = crawl.get(target)
                    if linked.status_code != 200:
                        problems.append(f"{where} -> {linked.status_code}")
                        continue
                    fragment = unquote(urldefrag(target).fragment)
                    if fragment and fragment not in crawl.ids(target):
                        problems.append(f"{where}: no id {fragment!r} in {urldefrag(target).url}")
        results[mount] = (crawl, problems, outside)
    return results


@pytest.mark.parametrize("mount", MOUNTS)
def test_every_page_and_same_site_link_resolves(crawls, mount: str) -> None:
    crawl, problems, _ = crawls[mount]
    assert len(crawl.responses) > 40, "the crawl found too little: is the site empty?"
    assert not problems, "\n".join(problems)


def test_outside_links_are_few_and_https(crawls) -> None:
    outside = crawls["/"][2]
    assert len(outside) <= MAX_EXTERNAL, sorted(outside)
    assert all(url.startswith("https://") or url.startswith("mailto:") for url in outside), sorted(outside)
    assert not any(urlsplit(url).hostname in ("127.0.0.1", "localhost") for url in outside), sorted(outside)


@pytest.mark.parametrize("mount", MOUNTS)
@pytest.mark.parametrize("path, content_type", [
    ("", "text/html"), (f"en/{LATEST}/measures/", "text/html"),
    ("search/search_index.json", "application/json"), ("en/search/search_index.json", "application/json"),
    ("assets/stylesheets/site.*.min.css", "text/css"), (f"{LATEST}/data/figures.csv", "text/csv"),
])
def test_gzip_and_charset(servers, site: Path, mount: str, path: str, content_type: str) -> None:
    if "*" in path:  # a fingerprinted name
        path = next(site.glob(path)).relative_to(site).as_posix()
    response = requests.get(servers[mount] + path, headers=GZIP, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    assert response.headers["Content-Type"] == f"{content_type}; charset=utf-8"
    plain = requests.get(servers[mount] + path, headers={"Accept-Encoding": "identity"}, timeout=10)
    assert "Content-Encoding" not in plain.headers and plain.content


def test_security_headers(servers, site: Path) -> None:
    base = servers[SUBPATH]
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).name
    for path, status in (("", 200), (f"{LATEST}/measures/", 200), (f"assets/javascripts/{bundle}", 200),
                         ("no/such/page/", 404), (str(LATEST), 301)):
        response = requests.get(base + path, timeout=10, allow_redirects=False)
        assert response.status_code == status, path
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "Server" not in headers or "/" not in headers["Server"], "nginx version shown"
        assert headers["Content-Security-Policy"] == policy.header(), "tests/test_csp.py says what to write"
        csp = policy.parse(headers["Content-Security-Policy"])
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"]
        assert set(csp["img-src"]) == {"'self'", "data:"}
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] or headers["X-Frame-Options"]
        assert csp.get("worker-src", ["'self'"]) == ["'self'"]
        everything = " ".join(" ".join(values) for values in csp.values())
        for forbidden in ("'unsafe-eval'", "'unsafe-hashes'", "http:", "https:", "*", "blob:"):
            assert forbidden not in everything.split(), forbidden
        assert "'unsafe-inline'" not in csp.get("script-src", []) + csp.get("default-src", [])
    assert requests.get(base + str(LATEST), timeout=10, allow_redirects=False).headers["Location"] == f"{SUBPATH}{LATEST}/"


def test_cache_control(servers, site: Path) -> None:
    base = servers["/"]
    fingerprinted = [path.relative_to(site).as_posix() for pattern in ("assets/javascripts/bundle.*.min.js",
                     "assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css",
                     "assets/javascripts/workers/search.*.min.js", "assets/stylesheets/site.*.min.css")
                     for path in site.glob(pattern)]
    assert len(fingerprinted) == 5
    for path in fingerprinted:
        cache = requests.head(base + path, timeout=10).headers["Cache-Control"]
        assert cache == "public, max-age=31536000, immutable", path
    for path in ("", f"en/{LATEST}/", "search/search_index.json", "assets/javascripts/site.js",
                 "assets/javascripts/md-base.js"):
        cache = requests.head(base + path, timeout=10).headers["Cache-Control"]
        assert "immutable" not in cache and re.fullmatch(r"public, max-age=\d{1,4}", cache), (path, cache)
    assert requests.head(base + "nope/", timeout=10).headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("mount", MOUNTS)
@pytest.mark.parametrize("path, lang", [("no/such/page/", "zh-CN"), ("en/no/such/page/", "en"), (f"{LATEST}/x.html", "zh-CN"),
                                        ("zh-hant/no/such/page/", "zh-Hant")])
def test_missing_pages_get_the_404_page_in_their_language(servers, mount: str, path: str, lang: str) -> None:
    response = requests.get(servers[mount] + path, headers=GZIP, timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Content-Encoding"] == "gzip"
    html = BeautifulSoup(response.content, "lxml").html
    assert html.get("lang") == lang
    assert "Content-Security-Policy" in response.headers


@pytest.mark.xfail(strict=True, reason=(
    "404.html is served at any missing URL, so MkDocs writes it with absolute links from site_url, and "
    "from / when site_url is empty (the test build). Under a sub-path its styles, scripts and links "
    "break unless the site is built with SITE_URL (deploy/README.md). Remove this mark once fixed."))
def test_404_pages_under_subpath(servers, site: Path) -> None:
    base = servers[SUBPATH]
    crawl, broken = Crawl(base), []
    for path in filter(is_404_page, page_paths(site)):
        for tag_name, attribute in REFERENCES[1:]:  # the styles, scripts and images
            for tag in crawl.soup(base + path).find_all(tag_name, attrs={attribute: True}):
                target = urljoin(base + path, tag[attribute])
                if not target.startswith(base) or crawl.get(target).status_code != 200:
                    broken.append(f"{path}: {tag[attribute]}")
    assert not broken, "\n".join(broken)


# --- Chromium --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browsing(browser):
    """One browser context for the module, watched for problems."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watch(context)
    context.close()


@pytest.fixture()
def watch(browsing: Watch) -> Watch:
    browsing.problems.clear()
    return browsing


@pytest.mark.browser
def test_the_watch_sees_a_csp_violation(servers, watch: Watch) -> None:
    """The policy is enforced, and the listeners that the other browser tests rely on see it."""
    page = watch.context.new_page()
    page.goto(servers[SUBPATH])
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; "
                  "document.head.append(s); }")
    page.wait_for_function("window.__csp.length > 0", timeout=5_000)
    assert page.evaluate("window.__inline") is None
    watch.check(page, "home")
    page.close()
    assert any("CSP violation" in problem and "script-src" in problem for problem in watch.problems), watch.problems
    assert any(problem.startswith("console:") for problem in watch.problems), watch.problems


@pytest.mark.browser
def test_every_page_loads_under_the_csp(servers, site: Path, watch: Watch) -> None:
    base = servers[SUBPATH]
    page = watch.context.new_page()
    loaded = 0
    for path in page_paths(site):
        if is_404_page(path):
            continue  # broken under a sub-path without SITE_URL: test_404_pages_under_subpath
        response = page.goto(base + path, wait_until="load")
        assert response.status == 200
        # Material's scripts ran: the bundle turned the page on, md-base.js set the scope.
        scope = page.evaluate("typeof __md_scope === 'object' ? __md_scope.pathname : null")
        assert scope == SUBPATH + language_of_site_path(path).folder, path
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        page.wait_for_timeout(30)
        watch.check(page, path)
        loaded += 1
    page.close()
    assert loaded >= 20
    assert not watch.problems, "\n".join(watch.problems)


@pytest.mark.browser
@pytest.mark.parametrize("path, query", [("", "调解"), ("en/", "mediation")])
def test_search_works_under_the_csp(servers, watch: Watch, path: str, query: str) -> None:
    page = watch.context.new_page()
    page.goto(servers[SUBPATH] + path)
    search = "input[data-md-component=search-query]"
    page.fill(search, query)
    page.press(search, "End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item").count() >= 1
    share = page.get_attribute("[data-md-component=search-share]", "href")
    assert share and not share.startswith("javascript:"), share
    watch.check(page, f"search on {path or 'home'}")
    page.close()
    assert not watch.problems, "\n".join(watch.problems)


@pytest.mark.browser
def test_palette_choice_is_remembered(servers, watch: Watch) -> None:
    base = servers[SUBPATH]
    page = watch.context.new_page()
    page.goto(base + f"{LATEST}/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.click("label[for=__palette_1]")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.goto(base + f"{LATEST}/measures/")  # md-palette.js applies the stored choice before paint
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("__md_get('__palette').color.scheme") == "slate"
    page.click("label[for=__palette_0]")
    page.goto(base)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    watch.check(page, "palette")
    page.close()
    assert not watch.problems, "\n".join(watch.problems)
