"""nicheng_report.content_checks, without MkDocs: each kind of content the build refuses
(anything loaded from another host, code, inline styles, plugins, missing alt text),
in Markdown, raw HTML, attr_list and front matter, found in the HTML that Markdown
makes and placed on its line of the file staff wrote, with the fix in both languages.
What stays allowed: relative URLs, data: images, ordinary links to other sites, code.

End to end (a real build stops, site/ untouched): tests/test_staff_mistakes.py."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml

from nicheng_report.content_checks import Source, findings, is_outside, problems

WHERE = "docs/zh/2024/measures.md"
# As mkdocs.yml's markdown_extensions turn Markdown into HTML (the ones that matter here).
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.superfences"]
OPENING = "# 一、主要举措和成效 { #measures }\n\n正文第一段。\n\n"


def check(body: str, *, front: str = "", where: str = WHERE, others: tuple[Source, ...] = ()) -> list[str]:
    """The problems of a page whose Markdown is `front` (front matter lines) and `body`."""
    source = (f"---\n{front}---\n" if front else "") + body
    meta = yaml.safe_load(front) or {} if front else {}
    html = markdown.markdown(body, extensions=EXTENSIONS)
    return problems(html, page=Source(where, source), meta=meta, others=others)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def one(body: str, **kwargs) -> str:
    found = check(body, **kwargs)
    assert len(found) == 1, "\n\n".join(found)
    return found[0]


def assert_message(message: str, *, line: int, phrases: tuple[str, ...], where: str = WHERE) -> None:
    assert message.startswith(f"{where}, line {line} / 第{line}行"), message
    assert "问题：" in message and "Problem:" in message and "修改：" in message and "Fix:" in message, message
    for phrase in phrases:
        assert phrase in message, f"{phrase!r} not in:\n{message}"


# --- the five from the issue, as staff would add them to a page ---------------------------

ISSUE_EXAMPLES = {
    "an image from another host": ("![外部图片](https://example.com/a.png)",
                                   ("https://example.com/a.png", "example.com", "download the image into docs/zh/2024/images/",
                                    "images/a.png", "图片", "docs/zh/2024/images/")),
    "an embedded page from another host": ('<iframe title="x" src="https://example.com/x"></iframe>',
                                           ("embedded page", "嵌入的网页", "[title](https://example.com/x)", "普通链接")),
    "a stylesheet from a CDN": ('<link rel="stylesheet" href="https://cdn.example.com/a.css">',
                                ("stylesheet", "cdn.example.com", "样式表", "overrides/assets/stylesheets/")),
    "a script URL": ('<a href="javascript:alert(1)">点我</a>',
                     ("javascript:", 'href="javascript:alert(1)"', "Content-Security-Policy", "删除该链接")),
    "an inline event handler": ('<div onclick="alert(1)">点我</div>',
                                ('onclick="alert(1)"', "<div>", "remove onclick", "删除 onclick")),
}


@pytest.mark.parametrize("name", ISSUE_EXAMPLES)
def test_the_issues_examples_are_refused_with_file_line_and_fix(name: str) -> None:
    snippet, phrases = ISSUE_EXAMPLES[name]
    body = OPENING + snippet + "\n\n后文。\n"
    assert_message(one(body), line=line_of(body, snippet), phrases=phrases)


# --- their siblings -----------------------------------------------------------------------

SIBLINGS = {
    # images, however written
    "raw <img>": ('<img alt="图" src="https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png">', ("mmbiz.qpic.cn", "WeChat", "微信")),
    "srcset": ('<img alt="图" src="a.png" srcset="a.png 1x, https://cdn.example.com/a@2x.png 2x">', ("a@2x.png",)),
    "<picture><source srcset>": ('<picture><source srcset="https://cdn.example.com/a.webp"><img alt="图" src="a.png"></picture>',
                                 ("a.webp",)),
    "<video poster>": ('<video src="v.mp4" poster="https://example.com/p.jpg"></video>', ("p.jpg", "images/p.jpg")),
    "<input type=image>": ('<input type="image" alt="提交" src="https://example.com/b.png">', ("b.png",)),
    "SVG <use> of another host's file": ('<svg><use href="https://example.com/icons.svg#i"/></svg>', ("icons.svg", "remove it")),
    "SVG <image>": ('<svg><image href="https://example.com/i.png"/></svg>', ("i.png",)),
    "background attribute": ('<table background="https://example.com/bg.gif"><tr><td>x</td></tr></table>', ("bg.gif",)),
    "protocol-relative URL": ("![图](//img.example.com/a.png)", ("img.example.com",)),
    "backslashes for slashes": ('<img alt="图" src="\\\\img.example.com/a.png">', ("img.example.com",)),
    "http:, in capitals and spaces": ('<img alt="图" src="  HTTP://Example.com/A.PNG ">', ("example.com", "images/A.PNG")),
    "attr_list image": ('![图](https://example.com/a.png){ width="300" }', ("example.com",)),
    # embedded pages, media, plugins
    "<frame>": ('<frameset><frame src="https://example.com/f"></frameset>', ("embedded page",)),
    "<iframe> with a data: page": ('<iframe title="x" src="data:text/html,hi"></iframe>', ("embedded page",)),
    "<video src>": ('<video src="https://v.example.com/a.mp4"></video>', ("video or audio", "音视频")),
    "<audio src>": ('<audio src="https://example.com/a.mp3"></audio>', ("video or audio",)),
    "<source src>": ('<video><source src="https://example.com/a.mp4"></video>', ("video or audio",)),
    "<track src>": ('<video src="a.mp4"><track src="https://example.com/a.vtt"></video>', ("a.vtt",)),
    "<object>, even from this site": ('<object data="report.pdf"></object>', ("<object>", "plugins", "插件", "[title](file.pdf)")),
    "<embed>": ('<embed src="https://example.com/a.swf">', ("<embed>", "plugins")),
    # other files and requests
    "<script src> from a CDN": ('<script src="https://cdn.example.com/a.js"></script>', ("<script>", "删除")),
    "<link rel=preconnect>": ('<link rel="preconnect" href="https://fonts.example.com">', ("fonts.example.com", "<link>")),
    "CSS url() in a style attribute": ('<p style="background: url(\'https://example.com/bg.jpg\')">x</p>',
                                       ("CSS url(…)", "bg.jpg", "images/bg.jpg")),
    "CSS @import in <style>": ('<style>@import "https://cdn.example.com/a.css";</style>', ("CSS url(…)", "cdn.example.com")),
    "CSS url() in <style>": ("<style>body { background: url(//example.com/bg.jpg) }</style>", ("example.com",)),
    "form posting elsewhere": ('<form action="https://example.com/f"><button>提交</button></form>', ("form", "表单")),
    "<base> on another host": ('<base href="https://example.com/">', ("example.com", "remove it", "删除它")),
    "<image>, which HTML reads as <img>": ('<image alt="图" src="https://example.com/a.png">', ("images/a.png",)),
    "a link's ping": ('<a href="https://example.com/" ping="https://track.example.com/p">链接</a>', ("ping", "track.example.com")),
    # code
    "inline <script>": ("<script>alert(1)</script>", ("<script>", "删除")),
    "JSON-LD <script>": ('<script type="application/ld+json">{}</script>', ("<script>",)),
    "javascript: in a Markdown link": ("[点我](javascript:alert(1))", ("javascript:",)),
    "javascript: in capitals, after spaces": ('<a href=" JavaScript:alert(1)">点我</a>', ("javascript:",)),
    "javascript: behind a character reference": ('<a href="jav&#x61;script:alert(1)">点我</a>', ("javascript:",)),
    "javascript: in a form": ('<form action="javascript:alert(1)"><button>x</button></form>', ("javascript:",)),
    "javascript: in SVG": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', ("javascript:",)),
    "handler in capitals": ('<p ONMOUSEOVER="alert(1)">x</p>', ("onmouseover",)),
    "handler by attr_list": ('点我\n{ onclick="alert(1)" }', ("onclick",)),
    "handler on an image": ('<img alt="图" src="a.png" onerror="alert(1)">', ("onerror",)),
    "code inside an iframe's srcdoc": ('<iframe title="x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', ("<script>",)),
    # inline styles, which the Content-Security-Policy would block
    "style attribute": ('<p style="color: red">红字</p>', ('style="…"', "Content-Security-Policy", "overrides/assets/stylesheets/")),
    "style by attr_list": ('红字\n{ style="color: red" }', ('style="…"',)),
    "<style> element": ("<style>p { color: red }</style>", ("<style>",)),
}


@pytest.mark.parametrize("name", SIBLINGS)
def test_each_sibling_is_refused_on_its_line(name: str) -> None:
    snippet, phrases = SIBLINGS[name]
    body = OPENING + snippet + "\n\n后文。\n"
    message = one(body)
    assert_message(message, line=line_of(body, snippet.splitlines()[-1]), phrases=phrases)  # attr_list: the { } line


ALLOWED = {
    "a link to another site": '[浦东新区人民政府门户网站](https://www.pudong.gov.cn/a.html){ rel="external" }',
    "a raw link to another site": '<a href="https://www.pudong.gov.cn/">门户网站</a>',
    "an autolink": "<https://www.pudong.gov.cn/>",
    "a mailto link": "[来信](mailto:nicheng@example.gov.cn)",
    "an image of this site": "![泥城镇标志](../assets/images/logo.svg)",
    "an image in a sub-folder": '<img alt="宪法广场" src="images/square.jpg" srcset="images/square.jpg 1x, images/square@2x.jpg 2x">',
    "a data: image": '<img alt="点" src="data:image/png;base64,iVBORw0KGgo=">',
    "an iframe of this site": '<iframe title="地图" src="../map/"></iframe>',
    "a video of this site": '<video src="media/a.mp4" poster="images/a.jpg"></video>',
    "a link of this site": '<link rel="alternate" href="../data/figures.csv">',
    "code that shows HTML": '`<script src="https://cdn.example.com/a.js">`\n\n```html\n<img src="https://example.com/a.png" onclick="x()">\n```',
    "text that mentions it": "在 onclick= 与 javascript: 之后，style=\"color\" 只是文字。",
    "a word starting with on in attr_list": '文字\n{ data-one="1" }',
}


@pytest.mark.parametrize("name", ALLOWED)
def test_what_stays_allowed(name: str) -> None:
    assert check(OPENING + ALLOWED[name] + "\n") == []


def test_outside_means_another_host_or_scheme() -> None:
    for url in ("https://a.example/x.png", "http://a.example/", "//a.example/x", "\\\\a.example\\x", " https://a/",
                "ftp://a.example/x", "file:///etc/passwd", "data:text/html,x"):
        assert is_outside(url), url
    for url in ("x.png", "../a/b.png", "/site/a.png", "#top", "?q=1", "images/a:b.png"):
        assert not is_outside(url), url
    assert not is_outside("data:image/png;base64,AAA=", image=True)
    assert is_outside("data:image/png;base64,AAA=")  # for an iframe, a video, a script


# --- where: the line, the k-th of several, the section page the print page includes ----------

def test_each_of_two_identical_images_is_placed_on_its_own_line() -> None:
    body = OPENING + "![外部图片](https://example.com/a.png)\n\n中间。\n\n![外部图片](https://example.com/a.png)\n"
    found = check(body)
    assert [int(re.search(r"line (\d+)", message).group(1)) for message in found] == [5, 9]


def test_a_problem_after_the_same_text_in_code_is_placed_on_its_own_line() -> None:
    body = OPENING + "写法示例：`<script>`\n\n<script>alert(1)</script>\n"
    assert_message(one(body), line=7, phrases=("<script>",))


def test_lines_count_the_front_matter() -> None:
    front = "nav_title: 一、主要举措和成效\ndescription: 说明\n"
    body = OPENING + "![外部图片](https://example.com/a.png)\n"
    assert_message(one(body, front=front), line=4 + line_of(body, "![外部"), phrases=("example.com",))


def test_the_print_page_places_included_text_in_the_section_page() -> None:
    section = Source(WHERE, "---\nnav_title: x\n---\n\n" + OPENING + '<div onclick="alert(1)">点我</div>\n')
    full = "# 全文 { #full-report }\n\n<!-- report:include measures.md -->\n"
    html = markdown.markdown(OPENING + '<div onclick="alert(1)">点我</div>\n', extensions=EXTENSIONS)
    other = Source("docs/zh/2024/index.md", "# 首页\n")
    [message] = problems(html, page=Source("docs/zh/2024/full.md", full), meta={}, others=(other, section))
    assert_message(message, line=line_of(section.text, "<div onclick"), phrases=("onclick",))


def test_an_english_page_is_named_with_its_folder() -> None:
    where = "docs/en/2024/measures.md"
    body = "# I. Main measures { #measures }\n\n![A photo](https://example.com/a.png)\n"
    assert_message(one(body, where=where), line=3, where=where, phrases=("docs/en/2024/images/",))


# --- front matter ---------------------------------------------------------------------------

FRONT_MATTER = {
    "<script> in a title": ("title: 报告<script>alert(1)</script>\n", "title", ("<script>",)),
    "a handler in a description": ('description: <img alt="x" src="a.png" onerror="alert(1)">\n', "description", ("onerror",)),
    "an outside image in a subtitle": ('subtitle: <img alt="x" src="https://example.com/a.png">\n', "subtitle", ("example.com",)),
    "a javascript: URL": ("link: javascript:alert(1)\n", "link", ("javascript:",)),
    "nested": ("extra:\n  note: <b onclick='x()'>粗</b>\n", "extra.note", ("onclick",)),
}


@pytest.mark.parametrize("name", FRONT_MATTER)
def test_front_matter_is_read_like_the_page(name: str) -> None:
    front, key, phrases = FRONT_MATTER[name]
    message = one(OPENING, front=front)
    line = 1 + line_of(front, front.splitlines()[-1])
    assert_message(message, line=line, phrases=(*phrases, f"front matter `{key}`", f"页面元数据 `{key}`"))


def test_plain_front_matter_passes() -> None:
    front = 'title: A "quoted" <b>bold</b> & more\ndescription: 见 https://www.pudong.gov.cn/\nsearch:\n  exclude: true\n'
    assert check(OPENING, front=front) == []


def test_findings_are_in_document_order() -> None:
    html = '<p onclick="a()"><img src="https://x.example/a.png"></p><script>b()</script>'
    assert [finding.kind for finding in findings(html)] == ["handler", "outside", "alt", "script"]


def test_an_image_without_alt_text_is_placed_though_mkdocs_rewrote_its_src() -> None:
    """MkDocs writes a Markdown image's relative src for the page's URL (../../assets/…), so
    that src is not in the source; the image without alt text is."""
    body = OPENING + "![泥城镇标志](../assets/images/logo.svg)\n\n![](../assets/images/logo.svg)\n"
    html = markdown.markdown(body, extensions=EXTENSIONS).replace('src="../assets/', 'src="../../assets/')
    [message] = problems(html, page=Source(WHERE, body), meta={})
    assert_message(message, line=7, phrases=("alt text", "替代文字"))
