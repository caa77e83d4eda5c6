"""Live preview of both languages: http://127.0.0.1:8000/ (中文) and /en/ (English).

Rebuilds both on any change to docs/, the data, hooks/, overrides/ or the
configs, and reloads the browser. A build error is printed and the last good
preview stays up. Changes to Python code under hooks/ need a restart.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from pathlib import Path

from build import ROOT, build_preview

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.serve")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    site = Path(tempfile.mkdtemp(prefix="nicheng-preview-"))

    def builder() -> None:
        staging = Path(tempfile.mkdtemp(prefix="nicheng-staging-"))
        try:
            build_preview(staging)
        except (MkDocsException, SystemExit) as error:
            log.error(f"Build failed, the preview still shows the last good build / 构建失败：{error}")
            shutil.rmtree(staging, ignore_errors=True)
            return
        # Replace the served files in place, so the server's root stays valid.
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in staging.iterdir():
            shutil.move(str(child), site / child.name)
        shutil.rmtree(staging, ignore_errors=True)

    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=args.port, root=str(site))
    server.error_handler = lambda code: (site / "404.html").read_bytes() if code == 404 and (site / "404.html").exists() else None
    builder()
    for path in ("docs", "hooks", "overrides", "mkdocs.yml", "mkdocs.en.yml"):
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
