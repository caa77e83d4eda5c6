"""The Chinese pages reproduce the official text word for word.

The source is the project's own copy of the published report,
docs/data/2024.official.zh.txt (the text as received, kept beside the year's
data). Only the text-extraction spaces may differ; editorial notes are marked
and are the only additions inside the official text. Every year kept with its
official text (as `make import` saves it, docs/data/YEAR.official.zh.txt) is
checked the same way: its report pages hold that text and nothing else, but for
what a correction recorded in its data file covers. The comparison is the
package's (nicheng_report.fidelity), the one the build runs: here it runs on the
pages as published, <article> and all.
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import PROJECT, ROOT
from nicheng_report.errors import StaffError
from nicheng_report.fidelity import (anchors_of, check_year, official_body, page_text, published_figures, squash)
from nicheng_report.fidelity_site import official_file, report_pages
from nicheng_report.figures.loading import load_report_data

SOURCE = PROJECT / "docs" / "data" / "2024.official.zh.txt"
# The text as it reached the project, where a checkout has it beside it (not in a plain clone).
RECEIVED = ROOT.parent / "shared" / "source" / "nicheng-2024-rule-of-law-report.zh.txt"


@pytest.fixture(scope="module")
def source_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").splitlines()


def test_the_projects_copy_is_the_text_as_received() -> None:
    if not RECEIVED.exists():
        pytest.skip("no shared/source/ beside this checkout (a plain clone): nothing to compare with")
    assert SOURCE.read_bytes() == RECEIVED.read_bytes()


def official_years() -> list[int]:
    return sorted(int(path.name[:4]) for path in (PROJECT / "docs" / "data").glob("[0-9][0-9][0-9][0-9].official.zh.txt"))


def url_of(src: str) -> str:
    return src.removesuffix(".md").removesuffix("index") + ("/" if not src.endswith("index.md") else "")


def published_page(soup, src: str, year: int, *, drop: str | None = None):
    """The page as published (its whole <article>), as the fidelity check reads it."""
    data = load_report_data(PROJECT / "docs" / "data" / f"{year}.yml")
    article = copy.copy(soup(url_of(src)).select_one("article.md-content__inner"))  # the cached soup stays whole
    if drop:
        article.select_one(drop).decompose()
    return page_text(str(article), src=src, anchors=anchors_of(data), published=published_figures(data)), data


def check(year: int, pages, data) -> None:
    official = official_body(official_file(PROJECT, year).read_text(encoding="utf-8").splitlines())
    try:
        check_year(data, pages, official, data_path=f"docs/data/{year}.yml",
                   official_path=f"docs/data/{year}.official.zh.txt")
    except StaffError as error:
        pytest.fail(str(error))


@pytest.mark.parametrize("year", official_years())
def test_every_year_holds_its_official_text(soup, year):
    """Every year kept with its official text: its report pages, in the nav's order, hold that
    text and nothing else (but for recorded corrections)."""
    pages = [published_page(soup, src, year) for src in report_pages(PROJECT, year)]
    assert len(pages) > 1
    check(year, [page for page, _ in pages], pages[0][1])


@pytest.mark.parametrize("year", official_years())
def test_print_page_holds_the_whole_official_text(soup, year):
    # The print page's own heading and the publication line are furniture.
    page, data = published_page(soup, f"{year}/full.md", year, drop="h1")
    check(year, [page], data)


def test_the_official_body_is_the_text_after_the_portals_lines(source_lines):
    # The 2024 text as the portal gives it: title, two metadata lines, the title again, the body.
    assert official_body(source_lines) == squash("".join(source_lines[3:]))


def test_every_official_sentence_is_on_a_chinese_page(soup, source_lines):
    pages = "".join(squash(soup(url_of(src)).get_text("")) for src in report_pages(PROJECT, 2024))
    sentences = [s for line in source_lines[3:] for s in re.split(r"(?<=[。；!！?？:])", line) if squash(s)]
    assert len(sentences) > 100
    data = load_report_data(PROJECT / "docs" / "data" / "2024.yml")
    corrected = [c.published for c in data.corrections]
    missing = [s for s in sentences if squash(s) not in pages and not any(word in s for word in corrected)]
    assert not missing, missing[:5]


def test_publication_metadata_as_published(soup, source_lines):
    assert source_lines[1].split("|")[2].strip() == "泥城镇"
    meta = soup("2024/").select_one(".report-meta table")
    cells = [squash(td.get_text()) for td in meta.select("td")]
    headers = [squash(th.get_text()) for th in meta.select("th")]
    assert headers == ["索引号", "发布机构", "公开类别", "发布时间"]
    assert cells[1:] == ["泥城镇", "主动公开", "2024-12-17"]
    assert "原文未填" in cells[0]          # 索引号 is empty in the original
    landing = soup("2024/").get_text(" ")
    assert "泥城镇人民政府" in landing and "2024年11月27日" in landing
    link = soup("2024/").select_one('a[href="https://www.pudong.gov.cn/zwgk/zwgk_fzzfjs_jdz_ncz_fzzfjs/2024/352/335114.html"]')
    assert link is not None


@pytest.mark.parametrize(("page", "slip", "note"), [
    ("2024/measures/", "全年供收悉", "“供”疑为“共”"),
    ("2024/measures/", "不忘初心与发行", "法行"),
    ("2024/shortcomings/", "三、存在的不足和原因", "应为“四”"),
    ("2024/next-steps/", "四、下阶段工作主要安排", "应为“五”"),
])
def test_slips_are_kept_with_a_visible_editorial_note(soup, page, slip, note):
    text = squash(soup(page).select_one("article").get_text(""))
    assert slip in text.replace("¶", "")
    notes = " ".join(n.get_text(" ") for n in soup(page).select(".admonition.editorial"))
    assert "编者注" in notes and note in notes


def test_extraction_spaces_are_gone_but_nothing_else_changed(soup, source_lines):
    text = " ".join(soup(url_of(src)).select_one("article").get_text("") for src in report_pages(PROJECT, 2024))
    for joined in ("法律援助", "领导干部学法用法", "法治政府“硬实力", "出庭、旁听", "一、2024年度"):
        assert joined in text
    assert "法 律援助" not in text
