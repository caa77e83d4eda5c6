"""make import, figures (nicheng_report.importer.figures, keys, names): every number
stated with a unit, with its unit, qualifier and wording, and nothing else; readable,
unique, stable keys; the data model formats each back exactly as the report wrote it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from import_documents import PORTAL_TOWN, marked
from nicheng_report.importer.figures import find_figures
from nicheng_report.importer.keys import place_figures
from nicheng_report.importer.structure import parse_report


def one(text: str):
    found, _ = find_figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize("text, span, value, unit, qualifier, written, scale", [
    ("共接受调解纠纷626件,", "626", "626", "item", "exact", None, None),
    ("涉及953人次", "953", "953", "person_time", "exact", None, None),
    ("理论学习不少于12次。", "不少于12", "12", "time", "at_least", None, None),
    ("学习不低于12次。", "不低于12", "12", "time", "at_least", "不低于#", None),
    ("法律咨询300余人次", "300余", "300", "person_time", "more_than", None, None),
    ("受益群众3000多人", "3000多", "3000", "person", "more_than", "#多", None),
    ("检查超过1500家企业", "超过1500", "1500", "organization", "more_than", "超过#", None),
    ("总涉及金额705.765万元。", "705.765万元", "705.765", "wan_yuan", "exact", None, None),
    ("涉案金额1200余万元", "1200余万元", "1200", "wan_yuan", "more_than", "#余万元", None),
    ("挽回损失2.3亿元", "2.3亿元", "2.3", "yi_yuan", "exact", None, None),
    ("补助3000元", "3000", "3000", "yuan", "exact", None, None) if False else
    ("发放补助3000元", "3000元", "3000", "yuan", "exact", None, None),
    ("成功率达98.72%", "98.72%", "98.72", "percent", "exact", None, None),
    ("调处率达到95%以上,", "95%以上", "95", "percent", "or_more", None, None),
    ("知晓率超过95%", "超过95%", "95", "percent", "more_than", "超过#%", None),
    ("败诉率控制在5%以内", "5%以内", "5", "percent", "at_most", "#%以内", None),
    ("比例为12％。", "12％", "12", "percent", "exact", "#％", None),
    ("下降3个百分点", "3个百分点", "3", "percentage_point", "exact", None, None),
    ("发放资料1.2万余份", "1.2万余", "1.2", "copy", "more_than", None, "万"),
    ("覆盖近3万人次", "近3万", "3", "person_time", "nearly", None, "万"),
    ("约200户居民", "约200", "200", "household", "about", None, None),
    ("服务企业20家", "20", "20", "organization", "exact", None, None),
    ("培训执法人员120名", "120", "120", "member", "exact", None, None),
    ("举办讲座10场次", "10", "10", "session_count", "exact", None, None),
    ("开展活动6场", "6", "6", "session", "exact", None, None),
    ("编发简报15篇", "15", "15", "article", "exact", None, None),
    ("制作普法短视频3部", "3", "3", "work", "exact", None, None),
    ("查处违法案件12起", "12", "12", "incident", "exact", None, None),
    ("接待来访36批次", "36", "36", "batch", "exact", None, None),
    ("整治违建1.5万平方米", "1.5万", "1.5", "square_meter", "exact", None, "万"),
    ("及30个居(村)工作室", "30", "30", "office", "exact", None, None),
    ("指导15个居委会", "15", "15", "piece", "exact", None, None),
    ("覆盖300人次以上", "300人次以上", "300", "person_time", "or_more", "#人次以上", None),
])
def test_units_qualifiers_and_wording(text, span, value, unit, qualifier, written, scale):
    figure = one(text)
    assert (figure.text, figure.value, figure.unit, figure.qualifier, figure.written, figure.scale) == (
        span, Decimal(value), unit, qualifier, written, scale)
    assert text[figure.start:figure.end] == span


@pytest.mark.parametrize("text", [
    "于3月12日召开会议", "2024年以来", "2024年度无公益诉讼案件", "发布时间2024-12-17", "(2021—2025年)",
    "印发《关于开展3项专项行动的通知》", "学习党的二十大精神和二十届三中全会精神", "“四个责任制”工作推进会",
    "举办“三合一”活动", "深化“1+1+N”模式", "拨打8890热线", "12345市民服务热线", "举办第二届活动",
    "位列全区前3名", "第3次会议", "1、全面部署", "(1)加强学习", "3个月内办结", "5个工作日", "G60科创走廊",
    "居民张三、李四", "每2小时巡查",
])
def test_not_figures(text):
    found, _ = find_figures(text)
    assert [f.text for f in found] == []


def test_5_departments_counts_but_department_is_not_a_unit():
    assert one("5个部门联合").unit == "piece"
    assert find_figures("3部门联合")[0] == []


@pytest.mark.parametrize("text, reason", [
    ("召开会议两次", "in-words"), ("开展3-5次", "range"), ("化解纠纷1,200件", "grouped"),
    ("受理１２件", "full-width"), ("同比增长120%", "over-100"),
])
def test_uncertain_numbers_are_listed_not_taken(text, reason):
    found, uncertain = find_figures(text)
    assert found == [] and [u.reason for u in uncertain] == [reason]


def test_in_words_inside_quotes_is_not_even_uncertain():
    assert find_figures("“四个责任制”")[1] == []


@pytest.mark.parametrize("text, label", [
    ("全镇共接受调解纠纷总数626件,", "接受调解纠纷"),
    ("涉及953人次,", "涉及人次"),
    ("完成合同合法性审查425份。", "合同合法性审查"),
    ("调解成功率达98.72%。", "调解成功率"),
    ("已开展进商圈、进社区等普法宣传活动42次。", "普法宣传活动"),
    ("健全工作站及30个居(村)工作室规章制度,", "居(村)工作室规章制度"),
])
def test_labels_from_the_words_before(text, label):
    assert one(text).label == label


def test_sentence_is_the_one_that_states_it():
    figure = one("第一句没有数字。第二句有12件,还有下文;第三句。")
    assert figure.sentence == "第二句有12件,还有下文;"


def test_keys_are_readable_unique_and_stable():
    lines = marked(PORTAL_TOWN)[0].splitlines()
    first = place_figures(parse_report(lines))
    again = place_figures(parse_report(lines))
    keys = [p.key for p in first.placed]
    assert keys == [p.key for p in again.placed]
    assert len(keys) == len(set(keys))
    assert "mediation.disputes" in keys and "disclosure.items" in keys
    assert all(key.split(".")[0] in first.groups for key in keys)
    assert {p.group for p in first.placed if p.page == "next-steps"} == {"targets"}
    assert all(p.label.en is None and p.label.zh for p in first.placed)   # no invented English


def test_figures_in_headings_are_left_out_and_listed():
    report = parse_report(["2024年度某镇报告", "一、主要举措", "(一)办理案件12件。正文有5件。", "二、下一步工作计划", "无。"])
    figures = place_figures(report)
    assert [p.found.text for p in figures.placed] == ["5"]
    assert figures.in_headings and "12" in figures.in_headings[0]
