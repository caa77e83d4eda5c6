"""MkDocs' own messages, explained for staff: the problem and the fix, in Chinese and English.

A logging filter on the MkDocs loggers that report broken links and nav
problems replaces MkDocs' English message with ours (file and line, problem
and fix, each in Chinese on one line and English on the next), so every path shows
it: `make build`, `make serve` and a bare `mkdocs build`. hooks/staff_messages.py
installs it when a build starts.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from pathlib import Path

from nicheng_report.errors import place, staff_message
from nicheng_report.languages import AUTHORED

# MkDocs' messages, as MkDocs 1.6 words them -> (problem zh, problem en, fix zh, fix en); {file} and
# {line} are found here, {near}/{near_en} are "是不是 …？" / "Did you mean …?" when a close match exists.
EXPLAIN = (
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the target (?:'(?P<target>[^']+)' )?is not found"),
     "链接 {href} 指向的页面或文件不存在。", "the link {href} points to a page or file that does not exist.",
     "{near}改正链接（写相对于本页面的 .md 文件名），或删除该链接。",
     "{near_en}Correct the link (the .md file name, relative to this page), or remove it."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'"),
     "链接 {href} 中 # 之后的标题 id 在目标页面中不存在。", "the link {href} names a heading id (after #) that the target page does not have.",
     "{near}使用目标页面标题后 {{ #id }} 中的 id。", "{near_en}Use an id written as {{ #id }} after a heading of the target page."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<href>[^']+)'"),
     "链接 {href} 是网址写法（以 / 开头）：构建无法检查它，网站放在子目录下时它也会失效。",
     "the link {href} is written as a web address (starting with /): the build cannot check it, and it breaks "
     "when the site is not at the root of its host.",
     "{near}写成相对于本页面的 .md 文件名。", "{near_en}Write the .md file name, relative to this page."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<href>[^']+)'"),
     "链接 {href} 没有写 .md 文件名，构建无法检查它。", "the link {href} does not name a .md file, so the build cannot check it.",
     "{near}写成相对于本页面的 .md 文件名。", "{near_en}Write the .md file name, relative to this page."),
    (re.compile(r"pages exist in the docs directory, but are not included in the \"nav\" configuration:\s*(?P<pages>.+)", re.S),
     "页面 {pages} 没有列入导航。", "the page {pages_en} is not in the navigation.",
     "在 mkdocs.yml 的 nav: 中加入 {entries}（只写一次，各语言共用；年度报告的页面写在 - YEAR: 之下），或删除该文件。",
     "add {entries_en} to nav: in mkdocs.yml (written once, for every language; a report's page goes under - YEAR:), "
     "or delete the file."),
    (re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found in the "
                r"documentation files: no report year has it \((?P<pattern>[^)]+)\)"),
     "导航 nav: 中的 {ref} 不存在：没有哪个年度有这个页面（{pattern}）。",
     "nav: lists {ref}, which does not exist: no report year has that page ({pattern}).",
     "{near}改正 mkdocs.yml 中 nav: 的文件名，或补上该页面。", "{near_en}Correct the file name in nav: in mkdocs.yml, or add the page."),
    (re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found"),
     "导航 nav: 中的 {ref} 不存在。", "nav: lists {ref}, which does not exist.",
     "{near}改正 mkdocs.yml 中 nav: 的文件名，或补上该页面。", "{near_en}Correct the file name in nav: in mkdocs.yml, or add the page."),
)
# The loggers that MkDocs reports these on (a filter runs only where the record is made).
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.commands.build")
LOGGERS += tuple(name.replace("mkdocs.", "properdocs.", 1) for name in LOGGERS)   # ProperDocs (nicheng_report.engines)
MARK = "  问题："
# MkDocs' line before a build-stopping error it prints next ("Error reading page 'x.md':"): it names
# the page being built, e.g. the print page 2024/full.md, not the file the person edited (our message does).
READING_PAGE = re.compile(r"^Error reading page '[^']+':$")


def explain(message: str, root: Path) -> str | None:
    """One of MkDocs' messages in our words (where, problem, fix), or None when it is not one of ours to explain."""
    for pattern, *words in EXPLAIN:
        match = pattern.search(message)
        if not match:
            continue
        fields = {key: value.strip() for key, value in match.groupdict().items() if value is not None}
        where, near = "mkdocs.yml", None
        if "src" in fields:
            file, line = locate(root, fields["src"], fields.get("href", ""))
            where = place(file, line)
            near = (near_anchor(root, file, fields) if "anchor" in fields
                    else did_you_mean(message, root, fields["src"], fields.get("href", "")))
        elif "pages" in fields:
            names = re.findall(r"-\s*(\S+)", fields["pages"]) or [fields["pages"]]
            files = [f"{language.docs}/{name}" for name in names for language in AUTHORED
                     if (root / language.docs / name).is_file()]
            where = ", ".join(files) or "mkdocs.yml"
            entries = [f"- {re.sub(r'^[0-9]{4}/', 'YEAR/', name)}" for name in names]
            fields.update(pages="、".join(names), pages_en=", ".join(names),
                          entries="、".join(entries), entries_en=", ".join(entries))
        elif "ref" in fields:
            where = place("mkdocs.yml", line_in(root / "mkdocs.yml", f"- {fields['ref']}"))
            near = near_nav_entry(root, fields["ref"])
        fields["near"] = f"是不是 {near}？" if near else ""
        fields["near_en"] = f"Did you mean {near}? " if near else ""
        problem_zh, problem_en, fix_zh, fix_en = (text.format(**fields) for text in words)
        return staff_message(where, problem=(problem_zh, problem_en), fix=(fix_zh, fix_en))
    return None


def did_you_mean(message: str, root: Path, src: str, href: str) -> str | None:
    """The page the link most likely means: MkDocs' own guess, else the closest .md file name beside the page."""
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
    return near[0] if near and near[0] != wanted else None   # the same name: the page exists in one language only


HEADING_ID = re.compile(r"\{[^}\n]*#(?P<id>[\w-]+)[^}\n]*\}|\bid=\"(?P<html>[\w-]+)\"")


def near_anchor(root: Path, file: str, fields: dict[str, str]) -> str | None:
    """`page.md#id` for the heading id of the target page closest to the one the link names."""
    folder = file.split("/", 2)[:2]          # docs/zh or docs/en: the target is in the link's language
    target = root.joinpath(*folder, fields["target"])
    if len(folder) < 2 or not target.is_file():
        return None
    ids = {m.group("id") or m.group("html") for m in HEADING_ID.finditer(target.read_text(encoding="utf-8"))}
    near = difflib.get_close_matches(fields["anchor"].lstrip("#"), sorted(ids), n=1, cutoff=0.6)
    return f"{fields['href'].split('#', 1)[0]}#{near[0]}" if near else None


def near_nav_entry(root: Path, ref: str) -> str | None:
    """The page of the site closest to a nav entry that does not exist (YEAR/… entries against any year's pages)."""
    names = {path.relative_to(root / language.docs).as_posix()
             for language in AUTHORED for path in (root / language.docs).rglob("*.md")}
    names |= {re.sub(r"^\d{4}/", "YEAR/", name) for name in names}
    near = difflib.get_close_matches(ref, sorted(names), n=1, cutoff=0.6)
    return near[0] if near and near[0] != ref else None


MISSING_NAV_ENTRY = re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found")
MISSING_TARGET = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^'#]+)[^']*', but the target (?:'[^']+' )?is not found")


def twin_missing(message: str, root: Path) -> bool:
    """A link or nav entry to a page that exists in the other language only: the page's missing twin is the
    mistake, and the translation check names it (nicheng_report.parity); a warning per link would repeat it."""
    link, entry = MISSING_TARGET.search(message), MISSING_NAV_ENTRY.search(message)
    if link:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(link["src"]), link["href"]))
    elif entry:
        target = entry["ref"]
    else:
        return False
    return sum((root / language.docs / target).is_file() for language in AUTHORED) == 1


def line_in(path: Path, needle: str) -> int | None:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text[: text.index(needle)].count("\n") + 1 if needle in text else None


def locate(root: Path, src: str, needle: str) -> tuple[str, str]:
    """Which language's folder holds the page, and the line of `needle` in it. A page that only
    includes the text (the print page, full.md) gives way to the page beside it that has it."""
    for language in AUTHORED:
        page = root / language.docs / src
        for path in [page, *sorted(page.parent.glob("*.md"))] if page.exists() else []:
            text = path.read_text(encoding="utf-8")
            if needle and needle in text:
                return path.relative_to(root).as_posix(), str(text[: text.index(needle)].count("\n") + 1)
    return f"docs/*/{src}", "?"


class StaffExplanations(logging.Filter):
    """Puts our explanation in place of each MkDocs warning it knows, once; drops MkDocs' "Error reading page"."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        self.shown: set[str] = set()   # a mistake in an included page is reported for the page that includes it too

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            message = record.getMessage()
            if READING_PAGE.match(message) or twin_missing(message, self.root):
                return False    # the error that follows, or the translation check, names the file and line
            hint = None if MARK in message else explain(message, self.root)
            if hint:
                if hint in self.shown:
                    return False
                self.shown.add(hint)
                record.msg, record.args = hint, None   # MkDocs' English words replaced by ours, both languages
        return True


def install(root: Path) -> None:
    """Explain on MkDocs' loggers, for the project at `root` (replacing an earlier filter)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == StaffExplanations.__name__]:
            logger.removeFilter(old)  # also one from before a `make serve` reload
        logger.addFilter(StaffExplanations(root))
