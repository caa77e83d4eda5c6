"""hooks/language_of_parts.py: Chinese runs in English HTML get lang="zh-CN"; tags,
attributes and parts already marked Chinese are left as they are."""

from __future__ import annotations

import pytest

from nicheng_report.language_of_parts import mark_chinese


@pytest.mark.parametrize("html, expected", [
    ('<p>the plan (《浦东新区法治政府建设"十四五"规划》), in force</p>',
     '<p>the plan (<span lang="zh-CN">《浦东新区法治政府建设"十四五"规划》</span>), in force</p>'),
    ("<p>(《法治政府建设实施纲要(2021-2025年)》)</p>",
     '<p>(<span lang="zh-CN">《法治政府建设实施纲要(2021-2025年)》</span>)</p>'),
    # Two terms with English between them are two runs, not one.
    ("<p>人解 appears to be a slip for 人调.</p>",
     '<p><span lang="zh-CN">人解</span> appears to be a slip for <span lang="zh-CN">人调</span>.</p>'),
    ("<li>人解、访调、警调、行调, where</li>", '<li><span lang="zh-CN">人解、访调、警调、行调</span>, where</li>'),
])
def test_chinese_runs_are_wrapped(html, expected):
    assert mark_chinese(html) == expected


@pytest.mark.parametrize("html", [
    '<p>The <a hreflang="zh-CN" href="../">original (<span lang="zh-CN">中文原文</span>)</a>.</p>',
    '<div lang="zh-CN"><h2>页面未找到</h2><p>您要找的页面不存在。<br>请返回首页。</p></div>',
    '<p title="中文标题" aria-label="中文">English only</p><!-- 注释 -->',
    "<p>No Chinese at all: 626 cases, 98.72%.</p>",
])
def test_marked_parts_tags_and_attributes_are_left_alone(html):
    assert mark_chinese(html) == html
