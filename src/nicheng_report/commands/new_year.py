"""Start next year's report in both languages: folders, data file skeleton, nav.

    python -m nicheng_report new-year YEAR [--project DIR]        (make new-year YEAR=2025)

Creates docs/zh/YEAR/ and docs/en/YEAR/ (index.md, figures.md, at-a-glance.md),
docs/data/YEAR.yml (a skeleton) and a "YEAR report" entry in the nav of
mkdocs.yml and mkdocs.en.yml, placed before the previous year's. Nothing of the
previous years is touched, and the configs are edited as text, so their
comments and layout stay as they were.

The skeleton does not build until its dates are filled in, on purpose: the
report.published and report.signed placeholders are not dates, so `make build`
stops, naming docs/data/YEAR.yml, the line and the field to fill in. An unfilled
report can therefore never be published as "the latest report".

Refuses (exit 2, nothing changed) if YEAR is not a 4-digit year, already
exists, or is not later than every existing year.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nicheng_report.commands.build import project_argument

YEAR_PATTERN = re.compile(r"[0-9]{4}")
CONFIGS = (("zh", "mkdocs.yml"), ("en", "mkdocs.en.yml"))
# The pages every report has from the start (in nav order when the previous
# year has no entry for one). The section pages come when the report is published.
PAGES = ("index.md", "figures.md", "at-a-glance.md")
DEFAULT_LABELS = {
    "zh": {"section": "{year}年度报告", "figures.md": "关键数据", "at-a-glance.md": "一图读懂"},
    "en": {"section": "{year} Report", "figures.md": "Key figures", "at-a-glance.md": "At a glance"},
}
PLACEHOLDER_PUBLISHED = "待填写：发布日期 YYYY-MM-DD / to be filled in: date of publication, YYYY-MM-DD"
PLACEHOLDER_SIGNED = "待填写：落款日期 YYYY-MM-DD / to be filled in: date signed, YYYY-MM-DD"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class Refused(Exception):
    """A request that cannot be carried out; nothing has been changed."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}\n{en}")
        self.zh, self.en = zh, en


# --- Years that exist --------------------------------------------------------

def existing_years(root: Path) -> dict[int, list[str]]:
    """Year -> the paths that show it exists (data file, page folders)."""
    found: dict[int, list[str]] = {}
    data_dir = root / "docs" / "data"
    for path in sorted(data_dir.glob("*.yml")) if data_dir.is_dir() else []:
        if YEAR_PATTERN.fullmatch(path.stem):
            found.setdefault(int(path.stem), []).append(path.relative_to(root).as_posix())
    for lang in ("zh", "en"):
        folder = root / "docs" / lang
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_dir() and YEAR_PATTERN.fullmatch(path.name):
                found.setdefault(int(path.name), []).append(path.relative_to(root).as_posix() + "/")
    return found


def check_year(text: str, root: Path) -> tuple[int, int]:
    """The new year and the latest existing one, or Refused."""
    if not YEAR_PATTERN.fullmatch(text):
        raise Refused(f"“{text}”不是四位数的年份，例如 2025。",
                      f"“{text}” is not a 4-digit year such as 2025.")
    year = int(text)
    years = existing_years(root)
    taken = [p for p in (f"docs/data/{year}.yml", f"docs/zh/{year}/", f"docs/en/{year}/")
             if (root / p).exists()]
    if taken:
        raise Refused(f"{year}年度已存在：{'、'.join(taken)}。如需重新开始，先移走这些文件。",
                      f"the year {year} already exists: {', '.join(taken)}. "
                      "To start it again, move these away first.")
    if not years:
        raise Refused("没有找到已有年度（docs/data/年份.yml）：新年度的分组和导航要参照上一年度。",
                      "no existing year found (docs/data/YEAR.yml): the new year copies its groups and "
                      "nav from the previous one.")
    latest = max(years)
    if year <= latest:
        raise Refused(f"{year} 不晚于已有的 {latest} 年度：新年度必须晚于所有已有年度。",
                      f"{year} is not later than the existing year {latest}: a new year must be later "
                      "than every existing one.")
    if not (root / "docs" / "data" / f"{latest}.yml").is_file():
        raise Refused(f"找不到上一年度的数据文件 docs/data/{latest}.yml（分组从中复制）。",
                      f"the previous year's data file docs/data/{latest}.yml is missing "
                      "(the groups are copied from it).")
    return year, latest


# --- The data file -----------------------------------------------------------

def _scalar(value: str) -> str:
    """value as a YAML scalar: plain (as the data files write titles) when it reads back the same."""
    try:
        if value.strip() == value and ": " not in value and " #" not in value \
                and not re.match(r"[-?:,\[\]{}#&*!|>'\"%@`]", value) and yaml.safe_load(value) == value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def groups_block(text: str) -> list[str]:
    """The `groups:` section of a data file, as its lines (comments inside kept)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"groups:\s*(#.*)?$", line)), None)
    if start is None:
        return []
    block = [lines[start]]
    for line in lines[start + 1:]:
        if line and not line[0].isspace() and not line.startswith("#"):
            break
        block.append(line)
    while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
        block.pop()   # a comment just before the next section belongs to that section
    return block


def titles(year: int, previous: int, previous_text: str) -> tuple[str, str]:
    """The previous year's titles with the new year, or the usual ones."""
    title = ((yaml.safe_load(previous_text) or {}).get("report") or {}).get("title") or {}

    def titled(lang: str, default: str) -> str:
        old = str(title.get(lang) or "")
        return old.replace(str(previous), str(year)) if str(previous) in old else default

    return (titled("zh", f"{year}年度泥城镇法治政府建设情况报告"),
            titled("en", f"{year} Report of Nicheng Town on Building a Law-Based Government"))


def data_skeleton(year: int, previous: int, previous_text: str) -> str:
    prev = yaml.safe_load(previous_text) or {}
    publisher = (prev.get("report") or {}).get("publisher") or {}
    title_zh, title_en = titles(year, previous, previous_text)
    publisher_zh = str(publisher.get("zh") or "泥城镇人民政府")
    publisher_en = str(publisher.get("en") or "Nicheng Town People's Government")
    groups = groups_block(previous_text)
    if not groups:
        raise Refused(f"docs/data/{previous}.yml 中没有 groups: 一段，无法复制分组。",
                      f"docs/data/{previous}.yml has no groups: section to copy.")
    text = f"""\
# {year}年度泥城镇法治政府建设情况报告 · 数据
# Figures of the {year} report on building a law-based government in Nicheng Town.
#
# 由 `make new-year YEAR={year}`（scripts/new_year.py）生成的骨架。字段说明见
# docs/data/{previous}.yml 开头；页面中写 {{{{ 键名 }}}}，构建时替换为数字。
# A skeleton made by `make new-year YEAR={year}` (scripts/new_year.py). The fields
# are explained at the top of docs/data/{previous}.yml; pages write {{{{ key }}}}.
#
# 待填写 / TO BE FILLED IN:
#   report.published, report.signed
#       发布日期和落款日期，写作 "YYYY-MM-DD"。占位文字故意不是日期：填写之前，
#       构建（make build、make serve）会停下，并指出本文件、行号和字段。
#       Date of publication and date signed, as "YYYY-MM-DD". The placeholders are
#       deliberately not dates: until they are replaced, the build (make build,
#       make serve) stops and names this file, the line and the field. So an
#       unfinished report can never go out as the latest one on the home page.
#   report.source_url
#       原文在政府网站上的地址。 The address of the original on the government portal.
#   figures:
#       报告中的每个数字，写法参照 docs/data/{previous}.yml；每个数字的 section 必须指向
#       已有页面的标题（页面名#标题id），所以先加页面，再加数字。
#       Every figure of the report, written as in docs/data/{previous}.yml. A figure's
#       section must name a heading of an existing page (page#heading-id): add the
#       pages first, then the figures.

report:
  year: {year}
  period: "{year}"
  title:
    zh: {_scalar(title_zh)}
    en: {_scalar(title_en)}
  publisher:
    zh: {_scalar(publisher_zh)}
    en: {_scalar(publisher_en)}
  published: "{PLACEHOLDER_PUBLISHED}"   # 待填写 / to be filled in
  signed: "{PLACEHOLDER_SIGNED}"   # 待填写 / to be filled in
  source_url: ""   # 待填写：原文链接 / to be filled in: address of the original text

# 分组复制自 docs/data/{previous}.yml，可增删。 Groups copied from docs/data/{previous}.yml; add or remove as needed.
{chr(10).join(groups)}

# 待填写：报告中的数字，每个一段，然后删去下一行的 {{}}。 To be filled in: the
# figures of the report, one block each, as below; then remove the {{}} after figures:.
#   mediation.cases:              # 分组.名称 / group.name
#     value: …                    # 报告中的数字 / the number as the report states it
#     unit: item
#     qualifier: exact
#     origin: stated
#     section: measures#dispute-resolution   # 页面#标题id / page#heading-id
#     label: {{zh: 中文名称, en: English label}}
figures: {{}}
"""
    parsed = yaml.safe_load(text)
    assert parsed["report"]["year"] == year and parsed["figures"] == {}, "skeleton does not read back"
    assert parsed["groups"] == prev.get("groups"), "groups were not copied faithfully"
    assert parsed["report"]["title"] == {"zh": title_zh, "en": title_en}
    return text


# --- The pages ---------------------------------------------------------------

def pages(year: int, previous: int, zh_title: str, en_title: str) -> dict[str, dict[str, str]]:
    """lang -> file name -> Markdown. Same heading ids in both languages."""
    todo_zh = '<span class="report-meta__empty">待填写</span>'
    todo_en = '<span class="report-meta__empty">to be filled in</span>'
    zh = {
        "index.md": f"""\
---
title: {zh_title}
description: 泥城镇人民政府发布的{year}年度法治政府建设情况报告全文、关键数据与开放数据。
---

<div class="site-chrome report-meta" markdown>

| 索引号 | 发布机构 | 公开类别 | 发布时间 |
| --- | --- | --- | --- |
| {todo_zh} | {todo_zh} | {todo_zh} | {todo_zh} |

</div>

# {zh_title} {{ #report-title }}

!!! note "待填写：报告正文"

    报告正文放在这里。报告发布后：把导言（原文第一段）写在本页标题之下；每个部分（一、二、三……）作为一页放入 docs/zh/{year}/（例如 measures.md），英文译文放入 docs/en/{year}/ 中的同名文件，标题的 id 两种语言相同；在 mkdocs.yml 和 mkdocs.en.yml 导航的“{year}年度报告”下列出这些页面，并在本页加上“报告目录”。写法参照 docs/zh/{previous}/ 中的页面。填好上面的表格和下面的发布信息后，删除本说明。

<div class="site-chrome" markdown>

## 读报告 {{ #more }}

- [关键数据](figures.md)：报告中的全部数据，附定义、出处和图表。
- [一图读懂](at-a-glance.md)：用数据和图表概览本报告。

## 发布信息 {{ #publication }}

发布机构
:   待填写

发布时间
:   待填写

相关附件
:   待填写

原文链接
:   待填写

</div>
""",
        "figures.md": f"""\
---
search:
  boost: 0.5
title: 关键数据 · {year}年度
description: {year}年度泥城镇法治政府建设情况报告中的全部数据：定义、出处、图表和开放数据下载。
---

# 关键数据 {{ #key-figures }}

本页列出《{zh_title}》中的全部数据，均来自同一份数据文件。报告正文中的每个数字都链接到本页对应的行。“来源”一栏说明数据是报告原文中的数字、报告以文字表述的情况（如“无”“未发生”），还是本站根据报告数据计算得出（报告本身未列出）。

## 图表 {{ #charts }}

<!-- figures:charts -->

<!-- figures:tables -->

## 数据下载 {{ #open-data }}

以下文件在每次构建时由同一份数据生成，可自由下载使用：

<!-- figures:downloads -->
""",
        "at-a-glance.md": f"""\
---
search:
  boost: 0.5
title: 一图读懂 · {zh_title}
description: 用数据和图表读懂{zh_title}。
---

# 一图读懂{year}年度法治政府建设情况报告 {{ #at-a-glance }}

!!! note "待填写"

    报告的数据录入 docs/data/{year}.yml 之后，在这里按主题列出主要数字，写法参照 docs/zh/{previous}/at-a-glance.md；英文页面 docs/en/{year}/at-a-glance.md 须用相同的数字和标题 id。完成后删除本说明。

## 图表 {{ #glance-charts }}

<!-- figures:charts -->
""",
    }
    en = {
        "index.md": f"""\
---
title: {en_title}
description: Full text, key figures and open data of the {year} report on building a law-based government, issued by the Nicheng Town People's Government.
---

<div class="site-chrome report-meta" markdown>

| Index No. | Issued by | Disclosure category | Date of publication |
| --- | --- | --- | --- |
| {todo_en} | {todo_en} | {todo_en} | {todo_en} |

</div>

# {en_title} {{ #report-title }}

!!! note "To be filled in: the text of the report"

    The text of the report goes here. When the report is published: put its preamble (the first
    paragraph) under this page's title; put each part (I, II, III...) on a page of its own in
    docs/en/{year}/ (for example measures.md), with the same file name and heading ids as the Chinese
    page in docs/zh/{year}/; list these pages under "{year} Report" in the nav of mkdocs.en.yml and
    mkdocs.yml, and add a "Contents" list to this page. Follow the pages of docs/en/{previous}/. Fill in
    the table above and the publication details below, then delete this note.

<div class="site-chrome" markdown>

## More ways to read {{ #more }}

- [Key figures](figures.md): every figure in the report, with definitions, sources and charts.
- [At a glance](at-a-glance.md): an overview of the report in figures and charts.

## Publication details {{ #publication }}

Issued by
:   To be filled in

Date of publication
:   To be filled in

Attachments
:   To be filled in

Original text
:   To be filled in

</div>
""",
        "figures.md": f"""\
---
search:
  boost: 0.5
title: Key figures · {year}
description: Every figure in Nicheng Town's {year} report on building a law-based government, with definitions, sources, charts and open-data downloads.
---

# Key figures {{ #key-figures }}

This page lists every figure in the {year} report, all taken from one data file. Each figure in the text of the report links to its row here. The "Source" column says whether a figure is written as a number in the report, stated in words (such as "none"), or computed by this site from the report's figures (the report itself does not give it).

## Charts {{ #charts }}

<!-- figures:charts -->

<!-- figures:tables -->

## Open data {{ #open-data }}

These files are generated from the same data at every build and are free to download and reuse:

<!-- figures:downloads -->
""",
        "at-a-glance.md": f"""\
---
search:
  boost: 0.5
title: The report at a glance · {year}
description: Nicheng Town's {year} report on building a law-based government, told in figures and charts.
---

# The {year} report at a glance {{ #at-a-glance }}

!!! note "To be filled in"

    Once the report's figures are in docs/data/{year}.yml, list the main ones here by theme, as in
    docs/en/{previous}/at-a-glance.md, with the same figures and heading ids as the Chinese page
    docs/zh/{year}/at-a-glance.md. Then delete this note.

## Charts {{ #glance-charts }}

<!-- figures:charts -->
""",
    }
    return {"zh": zh, "en": en}


# --- The nav -----------------------------------------------------------------

ITEM = re.compile(r"^(?P<indent>\s*)- (?P<rest>.*?)\s*$")


@dataclass
class NavEdit:
    path: Path
    lang: str
    original: str
    new_text: str
    inserted: list[str] = field(default_factory=list)
    section_label: str = ""


def _target(rest: str) -> str:
    """The page of a nav line's `- label: page` or `- page`, unquoted."""
    value = rest.split(" #", 1)[0].strip()
    return value.rsplit(": ", 1)[-1].strip().strip("'\"")


def nav_edit(root: Path, name: str, lang: str, year: int, previous: int) -> NavEdit:
    path = root / name
    raw = path.read_bytes().decode("utf-8")
    lines = raw.splitlines(keepends=True)
    newline = "\r\n" if raw.endswith("\r\n") or "\r\n" in raw else "\n"
    start = next((i for i, line in enumerate(lines) if re.match(r"nav:\s*(#.*)?$", line.rstrip("\r\n"))), None)
    if start is None:
        raise Refused(f"{name} 中没有 nav: 导航。", f"{name} has no nav: section.")
    end = start + 1
    while end < len(lines):
        line = lines[end].rstrip("\r\n")
        if line.strip() and not line[0].isspace() and not line.startswith("#"):
            break
        end += 1
    body = list(range(start + 1, end))
    items = [i for i in body if ITEM.match(lines[i].rstrip("\r\n"))]
    if not items:
        raise Refused(f"{name} 的 nav: 是空的。", f"the nav: of {name} is empty.")
    top = min(len(ITEM.match(lines[i]).group("indent")) for i in items)
    tops = [i for i in items if len(ITEM.match(lines[i]).group("indent")) == top]
    mentions = [i for i in body if f"{year}/" in lines[i].split("#", 1)[0]]
    if mentions:
        raise Refused(f"{name} 的导航中已有 {year}/ 的页面（第{mentions[0] + 1}行）。",
                      f"the nav of {name} already lists pages of {year}/ (line {mentions[0] + 1}).")
    spans = []
    for n, first in enumerate(tops):
        last = tops[n + 1] if n + 1 < len(tops) else end
        # Trailing blank and comment lines belong to what follows.
        while last - 1 > first and not lines[last - 1].split("#", 1)[0].strip():
            last -= 1
        spans.append((first, last))
    previous_spans = [(a, b) for a, b in spans if any(f"{previous}/" in lines[i] for i in range(a, b))]
    if len(previous_spans) != 1:
        raise Refused(f"在 {name} 的导航中找不到唯一一个“{previous}年度”的分组，无法照它添加 {year}。",
                      f"cannot find exactly one {previous} section in the nav of {name} to add {year} after its model.")
    first, last = previous_spans[0]
    header = ITEM.match(lines[first].rstrip("\r\n"))
    if not header.group("rest").rstrip().endswith(":") or str(previous) not in header.group("rest"):
        raise Refused(f"{name} 第{first + 1}行：{previous}年度的导航不是“- {previous}年度报告:”这样的分组。",
                      f"{name} line {first + 1}: the {previous} nav entry is not a section such as "
                      f"“- {previous} Report:”.")
    section = header.group("rest").replace(str(previous), str(year))
    children: dict[str, str] = {}
    child_indent = None
    for i in range(first + 1, last):
        match = ITEM.match(lines[i].rstrip("\r\n"))
        if not match:
            continue
        child_indent = child_indent or match.group("indent")
        target = _target(match.group("rest"))
        for page in PAGES:
            if target == f"{previous}/{page}" and page not in children:
                children[page] = lines[i].rstrip("\r\n").replace(f"{previous}/", f"{year}/")
    child_indent = child_indent or " " * (top + 4)
    labels = DEFAULT_LABELS[lang]
    for page in PAGES:
        if page not in children:
            children[page] = (f"{child_indent}- {year}/{page}" if page == "index.md"
                              else f"{child_indent}- {labels[page]}: {year}/{page}")
    inserted = [header.group("indent") + "- " + section] + list(children.values())
    new_lines = lines[:first] + [line + newline for line in inserted] + lines[first:]
    label = section.rstrip().removesuffix(":").strip().strip("'\"")
    return NavEdit(path=path, lang=lang, original=raw, new_text="".join(new_lines), inserted=inserted,
                   section_label=label)


def load_nav(config_file: Path) -> list:
    from mkdocs.config import load_config

    return list(load_config(config_file=str(config_file))["nav"])


def verify_nav(edit: NavEdit, before: list, after: list, year: int, previous: int) -> None:
    """The loaded nav is the old one with exactly the new year's section inserted
    just before the previous year's."""
    name = edit.path.name
    new_items = [item for item in after if item not in before]
    if len(new_items) != 1 or not isinstance(new_items[0], dict) or len(new_items[0]) != 1:
        raise AssertionError(f"{name}: expected one new nav section, found {new_items!r}")
    (label, children), = new_items[0].items()
    targets = sorted(next(iter(c.values())) if isinstance(c, dict) else c for c in children)
    if label != edit.section_label or targets != sorted(f"{year}/{page}" for page in PAGES):
        raise AssertionError(f"{name}: the new nav section reads {new_items[0]!r}")
    position = after.index(new_items[0])
    if after[:position] + after[position + 1:] != before:
        raise AssertionError(f"{name}: the rest of the nav changed")
    if position + 1 >= len(after) or f"{previous}/" not in str(after[position + 1]):
        raise AssertionError(f"{name}: the new section is not just before the {previous} one")


# --- Main --------------------------------------------------------------------

def create(root: Path, year_text: str) -> tuple[int, int, list[str]]:
    year, previous = check_year(year_text, root)
    previous_text = (root / "docs" / "data" / f"{previous}.yml").read_text(encoding="utf-8")
    data_text = data_skeleton(year, previous, previous_text)
    page_texts = pages(year, previous, *titles(year, previous, previous_text))
    edits = [nav_edit(root, name, lang, year, previous) for lang, name in CONFIGS]
    navs_before = [load_nav(edit.path) for edit in edits]   # the configs load before the change

    # Everything is checked: write, and undo it all if the result does not load.
    created: list[Path] = []
    try:
        for lang, files in page_texts.items():
            folder = root / "docs" / lang / str(year)
            folder.mkdir()
            created.append(folder)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
        data_path = root / "docs" / "data" / f"{year}.yml"
        with open(data_path, "x", encoding="utf-8") as handle:
            created.append(data_path)
            handle.write(data_text)
        for edit in edits:
            edit.path.write_bytes(edit.new_text.encode("utf-8"))
        for edit, before in zip(edits, navs_before):
            verify_nav(edit, before, load_nav(edit.path), year, previous)
    except BaseException:
        for edit in edits:
            edit.path.write_bytes(edit.original.encode("utf-8"))
        for path in reversed(created):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        raise

    report = [f"docs/{lang}/{year}/{name}" for lang in page_texts for name in page_texts[lang]]
    report.append(f"docs/data/{year}.yml")
    report += [f"{edit.path.name}: nav " + " | ".join(line.strip() for line in edit.inserted[:1]) for edit in edits]
    return year, previous, report


def next_steps(year: int, previous: int) -> str:
    return f"""
下一步 / Next steps:
  1. 在 docs/data/{year}.yml 中填写 report: 的 published、signed（"YYYY-MM-DD"）和 source_url。
     填写之前 make build / make serve 会停下，并指出这个文件、行号和字段：未完成的报告不会作为最新报告发布。
     Fill in report: published, signed ("YYYY-MM-DD") and source_url in docs/data/{year}.yml. Until then
     make build / make serve stop and name this file, line and field, so an unfinished report cannot go
     out as the latest one.
  2. 报告发布后，把正文各部分作为页面加入 docs/zh/{year}/，译文加入 docs/en/{year}/ 的同名文件（参照 {previous}
     年度的 measures.md 等），在 mkdocs.yml 和 mkdocs.en.yml 导航的 {year} 分组中列出；填写 index.md 的表格、
     目录和发布信息，删除“待填写”说明。需要打印版时，照 {previous}/full.md 加上 full.md。
     When the report is published, add each of its parts as a page in docs/zh/{year}/ and its translation
     with the same file name in docs/en/{year}/ (as {previous}'s measures.md and the others), and list them
     under {year} in the nav of mkdocs.yml and mkdocs.en.yml. Fill in the table, contents and publication
     details of index.md and delete the "to be filled in" notes. For a print page, add full.md as in {previous}.
  3. 把报告中的数字写入 docs/data/{year}.yml 的 figures:（写法参照 docs/data/{previous}.yml），
     页面中写作 {{{{ 分组.名称 }}}}；再补上 at-a-glance.md。
     Write the report's figures under figures: in docs/data/{year}.yml (as in docs/data/{previous}.yml)
     and {{{{ group.name }}}} in the pages; then complete at-a-glance.md.
  4. make check-translations && make build && make test
     构建成功后，首页自动指向 {year} 年度；{previous} 年度保持不变。
     Once it builds, the home page leads to {year} automatically; {previous} stays as it is.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report new-year", description=__doc__.splitlines()[0])
    parser.add_argument("year", help="the new report year, e.g. 2025 / 新年度，如 2025")
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    root = args.project
    try:
        year, previous, created = create(root, args.year.strip())
    except Refused as refusal:
        print(f"拒绝 / Refused:\n  {refusal.zh}\n  {refusal.en}\n没有改动任何文件。 Nothing was changed.",
              file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - undone above; explain and stop
        print(f"失败，已撤销全部改动 / Failed, every change was undone: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 1
    print(f"已创建 {year} 年度 / Created the {year} report:")
    for line in created:
        print(f"  {line}")
    print(next_steps(year, previous))
    return 0


if __name__ == "__main__":
    sys.exit(main())
