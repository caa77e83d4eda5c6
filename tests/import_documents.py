"""Reports of the genre for the importer's tests, made here: other towns, other
numbering styles (1. / 1、 / 1．/ 一是), units and qualifiers, headings that run
into their paragraphs, an addressee line, a signature of two bodies, portal
metadata, Word documents whose headings are bold ordinary paragraphs.

Each figure a person would mark is written ⟪text|unit|qualifier⟫, where text is
what its placeholder stands for on the Chinese page (the number with its
qualifier, and the unit where the figure carries it: 95%以上, 1200余万元, 300余).
marked() gives the plain text and the figures a person marked, to measure the
importer's recall and precision against.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

MARK = re.compile(r"⟪(?P<text>[^|⟫]+)\|(?P<unit>[a-z_]+)\|(?P<qualifier>[a-z_]+)⟫")

# A district's town, portal text with metadata, 1. numbering, run-in headings, an addressee.
PORTAL_TOWN = """\
2023年度书院镇法治政府建设情况报告
索引号 | 1234-2024-0017 | 发布机构 | 书院镇 |
公开类别 | 主动公开 | 发布时间 | 2024-01-20 |
2023年度书院镇法治政府建设情况报告
中共浦东新区区委、浦东新区人民政府:
2023年,书院镇在区委、区政府的领导下,深入学习贯彻党的二十大精神和习近平法治思想,对照《法治政府建设实施纲要(2021—2025年)》,现将有关情况报告如下:
一、2023年度法治政府建设的主要举措和成效
(一)坚持党的领导,压实法治建设责任。镇党委召开专题会议⟪4|time|exact⟫次,研究部署法治政府建设工作。党委中心组开展学法⟪不少于6|time|at_least⟫次,全镇⟪32|member|exact⟫名处级、科级干部参加年度学法考试,参考率⟪100%|percent|exact⟫。
(二)依法全面履行政府职能
1.严格规范性文件管理。全年审核规范性文件⟪3|copy|exact⟫份、合同⟪156|copy|exact⟫份,提出法律意见⟪40余|entry|more_than⟫条。
2.推进政务公开。主动公开政府信息⟪212|entry|exact⟫条,办理依申请公开⟪9|item|exact⟫件,按期答复率⟪100%|percent|exact⟫,召开政府开放日活动⟪2|session|exact⟫场。
3.加强行政执法监督。开展行政检查⟪1500余|time|more_than⟫次,办理行政处罚案件⟪268|item|exact⟫件,罚没款⟪126.8万元|wan_yuan|exact⟫,“双随机、一公开”抽查比例达到⟪5%以上|percent|or_more⟫。
(三)化解矛盾纠纷。全镇各级调解组织共受理矛盾纠纷⟪812|item|exact⟫件,调解成功⟪796|item|exact⟫件,成功率⟪98.03%|percent|exact⟫,涉及金额⟪1200余万元|wan_yuan|more_than⟫;接待来访群众⟪360|lot|exact⟫批⟪580|person_time|exact⟫人次。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党政主要负责人带头学法,主持召开专题会议研究法治建设重大问题,年终述职中专门报告法治建设情况。12345热线和8890平台受理工单⟪2356|item|exact⟫件,按时办结率⟪99.5%|percent|exact⟫。
三、存在的问题
一是法治宣传的针对性不够强;二是基层执法力量较为薄弱,执法人员仅有⟪45|member|exact⟫名。
四、2024年工作计划
(一)加强学法用法。计划举办法治讲座⟪不少于10|session_count|at_least⟫场次,培训执法人员⟪超过200|person_time|more_than⟫人次。
(二)深化“1+1+N”法律服务模式,力争法律顾问覆盖率达到⟪100%|percent|exact⟫,争创第二届“全国民主法治示范村”。
中共书院镇委员会
书院镇人民政府
2024年1月10日
相关附件:无
"""

# A street office's Word document: bold headings, 1、 numbering, a heading on its own line,
# numbered items inside a paragraph, 万-scaled counts, 近/约/以上/多, two-line title.
WORD_STREET = [
    ("浦兴路街道办事处", True),
    ("关于2022年度法治政府建设情况的报告", True),
    ("区政府:", False),
    ("2022年,街道坚持以习近平法治思想为指导,现将2022年度法治政府建设情况报告如下:", False),
    ("一、主要工作和成效", True),
    ("(一)完善依法决策机制", True),
    ("1、落实重大行政决策程序。全年作出重大行政决策⟪2|project|exact⟫项,均经合法性审查和集体讨论。", False),
    ("2、发挥法律顾问作用。法律顾问列席会议⟪18|time|exact⟫次,审查合同⟪87|copy|exact⟫份,涉及金额⟪约3.2亿元|yi_yuan|about⟫。", False),
    ("(二)深化普法宣传。", True),
    ("全年开展“宪法进社区”等活动⟪120多|session|more_than⟫场,发放宣传资料⟪1.5万余|copy|more_than⟫份,"
     "覆盖居民⟪近3万|person_time|nearly⟫人次。1、建设法治文化阵地⟪6|piece|exact⟫个。2、培育“法律明白人”⟪85|member|exact⟫名。", False),
    ("(三)推进基层依法治理", True),
    ("指导⟪15|piece|exact⟫个居委会修订居民公约,服务辖区企业⟪230|organization|exact⟫家、居民⟪4600|household|exact⟫户。"
     "全年平安小区创建率达到⟪90%以上|percent|or_more⟫。", False),
    ("二、存在的不足", True),
    ("依法行政能力仍需提升,行政复议纠错⟪1|item|exact⟫件,说明执法规范化还有差距。", False),
    ("三、下一步工作打算", True),
    ("(一)提升依法行政水平。力争行政诉讼败诉率控制在⟪5%以内|percent|at_most⟫,行政机关负责人出庭应诉率保持⟪100%|percent|exact⟫。", False),
    ("(二)加强队伍建设。每年组织执法人员培训⟪不少于2|time|at_least⟫次。", False),
    ("浦兴路街道办事处", False),
    ("2023年2月8日", False),
]


def marked(text: str) -> tuple[str, list[tuple[str, Decimal, str, str]]]:
    """The plain text, and the marked figures: (text, value, unit, qualifier) in order."""
    figures = [(m["text"], Decimal(re.search(r"[0-9]+(?:\.[0-9]+)?", m["text"]).group(0)), m["unit"], m["qualifier"])
               for m in MARK.finditer(text)]
    return MARK.sub(lambda m: m["text"], text), figures


def write_portal_text(path: Path, encoding: str = "utf-8") -> list[tuple[str, Decimal, str, str]]:
    """PORTAL_TOWN as a .txt file in `encoding` (utf-8, utf-8-sig, gb18030); its marked figures."""
    text, figures = marked(PORTAL_TOWN)
    path.write_bytes(text.encode(encoding))
    return figures


def write_word_document(path: Path) -> list[tuple[str, Decimal, str, str]]:
    """WORD_STREET as a .docx made with python-docx: bold headings, Normal style (no heading styles),
    one paragraph split by a manual line break, a first-line indent of two full-width spaces."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    figures: list[tuple[str, Decimal, str, str]] = []
    for number, (line, bold) in enumerate(WORD_STREET):
        text, found = marked(line)
        figures += found
        paragraph = document.add_paragraph()
        if number == 3:   # the preamble with a manual line break inside (Shift+Enter)
            head, tail = text.split(",", 1)
            run = paragraph.add_run("\u3000\u3000" + head + ",")
            run.add_break()
            paragraph.add_run(tail)
            continue
        run = paragraph.add_run(("" if bold else "\u3000\u3000") + text)
        run.bold = bold
        run.font.size = Pt(16 if bold else 14)
    document.save(str(path))
    return figures


def plain_word_text() -> str:
    return "\n".join(marked(line)[0] for line, _ in WORD_STREET)
