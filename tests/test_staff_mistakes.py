"""A catalogue of mistakes staff can make, each planted in a copy of the project.

Each must stop the build with a non-zero exit and a clear message naming the
file and the line or key, in Chinese and English, with the fix and no Python
traceback; and the previous site/ must be left exactly as it was.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, command, copy_project, tree_digest
from report_data import LATEST, raw_value


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    copy_project(ROOT, tmp_path)
    previous = tmp_path / "site"
    (previous / str(LATEST)).mkdir(parents=True)
    (previous / "index.html").write_text("<p>the good site from before</p>", encoding="utf-8")
    (previous / str(LATEST) / "index.html").write_text("<p>report</p>", encoding="utf-8")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project: Path) -> subprocess.CompletedProcess[str]:
    # Run from another folder: no path may depend on the working directory.
    return subprocess.run(command("build", project),
                          capture_output=True, text=True, cwd="/",
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=180)


DATA = f"docs/data/{LATEST}.yml"
ZH = f"docs/zh/{LATEST}/measures.md"
EN = f"docs/en/{LATEST}/measures.md"
CASES, SETTLED = raw_value("mediation.cases"), raw_value("mediation.settled")
HEADING = "## (一)加强党对法治建设的组织领导"
EN_HEADING = "## (1) Strengthening the Party's Organizational Leadership"


def line_of(relative: str, text: str) -> int:
    source = (ROOT / relative).read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


def before_heading(snippet: str, *, page: str = ZH, heading: str = HEADING) -> tuple[str, str, str]:
    """An edit that puts `snippet` on the line of the page's first section heading (line_of())."""
    return page, heading, f"{snippet}\n\n{heading}"


AT = f"line {line_of(ZH, HEADING)}"          # where before_heading() puts a snippet in the Chinese page
EN_AT = f"line {line_of(EN, EN_HEADING)}"

# name -> (files and edits, phrases the message must contain)
# Data-file mistakes are tested as units, each with its file, line, key, both languages
# and the fix (tests/test_figures_loading.py); two of them stay here, end to end: one the
# YAML reader finds, one the computation finds.
MISTAKES = {
    "malformed YAML in the data": ([(DATA, f"    value: {CASES}\n", f"    value: [{CASES}\n")],
                                   [DATA, "line", "cannot be read", "Fix:", "修改"]),
    "settled greater than cases": ([(DATA, f"value: {SETTLED}", f"value: {int(CASES) + 1}")],
                                   [DATA, "mediation.settled <= mediation.cases", "不成立", "Fix:"]),
    "unknown {{ key }} in a page": ([(ZH, "{{ mediation.cases }}", "{{ mediation.casess }}")],
                                    [ZH, "line", "mediation.casess", "mediation.cases", "Fix:", "修改"]),
    "unclosed placeholder": ([(ZH, "{{ mediation.cases }}", "{{ mediation.cases }")],
                             [ZH, "line", "not closed", "修改"]),
    "page missing from the nav": ([(f"docs/zh/{LATEST}/notes.md", None, "# 说明 { #notes }\n"),
                                   (f"docs/en/{LATEST}/notes.md", None, "# Notes { #notes }\n")],
                                  [f"{LATEST}/notes.md", "nav", "导航", "Fix:"]),
    "broken link": ([(ZH, "## (一)加强党对法治建设的组织领导", "见[附件](attachment.md)。\n\n## (一)加强党对法治建设的组织领导")],
                    [ZH, "attachment.md", "line", "不存在", "Fix:"]),
    "broken anchor": ([(ZH, "## (一)加强党对法治建设的组织领导", "见[述法](reporting-on-law.md#no-such-part)。\n\n## (一)加强党对法治建设的组织领导")],
                      [ZH, "#no-such-part", "line", "id", "Fix:"]),
    "English page missing": ([(f"docs/en/{LATEST}/shortcomings.md", "DELETE", None)],
                             [f"{LATEST}/shortcomings.md", "English", "缺少英文页面"]),
    "image without alt text": ([before_heading("![](../assets/images/logo.svg)")],
                               [ZH, AT, "alt text", "替代文字"]),
    "heading id differs between languages": ([(EN, "{ #dispute-resolution }", "{ #dispute-mediation }")],
                                             [f"{LATEST}/measures.md", "dispute-resolution", "dispute-mediation", "标题 id"]),
    "bad date in page metadata": ([(ZH, "---\n", "---\ndate: 2024-13-45\n")], [ZH, "2024-13-45", "YYYY-MM-DD", "年-月-日"]),
    "raw <script> in a page": ([before_heading("<script>alert(1)</script>")],
                               [ZH, AT, "<script>", "删除"]),
    # Anything a page would load from another host, code and inline styles (nicheng_report.content_checks;
    # every sibling as a unit in tests/test_content_checks.py): the five examples first.
    "image from another host": ([before_heading("![外部图片](https://example.com/a.png)")],
                                [ZH, AT, "another host", "example.com", f"download the image into docs/zh/{LATEST}/images/",
                                 "images/a.png", "图片来自其他网站", f"下载保存到 docs/zh/{LATEST}/images/"]),
    "embedded page from another host": ([before_heading('<iframe title="x" src="https://example.com/x"></iframe>')],
                                        [ZH, AT, "embedded page", "嵌入的网页", "[title](https://example.com/x)", "普通链接"]),
    "stylesheet from a CDN": ([before_heading('<link rel="stylesheet" href="https://cdn.example.com/a.css">')],
                              [ZH, AT, "stylesheet", "cdn.example.com", "样式表", "Fix:", "修改"]),
    "javascript: URL": ([before_heading('<a href="javascript:alert(1)">点我</a>')],
                        [ZH, AT, "javascript:alert(1)", "Content-Security-Policy", "remove the link", "删除该链接"]),
    "inline event handler": ([before_heading('<div onclick="alert(1)">点我</div>')],
                             [ZH, AT, 'onclick="alert(1)"', "remove onclick", "删除 onclick"]),
    "video from another host": ([before_heading('<video controls src="https://v.example.com/a.mp4"></video>')],
                                [ZH, AT, "video or audio", "音视频文件来自其他网站", "link to it instead", "改为普通链接"]),
    "CSS url() from another host": ([before_heading('<p style="background: url(https://example.com/bg.jpg)">x</p>')],
                                    [ZH, AT, "CSS url(…)", "example.com", "images/bg.jpg", "下载保存"]),
    "inline style": ([before_heading('<p style="color: red">红字</p>')],
                     [ZH, AT, 'style="…"', "Content-Security-Policy", "内容安全策略", "overrides/assets/stylesheets/"]),
    "<object> plugin": ([before_heading('<object data="report.pdf"></object>')],
                        [ZH, AT, "<object>", "plugins", "插件", "[title](file.pdf)"]),
    "event handler in front matter": ([(ZH, "nav_title: ", 'title: 报告<img alt="x" src="a.png" onerror="alert(1)">\nnav_title: ')],
                                      [ZH, "front matter `title`", "页面元数据 `title`", "onerror", "删除 onerror"]),
    "image from another host in an English page": ([before_heading("![A photo](https://example.com/a.png)", page=EN, heading=EN_HEADING)],
                                                   [EN, EN_AT, "example.com", f"docs/en/{LATEST}/images/", "图片来自其他网站"]),
    "a 繁體 fix that rewords": ([("docs/data/traditional.yml", "phrases:\n", "phrases:\n  信息: 資訊\n")],
                               ["docs/data/traditional.yml", "信息: 資訊", "逐字对应", "fix it or remove the line"]),
    "malformed mkdocs.yml": ([("mkdocs.yml", "site_name: 泥城镇法治政府建设情况报告", "site_name: [泥城镇法治政府建设情况报告")],
                             ["mkdocs.yml", "line"]),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_stops_the_build_clearly_and_loses_nothing(project: Path, name: str):
    edits, phrases = MISTAKES[name]
    for relative, old, new in edits:
        path = project / relative
        if old == "DELETE":
            path.unlink()
        elif old is None:
            path.write_text(new, encoding="utf-8")
        else:
            edit(path, old, new)
    before = tree_digest(project / "site")

    result = build(project)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    for phrase in phrases:
        assert phrase.lower() in output.lower(), f"{phrase!r} missing from:\n{output[-3000:]}"
    assert tree_digest(project / "site") == before, "the previous site was changed"
    assert not list(project.glob(".site-staging-*")), "a half-built site was left behind"


def test_the_unchanged_copy_builds(project: Path):
    """Control: the copy itself is fine, so each failure above is the planted mistake."""
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") != "<p>the good site from before</p>"
    assert (project / "site" / "en" / str(LATEST) / "measures" / "index.html").exists()
