"""The structure of a report, from its lines: title, the portal's metadata, an
addressee line, the preamble, the top-level sections (一、二、…, one page each)
with their headings ((一)(二)… and 1、 1. 1．), the signature (issuing body and
date) and 相关附件.

Headings are found by their numbering, never by font or style. A heading that
runs into its paragraph ("(一)持续深入学习…。坚持把…") is split at its first 。;
a (一) or 1、 whose first sentence is long (or has several commas) is a numbered
paragraph, not a heading; numbered items inside a paragraph ("…目的。1、坚持…。2、坚持…") become
paragraphs of their own; 一是/二是 stay inside the paragraph. Repeated or skipped
numbers are kept as written and listed (editor's notes). A text with no title or
no top-level section is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .cleaning import clean_line
from .names import page_name, slug, unique
from .reading import Refused

__all__ = ["Item", "Section", "Report", "NumberingNote", "parse_report", "chinese_number", "METADATA_LABELS"]

NUMERAL = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^(?P<n>[{NUMERAL}]{{1,3}})[、.．]")
LEVEL2 = re.compile(rf"^[(（](?P<n>[{NUMERAL}]{{1,3}})[)）]")
LEVEL3 = re.compile(r"^(?P<n>[0-9]{1,2})(?:[、．]|\.(?![0-9]))")
INLINE_ITEM = re.compile(r"(?<=[。；;！？!?])(?P<n>[0-9]{1,2})(?:[、．]|\.(?![0-9]))")
TERMINATOR = re.compile(r"[。！？!?：:]")
COMMA = re.compile(r"[，,]")
METADATA_LABELS = ("索引号", "发布机构", "公开类别", "发布时间", "发布日期", "成文日期", "文号", "发文字号", "主题分类",
                   "信息来源", "生成日期", "公开方式", "公开范围")
DATE_LINE = re.compile(r"^(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日$"
                       r"|^(?P<y2>[0-9]{4})[-./](?P<m2>[0-9]{1,2})[-./](?P<d2>[0-9]{1,2})$")
CHINESE_DATE = re.compile(r"^(?P<y>[〇零一二三四五六七八九○]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日$")
ATTACHMENTS = re.compile(r"^(相关)?附件[:：]?")
ADDRESSEE_WORDS = ("委", "政府", "人大", "办公室", "领导小组", "局", "院", "同志")
TITLE_WORDS = ("报告", "情况", "总结")
HEADING_MAX = 50          # a (一) or 1、 heading's first sentence is at most this long, with one comma at most
TITLE_MAX = 80


@dataclass
class Item:
    kind: str                 # "heading" or "paragraph"
    text: str                 # as written, numbering included
    level: int = 0            # heading: 2 or 3 (the Markdown level)
    id: str = ""              # heading id, or a numbered paragraph's id
    number: int | None = None


@dataclass
class NumberingNote:
    where: str                # the heading as written
    written: str              # 三
    expected: str             # 四
    problem: str              # "repeated" | "skipped" | "out of order"
    page: str
    level: int                # 1, 2 or 3


@dataclass
class Section:
    number: int
    marker: str               # 一
    title: str                # 一、下阶段工作主要安排 (as written)
    page: str                 # next-steps
    items: list[Item] = field(default_factory=list)


@dataclass
class Report:
    title: str
    year: int | None
    metadata: dict[str, str]
    addressee: str | None
    preamble: list[str]
    sections: list[Section]
    signature: list[str]      # the issuing body's lines
    signed: str | None        # the date line as written
    signed_iso: str | None
    attachments: str | None   # the 相关附件 line as written
    body: list[str]           # every line of the official text from the title on, cleaned: the site's text
    numbering: list[NumberingNote]
    removed_spaces: list[str]
    long_headings: list[str]
    numbered_paragraphs: list[str]


def chinese_number(text: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 二十三 -> 23."""
    digits = {ch: i for i, ch in enumerate(NUMERAL[:9], start=1)}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def numeral(value: int) -> str:
    if value <= 10:
        return "十" if value == 10 else NUMERAL[value - 1]
    tens, ones = divmod(value, 10)
    return (NUMERAL[tens - 1] if tens > 1 else "") + "十" + (NUMERAL[ones - 1] if ones else "")


def _metadata(line: str) -> dict[str, str] | None:
    """The portal's metadata on a line ("索引号 | 发布机构 | 泥城镇 | |"), or None."""
    if not any(line.startswith(label) or f"|{label}" in line.replace(" ", "") for label in METADATA_LABELS):
        return None
    cells = [cell.strip() for cell in re.split(r"\s*[|｜\t]\s*|[:：]\s*|\s{2,}", line)]
    found: dict[str, str] = {}
    for index, cell in enumerate(cells):
        if cell in METADATA_LABELS:
            following = cells[index + 1] if index + 1 < len(cells) else ""
            found[cell] = "" if following in METADATA_LABELS else following
    return found or None


def _year_of(title: str) -> int | None:
    match = re.search(r"(19|20)[0-9]{2}", title)
    if match:
        return int(match.group(0))
    chinese = re.search(r"[二][〇零○][一二三四五六七八九〇零○]{2}", title)
    if chinese:
        table = {**{ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")}, "零": "0", "○": "0"}
        return int("".join(table[ch] for ch in chinese.group(0)))
    return None


def _is_title(line: str) -> bool:
    return (len(line) <= TITLE_MAX and not re.search(r"[。；;]", line) and not LEVEL1.match(line)
            and not LEVEL2.match(line) and any(word in line for word in TITLE_WORDS))


def _iso(line: str) -> str | None:
    match = DATE_LINE.match(line)
    try:
        if match:
            y, m, d = (match.group("y") or match.group("y2"), match.group("m") or match.group("m2"),
                       match.group("d") or match.group("d2"))
            return date(int(y), int(m), int(d)).isoformat()
        match = CHINESE_DATE.match(line)
        if match:
            digits = {**{ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")}, "零": "0", "○": "0"}
            year = int("".join(digits[ch] for ch in match.group("y")))
            return date(year, chinese_number(match.group("m")), chinese_number(match.group("d"))).isoformat()
    except ValueError:
        return None
    return None


def _is_signature_line(line: str) -> bool:
    return len(line) <= 30 and not re.search(r"[，,。；;：:]", line) and not LEVEL1.match(line)


def _addressee(line: str) -> bool:
    return (len(line) <= 50 and line.endswith((":", "：")) and not COMMA.search(line)
            and any(word in line for word in ADDRESSEE_WORDS))


def split_heading(line: str, level: int) -> tuple[str, str | None] | None:
    """(heading, the text that runs on after it) or None when the line is a numbered paragraph."""
    end = TERMINATOR.search(line)
    if end:
        head, rest = line[:end.end()], line[end.end():].strip() or None
    else:
        head, rest = line, None
    if level > 1 and (len(head) > HEADING_MAX or len(COMMA.findall(head)) > 1):
        return None
    return head, rest


def split_items(text: str) -> list[tuple[int | None, str]]:
    """A paragraph with numbered items inside ("…目的。1、坚持…。2、坚持…") as its parts;
    the numbers must run 1, 2, 3… (or go on from the paragraph's own leading number)."""
    start = LEVEL3.match(text)
    expected = int(start.group("n")) + 1 if start else 1
    cuts: list[tuple[int, int]] = []
    for match in INLINE_ITEM.finditer(text):
        if int(match.group("n")) == expected:
            cuts.append((match.start(), expected))
            expected += 1
    if not cuts or (not start and len(cuts) < 2):
        return [(int(start.group("n")) if start else None, text)]
    parts: list[tuple[int | None, str]] = []
    first = text[:cuts[0][0]]
    if first:
        parts.append((int(start.group("n")) if start else None, first))
    for (position, number), following in zip(cuts, cuts[1:] + [(len(text), 0)]):
        parts.append((number, text[position:following[0]]))
    return parts


def parse_report(lines: list[str], *, year: int | None = None) -> Report:
    """The structure of the report in `lines` (as read), or Refused."""
    removed: list[str] = []
    cleaned: list[str] = []
    for line in lines:
        result = clean_line(line)
        if result.text:
            cleaned.append(result.text)
            removed += result.removed
    if not cleaned:
        raise Refused("文件中没有文字。", "the file holds no text.")

    metadata: dict[str, str] = {}
    index = 0
    title: str | None = None
    # The title, and the portal's metadata lines around it (title, metadata, the title again).
    while index < len(cleaned) and index < 8:
        found = _metadata(cleaned[index])
        if found is not None:
            metadata.update(found)
        elif title is None and _is_title(cleaned[index]):
            title = cleaned[index]
            body_start = index
        elif title is None and index + 1 < len(cleaned) and _is_signature_line(cleaned[index]) \
                and _is_title(cleaned[index + 1]) and not _metadata(cleaned[index + 1]):
            title = cleaned[index] + cleaned[index + 1]     # a title on two lines: issuing body, then subject
            body_start = index
            index += 1
        elif title is not None and cleaned[index] == title:
            body_start = index                              # the title again after the metadata
        else:
            break
        index += 1
    if title is None:
        raise Refused("找不到报告标题：正文前第一行应是标题（如“2024年度××镇法治政府建设情况报告”，不含句号）。"
                      "请检查文件开头，删除标题前的其他文字后再导入。",
                      "no title found: the first line before the text must be the report's title (such as "
                      "“2024年度××镇法治政府建设情况报告”, with no full stop). Check the beginning of the file and "
                      "remove anything before the title, then import it again.")
    body = cleaned[body_start:]
    rest = cleaned[index:]

    # The end: 相关附件, the date, the issuing body (from the last line up).
    attachments = signed = signed_iso = None
    signature: list[str] = []
    if rest and ATTACHMENTS.match(rest[-1]) and len(rest[-1]) <= 60:
        attachments = rest.pop()
    if rest and _iso(rest[-1]):
        signed = rest.pop()
        signed_iso = _iso(signed)
        while rest and len(signature) < 2 and _is_signature_line(rest[-1]):
            signature.insert(0, rest.pop())

    addressee = rest.pop(0) if rest and _addressee(rest[0]) else None
    taken: set[str] = {"report-title", "preamble", "addressee", "contents", "more", "publication", "attachments"}
    preamble: list[str] = []
    sections: list[Section] = []
    numbering: list[NumberingNote] = []
    long_headings: list[str] = []
    numbered: list[str] = []
    pages: set[str] = set()
    last: dict[int, int] = {}

    count: dict[int, int] = {}

    def check_number(level: int, value: int, written: str, where: str, page: str) -> None:
        """A number that is not the heading's place among its siblings: repeated (三, 三), skipped
        (三, 五), or right after the previous one but out of place because of an earlier slip."""
        previous = last.get(level, 0)
        place = count[level] = count.get(level, 0) + 1
        if value != place:
            problem = ("repeated" if value == previous else "skipped" if value > previous + 1
                       else "out of order" if value < previous else "follows")
            expected = numeral(place) if level < 3 else str(place)
            numbering.append(NumberingNote(where, written, expected, problem, page, level))
        last[level] = value
        for deeper in range(level + 1, 4):
            last.pop(deeper, None)
            count.pop(deeper, None)

    for line in rest:
        top = LEVEL1.match(line)
        if top:
            value = chinese_number(top.group("n"))
            head_rest = split_heading(line, 1)
            head, after = head_rest if head_rest else (line, None)
            if len(head) > TITLE_MAX:
                long_headings.append(head)
            page = unique(page_name(head[top.end():], len(sections) + 1), pages)
            taken.add(page)
            section = Section(number=value, marker=top.group("n"), title=head, page=page)
            check_number(1, value, top.group("n"), head, page)
            sections.append(section)
            if after:
                section.items.append(Item("paragraph", after))
            continue
        if not sections:
            preamble.append(line)
            continue
        section = sections[-1]
        second, third = LEVEL2.match(line), LEVEL3.match(line)
        match = second or third
        parts = split_heading(line, 2 if second else 3) if match else None
        if match and parts:
            head, after = parts
            level = 2 if second else 3
            value = chinese_number(match.group("n")) if second else int(match.group("n"))
            check_number(level, value, match.group(0), head, section.page)
            has_level2 = any(item.kind == "heading" and LEVEL2.match(item.text) for item in section.items)
            markdown_level = 2 if second or not has_level2 else 3
            parent = next((item.id for item in reversed(section.items)
                           if item.kind == "heading" and item.level < markdown_level), section.page)
            name = slug(head[match.end():]) or f"{parent}-{value}"
            if len(head) > TITLE_MAX:
                long_headings.append(head)
            section.items.append(Item("heading", head, markdown_level, unique(name, taken), value))
            if after:
                section.items.append(Item("paragraph", after))
            continue
        if match:
            numbered.append(line[:40])
        section.items.append(Item("paragraph", line))

    if not sections:
        raise Refused("没有找到正文的一级标题（“一、”“二、”……）：无法分成页面。请确认正文各部分以“一、”“二、”开头，"
                      "各占一行（或一段）。",
                      "no top-level section (“一、”, “二、”…) found in the text, so it cannot be split into pages. "
                      "Check that each part of the text starts with “一、”, “二、”… on a line (a paragraph) of its own.")
    _number_paragraphs(sections, taken)
    return Report(title=title, year=year or _year_of(title), metadata=metadata, addressee=addressee,
                  preamble=preamble, sections=sections, signature=signature, signed=signed, signed_iso=signed_iso,
                  attachments=attachments, body=body, numbering=numbering, removed_spaces=removed,
                  long_headings=long_headings, numbered_paragraphs=numbered)


def _number_paragraphs(sections: list[Section], taken: set[str]) -> None:
    """Paragraphs with numbered items inside become one paragraph an item, each with an id
    (the heading's id and the number: point-line-surface-1)."""
    for section in sections:
        items: list[Item] = []
        anchor = section.page
        for item in section.items:
            if item.kind == "heading":
                anchor = item.id
                items.append(item)
                continue
            parts = split_items(item.text)
            if len(parts) == 1 and parts[0][0] is None:
                items.append(item)
                continue
            for number, text in parts:
                paragraph_id = unique(f"{anchor}-{number}", taken) if number is not None else ""
                items.append(Item("paragraph", text, id=paragraph_id, number=number))
        section.items = items
