"""Page mistakes that the site engine itself lets through.

The site promises that no page requests anything from another host and that no
page runs code of its own, on any host, with or without the Content-Security-Policy
header (nicheng_report.csp). So each page's HTML, as Markdown made it (Markdown
images, raw HTML and attr_list `{ … }` alike), and its front matter are read here,
and these stop the build:

- anything a page would load from another host: <img> (and srcset), <iframe>,
  <frame>, <script src>, <link>, <source>, <video> (and its poster), <audio>,
  <track>, <input type="image">, SVG <image>/<use>, a `background` attribute, a
  CSS url(…) or @import, a form posting elsewhere, a link's `ping`, a <base>
  (protocol-relative //host/ is another host; `data:` images are fine);
- <object> and <embed> from anywhere (object-src 'none' blocks them);
- a `javascript:` URL, an `on…=` attribute, any <script>;
- a style="" attribute or <style> element (style-src 'self' blocks them: readers
  would not see the style);
- an image without alt text (residents using screen readers get nothing);
- a front-matter `date` that is not a real YYYY-MM-DD date.

Ordinary links to other sites (<a href="https://…">) stay allowed: links, not requests.

Each problem names the file and the line, found by searching the page's source for
the offending URL or attribute (for the print page, which includes the section
pages, the section page it comes from), in Chinese and English with the fix;
hooks/content_checks.py logs them as warnings, so the strict build fails. Without
MkDocs.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from nicheng_report.errors import place, staff_message

__all__ = ["Source", "Finding", "findings", "problems", "html_problems", "front_matter_problems"]

# Code, where Markdown shows `<script>` as text, and HTML comments: not searched for a line.
CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`|<!--.*?-->", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
# An image without alt text as staff write it: where MkDocs has rewritten a Markdown image's
# relative src (for the page's URL), the HTML's src is not in the source.
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt\s*=\s*[\"']?[^\s\"'>])[^>]*>", re.IGNORECASE)
IMAGE_NAME = re.compile(r"[\w.\-]+\.(?:png|jpe?g|gif|svg|webp|avif|bmp)", re.I)

# (element, attribute) -> what loading it fetches; "*" for any element.
IMAGE, PAGE, MEDIA, LINKED, SCRIPT_SRC, FORM, PING, OTHER = (
    "image", "page", "media", "link", "script", "form", "ping", "other")
RESOURCES = {
    ("img", "src"): IMAGE, ("img", "srcset"): IMAGE, ("source", "srcset"): IMAGE,
    ("video", "poster"): IMAGE, ("input", "src"): IMAGE, ("image", "href"): IMAGE,
    ("image", "src"): IMAGE,  # <image> outside SVG is parsed as <img>
    ("image", "xlink:href"): IMAGE, ("feimage", "href"): IMAGE, ("feimage", "xlink:href"): IMAGE,
    ("*", "background"): IMAGE,
    ("iframe", "src"): PAGE, ("frame", "src"): PAGE,
    ("video", "src"): MEDIA, ("audio", "src"): MEDIA, ("source", "src"): MEDIA, ("track", "src"): MEDIA,
    ("link", "href"): LINKED, ("script", "src"): SCRIPT_SRC,
    ("form", "action"): FORM, ("button", "formaction"): FORM, ("input", "formaction"): FORM,
    ("a", "ping"): PING, ("area", "ping"): PING,
    ("use", "href"): OTHER, ("use", "xlink:href"): OTHER,
    ("base", "href"): OTHER,  # would send every relative URL of the page to that host
}
PLUGINS = {"object", "embed", "applet"}
# Attributes whose value is a URL a browser may open or run (besides RESOURCES').
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
                  "ping", "xlink:href", "codebase", "manifest", "icon", "lowsrc", "dynsrc", "usemap"}


@dataclass(frozen=True)
class Source:
    """A page's file as staff know it (docs/zh/2024/measures.md) and its whole text."""
    where: str
    text: str


@dataclass
class Finding:
    """One problem in a page's HTML: its kind, the details the message needs, and what
    to search the source for, most precise first (strings, or patterns)."""
    kind: str
    details: dict[str, str]
    needles: list[str | re.Pattern[str]] = field(default_factory=list)


# --- reading the HTML --------------------------------------------------------------------

def _clean_url(value: str) -> str:
    """A URL as a browser reads it: tabs and newlines dropped, spaces and controls
    trimmed, backslashes as slashes (a browser takes \\\\host for //host)."""
    return re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                                  "\x1c\x1d\x1e\x1f ").replace("\\", "/")


def is_script_url(value: str) -> bool:
    return _clean_url(value).lower().startswith("javascript:")


def is_outside(value: str, *, image: bool = False) -> bool:
    """Would a browser fetch `value` from somewhere other than this site? Relative URLs
    stay here; `data:` stays here for images only (img-src 'self' data:)."""
    url = _clean_url(value)
    if url.startswith("//"):
        return True
    scheme = SCHEME.match(url)
    if scheme is None:
        return False
    return not (image and scheme.group(1).lower() == "data")


def host_of(value: str) -> str:
    url = _clean_url(value)
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    return parts.hostname or (parts.scheme + ":")


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in re.split(r",\s+", value.strip()) if candidate.split()]


def _css_urls(css: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None) for match in CSS_URL.finditer(css)]


def _attribute(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w:-]){re.escape(name)}\s*=", re.IGNORECASE)


def _element(name: str) -> re.Pattern[str]:
    return re.compile(rf"<\s*{re.escape(name)}\b", re.IGNORECASE)


class _Reader(HTMLParser):
    """Collects the findings of one piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self._style: list[str] | None = None   # the text of the <style> being read
        self._style_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}"
        values = {name: value or "" for name, value in attrs}

        def add(kind: str, needles: list[str | re.Pattern[str]], **details: str) -> None:
            self.found.append(Finding(kind, {"tag": tag, **details}, [raw, *needles]))

        if tag == "script":
            add("script", [_element("script")], url=values.get("src", ""))
        if tag == "style":
            self._style, self._style_tag = [], raw
        if tag in PLUGINS:
            add("plugin", [values[name] for name in ("data", "src") if values.get(name)] + [_element(tag)])
        for name, value in values.items():
            if name.startswith("on") and len(name) > 2:
                add("handler", [_attribute(name)], attribute=name, value=value)
            elif (name in URL_ATTRIBUTES or name.endswith("href")) and is_script_url(value):
                add("javascript", [value, _attribute(name)], attribute=name, value=value)
            elif name == "style":
                self._check_css(value, add, [_attribute("style")], attribute="style")
            elif name == "srcdoc":
                self._check_srcdoc(value, raw)
            elif tag not in PLUGINS and tag != "script":
                self._check_resource(tag, name, value, add)
        if tag == "img" and not values.get("alt", "").strip():
            add("alt", ([values["src"]] if values.get("src") else []) + [IMAGE_WITHOUT_ALT], url=values.get("src", ""))

    def _check_resource(self, tag: str, name: str, value: str, add) -> None:
        kind = RESOURCES.get((tag, name)) or RESOURCES.get(("*", name))
        if kind is None:
            return
        urls = _srcset(value) if name == "srcset" else [value]
        for url in urls:
            if url and is_outside(url, image=kind == IMAGE):
                add("outside", [url, _attribute(name)], what=kind, url=url, attribute=name)

    def _check_css(self, css: str, add, needles: list[str | re.Pattern[str]], **details: str) -> None:
        outside = [url for url in _css_urls(css) if is_outside(url, image=True)]
        if outside:
            add("outside", [outside[0], *needles], what="css", url=outside[0], attribute=details.get("attribute", ""))
        else:
            add("style", needles, **details)

    def _check_srcdoc(self, html: str, raw: str) -> None:
        inner = _Reader()
        inner.feed(html)
        inner.close()
        for finding in inner.found:
            finding.needles = [raw, *finding.needles, _attribute("srcdoc")]  # its text is escaped in the source
            self.found.append(finding)

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            self._style.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style is not None:
            css, raw = "".join(self._style), self._style_tag
            self._style = None
            self._check_css(css, lambda kind, needles, **details: self.found.append(
                Finding(kind, {"tag": "style", **details}, [raw, *needles])), [_element("style")], attribute="")


def findings(html: str) -> list[Finding]:
    """The problems in a page's HTML, in document order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader._style is not None:  # an unclosed <style>
        reader.handle_endtag("style")
    return reader.found


# --- where in the source ------------------------------------------------------------------

def _positions(needle: str | re.Pattern[str], text: str) -> list[int]:
    if isinstance(needle, str):
        if not needle:
            return []
        found, start = [], text.find(needle)
        while start != -1:
            found.append(start)
            start = text.find(needle, start + 1)
        return found
    return [match.start() for match in needle.finditer(text)]


def _searchable(text: str) -> str:
    """`text` with code and comments blanked (same length: offsets and lines kept)."""
    return CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


class _Locator:
    """Finds the line of each finding: in the page itself (the k-th finding with the same
    needle at the k-th place), else in the first other page that has it."""

    def __init__(self, page: Source, others: Iterable[Source]) -> None:
        self.page, self._others, self._pool = page, others, None
        self.used: Counter[str | re.Pattern[str]] = Counter()
        self.text = _searchable(page.text)

    def others(self) -> Iterator[tuple[Source, str]]:
        if self._pool is None:
            self._pool = [(other, _searchable(other.text)) for other in self._others
                          if other.where != self.page.where]
        yield from self._pool

    def __call__(self, needles: list[str | re.Pattern[str]]) -> tuple[str, int | None]:
        for needle in needles:
            positions = _positions(needle, self.text)
            if positions:
                index = min(self.used[needle], len(positions) - 1)
                self.used[needle] += 1
                return self.page.where, self.text.count("\n", 0, positions[index]) + 1
        for needle in needles:
            for other, text in self.others():
                positions = _positions(needle, text)
                if positions:
                    return other.where, text.count("\n", 0, positions[0]) + 1
        return self.page.where, None


# --- messages -----------------------------------------------------------------------------

WHAT = {  # what="…" -> (English, Chinese)
    IMAGE: ("an image", "图片"), PAGE: ("an embedded page", "嵌入的网页"), MEDIA: ("a video or audio file", "音视频文件"),
    LINKED: ("a file loaded by <link> (a stylesheet, font or icon)", "<link> 加载的文件（样式表、字体或图标）"),
    SCRIPT_SRC: ("a script", "脚本"), FORM: ("a form that sends what readers type", "表单提交的地址"),
    PING: ("a tracking ping", "跟踪请求（ping）"), OTHER: ("a file", "文件"), "css": ("a file named in CSS url(…)", "CSS url(…) 中的文件"),
}
NO_OUTSIDE = ("no page may load anything from another host: every reader's browser would send that host a "
              "request, and the page breaks when the host refuses, moves or is out of reach",
              "本站页面不得从其他网站加载任何内容：每位读者打开本页都会向该网站发出请求，对方拒绝、改版或无法访问时页面就会残缺")


def _folder(where: str) -> str:
    return posixpath.dirname(where) + "/"


def _place(where: str, line: int | None, key: str | None = None) -> str:
    """docs/zh/2024/measures.md, line 12 / 第12行 (front matter `title` / 页面元数据 `title`)"""
    place = f"{where}, line {line} / 第{line}行" if line else where
    return place + (f" (front matter `{key}` / 页面元数据 `{key}`)" if key else "")


def _message(place: str, problem: tuple[str, str], explain: tuple[str, str], fix: tuple[str, str]) -> str:
    return staff_message(place, problem=(f"{problem[1]}。{explain[1]}。", f"{problem[0]}: {explain[0]}."),
                         fix=(fix[1], fix[0]))


def _outside(finding: Finding, where: str, place: str) -> str:
    what, url, folder = finding.details["what"], finding.details["url"], _folder(where)
    en, zh = WHAT[what]
    problem = (f"{en} from another host ({host_of(url)}): {url}", f"{zh}来自其他网站（{host_of(url)}）")
    if what == IMAGE or (what == "css" and finding.details.get("attribute") == "style"):
        name = _clean_url(url).split("?")[0].split("#")[0].rsplit("/", 1)[-1]
        name = name if IMAGE_NAME.fullmatch(name) else "photo.jpg"
        images = f"{folder}images/"
        return _message(place, problem, (
            NO_OUTSIDE[0] + "; many sites (WeChat articles among them) refuse images shown elsewhere, so readers "
            "would see a broken image",
            NO_OUTSIDE[1] + "；很多网站（如微信公众号文章）禁止外链图片，读者只会看到破图"),
            (f"download the image into {images} and link it there: ![describe the image](images/{name}) "
             "(for the other language's page, the same under its own docs/ folder)",
             f"把图片下载保存到 {images}，再链接本地文件：![写明图片内容](images/{name})（另一语言的页面，"
             "在其 docs/ 文件夹下同样放一份）"))
    if what in (PAGE, MEDIA, FORM):
        return _message(place, problem, NO_OUTSIDE, (
            f"link to it instead, as an ordinary link that opens it on its own site: [title]({url}); or save the "
            f"file in {folder} and link it there",
            f"改为普通链接，读者点击后在原网站打开：[标题]({url})；或把文件保存到 {folder}，链接本地文件"))
    if what == OTHER:
        return _message(place, problem, NO_OUTSIDE, (
            f"remove it, or save the file in {folder} and refer to it there",
            f"删除它，或把文件保存到 {folder}，引用本地文件"))
    if what == PING:
        return _message(place, problem, NO_OUTSIDE, (
            "remove the ping attribute; the link itself may stay", "删除 ping 属性，链接本身可以保留"))
    return _message(place, problem, NO_OUTSIDE, (
        "remove it: the site's styles are in overrides/assets/stylesheets/ and its scripts in "
        "overrides/assets/javascripts/ (ask the site's maintainers)",
        "删除它；本站的样式和脚本统一放在 overrides/assets/ 中（请联系网站维护人员）"))


NO_CODE = ("no page runs code of its own: the site's Content-Security-Policy blocks it, so it would not work, and "
           "code in a page is a way in for attackers",
           "页面不得运行自己的代码：本站的内容安全策略（CSP）会拦截它，既不能生效，也会给攻击者留下入口")


def _describe(finding: Finding, where: str, line: int | None, key: str | None = None) -> str:
    kind, details = finding.kind, finding.details
    place = _place(where, line, key)
    tag = details.get("tag", "")
    if kind == "outside":
        return _outside(finding, where, place)
    if kind == "script":
        return _message(place, ("a <script> tag in a page is not allowed", "页面中不得包含 <script>"), NO_CODE, (
            "remove it; behavior belongs in overrides/assets/javascripts/ (ask the site's maintainers)",
            "删除页面中的 <script>；网站的功能统一写在 overrides/assets/javascripts/ 中（请联系网站维护人员）"))
    if kind == "javascript":
        return _message(place, (f"a javascript: URL ({details['attribute']}=\"{details['value']}\")",
                                      f"javascript: 网址（{details['attribute']}=\"{details['value']}\"）"), NO_CODE, (
            "link to a page or file instead ([text](page.md) or [text](https://…)), or remove the link",
            "改为链接到页面或文件（[文字](页面.md) 或 [文字](https://…)），或删除该链接"))
    if kind == "handler":
        return _message(place, (f"an event-handler attribute {details['attribute']}=\"{details['value']}\" on <{tag}>",
                                      f"<{tag}> 上有事件处理属性 {details['attribute']}=\"{details['value']}\""), NO_CODE, (
            f"remove {details['attribute']}=\"…\" (keep the text; a link to a page does what a click should)",
            f"删除 {details['attribute']}=\"…\"（保留文字；需要点击跳转时改用普通链接）"))
    if kind == "plugin":
        return _message(place, (f"an <{tag}> element", f"<{tag}> 元素"), (
            "plugins are not allowed: the site's Content-Security-Policy blocks every <object> and <embed>, so "
            "readers would see nothing",
            "本站不使用插件：内容安全策略（CSP）会拦截所有 <object> 和 <embed>，读者什么也看不到"), (
            "link to the file instead: save it in " + _folder(where) + " and write [title](file.pdf)",
            "改为链接：把文件保存到 " + _folder(where) + "，写作 [标题](文件.pdf)"))
    if kind == "style":
        what = ("a style=\"…\" attribute", "style=\"…\" 属性") if details.get("attribute") else ("a <style> element", "<style> 元素")
        return _message(place, (f"{what[0]} in a page", f"页面中有 {what[1]}"), (
            "the site's Content-Security-Policy blocks styles written in a page, so readers would not see them",
            "本站的内容安全策略（CSP）会拦截写在页面里的样式，读者看不到效果"), (
            "remove it; the site's look is in overrides/assets/stylesheets/ (ask the site's maintainers for a class)",
            "删除它；网站的样式统一写在 overrides/assets/stylesheets/ 中（如需新样式请联系网站维护人员）"))
    if kind == "alt":
        url = details.get("url")
        return _message(place, (f"an image has no alt text: {url}" if url else "an image has no alt text",
                                f"图片缺少替代文字：{url}" if url else "图片缺少替代文字"), (
            "residents who use a screen reader would learn nothing from it",
            "使用读屏软件的读者无法得知图片内容"), (
            "describe the image in the brackets, e.g. ![泥城镇宪法广场](…)",
            "在方括号中写明图片内容（替代文字），例如 ![泥城镇宪法广场](…)"))
    raise ValueError(kind)


def html_problems(html: str, page: Source, others: Iterable[Source] = ()) -> list[str]:
    """What is wrong in a page's HTML (as Markdown made it), each with the file and line of
    `page`'s source (or of one of `others`, for text the page includes), without repeats."""
    locate, found = _Locator(page, others), []
    for finding in findings(html):
        message = _describe(finding, *locate(finding.needles))
        if message not in found:
            found.append(message)
    return found


# --- front matter -------------------------------------------------------------------------

def _strings(value: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}[{index}]")


def front_matter_problems(meta: dict[str, Any], page: Source) -> list[str]:
    """What is wrong in a page's front matter: HTML in a value (titles reach the page as
    they are) read like the page's, a javascript: URL, an impossible date."""
    where, found = page.where, []
    head = FRONT_MATTER.match(page.text)
    header = Source(where, head.group(0) if head else "")
    locate = _Locator(header, ())
    for key, value in _strings(meta, ""):
        top = key.split(".")[0].split("[")[0]
        needles: list[str | re.Pattern[str]] = [value, re.compile(rf"^\s*{re.escape(top)}\s*:", re.M)]
        items = findings(value)
        if not items and is_script_url(value):
            items = [Finding("javascript", {"attribute": key, "value": value}, [])]
        for finding in items:
            message = _describe(finding, *locate([*finding.needles, *needles]), key=key)
            if message not in found:
                found.append(message)
    if page.text.startswith("---\n") and not meta:
        found.append(staff_message(
            place(where, 1),
            problem=("文件开头 --- 之间的页面元数据无法读取，常见原因是不存在的日期（如 2024-13-45）或冒号后缺少空格。",
                     "the front matter (between the --- lines at the top) cannot be read, often because of an "
                     "impossible date such as 2024-13-45 or a missing space after a colon."),
            fix=("改正 --- 之间的内容：每行写作“名称: 内容”（冒号后有空格），日期写作 年-月-日。",
                 "correct the lines between the --- lines: each is `name: text` (a space after the colon), "
                 "dates are YYYY-MM-DD.")))
    if "date" in meta and not isinstance(meta["date"], datetime.date):
        try:
            datetime.date.fromisoformat(str(meta["date"]))
        except ValueError:
            line = next((n for n, text in enumerate(page.text.splitlines(), 1) if text.startswith("date:")), None)
            found.append(staff_message(
                place(where, line),
                problem=(f"页面元数据中的日期 date: {meta['date']} 不是真实的日期。",
                         f"the date in the front matter, date: {meta['date']}, is not a real date."),
                fix=("日期写作 年-月-日，例如 date: 2024-12-17。", "write it as YYYY-MM-DD, e.g. date: 2024-12-17.")))
    return found


def problems(html: str, *, page: Source, meta: dict[str, Any], others: Iterable[Source] = ()) -> list[str]:
    """Everything wrong with a page: its HTML as Markdown made it (`html`), its source and
    file (`page`), its front matter as read (`meta`), and the other pages of its language
    (`others`, read only to place text that the page includes)."""
    return front_matter_problems(meta, page) + html_problems(html, page, others)
