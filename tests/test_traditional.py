"""The 繁體 edition (nicheng_report.traditional, hooks/traditional.py, mkdocs.zh-Hant.yml).

What must convert and what must not (OpenCC s2t and the phrase table, docs/data/traditional.yml);
the rules of the page conversion; and, in the built site, that every Chinese page has a 繁體 twin
at the same path, with the same ids and figures, no simplified character left in what a reader
sees, a language switch to all three editions, its own search index, 404 page and sitemap entries.
The search typed into Chromium is at the end (slow lane).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest

from conftest import PROJECT, html_pages, soup_of
from nicheng_report.errors import StaffError
from nicheng_report.languages import BY_CODE, LANGUAGES, language_of_site_path
from nicheng_report.traditional.convert import PHRASES, ZWSP, convert_segmented, converter, load_phrases
from nicheng_report.traditional.html import convert_html
from nicheng_report.traditional.search import query_map
from report_data import LATEST, official_text

EDITION = BY_CODE["zh-Hant"]
BY_HREFLANG = {language.hreflang: language for language in LANGUAGES}
convert = converter(load_phrases(PROJECT))

# Conversions that must hold: proper names, titles, the report's words, and OpenCC's slips fixed
# by the phrase table. Numbers, dates and Latin letters stay as they are. These are example strings
# (the 2024 report's title, date and a figure among them), given to the converter as written here:
# they stay right whatever the data file says, so they are not read from it.
MUST = {
    "泥城镇": "泥城鎮",
    "文元调解工作室": "文元調解工作室",
    "万达未来城": "萬達未來城",
    "调解": "調解",
    "浦东新区": "浦東新區",
    "《中华人民共和国行政复议法》": "《中華人民共和國行政複議法》",
    "《法治政府建设实施纲要(2021-2025年)》": "《法治政府建設實施綱要(2021-2025年)》",
    "《2024年泥城镇法治建设责任制工作要点》": "《2024年泥城鎮法治建設責任制工作要點》",
    "2024年12月31日": "2024年12月31日",
    "调解成功率98.72%": "調解成功率98.72%",
    "705.765万元": "705.765萬元",
    "300余人次": "300餘人次",
    "领导干部": "領導幹部",      # 干 → 幹 here ...
    "若干": "若干",             # ... but not here
    "书面答复": "書面答覆",      # 复: 覆 here, 複 in 复议, 復 in 修复
    "修复损害": "修復損害",
    "平台": "平臺",
    "一人参加": "一人參加",      # OpenCC alone: 一人蔘加 (ginseng); docs/data/traditional.yml
    "法制审核": "法制審核",      # OpenCC alone: 審覈; docs/data/traditional.yml
    "复核": "複核",
    "应当核实": "應當核實",
    "作为": "作為",             # OpenCC alone: 爲, 衆, 羣 (old dictionary forms); Hong Kong,
    "群众": "群眾",             # Macao and Taiwan all print 為, 眾, 群 (docs/data/traditional.yml)
}
# Conversions that must not happen: regional vocabulary (s2twp's 資訊, 軟體, 網路…) would reword
# the official text, and regional variants (s2tw's 著, 裡) are one region's, not the standard's.
MUST_NOT = {
    "信息": "資訊", "软件": "軟體", "网络": "網路", "打印": "列印", "视频": "影片", "数据": "資料",
    "程序": "程式", "默认": "預設", "鼠标": "滑鼠", "着力": "著力", "这里": "這裡", "人参加": "人蔘加",
    "审核": "審覈", "为": "爲", "众": "衆", "群": "羣",
}


@pytest.mark.parametrize("simplified, traditional", MUST.items())
def test_conversions_that_must_hold(simplified: str, traditional: str) -> None:
    assert convert(simplified) == traditional


@pytest.mark.parametrize("simplified, wrong", MUST_NOT.items())
def test_conversions_that_must_not_happen(simplified: str, wrong: str) -> None:
    converted = convert(simplified)
    assert wrong not in converted and len(converted) == len(simplified)


def test_the_official_text_keeps_every_number_date_and_letter() -> None:
    text = official_text()
    converted = convert(text)
    assert len(converted) == len(text)
    assert [c for c in converted if c.isascii()] == [c for c in text if c.isascii()]
    assert converted != text and opencc.OpenCC("t2s").convert(converted).count("泥城镇") == text.count("泥城镇")


def test_a_phrase_fix_that_rewords_stops_the_build_with_the_line_to_fix(tmp_path: Path) -> None:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    table = tmp_path / PHRASES
    table.write_text("phrases:\n  信息: 資訊\n", encoding="utf-8")
    with pytest.raises(StaffError) as raised:
        load_phrases(tmp_path)
    message = str(raised.value)
    assert "信息: 資訊" in message and PHRASES in message and "逐字" in message and "fix it or remove the line" in message
    assert len(message.splitlines()) == 2
    assert table.read_text(encoding="utf-8") == "phrases:\n  信息: 資訊\n"   # nothing lost
    table.write_text("phrases: [a, b]\n", encoding="utf-8")
    with pytest.raises(StaffError, match="phrases:"):
        load_phrases(tmp_path)


def test_the_index_keeps_its_word_breaks() -> None:
    segmented = ZWSP.join(["文元", "调解", "工作室", "一人", "参加"])
    assert convert_segmented(segmented, convert=convert) == ZWSP.join(["文元", "調解", "工作室", "一人", "參加"])


def test_page_conversion_leaves_urls_ids_code_and_other_languages_alone() -> None:
    html = ('<!doctype html><html lang="zh-CN"><head><meta name="description" content="泥城镇发布">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
            '<script type="application/ld+json">{"name":"调解","url":"https://例子.cn/调解","inLanguage":"zh-CN"}</script>'
            '<script src="调解.js"></script></head>'
            '<body><h2 id="调解" class="调解">调解</h2><a href="../调解/" title="调解">万达</a>'
            '<code>调解</code><pre><code>调解</code></pre><img alt="图表" src="图.png">'
            '<span lang="en">调解 <span>调解</span></span>后<a hreflang="zh-CN" lang="zh-CN">简体</a>'
            '<!-- 调解 --></body></html>')
    out = convert_html(html, convert=convert, own=("zh-Hant", "zh-hant"), source="zh-CN")
    assert '<html lang="zh-Hant">' in out and 'content="泥城鎮發佈"' in out
    assert json.loads(re.search(r'ld\+json">(.*?)</script>', out).group(1)) == {
        "name": "調解", "url": "https://例子.cn/调解", "inLanguage": "zh-Hant"}
    assert '<script src="调解.js">' in out
    assert '<h2 id="调解" class="调解">調解</h2>' in out and '<a href="../调解/" title="調解">萬達</a>' in out
    assert "<code>调解</code><pre><code>调解</code></pre>" in out and '<img alt="圖表" src="图.png">' in out
    assert '<span lang="en">调解 <span>调解</span></span>後' in out and 'lang="zh-CN">简体</a>' in out
    assert "<!-- 调解 -->" in out


def test_simplified_queries_map_to_the_editions_characters() -> None:
    chars, words = query_map(["<p>调解纠纷，书面答复，行政复议，修复损害，行政复议</p>"], convert=convert)
    assert chars["调"] == "調" and chars["复"] == "複"   # the commonest form of 复 here
    assert words["答复"] == "答覆" and words["修复"] == "修復" and "复议" not in words
    assert "<" not in chars and "p" not in chars


def test_the_editions_own_ui_strings_are_few_traditional_and_keys_of_the_chinese_partial() -> None:
    """zh-Hant.html takes every string from zh-CN.html (converted with the page) but its own few:
    each is a key zh-CN.html has, with the same "#" places, already in Traditional characters."""
    partials = PROJECT / "overrides/partials/languages"
    entry = re.compile(r'^\s*"([\w.]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)
    own = dict(entry.findall((partials / "zh-Hant.html").read_text(encoding="utf-8")))
    chinese = dict(entry.findall((partials / "zh-CN.html").read_text(encoding="utf-8")))
    assert own.pop("language") == EDITION.hreflang
    assert 0 < len(own) <= 6, "the edition's strings come from zh-CN.html; keep only its own here"
    for key, value in own.items():
        assert key in chinese and value.count("#") == chinese[key].count("#"), key
        assert opencc.OpenCC("s2t").convert(value) == value, (key, value)
    assert "簡體" in own["nicheng.translation.notice"]


# --- The built site -------------------------------------------------------------------------------

def _edition_pages(site: Path, code: str) -> dict[str, Path]:
    return {path.relative_to(site / BY_CODE[code].folder).as_posix(): path for path in html_pages(site)
            if language_of_site_path(path.relative_to(site).as_posix()).code == code}


def _visible_texts(path: Path, *, own: str) -> list[str]:
    """What a reader sees or hears of a page, without code, scripts and parts in another language."""
    soup = soup_of(path)
    for element in soup(["script", "style", "code", "pre"]):
        element.decompose()
    for element in soup.select("body [lang]"):
        if not element["lang"].startswith(own):
            element.decompose()
    texts = [text for text in soup.find_all(string=True) if text.strip()]
    texts += [element[name] for element in soup.find_all(True)
              for name in ("title", "alt", "aria-label", "placeholder") if element.get(name)]
    texts += [meta["content"] for meta in soup.select("meta[name=description], meta[property^='og:']")]
    return texts


def _left_simplified(texts: list[str]) -> list[str]:
    """Texts that OpenCC's s2t would still change: a simplified character not converted (the
    forms the phrase table chooses over s2t's, such as 為 for 爲, are not simplified)."""
    s2t = opencc.OpenCC("s2t")
    chosen = set("".join(load_phrases(PROJECT).values()))

    def changed(text: str) -> bool:
        converted = s2t.convert(text)
        if len(converted) != len(text):
            return True
        return any(a != b and a not in chosen for a, b in zip(text, converted))

    return [text.strip()[:60] for text in texts if changed(text)]


def _cached(site: Path, path: Path, soup):
    """The page from the session's parsed pages (conftest's `soup`): read only."""
    return soup(path.relative_to(site).as_posix())


def test_every_chinese_page_has_a_traditional_twin_with_the_same_ids_and_figures(site: Path, soup) -> None:
    original, edition = _edition_pages(site, "zh"), _edition_pages(site, "zh-Hant")
    parsed = soup
    assert len(original) >= 12 and set(original) == set(edition)
    for rel, path in original.items():
        twin_soup, soup = _cached(site, edition[rel], parsed), _cached(site, path, parsed)
        assert twin_soup.html["lang"] == "zh-Hant", rel
        assert [e["id"] for e in twin_soup.select("article [id]")] == [e["id"] for e in soup.select("article [id]")], rel
        figures = [(a["href"], re.sub(r"\D", "", a.get_text())) for a in soup.select("a.figure__link")]
        assert [(a["href"], re.sub(r"\D", "", a.get_text())) for a in twin_soup.select("a.figure__link")] == figures, rel
        if rel != "404.html":
            notice = twin_soup.select_one("aside.translation-notice")
            assert notice is not None and "簡體中文原文" in notice.get_text(), rel
            link = notice.select_one("a[hreflang=zh-CN]")
            assert (edition[rel].parent / link["href"] / "index.html").resolve() == path.resolve(), rel


def test_no_simplified_character_is_left_in_what_a_reader_sees(site: Path) -> None:
    edition = _edition_pages(site, "zh-Hant")
    left = {rel: found for rel, path in edition.items() if (found := _left_simplified(_visible_texts(path, own="zh-Hant")))}
    assert not left, left
    # The check itself finds the simplified pages' text (it can fail).
    original = _edition_pages(site, "zh")
    assert _left_simplified(_visible_texts(original[f"{LATEST}/measures/index.html"], own="zh-CN"))


def test_the_language_switch_offers_every_edition_on_the_same_page(site: Path, soup) -> None:
    for language in LANGUAGES:
        for rel, path in _edition_pages(site, language.code).items():
            if rel == "404.html":
                continue
            links = _cached(site, path, soup).select("a.lang-switch__link")
            assert [link["hreflang"] for link in links] == [other.hreflang for other in LANGUAGES if other != language]
            for link in links:
                target = (path.parent / link["href"] / "index.html").resolve()
                assert target == (site / BY_HREFLANG[link["hreflang"]].folder / rel).resolve(), (path, link["href"])


def test_the_edition_has_its_own_search_index_404_and_sitemap_entries(site: Path) -> None:
    index = json.loads((site / EDITION.folder / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert "調解" in text and "调解" not in text and ZWSP in text
    assert not [doc["location"] for doc in index["docs"] if re.search(r"[^\x00-\x7f]", doc["location"])]
    page = (site / EDITION.folder / f"{LATEST}/measures/index.html").read_text(encoding="utf-8")
    worker = re.search(r"assets/javascripts/workers/(search\.\w+\.min\.js)", page).group(1)
    source = (site / EDITION.folder / "assets/javascripts/workers" / worker).read_text(encoding="utf-8")
    assert source.startswith("// The Traditional edition") and '"调":"調"' in source
    missing = soup_of(site / EDITION.folder / "404.html")
    assert missing.html["lang"] == "zh-Hant" and missing.select_one("h1").get_text() == "頁面未找到"
    # Its other language is English, not the simplified text of the same page (the switch has that).
    assert [block["lang"] for block in missing.select("article div[lang]")] == ["en"]
    assert [block["lang"] for block in soup_of(site / "404.html").select("article div[lang]")] == ["en"]
    assert [block["lang"] for block in soup_of(site / "en/404.html").select("article div[lang]")] == ["zh-CN"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>zh-hant/{LATEST}/measures/</loc>" in sitemap
    assert f'hreflang="zh-Hant" href="zh-hant/{LATEST}/measures/"' in sitemap


def test_the_editions_poster_is_converted_too(site: Path) -> None:
    svg = (site / EDITION.folder / f"{LATEST}/at-a-glance/poster.svg").read_text(encoding="utf-8")
    assert "泥城鎮" in svg and "泥城镇" not in svg
    assert not _left_simplified(re.findall(r">([^<>]*[\u4e00-\u9fff][^<>]*)<", svg))
    png = (site / EDITION.folder / f"{LATEST}/at-a-glance/poster.png").read_bytes()
    assert png != (site / f"{LATEST}/at-a-glance/poster.png").read_bytes()


def test_print_page_and_open_data_links_work_in_the_edition(site: Path) -> None:
    folder = site / EDITION.folder
    full = soup_of(folder / f"{LATEST}/full/index.html")
    assert full.html["lang"] == "zh-Hant" and "泥城鎮" in full.get_text()
    for page in ("", f"{LATEST}/figures/"):
        soup = soup_of(folder / page / "index.html")
        links = [a["href"] for a in soup.select("a[href]") if re.search(r"\.(csv|json)$", a["href"])]
        assert links, page
        assert all((folder / page / href).resolve().is_file() for href in links), links


# --- Chromium (slow lane): typed into the real search box, and the switch clicked ---------------
# The queries are words of the 2024 report's text and the passages that hold them, fixed as
# tests/search_queries.yml is (not the latest year's: a new report has other passages).
QUERIES_YEAR = 2024

TRADITIONAL_QUERIES = {
    "文元調解工作室": f"zh-hant/{QUERIES_YEAR}/measures/#dispute-resolution",
    "文元调解工作室": f"zh-hant/{QUERIES_YEAR}/measures/#dispute-resolution",   # simplified, typed on the edition
    "萬達未來城": f"zh-hant/{QUERIES_YEAR}/highlights/#new-reconsideration-law",
    "万达未来城": f"zh-hant/{QUERIES_YEAR}/highlights/#new-reconsideration-law",
    "法到家": f"zh-hant/{QUERIES_YEAR}/measures/#public-legal-services",
}


@pytest.mark.browser
@pytest.mark.parametrize("query", TRADITIONAL_QUERIES)
def test_traditional_search_finds_both_forms_and_stays_in_the_edition(page, server, query: str) -> None:
    from test_browser import expect_first, search

    links = search(page, server, f"zh-hant/{QUERIES_YEAR}/", query)
    expect_first(links, server, TRADITIONAL_QUERIES[query])
    everything = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert everything and all(link.startswith(server + "zh-hant/") for link in everything)
    marked = page.locator(".md-search-result__item mark").all_inner_texts()
    assert marked and not _left_simplified(marked), marked


@pytest.mark.browser
@pytest.mark.parametrize("query", ["調解", "调解"])
def test_a_common_word_is_found_in_either_form(page, server, query: str) -> None:
    from test_browser import search

    links = search(page, server, "zh-hant/", query)
    assert links and all(link.startswith(server + "zh-hant/") for link in links)
    assert "調解" in page.locator(".md-search-result__item").first.inner_text()


@pytest.mark.browser
def test_the_switch_goes_round_all_three_editions_on_the_same_page(page, server) -> None:
    page.goto(server + f"{LATEST}/highlights/")
    for hreflang, folder, lang in (("zh-Hant", "zh-hant/", "zh-Hant"), ("en", "en/", "en"), ("zh-CN", "", "zh-CN")):
        url = f"{folder}{LATEST}/highlights/"
        page.locator(f'a.lang-switch__link[hreflang="{hreflang}"]').click()
        page.wait_for_load_state()
        assert page.url == server + url and page.locator("html").get_attribute("lang") == lang
