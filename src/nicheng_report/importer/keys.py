"""Every figure of the report with its key, group and place (page#heading).

Keys are readable and unique (mediation.cases, mediation.cases_2,
disclosure.disclosure_rate) and the same on every import of the same document:
they come from the figure's words, its group and its order. On a replace, a
figure staff already reviewed (no `review: true`) whose number and sentence are
unchanged keeps its key, label and group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nicheng_report.figures.schema import Label

from .figures import Found, Uncertain, find_figures
from .names import GROUPS, SECTION_NAMES, group_of, key_word, unique
from .structure import Report

__all__ = ["Placed", "Figures", "place_figures", "Reviewed", "search_terms"]

HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[、.．])")


@dataclass(frozen=True)
class Reviewed:
    """A figure of the year as staff left it: reused on a replace when its number and sentence are unchanged."""
    key: str
    value: str
    sentence: str
    label: Label
    group: str
    group_label: Label | None


@dataclass(frozen=True)
class Placed:
    key: str
    group: str
    found: Found
    page: str
    heading: str               # heading id of the passage
    block: int                 # which block of the page (index into the section's items; -1 for the preamble)
    label: Label
    reviewed: bool = False     # kept from a reviewed figure of the replaced year


@dataclass
class Figures:
    placed: list[Placed] = field(default_factory=list)
    groups: dict[str, Label] = field(default_factory=dict)
    uncertain: list[tuple[str, Uncertain]] = field(default_factory=list)   # (page, number)
    in_headings: list[str] = field(default_factory=list)

    def in_block(self, page: str, block: int) -> list[Placed]:
        return [p for p in self.placed if p.page == page and p.block == block]


def _group_label(group: str, page: str, section_title: str, previous: dict[str, Label]) -> Label:
    if group in previous:
        return previous[group]
    for name, _, zh, en in GROUPS:
        if name == group:
            return Label(zh=zh, en=en)
    if group == "targets":
        return Label(zh="下阶段目标", en="Targets for the next stage")
    zh, en = SECTION_NAMES.get(page, (HEADING_NUMBER.sub("", section_title).rstrip("。") or page, None))
    return Label(zh=zh, en=en)


def place_figures(report: Report, *, previous_groups: dict[str, Label] | None = None,
                  reviewed: list[Reviewed] | None = None) -> Figures:
    """Find, name and place every figure of the report, in reading order."""
    previous_groups = previous_groups or {}
    kept = {(r.value, r.sentence): r for r in reviewed or []}
    result = Figures()
    taken: set[str] = set()
    new: list[tuple[Found, str, str, int, str, str]] = []   # found, page, heading, block, group, section title

    blocks: list[tuple[str, str, int, str, str, str]] = [
        ("index", "report-title", -1, text, report.title, "") for text in report.preamble]
    for section in report.sections:
        heading, heading_text = section.page, section.title
        for number, item in enumerate(section.items):
            if item.kind == "heading":
                heading, heading_text = item.id, item.text
                found, _ = find_figures(item.text)
                result.in_headings += [f.text + " — " + item.text for f in found]
                continue
            blocks.append((section.page, heading, number, item.text, section.title, heading_text))

    for page, heading, block, text, section_title, heading_text in blocks:
        found, uncertain = find_figures(text)
        result.uncertain += [(page, each) for each in uncertain]
        for figure in found:
            old = kept.pop((str(figure.value), figure.sentence), None)
            if old is not None and old.key not in taken:
                taken.add(old.key)
                result.groups.setdefault(old.group, old.group_label or _group_label(old.group, page, section_title,
                                                                                    previous_groups))
                result.placed.append(Placed(old.key, old.group, figure, page, heading, block, old.label, True))
                continue
            group = "targets" if page == "next-steps" else (
                group_of(figure.sentence, figure.label, heading_text) or page.replace("-", "_"))
            new.append((figure, page, heading, block, group, section_title))
    for figure, page, heading, block, group, section_title in new:
        key = unique(f"{group}.{key_word(figure.label, figure.unit)}", taken, sep="_")
        result.groups.setdefault(group, _group_label(group, page, section_title, previous_groups))
        result.placed.append(Placed(key, group, figure, page, heading, block, Label(zh=figure.label)))
    order = {(p.page, p.block, p.found.start): n for n, p in enumerate(result.placed)}
    pages = ["index"] + [s.page for s in report.sections]
    result.placed.sort(key=lambda p: (pages.index(p.page), p.block, p.found.start))
    assert len(order) == len(result.placed)
    return result


QUOTED = re.compile(r"“([\u3400-\u9fff]{2,8})”")


def search_terms(report: Report, known: set[str]) -> list[str]:
    """The report's own quoted names and brands (“管家公婆”, “法到家”) for the Chinese search, not known yet."""
    terms: list[str] = []
    for text in [*report.preamble, *(item.text for s in report.sections for item in s.items)]:
        for match in QUOTED.finditer(text):
            term = match.group(1)
            if term not in known and term not in terms:
                terms.append(term)
    return terms[:40]
