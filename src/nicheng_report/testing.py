"""What the tests, the screenshots and the benchmark share: Debian's Chromium as
they launch it, a local static server, a free port.

Debian's Chromium runs as root here, with no background traffic to the closed
network; Playwright drives it (never a browser download).
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path

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
    """A plain static server for `folder` on a free local port, in a thread; no headers of our own."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
