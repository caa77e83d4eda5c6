"""make import, structure (nicheng_report.importer.structure and cleaning): titles,
metadata, addressee, sections and headings in the numbering styles reports use,
headings that run into their paragraphs, numbered items, signatures, numbering
slips; texts without a title or a top-level section are refused."""

from __future__ import annotations

import pytest

from import_documents import PORTAL_TOWN, WORD_STREET, marked
from nicheng_report.importer.cleaning import clean_line, squash
from nicheng_report.importer.reading import Refused
from nicheng_report.importer.structure import chinese_number, parse_report, split_items


def headings(report) -> list[tuple[int, str, str]]:
    return [(item.level, item.id, item.text) for s in report.sections for item in s.items if item.kind == "heading"]


def whole_text(report) -> str:
    parts = [report.title, report.addressee or "", *report.preamble]
    for section in report.sections:
        parts += [section.title, *(item.text for item in section.items)]
    return squash("".join(parts + report.signature + [report.signed or "", report.attachments or ""]))


@pytest.mark.parametrize("text, number", [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize("line, cleaned", [
    ("一、 2024 年度推进法治建设", "一、2024年度推进法治建设"),
    ("将法律咨询、法 律援助、人民调解", "将法律咨询、法律援助、人民调解"),
    ("(三) 学习新修订行政复议法", "(三)学习新修订行政复议法"),
    ("\u3000\u3000段落开头的全角空格", "段落开头的全角空格"),
    ("举办“走进乡村看振兴 不忘初心与发行”徒步活动", "举办“走进乡村看振兴 不忘初心与发行”徒步活动"),   # a slogan's space
    ("户外LED 大屏幕和 Word 文档", "户外LED 大屏幕和 Word 文档"),                             # Latin words keep theirs
])
def test_extraction_spaces_inside_words_are_removed_and_nothing_else(line, cleaned):
    assert clean_line(line).text == cleaned


def test_portal_text_title_metadata_addressee_signature():
    report = parse_report(marked(PORTAL_TOWN)[0].splitlines())
    assert report.title == "2023年度书院镇法治政府建设情况报告" and report.year == 2023
    assert report.metadata == {"索引号": "1234-2024-0017", "发布机构": "书院镇", "公开类别": "主动公开",
                               "发布时间": "2024-01-20"}
    assert report.addressee == "中共浦东新区区委、浦东新区人民政府:"
    assert report.signature == ["中共书院镇委员会", "书院镇人民政府"]
    assert report.signed == "2024年1月10日" and report.signed_iso == "2024-01-10"
    assert report.attachments == "相关附件:无"
    assert [s.page for s in report.sections] == ["measures", "principal-leaders-rule-of-law", "shortcomings", "next-steps"]
    assert whole_text(report) == squash("".join(report.body))


def test_run_in_headings_split_at_their_first_full_stop_and_1_dot_numbering():
    report = parse_report(marked(PORTAL_TOWN)[0].splitlines())
    measures = report.sections[0]
    assert measures.items[0].text == "(一)坚持党的领导,压实法治建设责任。"
    assert measures.items[1].text.startswith("镇党委召开专题会议4次")
    assert [(level, text) for level, _, text in headings(report)][:5] == [
        (2, "(一)坚持党的领导,压实法治建设责任。"), (2, "(二)依法全面履行政府职能"),
        (3, "1.严格规范性文件管理。"), (3, "2.推进政务公开。"), (3, "3.加强行政执法监督。")]


def test_a_long_numbered_line_is_a_paragraph_and_yi_shi_stays_inside():
    report = parse_report(marked(PORTAL_TOWN)[0].splitlines())
    texts = [h[2] for h in headings(report)]
    assert not any(text.startswith("(二)深化") for text in texts)
    assert any(item.text.startswith("(二)深化“1+1+N”") for item in report.sections[-1].items)
    shortcomings = report.sections[2]
    assert [item.kind for item in shortcomings.items] == ["paragraph"]
    assert shortcomings.items[0].text.startswith("一是") and "二是" in shortcomings.items[0].text


def test_word_document_lines_two_line_title_and_one_signature():
    lines = [marked(line)[0] for line, _ in WORD_STREET]
    report = parse_report(lines)
    assert report.title == "浦兴路街道办事处关于2022年度法治政府建设情况的报告" and report.year == 2022
    assert report.addressee == "区政府:" and report.metadata == {}
    assert report.signature == ["浦兴路街道办事处"] and report.signed_iso == "2023-02-08"
    assert report.attachments is None
    assert [s.page for s in report.sections] == ["measures", "shortcomings", "next-steps"]


def test_numbered_items_inside_a_paragraph_become_paragraphs_with_ids():
    lines = [marked(line)[0] for line, _ in WORD_STREET]
    report = parse_report(lines)
    items = report.sections[0].items
    numbered = [item for item in items if item.kind == "paragraph" and item.id]
    assert [item.text[:2] for item in numbered] == ["1、", "2、"]
    assert [item.id for item in numbered] == ["legal-publicity-1", "legal-publicity-2"]


def test_split_items_needs_a_running_sequence():
    assert len(split_items("目的。1、甲。2、乙。3、丙。")) == 4
    assert split_items("全年2、3月份开展。") == [(None, "全年2、3月份开展。")]
    assert len(split_items("只有。1、一项。")) == 1   # a lone number inside is not a list


def test_third_level_directly_under_a_section_is_h2():
    report = parse_report(["2024年度某镇法治政府建设情况报告", "一、主要举措", "1.加强学习。内容。", "2.依法决策。内容。",
                           "二、存在的不足", "不足。"])
    assert [(level, text) for level, _, text in headings(report)] == [(2, "1.加强学习。"), (2, "2.依法决策。")]


def test_numbering_slips_are_kept_and_listed():
    report = parse_report(["2024年度某镇法治政府建设情况报告", "一、主要举措", "正文。", "三、特色亮点", "正文。",
                           "三、存在的不足", "(一)甲。", "(一)乙。", "(三)丙。", "四、下一步工作计划", "正文。"])
    assert [s.title for s in report.sections] == ["一、主要举措", "三、特色亮点", "三、存在的不足", "四、下一步工作计划"]
    # A number is noted where it is not its place among its siblings (the second 三 and (三) are in place).
    assert [(n.written, n.expected, n.problem, n.level, n.page) for n in report.numbering] == [
        ("三", "二", "skipped", 1, "highlights"), ("(一)", "二", "repeated", 2, "shortcomings")]


def test_2024s_repeated_three_gives_two_notes():
    from conftest import ROOT

    lines = (ROOT / "docs" / "data" / "2024.official.zh.txt").read_text(encoding="utf-8").splitlines()
    report = parse_report(lines)
    assert [(n.page, n.written, n.expected, n.problem) for n in report.numbering] == [
        ("shortcomings", "三", "四", "repeated"), ("next-steps", "四", "五", "follows")]


@pytest.mark.parametrize("lines, zh, en", [
    (["现将有关情况报告如下：今年我们做了很多工作，取得了成效。", "一、主要举措", "正文。"], "找不到报告标题", "no title"),
    (["一、主要举措", "正文。"], "找不到报告标题", "no title"),
    (["2024年度某镇法治政府建设情况报告", "今年我们做了很多工作。", "明年继续努力。"], "一级标题", "no top-level section"),
    (["2024年度某镇法治政府建设情况报告"], "一级标题", "no top-level section"),
])
def test_texts_without_title_or_sections_are_refused(lines, zh, en):
    with pytest.raises(Refused) as caught:
        parse_report(lines)
    assert zh in caught.value.zh and en in caught.value.en
