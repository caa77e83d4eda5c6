"""The year's pages, in both languages, as Markdown.

Chinese: index.md (the portal's metadata, title, addressee, preamble, contents,
publication details; `sections:` names the section pages for the nav), one page
per top-level section (headings with their ids, paragraphs word for word, each
figure a `{{ key }}` placeholder, editor's notes on numbering slips, the
signature and 相关附件 at the end of the last), figures.md and full.md.

English: the same files with the same ids and placeholders, marked
`translation: pending` and left out of the English search. Their text is the
Chinese original until a translator replaces it; no English is invented, only
the site's own words (notes, headings of the page furniture) are English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from string import Template

from nicheng_report.commands.new_year import render as render_template
from nicheng_report.figures.formatting import format_date
from nicheng_report.figures.schema import Label
from nicheng_report.figures.vocabulary import CARRIED_UNITS, UNITS

from .keys import Figures
from .structure import Item, NumberingNote, Report, Section

__all__ = ["Publication", "report_pages", "escape"]

LANGS = ("zh", "en")
TEMPLATES = files("nicheng_report") / "templates" / "import"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>])")
LINE_START = re.compile(r"^([#>+\-=|]|[0-9]+[.)]\s)")
TABLE = ("索引号", "发布机构", "公开类别", "发布时间")
TABLE_EN = {"索引号": "Index No.", "发布机构": "Issued by", "公开类别": "Disclosure category", "发布时间": "Date of publication"}
EMPTY = {"zh": '<span class="report-meta__empty">（原文未填）</span>',
         "en": '<span class="report-meta__empty">(not given in the original)</span>'}
ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# A section page's search weight, as 2024's report pages (2; its main measures 3) against the digest
# pages' 0.5 and the glossary's 0.3: without it an imported year's passages lose to those pages (issue #16).
SECTION_BOOST = 2


@dataclass(frozen=True)
class Publication:
    year: int
    title: Label
    publisher: Label
    published: str            # YYYY-MM-DD


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as it is."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(r"\\\1", text)


def _with_placeholders(text: str, page: str, block: int, figures: Figures) -> str:
    out, position = [], 0
    for placed in figures.in_block(page, block):
        out.append(escape(text[position:placed.found.start]))
        out.append(f"{{{{ {placed.key} }}}}")
        position = placed.found.end
    out.append(escape(text[position:]))
    return "".join(out)


def _note(note: NumberingNote, lang: str) -> str:
    part = {1: ("本部分", "this part"), 2: ("本节", "this section"), 3: ("本条", "this item")}[note.level]
    if lang == "zh":
        why = {"repeated": f"与上一{part[0][1:]}的序号重复，", "skipped": "原文跳过了前面的序号，",
               "out of order": "与前文顺序不符，", "follows": "原文此前的序号有误，"}[note.problem]
        text = "原文{0}的序号为“{1}”，{2}按顺序应为“{3}”。本站照录原文序号，未作改动。".format(
            part[0], note.written, why, note.expected)
        return f'!!! editorial "编者注"\n\n    {text}\n'
    why = {"repeated": f"the same number as the one before {part[1]}", "skipped": "a number is skipped before it",
           "out of order": "it is out of order", "follows": "an earlier number in the original is wrong"}[note.problem]
    text = (f"In the Chinese original {part[1]} is numbered {note.written} ({why}); in order it would be "
            f"{note.expected}. The number is kept as in the original.")
    return f'!!! editorial "Editor\'s note"\n\n    {text}\n'


def _front(fields: dict[str, object]) -> str:
    lines = ["---"]
    for name, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{name}:")
            lines += [f"  - {each}" for each in value]
        elif isinstance(value, dict):
            lines.append(f"{name}:")
            lines += [f"  {key}: {each}" for key, each in value.items()]
        else:
            lines.append(f"{name}: {_yaml(str(value))}")
    return "\n".join(lines + ["---", ""])


def _yaml(value: str) -> str:
    import json

    return value if re.fullmatch(r"[^:#'\"{}\[\],&*!|>%@`\-?\s][^:#]*", value) and not value.endswith(" ") \
        else json.dumps(value, ensure_ascii=False)


def _section_page(section: Section, report: Report, figures: Figures, lang: str, last: bool, title: str) -> str:
    notes = {note.where: note for note in report.numbering}
    fields: dict[str, object] = {"description": f"{title}：{section.title}"}
    if lang == "en":
        fields = {"translation": "pending", "search": {"exclude": "true"}, **fields}
    else:
        fields["search"] = {"boost": SECTION_BOOST}
    parts = [_front(fields), f"# {escape(section.title)} {{ #{section.page} }}\n"]
    if section.title in notes:
        parts.append(_note(notes[section.title], lang))
    for number, item in enumerate(section.items):
        parts.append(_item(item, section, number, figures, notes, lang))
    if last:
        parts.append(_signature(report))
    return "\n".join(parts).rstrip("\n") + "\n"


def _item(item: Item, section: Section, number: int, figures: Figures, notes: dict[str, NumberingNote],
          lang: str) -> str:
    if item.kind == "heading":
        text = f"{'#' * item.level} {escape(item.text)} {{ #{item.id} }}\n"
        return text + ("\n" + _note(notes[item.text], lang) if item.text in notes else "")
    text = _with_placeholders(item.text, section.page, number, figures)
    return text + (f"\n{{: #{item.id} }}\n" if item.id else "\n")


def _signature(report: Report) -> str:
    if not (report.signature or report.signed or report.attachments):
        return ""
    lines = ['<div class="report-signature" markdown>', ""]
    for org in report.signature:
        lines += [escape(org), "{ .signature-org }", ""]
    if report.signed:
        lines += [escape(report.signed), "{ .signature-date }", ""]
    if report.attachments:
        lines += [escape(report.attachments), "{ #attachments }", ""]
    return "\n".join(lines + ["</div>", ""])


def _meta_cell(value: str, lang: str) -> str:
    if not value:
        return EMPTY[lang]
    if ISO.match(value):
        return f'<time datetime="{value}">{value}</time>'
    return escape(value)


def _index(report: Report, figures: Figures, pub: Publication, lang: str) -> str:
    zh = lang == "zh"
    title = pub.title.text(lang)
    fields: dict[str, object] = {"title": title,
                                 "nav_section_title": f"{pub.year}年度报告" if zh else f"{pub.year} Report",
                                 "description": (f"{pub.publisher.zh}发布的{report.title}全文、关键数据与开放数据。" if zh
                                                 else f"{title}: the Chinese text, key figures and open data; "
                                                      "the English translation is in preparation.")}
    if zh:
        fields["sections"] = [f"{section.page}.md" for section in report.sections]
    else:
        fields = {"translation": "pending", "search": {"exclude": "true"}, **fields}
    parts = [_front(fields)]
    columns = [label for label in TABLE if label in report.metadata]
    if columns:
        parts.append('<div class="site-chrome report-meta" markdown>\n')
        head = [label if zh else TABLE_EN[label] for label in columns]
        parts.append("| " + " | ".join(head) + " |\n| " + " | ".join("---" for _ in head) + " |\n| "
                     + " | ".join(_meta_cell(report.metadata[label], lang) for label in columns) + " |\n")
        parts.append("</div>\n")
    parts.append(f"# {escape(title if not zh else report.title)} {{ #report-title }}\n")
    if report.addressee:
        parts.append(f"{escape(report.addressee)}\n{{: #addressee }}\n")
    for number, text in enumerate(report.preamble):
        parts.append(_with_placeholders(text, "index", -1, figures) + ("\n{: #preamble }\n" if number == 0 else "\n"))
    notes = {note.where: note for note in report.numbering if note.level == 1}
    contents = []
    for number, section in enumerate(report.sections, start=1):
        note = notes.get(section.title)
        extra = (f"（编者注：原文序号为“{note.written}”，按顺序应为“{note.expected}”）" if zh
                 else f" (Editor's note: numbered {note.written} in the original; in order, {note.expected}.)") if note else ""
        contents.append(f"{number}. [{escape(section.title)}]({section.page}.md){extra}")
    more = (["- [关键数据](figures.md)：报告中的全部数据，附定义、出处和图表。",
             "- [全文打印版](full.md)：整份报告在一页之中，便于打印或另存为 PDF。"] if zh else
            ["- [Key figures](figures.md): every figure in the report, with definitions, sources and charts.",
             "- [Printable full text](full.md): the whole report on a single page, for printing or saving as PDF."])
    signed = "，".join(filter(None, ["".join(report.signature), report.signed]))
    issued = escape(pub.publisher.text(lang)) + ((f"（落款：{escape(signed)}）" if zh else f" (signed: {escape(signed)})")
                                                if signed else "")
    published = f'<time datetime="{pub.published}">{format_date(pub.published, lang=lang)}</time>'
    attachments = report.attachments.split(":", 1)[-1].split("：", 1)[-1].strip() if report.attachments else ""
    labels = ("报告目录", "读报告", "发布信息", "发布机构", "发布时间", "相关附件", "无") if zh else \
        ("Contents", "More ways to read", "Publication details", "Issued by", "Date of publication", "Attachments",
         "None")
    parts.append('<div class="site-chrome" markdown>\n')
    parts.append(f"## {labels[0]} {{ #contents }}\n\n" + "\n".join(contents) + "\n")
    parts.append(f"## {labels[1]} {{ #more }}\n\n" + "\n".join(more) + "\n")
    parts.append(f"## {labels[2]} {{ #publication }}\n\n{labels[3]}\n:   {issued}\n\n{labels[4]}\n:   {published}\n\n"
                 f"{labels[5]}\n:   {escape(attachments) or labels[6]}\n")
    parts.append("</div>\n")
    return "\n".join(parts)


def _full(report: Report, pub: Publication, lang: str) -> str:
    zh = lang == "zh"
    title = pub.title.text(lang)
    fields: dict[str, object] = {
        "title": f"全文（打印版）· {title}" if zh else f"Full text (print version) · {title}",
        "nav_title": "全文打印版" if zh else "Printable full text",
        "description": f"{title}全文，一页呈现，便于打印或另存为 PDF。" if zh else
        f"The full text of the {title} on one page, for printing or saving as PDF.",
        "print_page": "true", "search": {"exclude": "true"}}
    if not zh:
        fields = {"translation": "pending", **fields}
    meta = "　".join(f"{label if zh else TABLE_EN.get(label, label)}{'：' if zh else ': '}"
                     f"{_meta_cell(report.metadata[label], lang)}"
                     for label in TABLE if label in report.metadata)
    note = ("本页在一页中收录报告全文，便于打印或另存为 PDF（在浏览器菜单中选择“打印”）。各部分的单独页面见[报告首页](index.md)。"
            if zh else "This page holds the whole report on one page, for printing or saving as PDF (choose Print in "
                       "the browser's menu). The parts of the report have their own pages, listed on the "
                       "[report's first page](index.md).")
    parts = [_front(fields), f"# {escape(title)}{'（全文）' if zh else ' (full text)'} {{ #full-report }}\n",
             '<div class="site-chrome print-meta" markdown>\n', *([meta + "\n"] if meta else []),
             f"{note}\n{{ .no-print }}\n", "</div>\n",
             "<!-- report:include index.md -->\n",
             *(f"<!-- report:include {section.page}.md -->\n" for section in report.sections)]
    return "\n".join(parts).rstrip("\n") + "\n"


def _glance(figures: Figures, pub: Publication, lang: str) -> str:
    """The report at a glance: its figures by group, each linked to its row on the key-figures page
    (templates/import/LANG/at-a-glance.md)."""
    zh = lang == "zh"
    groups = []
    for group, label in figures.groups.items():
        rows = []
        for placed in (p for p in figures.placed if p.group == group):
            unit = "" if placed.found.unit in CARRIED_UNITS or (placed.found.written and UNITS[placed.found.unit][0]
                                                                in placed.found.written) \
                else (UNITS[placed.found.unit][0] if zh else " " + UNITS[placed.found.unit][2])
            rows.append(f"- {placed.label.html(lang)}{'：' if zh else ': '}{{{{ {placed.key} }}}}{unit}")
        if rows:
            groups.append(f"## {label.text(lang)} {{ #glance-{group.replace('_', '-')} }}\n\n" + "\n".join(rows))
    # English: the site's own words; a label without English shows the Chinese, marked as Chinese.
    text = Template((TEMPLATES / lang / "at-a-glance.md").read_text(encoding="utf-8")).substitute(
        title=pub.title.text(lang), year=pub.year, groups="\n\n".join(groups))
    return text.rstrip("\n") + "\n"


def report_pages(report: Report, figures: Figures, pub: Publication, previous: int) -> dict[str, dict[str, str]]:
    """lang -> file name -> Markdown, for the year's folders docs/zh/YEAR/ and docs/en/YEAR/."""
    pages: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        files = {"index.md": _index(report, figures, pub, lang)}
        for number, section in enumerate(report.sections):
            files[f"{section.page}.md"] = _section_page(section, report, figures, lang,
                                                        number == len(report.sections) - 1, report.title)
        figures_page = render_template(f"{lang}/figures.md", year=pub.year, previous=previous,
                                       title=pub.title.text(lang), todo="")
        # No charts yet (staff add them under charts: in the data file, and this heading with them).
        files["figures.md"] = re.sub(r"^## [^\n]*\{ #charts \}\n\n<!-- figures:charts -->\n\n", "", figures_page,
                                     flags=re.MULTILINE)
        files["at-a-glance.md"] = _glance(figures, pub, lang)
        files["full.md"] = _full(report, pub, lang)
        pages[lang] = files
    return pages
