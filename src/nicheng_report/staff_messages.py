"""MkDocs' own messages, explained for staff: the problem and the fix, in Chinese and English.

A logging filter on the MkDocs loggers that report broken links and nav
problems appends the explanation to the message itself, so every path shows
it: `make build`, `make serve` and a bare `mkdocs build`. hooks/staff_messages.py
installs it when a build starts.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from nicheng_report.languages import AUTHORED

# MkDocs' messages, as MkDocs 1.6 words them -> (problem, fix); {file} and {line} are found here.
EXPLAIN = (
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the target '(?P<target>[^']+)' is not found"),
     "页面 {file} 第{line}行的链接 {href} 指向不存在的页面或文件 / the link {href} in {file}, line {line}, points to a file that does not exist.",
     "改正链接路径（相对于本页面，写 .md 文件名{near}），或删除该链接 / correct the path (relative to this page, to the .md file{near_en}) or remove the link."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'"),
     "页面 {file} 第{line}行的链接 {href} 指向的标题 id 不存在 / the link {href} in {file}, line {line}, names a heading id that the target page does not have.",
     "使用目标页面标题后 {{ #id }} 中的 id / use an id written as {{ #id }} after a heading of the target page."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<href>[^']+)'"),
     "页面 {file} 第{line}行的链接 {href} 是网址写法（以 / 开头），构建无法检查它，网站放在子目录下时也会失效 / the link {href} in {file}, line {line}, is written as a web address (starting with /): the build cannot check it, and it breaks when the site is not at the root of its host.",
     "写成相对于本页面的 .md 文件名{near} / write the .md file name, relative to this page{near_en}."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<href>[^']+)'"),
     "页面 {file} 第{line}行的链接 {href} 不是 .md 文件名，构建无法检查它 / the link {href} in {file}, line {line}, does not name a .md file, so the build cannot check it.",
     "写成相对于本页面的 .md 文件名{near} / write the .md file name, relative to this page{near_en}."),
    (re.compile(r"pages exist in the docs directory, but are not included in the \"nav\" configuration:\s*(?P<pages>.+)", re.S),
     "以下页面没有列入导航：{pages} / these pages are not in the navigation: {pages}.",
     "在 mkdocs.yml 的 nav: 中加入该页面（只写一次，各语言共用），或删除该文件 / add the page to nav: in mkdocs.yml (written once, for every language), or delete the file."),
    (re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found"),
     "导航 nav: 中的 {ref} 不存在 / nav: lists {ref}, which does not exist.",
     "改正 mkdocs.yml 中 nav: 的文件名，或补上该页面 / correct the file name in nav: in mkdocs.yml, or add the page."),
)
# The loggers that MkDocs reports these on (a filter runs only where the record is made).
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.commands.build")
LOGGERS += tuple(name.replace("mkdocs.", "properdocs.", 1) for name in LOGGERS)   # ProperDocs (nicheng_report.engines)
MARK = "  问题 / Problem: "


def explain(message: str, root: Path) -> str | None:
    """The explanation of one of MkDocs' messages, or None when it is not one of ours to explain."""
    for pattern, problem, fix in EXPLAIN:
        match = pattern.search(message)
        if not match:
            continue
        fields = {key: value.strip() for key, value in match.groupdict().items()}
        fields.setdefault("file", ""), fields.setdefault("line", "?")
        if "src" in fields:
            fields["file"], fields["line"] = locate(root, fields["src"], fields.get("href", ""))
            near = did_you_mean(message, root, fields["src"], fields.get("href", ""))
            fields["near"] = f"，是不是 {near}？" if near else ""
            fields["near_en"] = f": did you mean {near}?" if near else ""
        return f"{MARK}{problem.format(**fields)}\n  修改 / Fix: {fix.format(**fields)}"
    return None


def did_you_mean(message: str, root: Path, src: str, href: str) -> str | None:
    """The page the link most likely means: MkDocs' own guess, else the closest .md file name beside the page."""
    import difflib
    import posixpath

    guess = re.search(r"Did you mean '(?P<name>[^']+)'\?", message)
    if guess:
        return guess.group("name")
    folder = posixpath.dirname(src)
    target = href.split("#", 1)[0].rstrip("/")
    if not target:
        return None
    names = sorted({path.relative_to(root / language.docs / folder).as_posix()
                    for language in AUTHORED if (root / language.docs / folder).is_dir()
                    for path in (root / language.docs / folder).glob("*.md")})
    wanted = posixpath.basename(target)
    wanted = wanted if wanted.endswith(".md") else wanted + ".md"
    near = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6)
    return near[0] if near else None


def locate(root: Path, src: str, needle: str) -> tuple[str, str]:
    """Which language's folder holds the page, and the line of `needle` in it."""
    for language in AUTHORED:
        path = root / language.docs / src
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if needle in text:
            return f"{language.docs}/{src}", str(text[: text.index(needle)].count("\n") + 1)
    return f"docs/*/{src}", "?"


class StaffExplanations(logging.Filter):
    """Appends the explanation to each MkDocs warning it knows, once."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            message = record.getMessage()
            hint = None if MARK in message else explain(message, self.root)
            if hint:
                record.msg, record.args = f"{message}\n{hint}", None
        return True


def install(root: Path) -> None:
    """Explain on MkDocs' loggers, for the project at `root` (replacing an earlier filter)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == StaffExplanations.__name__]:
            logger.removeFilter(old)  # also one from before a `make serve` reload
        logger.addFilter(StaffExplanations(root))
