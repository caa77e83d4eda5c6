"""Sizes: the search indexes and the site to upload (4, 1), and the bytes of a first
visit as nginx sends them with deploy/nginx.conf (5).

A first visit is a fresh browser context loading a page until the network is
idle; its bytes are the response bodies in nginx's access log ($body_bytes_sent:
gzip bytes for text), by kind of resource, with the headers apart."""

from __future__ import annotations

import collections
import gzip
import time
from pathlib import Path

from nicheng_report.bench.report import BUDGET_TRANSFER_KB, Table, kinds_detail
from nicheng_report.languages import LANGUAGES

# The access log the bench asks nicheng_report.testing's nginx for: one request a line.
ACCESS_LOG_FORMAT = "$request_uri $status $body_bytes_sent $bytes_sent $sent_http_content_type"
TRANSFER_PAGES = ("", "2024/", "2024/measures/", "2024/figures/", "en/", "en/2024/measures/", "en/2024/figures/")
PLAIN_PAGE = "section-1/"
KINDS = {"js": "JS", "css": "CSS", "json": "search index", "svg": "images", "png": "images", "woff2": "fonts",
         "html": "HTML"}


def index_sizes(table: Table, site: Path) -> None:
    for language in LANGUAGES:
        label, index = language.code, site / language.folder / "search" / "search_index.json"
        raw = index.read_bytes()
        table.add("4", f"search index {label}: {index.relative_to(site)} (fetched when a reader starts to search)",
                  f"{len(raw) / 1024:.1f} KB raw, {len(gzip.compress(raw, 9)) / 1024:.1f} KB gzip")


def upload_size(table: Table, site: Path) -> None:
    files = [path for path in site.rglob("*") if path.is_file()]
    gz = [path for path in files if path.suffix == ".gz"]
    table.add("1", "the site to upload: site/ (every edition)",
              f"{len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB "
              f"(of which {len(gz)} .gz files, {sum(p.stat().st_size for p in gz) / 2**20:.1f} MiB)")


def transfer(browser, base: str, access_log: Path, path: str) -> dict:
    """One first visit (empty cache): bytes nginx sent, by kind of resource."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    offset = access_log.stat().st_size if access_log.exists() else 0
    response = page.goto(base + path, wait_until="networkidle")
    if response is None or response.status != 200:
        raise RuntimeError(f"first visit of {base + path}: {response.status if response else 'no response'}")
    page.wait_for_timeout(300)
    context.close()
    time.sleep(0.1)
    with open(access_log, "rb") as log:
        log.seek(offset)
        lines = log.read().decode("utf-8", "replace").splitlines()
    kinds: dict[str, int] = collections.Counter()
    total = headers = requests = 0
    for line in lines:
        parts = line.split(" ")
        if len(parts) < 4:
            continue
        uri, body, sent = parts[0], int(parts[2]), int(parts[3])
        ext = uri.split("?")[0].rsplit(".", 1)[-1] if "." in uri.rsplit("/", 1)[-1] else "html"
        kinds[KINDS.get(ext, ext)] += body
        total += body
        headers += sent - body
        requests += 1
    return {"body": total, "headers": headers, "requests": requests, "kinds": dict(kinds)}


def bench_transfer(table: Table, browser, site: Path, ours, plain) -> None:
    """`ours`, `plain`: the running nginx (nicheng_report.testing.Nginx) of each site."""
    for path in TRANSFER_PAGES:
        if not (site / path / "index.html").exists():
            continue
        sizes = transfer(browser, ours.url, ours.folder / "access.log", path)
        table.data[f"transfer_/{path}"] = sizes
        kb = sizes["body"] / 1024
        table.add("5", f"first visit /{path}: {sizes['requests']} requests",
                  f"{kb:.1f} KB ({sizes['body']:,} B) gzip bodies (+{sizes['headers'] / 1024:.1f} KB headers; "
                  f"{kinds_detail(sizes['kinds'])})", f"≤ {BUDGET_TRANSFER_KB} KB", kb <= BUDGET_TRANSFER_KB)
    if plain is not None:
        sizes = transfer(browser, plain.url, plain.folder / "access.log", PLAIN_PAGE)
        table.data["transfer_plain"] = sizes
        table.add("5", f"for comparison: plain Material site, first visit /{PLAIN_PAGE}: {sizes['requests']} requests",
                  f"{sizes['body'] / 1024:.1f} KB gzip bodies ({kinds_detail(sizes['kinds'])})")
