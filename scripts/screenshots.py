"""Take Chromium screenshots of built pages at phone and desktop widths.

    python scripts/screenshots.py [PATH ...]   (paths under site/, e.g. 2024/measures/)

Writes PNG files to .screenshots/ (ignored by git) so that a person can look
at what residents will see. Needs a built site/ and Debian's chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import socket
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# Debian's Chromium, as root, with no background traffic to the closed network.
# Shared by the tests (tests/conftest.py) and the benchmark (scripts/bench.py).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def free_port() -> int:
    """A local port no one listens on now (for nginx and `make serve` in the tests and the bench)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=["", "2024/measures/", "en/2024/measures/"])
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    args = parser.parse_args()
    out = ROOT / ".screenshots"
    out.mkdir(exist_ok=True)
    server = serve(ROOT / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in ((390, 844), (1280, 900)):
            context = browser.new_context(viewport={"width": width, "height": height},
                                          color_scheme="dark" if args.dark else "light")
            page = context.new_page()
            for path in args.paths:
                page.goto(base + path)
                name = (path.strip("/").replace("/", "_") or "home") + f"-{width}{'-dark' if args.dark else ''}.png"
                page.screenshot(path=str(out / name), full_page=args.full)
                print(out / name)
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
