"""Official corrections (更正说明): how a year's data file records them, the strict checks on
that record, and the fidelity check that accepts exactly what a record covers. Pure: the real
data file, edited in a temporary copy, and pages given as HTML; no build (test_corrections_site
builds project copies)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import PROJECT
from nicheng_report.errors import StaffError
from nicheng_report.fidelity import (anchors_of, check_year, official_body, page_text, published_figures)
from nicheng_report.figures.loading import load_report_data
from nicheng_report.figures.messages import FigureDataError
from nicheng_report.figures.notices import notices_for
from nicheng_report.figures.opendata import open_data_files
from nicheng_report.page_dates import block_end
from report_data import DATA_FILE, LATEST

DATA = PROJECT / DATA_FILE
REAL = load_report_data(DATA)
# The figure the tests correct, and the sentence: read from the data and the official text.
KEY = "mediation.settled"
PUBLISHED = int(REAL.figures[KEY].value)
NOW = PUBLISHED - 1
DECIDED = datetime.date(LATEST + 1, 3, 10)   # after the report was published, as a correction must be
WHO = "    decided_by: {zh: 泥城镇人民政府, en: Nicheng Town People's Government}\n"
WHY = "    reason: {zh: 经复核，一件重复统计。, en: One was counted twice.}\n"


def record(*, figure: str = KEY, published: object = PUBLISHED, now: object = NOW, date: str = f'"{DECIDED}"',
           extra: str = "") -> str:
    return (f"\ncorrections:\n  - figure: {figure}\n    published: {published}\n    now: {now}\n"
            f"    date: {date}\n{WHO}{WHY}{extra}")


def data_file(tmp_path: Path, *, value: int = NOW, corrections: str = "") -> Path:
    text = DATA.read_text(encoding="utf-8")
    text = re.sub(rf"(\n  {re.escape(KEY)}:\n    value: )\d+", rf"\g<1>{value}", text)
    path = tmp_path / f"{LATEST}.yml"
    path.write_text(text + corrections, encoding="utf-8")
    return path


def load(path: Path):
    return load_report_data(path, display_path=DATA_FILE)


def test_a_recorded_figure_correction_is_loaded_with_what_follows_from_it(tmp_path):
    data = load(data_file(tmp_path, corrections=record()))
    (correction,) = data.corrections
    assert (correction.figure, correction.published, correction.now) == (KEY, str(PUBLISHED), str(NOW))
    assert correction.section == REAL.figures[KEY].section
    assert data.figures[KEY].value == NOW
    # The figure at its published value, and every figure computed from it, as published.
    assert data.as_published[KEY] == PUBLISHED
    followers = {key for key, figure in REAL.figures.items() if figure.formula and KEY in figure.formula}
    assert set(data.as_published) - {KEY} and set(data.as_published) - {KEY} <= followers
    assert all(data.as_published[key] == REAL.figures[key].value for key in data.as_published)


def test_the_real_report_records_no_correction():
    assert REAL.corrections == () and REAL.as_published == {}


@pytest.mark.parametrize(("corrections", "phrases"), [
    (record(now=NOW + 5), ["now: " + str(NOW + 5), f"value: 改为 {NOW + 5}", "set value: of"]),
    (record(figure="mediation.setled"), ["是不是 `mediation.settled`", "did you mean `mediation.settled`"]),
    (record(figure="mediation.success_rate"), ["计算得出", "is computed (formula:)"]),
    (record(date=f'"{datetime.date.fromisoformat(REAL.meta.published) - datetime.timedelta(days=1)}"'),
     ["早于报告发布日期", "before the report was published"]),
    (record(date=f'"{DECIDED.year}-{DECIDED.month}-{DECIDED.day}"'), ["应当是日期", "must be a date"]),
    (record(published=f'"{PUBLISHED}"'), ["numbers without quotes"]),
    (record(now=PUBLISHED), ["nothing was corrected"]),
    (record(extra="    section: measures#dispute-resolution\n"), ["not both"]),
    (record().replace(WHY, ""), ["`reason`", "is missing"]),
    (record() + record().replace("\ncorrections:\n", ""), ["已有一条更正", "already has a correction"]),
])
def test_a_wrong_record_is_refused_with_the_line_and_the_fix(tmp_path, corrections, phrases):
    with pytest.raises(FigureDataError) as caught:
        load(data_file(tmp_path, corrections=corrections))
    message = str(caught.value)
    assert message.startswith(f"{DATA_FILE}, line ")
    line = int(re.search(r"line (\d+)", message).group(1))
    lines = data_file(tmp_path, corrections=corrections).read_text(encoding="utf-8").splitlines()
    assert line > len(DATA.read_text(encoding="utf-8").splitlines())        # a line of the record itself
    assert "corrections" in "\n".join(lines[:line]).rsplit("\ncorrections:", 1)[0] + "\ncorrections:"
    problem_zh, problem_en, fix_zh, fix_en = message.splitlines()[1:5]
    assert problem_zh.startswith("  问题：") and problem_en.startswith("  Problem: ")
    assert fix_zh.startswith("  修改：") and fix_en.startswith("  Fix: ")
    for phrase in phrases:
        assert phrase in message


def test_a_sentence_correction_needs_words_and_a_section(tmp_path):
    sentence = ('\ncorrections:\n  - section: measures\n    published: "甲"\n    now: "乙"\n'
                f'    date: "{DECIDED}"\n{WHO}{WHY}')
    with pytest.raises(FigureDataError, match="page#heading-id"):
        load(data_file(tmp_path, value=PUBLISHED, corrections=sentence))
    data = load(data_file(tmp_path, value=PUBLISHED, corrections=sentence.replace("measures\n", "measures#x\n")))
    assert data.corrections[0].figure is None and data.as_published == {}


# --- The fidelity check on pages given as HTML ------------------------------------------------

OFFICIAL = ["标题", "索引号 | 发布机构 | 泥城镇 | |", f"公开类别 | 主动公开 | 发布时间 | {REAL.meta.published} |", "标题",
            "一、举措", f"调解成功并达成协议{PUBLISHED}件,全镇共接受调解纠纷。"]


def page(data, *, figure: int, word: str = "接受") -> str:
    anchor = data.figures[KEY].anchor
    return (f'<h1 id="report-title">标题</h1><h2 id="dispute-resolution">一、举措<a class="headerlink" href="#">¶</a></h2>'
            f'<p>调解成功并达成协议<data class="figure" value="{figure}"><a href="../figures/#{anchor}">{figure}</a></data>件,'
            f'全镇共{word}调解纠纷。</p><div class="admonition editorial"><p>编者注</p></div>')


def check(data, html: str) -> None:
    text = page_text(html, src=f"{LATEST}/measures.md", anchors=anchors_of(data), published=published_figures(data))
    check_year(data, [text], official_body(OFFICIAL), data_path=DATA_FILE,
               official_path=f"docs/data/{LATEST}.official.zh.txt")


def test_the_official_text_passes_and_notes_are_not_part_of_it():
    check(REAL, page(REAL, figure=PUBLISHED))


def test_a_changed_figure_without_a_record_is_refused_with_the_lines_to_add(tmp_path):
    data = load(data_file(tmp_path))
    object.__setattr__(data, "corrections", ())
    object.__setattr__(data, "as_published", {})
    with pytest.raises(StaffError) as caught:
        check(data, page(data, figure=NOW))
    message = str(caught.value)
    assert message.startswith(f"docs/zh/{LATEST}/measures.md, section #dispute-resolution")
    official, now = re.search(r"正式文本为“(.*?)”，页面现为“(.*?)”", message).groups()
    assert f"调解成功并达成协议{PUBLISHED}件" in official and f"调解成功并达成协议{NOW}件" in now
    assert f"\ncorrections:\n  - figure: {KEY}\n    published: {PUBLISHED}\n    now: {NOW}\n    date:" in message
    assert "\n  Fix: " in message


def test_a_recorded_figure_correction_passes(tmp_path):
    data = load(data_file(tmp_path, corrections=record()))
    check(data, page(data, figure=NOW))
    with pytest.raises(StaffError):      # it covers the figure, not a word changed beside it
        check(data, page(data, figure=NOW, word="受理"))


def test_a_changed_word_is_refused_and_passes_once_recorded(tmp_path):
    with pytest.raises(StaffError) as caught:
        check(REAL, page(REAL, figure=PUBLISHED, word="受理"))
    message = str(caught.value)
    assert "section: measures#dispute-resolution" in message and 'published: "接受' in message
    assert 'now: "受理' in message
    lines = re.search(r"\ncorrections:\n(.*?)\n  否则", message, re.S).group(0).removesuffix("\n  否则")
    data = load(_with(tmp_path, lines))
    check(data, page(data, figure=PUBLISHED, word="受理"))
    with pytest.raises(StaffError, match=f"不在 docs/zh/{LATEST}/measures.md"):
        check(data, page(data, figure=PUBLISHED, word="办理"))


def _with(tmp_path: Path, lines: str) -> Path:
    """The data file with the lines a message offers, their date filled in as staff would."""
    return data_file(tmp_path, value=PUBLISHED, corrections="\n" + lines.replace("YYYY-MM-DD", str(DECIDED)) + "\n")


# --- What readers get -------------------------------------------------------------------------

def test_notices_go_to_the_pages_concerned_in_both_languages(tmp_path):
    data = load(data_file(tmp_path, corrections=record()))
    stem = REAL.figures[KEY].page
    for lang in ("zh", "en"):
        for where in (stem, "index", "full", "figures"):
            (notice,) = notices_for(data, where, lang)
            assert str(PUBLISHED) in notice.published and str(NOW) in notice.now
            assert notice.followers
        assert notices_for(data, "highlights", lang) == ()
    assert notices_for(data, stem, "zh")[0].decided_by == "泥城镇人民政府"
    assert notices_for(data, stem, "en")[0].date_text == f"10 March {DECIDED.year}"


def test_open_data_carries_the_correction_only_when_there_is_one(tmp_path):
    files = open_data_files(load(data_file(tmp_path, corrections=record())))
    assert f"{KEY},{REAL.figures[KEY].section},{PUBLISHED},{NOW},{DECIDED}" in files["corrections.csv"]
    assert '"corrections": [' in files["figures.json"] and '"corrections.csv"' in files["datapackage.json"]
    plain = open_data_files(REAL)
    assert "corrections.csv" not in plain and "corrections" not in plain["figures.json"]


def test_a_figures_lines_end_where_the_next_key_begins():
    lines = DATA.read_text(encoding="utf-8").splitlines()
    start = REAL.figures[KEY].line
    end = block_end(lines, start)
    block = "\n".join(lines[start - 1:end])
    assert block.startswith(f"  {KEY}:") and f"value: {PUBLISHED}" in block and "label:" in block
    assert lines[end].strip() == "" or not lines[end].startswith("    ")
    assert Decimal(PUBLISHED) == REAL.figures[KEY].value
