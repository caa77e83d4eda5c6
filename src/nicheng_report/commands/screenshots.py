"""Take Chromium screenshots of built pages at phone and desktop widths.

    python -m nicheng_report screenshots [PATH ...] [--dark] [--full]   (paths under site/, e.g. 2024/measures/)

Writes PNG files to .screenshots/ (ignored by git) so that a person can look
at what residents will see. Needs a built site/ and Debian's chromium.
"""

from __future__ import annotations

import argparse

from nicheng_report.commands.build import project_argument
from nicheng_report.testing import CHROMIUM, CHROMIUM_ARGS, serve


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(prog="python -m nicheng_report screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["", "2024/measures/", "en/2024/measures/"])
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    args = parser.parse_args(argv)
    out = args.project / ".screenshots"
    out.mkdir(exist_ok=True)
    server = serve(args.project / "site")
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
    return 0
