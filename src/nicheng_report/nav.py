"""The navigation, written once for every language: paths in mkdocs.yml, labels from the pages.

mkdocs.yml's `nav:` names pages by path only; mkdocs.en.yml inherits it. Each
report year is written once, as a pattern: the section `- YEAR:` lists the pages
a report may have (`YEAR/index.md`, `YEAR/measures.md`...), in their order, and
the build repeats it for every year, newest first. The years are the folders
docs/zh/YEAR/ and the data files docs/data/YEAR.yml; a year lists those pages of
the pattern that its Chinese original has (the other languages translate the
same pages, so a missing translation is still reported as missing). So
`make new-year` never edits the nav, and a year's new page is added once, to the
pattern.

Labels come from the pages, in each language (as FastAPI's docs do):

- a page: its `nav_title:` front-matter field, else its H1;
- a section: `nav_section_title:` in its index page (its first page, `index.md`,
  which Material's navigation.indexes shows as the section itself), else that
  page's label, else the name written in mkdocs.yml.

MkDocs needs a name for every section (`- [a.md, b.md]` is not a section), so
the pattern's section is called YEAR and each year's section is named after its
year until its label is read from its index page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mkdocs.utils.meta import get_data

from nicheng_report.errors import StaffError, staff_message
from nicheng_report.languages import ORIGINAL
from nicheng_report.paths import DATA
from nicheng_report.staff_messages import explain

YEAR = "YEAR"                                    # the pattern's placeholder, in mkdocs.yml
YEAR_NAME = re.compile(r"[0-9]{4}")
H1 = re.compile(r"^#[ \t]+(?P<text>.+?)[ \t]*$")
ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")  # `{ #id }` after a heading (attr_list)
CLOSING_HASHES = re.compile(r"[ \t]+#+$")
FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")


# --- The nav of mkdocs.yml ----------------------------------------------------

def config_nav(root: Path) -> list:
    """The nav as mkdocs.yml writes it (the pattern not yet repeated)."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / ORIGINAL.config, "rb") as handle:
        return list(yaml_load(handle).get("nav") or [])


def report_years(root: Path) -> list[int]:
    """Every report year, newest first: the folders docs/zh/YEAR/ and the data files docs/data/YEAR.yml."""
    years = {int(path.name) for path in _children(root / ORIGINAL.docs)
             if path.is_dir() and YEAR_NAME.fullmatch(path.name)}
    years |= {int(path.stem) for path in _children(root / DATA)
              if path.suffix == ".yml" and YEAR_NAME.fullmatch(path.stem)}
    return sorted(years, reverse=True)


def _children(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


@dataclass
class ExpandedNav:
    nav: list                                                  # MkDocs' nav config, every year written out
    pattern: list[str] = field(default_factory=list)           # the `- YEAR:` entries, [] when there is none
    years: dict[int, list[str]] = field(default_factory=dict)  # year -> its pages, newest first
    unknown: list[str] = field(default_factory=list)           # pattern entries that no year has
    hide: set[int] = field(default_factory=set)                # drafts left out of this build


def expand(nav: list | None, root: Path, hide: set[int] | frozenset[int] = frozenset()) -> ExpandedNav:
    """`nav` with its `- YEAR:` section repeated for every report year but those in `hide`
    (drafts, left out of the published site: nicheng_report.drafts).

    A StaffError when a page is given a label in the nav (labels come from the
    pages) or when the pattern is written more than once."""
    result = ExpandedNav(nav=[])
    result.hide = set(hide)
    result.nav = _expand_items(list(nav or []), root, result)
    return result


def _expand_items(items: list, root: Path, result: ExpandedNav) -> list:
    expanded: list = []
    for item in items:
        if isinstance(item, dict) and len(item) == 1:
            (name, value), = item.items()
            if isinstance(value, str):
                if value.endswith(".md"):
                    raise StaffError(labelled_page(name, value))
                expanded.append(item)                    # an external link keeps its label
            elif str(name) == YEAR:
                if result.pattern:
                    raise StaffError(twice())
                expanded += _years(value, root, result)
            else:
                expanded.append({name: _expand_items(list(value or []), root, result)})
        else:
            expanded.append(item)
    return expanded


def _years(pattern: Any, root: Path, result: ExpandedNav) -> list:
    paths = [entry for entry in (pattern or []) if isinstance(entry, str)]
    if len(paths) != len(pattern or []) or not paths or not all(p.startswith(f"{YEAR}/") for p in paths):
        raise StaffError(bad_pattern())
    result.pattern = paths
    original = root / ORIGINAL.docs
    for year in report_years(root):
        if year in result.hide:
            continue
        pages = [path.replace(YEAR, str(year), 1) for path in paths]
        present = [page for page in pages if (original / page).is_file()]
        own = year_sections(original, year)
        if own:   # an imported year names its section pages: index first, then them, then the rest
            first = [page for page in present[:1] if page.endswith("/index.md")]
            present = first + own + [page for page in present if page not in first and page not in own]
        # A year without its pages (a data file alone) lists the first, which MkDocs then reports missing.
        result.years[year] = present or pages[:1]
    result.unknown = [path for path in paths
                      if result.years and not any((original / path.replace(YEAR, str(year), 1)).is_file()
                                                  for year in result.years)]
    return [{str(year): pages} for year, pages in result.years.items()]


def year_sections(original: Path, year: int) -> list[str]:
    """The section pages a year's index.md names in its front matter (`sections:`, file names in
    the report's order), as `make import` writes them: a report's own parts, whatever their names,
    are listed without editing the nav. A year without `sections:` follows the pattern alone."""
    index = original / str(year) / "index.md"
    if not index.is_file():
        return []
    meta, _ = front_matter_and_h1(index.read_text(encoding="utf-8"))
    names = meta.get("sections") or []
    if not isinstance(names, list) or not all(isinstance(name, str) and name.endswith(".md") and "/" not in name
                                              for name in names):
        raise StaffError(f"{ORIGINAL.docs}/{year}/index.md: `sections:` must list the report's section pages, one "
                         "file name a line (`- measures.md`). Fix: write `sections:` as such a list, or delete it. "
                         "/ 修改：sections: 下每行写一个本年度章节页面的文件名，如 `- measures.md`，或删除这一项。")
    return [f"{year}/{name}" for name in names]


def labelled_page(name: Any, path: str) -> str:
    return staff_message(
        "mkdocs.yml, nav:",
        problem=(f"导航中给页面写了标签（`- {name}: {path}`）；nav: 只写路径（各语言共用），标签来自页面本身。",
                 f"nav: gives the page a label (`- {name}: {path}`); nav: lists paths only (it is shared by every "
                 "language), the label comes from the page."),
        fix=(f"写作 `- {path}`；标签不同于一级标题时，在该页面（每种语言）的开头写 `nav_title: 标签`。",
             f"write `- {path}`; where the label is not the page's H1, put `nav_title: label` in the page's "
             "front matter, in each language."))


def twice() -> str:
    return staff_message("mkdocs.yml, nav:",
                         problem=("导航中 `- YEAR:` 出现了两次。", "the section `- YEAR:` is written twice."),
                         fix=("保留一个 `- YEAR:`，各年度的页面都列在其中。", "keep one `- YEAR:` listing the pages of every year."))


def bad_pattern() -> str:
    return staff_message("mkdocs.yml, nav:",
                         problem=("导航中 `- YEAR:` 之下只能列出以 YEAR/ 开头的页面路径，如 `- YEAR/index.md`。",
                                  "`- YEAR:` must list page paths that start with YEAR/, such as `- YEAR/index.md`."),
                         fix=("每行写一个 `- YEAR/页面.md`，不写标签。", "write one `- YEAR/page.md` a line, without labels."))


def unknown_entry(path: str, root: Path) -> str:
    """A pattern entry that no year has, explained as MkDocs' message for a nav entry that does not
    exist is (nicheng_report.staff_messages)."""
    message = (f"A reference to '{path}' is included in the 'nav' configuration, which is not found in the "
               f"documentation files: no report year has it ({ORIGINAL.docs}/{path.replace(YEAR, '*', 1)}).")
    return explain(message, root) or message


# --- Labels, from the pages -----------------------------------------------------

def front_matter_and_h1(source: str) -> tuple[dict[str, Any], str | None]:
    """A page's front matter and the text of its first H1 (`# Title { #id }` -> "Title")."""
    markdown, meta = get_data(source)
    fenced = None
    for line in markdown.splitlines():
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else fenced or fence.group(1)
            continue
        match = None if fenced else H1.match(line)
        if match:
            text = CLOSING_HASHES.sub("", ATTRIBUTES.sub("", match.group("text"))).strip()
            if text:
                return meta, text
    return meta, None


def page_label(source: str) -> str | None:
    """`nav_title:`, else the H1; None when the page has neither (MkDocs' own title then)."""
    meta, h1 = front_matter_and_h1(source)
    return _text(meta.get("nav_title")) or h1


def section_label(index_source: str) -> str | None:
    """`nav_section_title:` of a section's index page, else that page's label."""
    meta, _ = front_matter_and_h1(index_source)
    return _text(meta.get("nav_section_title")) or page_label(index_source)


def _text(value: Any) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def label(items: list, read: Callable[[Any], str]) -> None:
    """Give MkDocs' nav items (Pages, Sections, Links) their labels; `read(page)` is a page's source."""
    for item in items:
        if getattr(item, "is_page", False):
            text = page_label(read(item))
            if text:
                item.title = text
        elif getattr(item, "is_section", False):
            label(item.children, read)
            first = item.children[0] if item.children else None
            if first is not None and getattr(first, "is_page", False) and first.is_index:
                item.title = section_label(read(first)) or item.title
