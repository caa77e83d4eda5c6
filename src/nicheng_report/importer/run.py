"""One import, start to end: read, find the structure and the figures, make the
pages and the data file, check them, write them (all or nothing), summarize.

Checks before anything is written: the year (from the title, or YEAR=, which
wins with a warning), an existing year (refused unless replace), the data file
reads back as the build will read it, every figure formats back to its text,
and the structure holds every line of the official text. After writing, the nav
must list the year's pages; on any failure every change is undone.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

from nicheng_report import paths
from nicheng_report.figures.formatting import format_figure
from nicheng_report.figures.loading import load_report_data
from nicheng_report.figures.messages import FigureDataError
from nicheng_report.figures.schema import Label
from nicheng_report.nav import config_nav, expand
from nicheng_report.parity import compare
from nicheng_report.search.terms import search_terms as known_terms

from .cleaning import squash
from .datafile import data_file
from .keys import Figures, Reviewed, place_figures, search_terms
from .pages import Publication, report_pages
from .reading import Refused, read_document
from .structure import Report, parse_report
from .summary import Outcome, summary

__all__ = ["Imported", "import_report", "existing"]

YEAR = re.compile(r"[0-9]{4}")


@dataclass
class Imported:
    report: Report
    figures: Figures
    outcome: Outcome

    @property
    def text(self) -> str:
        return summary(self.report, self.figures, self.outcome)


def existing(root: Path, year: int) -> list[str]:
    return [p for p in (f"docs/data/{year}.yml", f"docs/data/{year}.official.zh.txt", f"docs/zh/{year}/",
                        f"docs/en/{year}/") if (root / p).exists()]


def _years(root: Path) -> list[int]:
    return sorted(int(p.stem) for p in (root / "docs" / "data").glob("[0-9][0-9][0-9][0-9].yml"))


def _raw(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except yaml.YAMLError:
        return {}
    return raw if isinstance(raw, dict) else {}


def _label(value: object) -> Label | None:
    if isinstance(value, dict) and isinstance(value.get("zh"), str) and value["zh"].strip():
        en = value.get("en")
        return Label(zh=value["zh"], en=en if isinstance(en, str) and en.strip() else None)
    return None


def _iso(value: str) -> str | None:
    match = re.fullmatch(r"([0-9]{4})\s*[-年./]\s*([0-9]{1,2})\s*[-月./]\s*([0-9]{1,2})\s*日?", value.strip())
    try:
        return date(*map(int, match.groups())).isoformat() if match else None
    except ValueError:
        return None


def _reviewed(raw: dict) -> list[Reviewed]:
    groups = raw.get("groups") or {}
    kept = []
    for key, spec in (raw.get("figures") or {}).items():
        if not isinstance(spec, dict) or spec.get("review") or spec.get("value") is None or not spec.get("sentence"):
            continue
        label = _label(spec.get("label"))
        if label is None:
            continue
        group = str(key).split(".", 1)[0]
        kept.append(Reviewed(str(key), str(Decimal(str(spec["value"]))), str(spec["sentence"]), label, group,
                             _label(groups.get(group))))
    return kept


def _year(report: Report, given: str | None, warnings: list[tuple[str, str]]) -> int:
    if given is not None:
        if not YEAR.fullmatch(given.strip()):
            raise Refused(f"“{given}”不是四位数的年份，例如 2025。", f"“{given}” is not a 4-digit year such as 2025.")
        year = int(given)
        if report.year and report.year != year:
            warnings.append((f"标题中的年份是 {report.year}，按 YEAR={year} 导入为 {year} 年度。",
                             f"the title says {report.year}; imported as {year}, as YEAR={year} says."))
        return year
    if report.year is None:
        raise Refused("标题中没有年份：请用 YEAR= 指定，例如 make import FILE=… YEAR=2025。",
                      "the title names no year: give it with YEAR=, e.g. make import FILE=… YEAR=2025.")
    return report.year


def _check(report: Report, figures: Figures, data_text: str, pages: dict[str, dict[str, str]]) -> None:
    """Before writing: the data file loads as the build loads it, each figure shows as written,
    the structure holds the whole official text, and the two languages are in step."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"{report.year or 0}.yml"
        path.write_text(data_text, encoding="utf-8")
        try:
            data = load_report_data(path)
        except FigureDataError as error:
            raise AssertionError(f"the imported data file does not load: {error}") from None
        for placed in figures.placed:
            shown = format_figure(data.figures[placed.key], lang="zh")
            assert shown == placed.found.text, f"{placed.key} shows {shown!r}, the text says {placed.found.text!r}"
        for lang in pages:
            (Path(scratch) / lang).mkdir()
            for name, text in pages[lang].items():
                (Path(scratch) / lang / name).write_text(text, encoding="utf-8")
        for name in pages["zh"]:
            problems = compare(Path(scratch) / "zh" / name, Path(scratch) / "en" / name, name)
            assert not problems, "; ".join(map(str, problems))
    kept = [report.title, *([report.addressee] if report.addressee else []), *report.preamble]
    for section in report.sections:
        kept += [section.title, *(item.text for item in section.items)]
    kept += [*report.signature, *([report.signed] if report.signed else []),
             *([report.attachments] if report.attachments else [])]
    assert squash("".join(kept)) == squash("".join(report.body)), "the structure lost part of the text"


def _write(root: Path, year: int, files: dict[str, str], replace: bool) -> None:
    """Every file, all or nothing: a replaced year is moved aside first and put back on failure."""
    backup = Path(tempfile.mkdtemp(prefix=f"import-{year}-", dir=root / "docs"))
    moved: list[tuple[Path, Path]] = []
    created: list[Path] = []
    try:
        if replace:
            for rel in existing(root, year):
                target = backup / rel.strip("/").replace("/", "__")
                shutil.move(root / rel, target)
                moved.append((root / rel.rstrip("/"), target))
        for rel, text in files.items():
            path = root / rel
            for parent in reversed(path.relative_to(root).parents[:-1]):
                folder = root / parent
                if not folder.exists():
                    folder.mkdir()
                    created.append(folder)
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                created.append(path)
                handle.write(text)
        nav = expand(config_nav(root), root).years
        listed = nav.get(year, [])
        wanted = [f"{year}/{name}" for name in files_of(files, year)]
        missing = [page for page in wanted if page not in listed]
        assert not missing, f"the nav does not list {missing}: is `- YEAR/index.md` in mkdocs.yml's `- YEAR:`?"
    except BaseException:
        for path in reversed(created):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        for original, target in moved:
            shutil.move(target, original)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def files_of(files: dict[str, str], year: int) -> list[str]:
    """The Chinese pages among `files` (the ones the nav lists), by file name."""
    prefix = f"docs/zh/{year}/"
    return [rel[len(prefix):] for rel in files if rel.startswith(prefix)]


def _kept_translations(root: Path, year: int, pages: dict[str, dict[str, str]]) -> dict[str, str]:
    """On a replace: English pages that staff translated and that still match the new Chinese page."""
    kept: dict[str, str] = {}
    folder = root / "docs" / "en" / str(year)
    with tempfile.TemporaryDirectory() as scratch:
        for name, text in pages["zh"].items():
            old = folder / name
            if not old.is_file() or "translation: pending" in old.read_text(encoding="utf-8")[:400]:
                continue
            new = Path(scratch) / name
            new.write_text(text, encoding="utf-8")
            if not compare(new, old, name):
                kept[name] = old.read_text(encoding="utf-8")
    return kept


def import_report(root: Path, source: Path, *, year: str | None = None, replace: bool = False) -> Imported:
    """Import `source` into the project at `root`. Refused (nothing written) for bad input."""
    document = read_document(source)
    report = parse_report(document.lines)
    warnings: list[tuple[str, str]] = []
    report.year = _year(report, year, warnings)
    number = report.year
    taken = existing(root, number)
    if taken and not replace:
        raise Refused(f"{number} 年度已存在：{'、'.join(taken)}。要用这份文件替换它，请加 REPLACE=1"
                      "（已核对的数据键名和名称会保留）。",
                      f"the year {number} already exists: {', '.join(taken)}. To replace it with this document, add "
                      "REPLACE=1 (keys and labels staff have reviewed are kept).")
    others = [y for y in _years(root) if y != number]
    previous = max([y for y in others if y < number] or others or [number - 1])
    before = _raw(paths.data_file(root, previous))
    old = _raw(paths.data_file(root, number)) if replace else {}
    previous_groups = {name: label for name, value in (before.get("groups") or {}).items()
                       if (label := _label(value)) is not None}
    figures = place_figures(report, previous_groups=previous_groups, reviewed=_reviewed(old))

    meta = before.get("report") or {}
    old_title, old_publisher = _label(meta.get("title")), _label(meta.get("publisher"))
    title_en = None
    if old_title and old_title.en and str(previous) in old_title.zh and \
            old_title.zh.replace(str(previous), str(number)) == report.title:
        title_en = old_title.en.replace(str(previous), str(number))
    title = Label(zh=report.title, en=title_en)
    publisher_zh = "".join(report.signature) or report.metadata.get("发布机构") or (old_publisher.zh if old_publisher else "")
    if not publisher_zh:
        raise Refused("找不到发文单位：文末没有落款，也没有“发布机构”。请在文末加上落款单位和日期后再导入。",
                      "no issuing body found: no signature at the end and no 发布机构. Add the signature (issuing "
                      "body and date) at the end, then import again.")
    publisher = Label(zh=publisher_zh, en=old_publisher.en if old_publisher and old_publisher.zh == publisher_zh else None)
    published = _iso(report.metadata.get("发布时间") or report.metadata.get("发布日期") or "") or report.signed_iso
    if not (report.metadata.get("发布时间") or report.metadata.get("发布日期")):
        warnings.append(("原文没有“发布时间”：发布日期暂用落款日期，网上发布后请改正 report.published。",
                         "the text has no 发布时间: the date signed stands for the date of publication; correct "
                         "report.published once it is on the portal."))
    if published is None:
        published = f"{number}-12-31"
        warnings.append((f"原文没有日期：发布日期和落款日期暂填 {published}，请改正 report.published 和 report.signed。",
                         f"the text has no date: {published} stands for the dates of publication and signature; "
                         "correct report.published and report.signed."))
    signed = report.signed_iso or published

    cards: list[str] = []          # the home page's cards: the first figure of each of the first four groups
    seen: set[str] = set()
    for placed in figures.placed:
        if placed.group not in seen and len(cards) < 4:
            seen.add(placed.group)
            cards.append(placed.key)
    terms = search_terms(report, set(known_terms(root)))
    data_text = data_file(year=number, previous=previous, title=title, publisher=publisher, published=published,
                          signed=signed, source_url="", figures=figures, cards=cards, terms=terms)
    pub = Publication(year=number, title=title, publisher=publisher, published=published)
    pages = report_pages(report, figures, pub, previous)
    kept = _kept_translations(root, number, pages) if replace else {}
    pages["en"].update(kept)
    _check(report, figures, data_text, pages)

    files = {f"docs/{lang}/{number}/{name}": text for lang in pages for name, text in pages[lang].items()}
    files[f"docs/data/{number}.yml"] = data_text
    files[f"docs/data/{number}.official.zh.txt"] = document.text
    _write(root, number, files, bool(taken))
    outcome = Outcome(year=number, source=str(source), kind=document.kind, encoding=document.encoding,
                      written=list(files), replaced=bool(taken), warnings=warnings, kept_translations=sorted(kept),
                      cards=cards, terms=terms)
    return Imported(report, figures, outcome)
