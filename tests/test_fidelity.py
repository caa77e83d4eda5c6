"""The Chinese pages reproduce the official text word for word.

The source is the project's own copy of the published report,
docs/data/2024.official.zh.txt (the text as received, kept beside the year's
data). Only the text-extraction spaces may differ; editorial notes are marked
and are the only additions inside the official text. Every other year kept with
its official text (as `make import` saves it, docs/data/YEAR.official.zh.txt) is
checked the same way: its report pages hold that text and nothing else.
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import REPORT_PAGES, ROOT

SOURCE = ROOT / "docs" / "data" / "2024.official.zh.txt"
# The text as it reached the project, where a checkout has it beside it (not in a plain clone).
RECEIVED = ROOT.parent / "shared" / "source" / "nicheng-2024-rule-of-law-report.zh.txt"
# Site furniture inside <article>, which is not part of the official text.
FURNITURE = (".headerlink", ".admonition.editorial", ".site-chrome", ".md-content__button", ".md-source-file",
             ".translation-notice", ".page-furniture", ".reading-controls", ".print-only")
WHITESPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def source_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").splitlines()


def test_the_projects_copy_is_the_text_as_received() -> None:
    if not RECEIVED.exists():
        pytest.skip("no shared/source/ beside this checkout (a plain clone): nothing to compare with")
    assert SOURCE.read_bytes() == RECEIVED.read_bytes()


def official_text(soup, url: str) -> str:
    article = copy.copy(soup(url).select_one("article.md-content__inner"))  # the cached soup stays whole
    for selector in FURNITURE:
        for node in article.select(selector):
            node.decompose()
    return WHITESPACE.sub("", article.get_text(""))


def squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def first_difference(expected: str, actual: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    return f"first difference at character {index}:\n  official: …{expected[max(0, index - 30):index + 30]}…\n" \
           f"  site:     …{actual[max(0, index - 30):index + 30]}…"


def test_report_pages_hold_the_official_text_in_order_and_nothing_else(soup, source_lines):
    # Line 4 (the title again) to the end: body, signature and 相关附件.
    expected = squash("".join(source_lines[3:]))
    actual = "".join(official_text(soup, f"2024/{name}/".replace("index/", "")) for name in REPORT_PAGES)
    assert actual == expected, first_difference(expected, actual)


def test_print_page_holds_the_whole_official_text(soup, source_lines):
    expected = squash("".join(source_lines[3:]))
    actual = official_text(soup, "2024/full/")
    # The print page's own heading and the publication line are furniture too.
    title = squash(soup("2024/full/").select_one("article h1").get_text(""))
    actual = actual.removeprefix(title.replace("¶", ""))
    assert actual == expected, first_difference(expected, actual)


def test_every_official_sentence_is_on_a_chinese_page(soup, source_lines):
    pages = "".join(squash(soup(f"2024/{n}/".replace("index/", "")).get_text("")) for n in REPORT_PAGES)
    sentences = [s for line in source_lines[3:] for s in re.split(r"(?<=[。；!！?？:])", line) if squash(s)]
    assert len(sentences) > 100
    missing = [s for s in sentences if squash(s) not in pages]
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


def official_years() -> list[int]:
    return sorted(int(path.name[:4]) for path in (ROOT / "docs" / "data").glob("[0-9][0-9][0-9][0-9].official.zh.txt"))


def body(lines: list[str]) -> str:
    """A year's official text from its title on: the portal's metadata lines (索引号 …) left out, and
    the first title of a text that repeats it after them (as the portal's text does)."""
    kept = [line for line in lines if line.strip() and not re.match(r"\s*(索引号|公开类别)", line)]
    return squash("".join(kept[1:] if len(kept) > 1 and kept[0].strip() == kept[1].strip() else kept))


@pytest.mark.parametrize("year", official_years())
def test_every_year_holds_its_official_text(soup, year):
    """Every year kept with its official text (docs/data/YEAR.official.zh.txt, as `make import` saves it):
    its report pages, in the nav's order, hold that text and nothing else."""
    from nicheng_report.nav import config_nav, expand

    pages = [path.removesuffix(".md") for path in expand(config_nav(ROOT), ROOT).years[year]
             if not path.endswith(("/figures.md", "/at-a-glance.md", "/full.md"))]
    lines = (ROOT / "docs" / "data" / f"{year}.official.zh.txt").read_text(encoding="utf-8").splitlines()
    actual = "".join(official_text(soup, f"{page}/".replace("/index/", "/")) for page in pages)
    assert actual == body(lines), first_difference(body(lines), actual)


def test_extraction_spaces_are_gone_but_nothing_else_changed(soup, source_lines):
    text = " ".join(soup(f"2024/{n}/".replace("index/", "")).select_one("article").get_text("") for n in REPORT_PAGES)
    for joined in ("法律援助", "领导干部学法用法", "法治政府“硬实力", "出庭、旁听", "一、2024年度"):
        assert joined in text
    assert "法 律援助" not in text
