"""Start next year's report in both languages: folders, data file skeleton.

    python -m nicheng_report new-year YEAR [--project DIR]        (make new-year YEAR=2025)

Creates docs/zh/YEAR/ and docs/en/YEAR/ (index.md, figures.md, at-a-glance.md)
and docs/data/YEAR.yml (a skeleton), from the templates in
src/nicheng_report/templates/new_year/. Nothing of the previous years is
touched, and no config is edited: the nav of mkdocs.yml lists a report's pages
once, under `- YEAR:`, and every year with a folder docs/zh/YEAR/ gets its
section, newest first (nicheng_report.nav). The command checks that it does.

The templates use string.Template placeholders (`${year}`, `${title}`...), so
they are written as the pages and data file will be, braces and all.

The skeleton is a draft (`status: draft`): `make serve` shows it under a 草稿
banner, `make build` leaves it out of the site, and `make publish YEAR=…` puts it
on the site once nothing remains to fill in (nicheng_report.drafts). An unfilled
report can therefore never be published as "the latest report".

Refuses (exit 2, nothing changed) if YEAR is not a 4-digit year, already
exists, or is not later than every existing year; undoes everything if a step
fails after writing (exit 1).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from importlib.resources import files
from pathlib import Path
from string import Template

import yaml

from nicheng_report.commands.build import project_argument
from nicheng_report.errors import StaffError
from nicheng_report.nav import config_nav, expand

YEAR_PATTERN = re.compile(r"[0-9]{4}")
LANGS = ("zh", "en")
# The pages every report has from the start. The section pages come when the report is published.
PAGES = ("index.md", "figures.md", "at-a-glance.md")
TEMPLATES = files("nicheng_report") / "templates" / "new_year"
TODO = {"zh": '<span class="report-meta__empty">待填写</span>',
        "en": '<span class="report-meta__empty">to be filled in</span>'}
PLACEHOLDER_PUBLISHED = "待填写：发布日期 YYYY-MM-DD / to be filled in: date of publication, YYYY-MM-DD"
PLACEHOLDER_SIGNED = "待填写：落款日期 YYYY-MM-DD / to be filled in: date signed, YYYY-MM-DD"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class Refused(Exception):
    """A request that cannot be carried out; nothing has been changed."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}\n{en}")
        self.zh, self.en = zh, en


def render(name: str, **values: object) -> str:
    """The template `name` (e.g. "zh/index.md") with its placeholders filled in."""
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


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
        raise Refused("没有找到已有年度（docs/data/年份.yml）：新年度的分组要参照上一年度。",
                      "no existing year found (docs/data/YEAR.yml): the new year copies its groups from "
                      "the previous one.")
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
    groups = groups_block(previous_text)
    if not groups:
        raise Refused(f"docs/data/{previous}.yml 中没有 groups: 一段，无法复制分组。",
                      f"docs/data/{previous}.yml has no groups: section to copy.")
    text = render("data.yml", year=year, previous=previous, title_zh=_scalar(title_zh), title_en=_scalar(title_en),
                  publisher_zh=_scalar(str(publisher.get("zh") or "泥城镇人民政府")),
                  publisher_en=_scalar(str(publisher.get("en") or "Nicheng Town People's Government")),
                  published=PLACEHOLDER_PUBLISHED, signed=PLACEHOLDER_SIGNED, groups="\n".join(groups))
    parsed = yaml.safe_load(text)
    assert parsed["report"]["year"] == year and parsed["figures"] == {}, "skeleton does not read back"
    assert parsed["groups"] == prev.get("groups"), "groups were not copied faithfully"
    assert parsed["report"]["title"] == {"zh": title_zh, "en": title_en}
    return text


# --- The pages ---------------------------------------------------------------

def pages(year: int, previous: int, zh_title: str, en_title: str) -> dict[str, dict[str, str]]:
    """lang -> file name -> Markdown. Same heading ids in both languages."""
    title = {"zh": zh_title, "en": en_title}
    return {lang: {name: render(f"{lang}/{name}", year=year, previous=previous, title=title[lang], todo=TODO[lang])
                   for name in PAGES}
            for lang in LANGS}


# --- The nav -----------------------------------------------------------------

def load_nav(root: Path) -> dict[int, list[str]]:
    """Year -> its pages, newest first, as the build's nav will list them (nicheng_report.nav)."""
    try:
        return expand(config_nav(root), root).years
    except StaffError as error:
        raise Refused("mkdocs.yml 的 nav: 有误，见下文。", str(error)) from None


def check_nav(before: dict[int, list[str]], previous: int) -> None:
    """The nav has the `- YEAR:` section that will list the new year (before anything is written)."""
    if previous not in before:
        raise Refused(f"mkdocs.yml 的 nav: 中没有列出各年度页面的 `- YEAR:` 一节（{previous} 年度不在导航中），"
                      "新年度不会出现在导航里。",
                      f"the nav: of mkdocs.yml has no `- YEAR:` section listing each year's pages ({previous} is "
                      "not in the navigation), so the new year would not appear in it.")


def verify_nav(before: dict[int, list[str]], after: dict[int, list[str]], year: int) -> None:
    """The nav is the old one with the new year's section first, listing its pages."""
    if list(after) != [year, *before] or {k: v for k, v in after.items() if k != year} != before:
        raise AssertionError(f"the nav's years are {list(after)}, expected {[year, *before]}")
    if sorted(after[year]) != sorted(f"{year}/{page}" for page in PAGES):
        raise AssertionError(f"the nav lists {after[year]} for {year}")


# --- Main --------------------------------------------------------------------

def create(root: Path, year_text: str) -> tuple[int, int, list[str]]:
    year, previous = check_year(year_text, root)
    previous_text = (root / "docs" / "data" / f"{previous}.yml").read_text(encoding="utf-8")
    data_text = data_skeleton(year, previous, previous_text)
    page_texts = pages(year, previous, *titles(year, previous, previous_text))
    nav_before = load_nav(root)
    check_nav(nav_before, previous)

    # Everything is checked: write, and undo it all if the result is not as expected.
    created: list[Path] = []
    try:
        for lang, texts in page_texts.items():
            folder = root / "docs" / lang / str(year)
            folder.mkdir()
            created.append(folder)
            for name, text in texts.items():
                (folder / name).write_text(text, encoding="utf-8")
        data_path = root / "docs" / "data" / f"{year}.yml"
        with open(data_path, "x", encoding="utf-8") as handle:
            created.append(data_path)
            handle.write(data_text)
        nav_after = load_nav(root)
        verify_nav(nav_before, nav_after, year)
    except BaseException:
        for path in reversed(created):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        raise

    report = [f"docs/{lang}/{year}/{name}" for lang in page_texts for name in page_texts[lang]]
    report.append(f"docs/data/{year}.yml")
    report.append(f"mkdocs.yml (unchanged): its nav `- YEAR:` lists {', '.join(nav_after[year])}")
    return year, previous, report


def next_steps(year: int, previous: int) -> str:
    return f"""
下一步 / Next steps:
  1. 在 docs/data/{year}.yml 中填写 report: 的 published、signed（"YYYY-MM-DD"）和 source_url。
     {year} 年度现在是草稿：make serve 显示它（页面上方有“草稿”提示），make build 的正式网站不包含它。
     Fill in report: published, signed ("YYYY-MM-DD") and source_url in docs/data/{year}.yml.
     The {year} report is a draft: make serve shows it (under a Draft banner), make build leaves it out.
  2. 报告发布后，把正文各部分作为页面加入 docs/zh/{year}/，译文加入 docs/en/{year}/ 的同名文件（参照 {previous}
     年度的 measures.md 等）。mkdocs.yml 导航 `- YEAR:` 下已有的文件名自动列出；新的文件名在那里加一行
     `- YEAR/文件名.md`（只写一次，各年度、各语言共用）。填写 index.md 的表格、目录和发布信息，删除“待填写”
     说明。需要打印版时，照 {previous}/full.md 加上 full.md。
     When the report is published, add each of its parts as a page in docs/zh/{year}/ and its translation
     with the same file name in docs/en/{year}/ (as {previous}'s measures.md and the others). The file names
     under `- YEAR:` in the nav of mkdocs.yml are listed by themselves; for a new file name add one line
     `- YEAR/name.md` there (once, for every year and language). Fill in the table, contents and
     publication details of index.md and delete the "to be filled in" notes. For a print page, add full.md
     as in {previous}.
  3. 把报告中的数字写入 docs/data/{year}.yml 的 figures:（写法参照 docs/data/{previous}.yml），
     页面中写作 {{{{ 分组.名称 }}}}；再补上 at-a-glance.md。
     Write the report's figures under figures: in docs/data/{year}.yml (as in docs/data/{previous}.yml)
     and {{{{ group.name }}}} in the pages; then complete at-a-glance.md.
  4. make publish YEAR={year}：还有未完成的内容时逐项列出；全部完成后写上 status: published。
     然后 make check-translations && make build && make test：首页自动指向 {year} 年度；{previous} 年度保持不变。
     make publish YEAR={year}: lists whatever is unfinished; once nothing is, it writes status: published.
     Then make check-translations && make build && make test: the home page leads to {year}; {previous} stays.
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
        print(f"拒绝：{refusal.zh}（没有改动任何文件。）\nRefused: {refusal.en} (Nothing was changed.)", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - undone above; explain and stop
        print(f"失败，已撤销全部改动：{error}\nFailed, every change was undone: {error}", file=sys.stderr)
        return 1
    print(f"已创建 {year} 年度 / Created the {year} report:")
    for line in created:
        print(f"  {line}")
    print(next_steps(year, previous))
    return 0


if __name__ == "__main__":
    sys.exit(main())
