"""Drafts: a report year that is not finished never reaches the published site.

A year is a draft while its data file says `status: draft` (as `make new-year` and
`make import` write it), or while anything in it is unfinished (see `remaining`).
A draft is left out of `make build` entirely: no pages, no nav entry, no open data,
not on the home page (最新报告, 数说报告, 历年报告), so not in the sitemap or the
search index either. `make serve` shows it, each page under a 草稿 banner.

Publishing is one explicit step, `make publish YEAR=2025`: it refuses while
anything remains, listing it, and otherwise writes `status: published`. A year
marked published that is not finished stops `make build` with the same list.
A data file without `status:` (the years published before drafts existed) is
published when it is complete.
"""

from __future__ import annotations

import functools
import os
import re
from datetime import date
from pathlib import Path

import yaml

from nicheng_report.errors import StaffError, staff_message
from nicheng_report.languages import AUTHORED
from nicheng_report.paths import data_file

PREVIEW = "NICHENG_PREVIEW"          # set by `make serve`: drafts are shown, with their banner
PLACEHOLDERS = ("待填写", "to be filled in")
STATUSES = ("draft", "published")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STATUS_LINE = re.compile(r"^(?P<indent>[ \t]+)status:[^\n]*$", re.MULTILINE)


def preview() -> bool:
    return os.environ.get(PREVIEW) == "1"


def _raw(path: Path) -> dict | None:
    """The data file as read, or None when it cannot be read (the loader then says why).
    Read only: one parse per version of the file, however many editions and hooks ask."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _parsed(path: str, mtime_ns: int, size: int) -> dict | None:
    # libyaml's parser where PyYAML has it: the data file is parsed in every edition's build.
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def status(root: Path, year: int) -> str | None:
    """`report.status` of the year's data file: "draft", "published" or None (not written)."""
    report = (_raw(data_file(root, year)) or {}).get("report")
    value = report.get("status") if isinstance(report, dict) else None
    return str(value) if value is not None else None


def _is_date(value: object) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def remaining(root: Path, year: int, *, mistyped_dates: bool = True) -> list[str]:
    """What is still unfinished in the year, one item each (Chinese, then English); [] when complete.

    mistyped_dates=False: a date that is written but is not a date (2024-13-01) is a mistake for
    the build to name, not a sign of a draft; only an empty one or a 待填写 placeholder counts."""
    left: list[str] = []
    data_path = data_file(root, year)
    data_name = data_path.relative_to(root).as_posix()
    if not data_path.is_file():
        left.append(f"{data_name}：缺少数据文件。\n  {data_name}: the data file is missing.")
        raw: dict = {}
    else:
        raw = _raw(data_path) or {}
    report = raw.get("report") if isinstance(raw.get("report"), dict) else {}
    for field, zh, en in (("published", "发布日期", "date of publication"), ("signed", "落款日期", "date signed")):
        value = str(report.get(field) or "")
        unfinished = not value.strip() or any(word in value for word in PLACEHOLDERS)
        if data_path.is_file() and not _is_date(value) and (mistyped_dates or unfinished):
            left.append(f"{data_name}：report.{field}（{zh}）还没有填写为 YYYY-MM-DD。\n"
                        f"  {data_name}: report.{field} ({en}) is not yet a date written YYYY-MM-DD.")
    if data_path.is_file() and not str(report.get("source_url") or "").strip():
        left.append(f"{data_name}：report.source_url（原文链接）还没有填写。\n"
                    f"  {data_name}: report.source_url (the address of the original) is not filled in.")
    figures = raw.get("figures") if isinstance(raw.get("figures"), dict) else {}
    if data_path.is_file() and not figures:
        left.append(f"{data_name}：figures: 中还没有数字。\n"
                    f"  {data_name}: figures: has no figures yet.")
    to_review = [key for key, spec in figures.items() if isinstance(spec, dict) and spec.get("review") is True]
    if to_review:
        left.append(f"{data_name}：{len(to_review)} 个数字还待核对（review: true）：{'、'.join(map(str, to_review))}。"
                    "核对后删除 review: 一行。\n"
                    f"  {data_name}: {len(to_review)} figures still to be checked (review: true): "
                    f"{', '.join(map(str, to_review))}. Delete the review: line once checked.")
    for language in AUTHORED:
        folder = root / language.docs / str(year)
        if not folder.is_dir():
            left.append(f"{language.docs}/{year}/：缺少本年度的页面。\n  {language.docs}/{year}/: the year's pages are missing.")
            continue
        for page in sorted(folder.rglob("*.md")):
            name = page.relative_to(root).as_posix()
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                if any(word in line for word in PLACEHOLDERS):
                    left.append(f"{name}，第 {number} 行：还有“待填写”。\n"
                                f"  {name}, line {number}: still says “to be filled in”.")
    return left


def is_draft(root: Path, year: int) -> bool:
    path = data_file(root, year)
    if path.is_file() and _raw(path) is None:
        return False   # a data file that cannot be read is never hidden: the build names the mistake
    written = status(root, year)
    if written == "draft":
        return True
    if written == "published":
        return False
    return bool(remaining(root, year, mistyped_dates=False))


def check_published(root: Path, year: int) -> None:
    """A year marked `status: published` must be finished: else a StaffError listing what remains."""
    if status(root, year) != "published":
        return
    left = remaining(root, year)
    if left:
        raise StaffError(f"docs/data/{year}.yml：写了 status: published，但本年度还没有完成：\n"
                         f"docs/data/{year}.yml says status: published, but the year is not finished:\n"
                         + "\n".join(f"- {line}" for line in left)
                         + "\n修改：完成以上各项，或把 status: 改回 draft。\n"
                         "Fix: finish the items above, or set status: back to draft.")


def check_something_to_publish(root: Path, years: list[int], hidden: set[int]) -> None:
    """A published build in which every year is a draft would be a site without a report: a StaffError
    saying so and how to publish a year (`make serve` hides nothing, so it never stops here)."""
    if not years or not set(years) <= hidden:
        return
    newest = max(years)
    listed = "、".join(map(str, sorted(years))), ", ".join(map(str, sorted(years)))
    files = ", ".join(data_file(root, year).relative_to(root).as_posix() for year in sorted(years))
    raise StaffError(staff_message(
        files,
        problem=(f"没有可以发布的年度：每个年度（{listed[0]}）都还是草稿，正式网站不包含草稿，所以没有生成网站。",
                 f"nothing to publish: every report year ({listed[1]}) is still a draft, and the published site "
                 "leaves drafts out, so no site was built."),
        fix=(f"完成一个年度后运行 make publish YEAR={newest}（它会列出还没有完成的内容），再运行 make build；"
             "只想预览草稿，用 make serve。",
             f"finish a year and run make publish YEAR={newest} (it lists what is not finished yet), then make build; "
             "to preview the drafts, use make serve.")))


def draft_years(root: Path, years: list[int]) -> set[int]:
    """The years among `years` that are drafts."""
    return {year for year in years if is_draft(root, year)}


def hidden_years(root: Path, years: list[int]) -> set[int]:
    """The years left out of this build: the drafts, unless this is `make serve`."""
    return set() if preview() else draft_years(root, years)


def publish(root: Path, year: int) -> list[str]:
    """Mark the year published (status: published in its data file); what remains, if it cannot be."""
    left = remaining(root, year)
    if left:
        return left
    path = data_file(root, year)
    text = path.read_text(encoding="utf-8")
    report = re.search(r"^report:[^\n]*\n", text, re.MULTILINE)
    if STATUS_LINE.search(text):
        text = STATUS_LINE.sub(lambda m: f"{m.group('indent')}status: published", text, count=1)
    elif report:
        text = text[:report.end()] + "  status: published\n" + text[report.end():]
    else:
        return [f"docs/data/{year}.yml：没有 report: 一节。\n  docs/data/{year}.yml: there is no report: section."]
    path.write_text(text, encoding="utf-8")
    return []
