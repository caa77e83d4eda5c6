"""Live preview of every language: http://127.0.0.1:8000/ (中文), /en/ (English) and /zh-hant/ (繁體).

    python -m nicheng_report serve [--project DIR] [--port 8000]     (make serve)

Rebuilds on any change to docs/, the data, hooks/, overrides/ or the configs,
and reloads the browser. A build error is printed and the last good preview
stays up. Changes to Python code (hooks/, src/) need a restart.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from mkdocs import livereload
from mkdocs.livereload import LiveReloadServer

from nicheng_report.commands.build import build_preview, project_argument
from nicheng_report.languages import LANGUAGES, language_of_site_path

log = logging.getLogger("mkdocs.serve")

# MkDocs' live-reload script, as a file: the pages' Content-Security-Policy (nicheng_report.csp)
# runs no inline script, which is how MkDocs adds it.
LIVERELOAD_SCRIPT = re.compile(r"/livereload/(?P<epoch>[0-9]+)/(?P<request>[0-9]+)\.js")


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, answering a missing page with the 404 page of
    its language, as deploy/nginx.conf does: /en/… gets en/404.html. MkDocs
    passes its error handler only the status code, so each request thread
    keeps its own path.

    MkDocs writes its live-reload script inline at the end of each page, which the
    page's Content-Security-Policy blocks; here the page loads the same script
    (MkDocs' own template) from /livereload/EPOCH/REQUEST.js instead."""

    # What this class relies on in MkDocs' live-reload server: a MkDocs upgrade that
    # renames one stops `make serve` with this message, not with a preview that never reloads.
    RELIES_ON = ((LiveReloadServer, "_inject_js_into_html"), (livereload, "_SCRIPT_TEMPLATE"),
                 (livereload, "_timestamp"))

    def __init__(self, *args, **kwargs) -> None:
        missing = [name for owner, name in self.RELIES_ON if not hasattr(owner, name)]
        if missing:
            raise MkDocsException(f"MkDocs' live-reload server has changed ({', '.join(missing)} is gone): "
                                  "update PreviewServer in src/nicheng_report/commands/serve.py.")
        self._request = threading.local()
        super().__init__(*args, **kwargs)

    def serve_request(self, environ, start_response):
        self._request.path = environ.get("PATH_INFO", "/")
        script = LIVERELOAD_SCRIPT.fullmatch(self._request.path)
        if script:
            code = livereload._SCRIPT_TEMPLATE.substitute(epoch=script["epoch"], request_id=script["request"]).encode()
            start_response("200 OK", [("Content-Type", "application/javascript"), ("Content-Length", str(len(code)))])
            return [code]
        return super().serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        body_end = content.rfind(b"</body>")
        body_end = len(content) if body_end == -1 else body_end
        tag = f'<script src="/livereload/{epoch}/{livereload._timestamp()}.js"></script>'.encode()
        return content[:body_end] + tag + content[body_end:]

    def not_found_page(self, code: int) -> bytes | None:
        if code != 404:
            return None
        language = language_of_site_path(getattr(self._request, "path", "/"))
        page = Path(self.root) / language.folder / "404.html"
        return page.read_bytes() if page.exists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report serve", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    root = args.project
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    site = Path(tempfile.mkdtemp(prefix="nicheng-preview-"))

    def builder() -> None:
        staging = Path(tempfile.mkdtemp(prefix="nicheng-staging-"))
        try:
            build_preview(root, staging)
        except (MkDocsException, SystemExit) as error:
            reason = "" if str(error).startswith("Aborted with") else f"{error}\n"   # MkDocs' words: reasons above
            log.error(f"{reason}构建失败：预览仍显示上一次正确的结果。\n"
                      "Build failed: the preview still shows the last good build.")
            shutil.rmtree(staging, ignore_errors=True)
            return
        # Replace the served files in place, so the server's root stays valid.
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in staging.iterdir():
            shutil.move(str(child), site / child.name)
        shutil.rmtree(staging, ignore_errors=True)

    server = PreviewServer(builder=builder, host="127.0.0.1", port=args.port, root=str(site))
    server.error_handler = server.not_found_page
    builder()
    for path in ("docs", "hooks", "overrides", *(language.config for language in LANGUAGES)):
        server.watch(str(root / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    main()
