"""`make serve`, run on a copy of the project: it serves both
languages, answers a missing page with the 404 page of its language, keeps the
last good preview when an edit breaks the build, and shows the next good edit;
in Chromium, the page reloads by itself under the pages' Content-Security-Policy."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, Watch, command, copy_project
from report_data import LATEST
from nicheng_report.testing import free_port

PAGE = f"docs/zh/{LATEST}/measures.md"
# Edits go to a page of the site's own (the key figures), not to the official text, which the
# build holds word for word (nicheng_report.fidelity): an added line there stops the preview.
EDITED, EDITED_URL = f"docs/zh/{LATEST}/figures.md", f"{LATEST}/figures/"
DATA = f"docs/data/{LATEST}.yml"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(what: str, condition, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"make serve: no {what} within {timeout:.0f} s. Its log:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture()
def preview(tmp_path: Path):
    """(base URL, project copy, log file) of a running `make serve`."""
    project = copy_project(ROOT, tmp_path / "project")
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as out:
        # Run from another folder: no path may depend on the working directory.
        process = subprocess.Popen(command("serve", project, "--port", str(port)),
                                   stdout=out, stderr=subprocess.STDOUT, cwd="/",
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_CACHE": str(tmp_path / "cache")})
    base = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        try:
            return fetch(base)[0] == 200
        except OSError:
            return process.poll() is not None  # stop waiting if it died; the asserts say why
    try:
        wait_for("first build", up, log)
        assert process.poll() is None, log.read_text(errors="replace")
        yield base, project, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_answers_in_both_languages_and_keeps_the_last_good_preview(preview):
    base, project, log = preview

    status, home = fetch(base)
    assert status == 200 and 'lang="zh-CN"' in home
    status, english = fetch(base + f"en/{LATEST}/measures/")
    assert status == 200 and '<html lang="en"' in english

    # A missing page gets the 404 page of its language, as nginx gives it (deploy/nginx.conf).
    status, missing = fetch(base + f"en/{LATEST}/no-such-page/")
    assert status == 404 and '<html lang="en"' in missing and "Page not found" in missing
    status, missing = fetch(base + f"{LATEST}/no-such-page/")
    assert status == 404 and 'lang="zh-CN"' in missing

    # A staff mistake: the build fails with the clear message, the last good preview stays.
    data = project / DATA
    good_data = data.read_text(encoding="utf-8")
    data.write_text(good_data.replace("value: 953", "value: -953", 1), encoding="utf-8")
    wait_for("message about the failed build", lambda: "Build failed" in log.read_text(errors="replace"), log)
    text = log.read_text(errors="replace")
    assert "mediation.persons" in text and "负数" in text, text[-3000:]
    status, page = fetch(base + f"{LATEST}/measures/")
    assert status == 200 and "953" in page

    # The fix and a new edit: the preview shows them.
    data.write_text(good_data, encoding="utf-8")
    page_source = project / EDITED
    page_source.write_text(page_source.read_text(encoding="utf-8") + "\n预览测试标记。\n", encoding="utf-8")
    wait_for("rebuild with the edit", lambda: "预览测试标记" in fetch(base + EDITED_URL)[1], log)


def test_live_reload_runs_under_the_pages_policy(preview, browser):
    """MkDocs writes its live-reload script inline, which every page's <meta> policy blocks:
    the preview serves it as a file, and a saved edit reloads the open page."""
    base, project, log = preview
    status, html = fetch(base + f"{LATEST}/measures/")
    script = re.search(r'<script src="(/livereload/[0-9]+/[0-9]+\.js)"></script></body>', html)
    assert status == 200 and script, html[-500:]
    assert not re.search(r"<script>", html), "an inline script, which the page's policy blocks"
    status, code = fetch(base + script.group(1).lstrip("/"))
    assert status == 200 and "livereload(" in code

    context = browser.new_context()
    watch = Watch(context)
    enabled = []
    context.on("console", lambda message: enabled.append(message.text) if "live reload" in message.text else None)
    page = context.new_page()
    page.goto(base + EDITED_URL)
    deadline = time.monotonic() + 10
    while not enabled and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert enabled, "MkDocs' live-reload script did not run"
    source = project / EDITED
    source.write_text(source.read_text(encoding="utf-8") + "\n实时刷新标记。\n", encoding="utf-8")
    page.wait_for_function("() => document.body.textContent.includes('实时刷新标记')", timeout=120_000)
    watch.check(page, "the preview")
    context.close()
    assert not watch.problems, "\n".join(watch.problems)
