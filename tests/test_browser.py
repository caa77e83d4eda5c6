"""Behaviour in Debian's Chromium: search as a resident types it, language
switching, and no request to any host but the site's own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import html_pages
from report_data import LATEST

pytestmark = pytest.mark.browser

# The report whose words these queries are: fixed facts of its text (its pages stay when a year is added).
TEXT_YEAR = 2024
# Query -> the page and section that must come first.
CHINESE_QUERIES = {
    "文元调解工作室": f"{TEXT_YEAR}/measures/#dispute-resolution",
    "枫桥经验": f"{TEXT_YEAR}/measures/#dispute-resolution",
    "三所联动": f"{TEXT_YEAR}/measures/#dispute-resolution",
    "管家公婆": f"{TEXT_YEAR}/measures/#dispute-resolution",
    "八方会谈": f"{TEXT_YEAR}/measures/#dispute-resolution",
    "法到家": f"{TEXT_YEAR}/measures/#public-legal-services",
    "双随机一公开": f"{TEXT_YEAR}/measures/#enforcement-supervision",
    "秋雨路": f"{TEXT_YEAR}/measures/#major-decisions",
    "云夏路": f"{TEXT_YEAR}/measures/#major-decisions",
    "保交楼": f"{TEXT_YEAR}/highlights/#new-reconsideration-law",
    "万达未来城": f"{TEXT_YEAR}/highlights/#new-reconsideration-law",
    "宪法广场": f"{TEXT_YEAR}/highlights/#red-and-rule-of-law",
    "红色泥城主题馆": f"{TEXT_YEAR}/highlights/#red-and-rule-of-law",
    "公平村": f"{TEXT_YEAR}/highlights/#red-and-rule-of-law",
    "三合一": f"{TEXT_YEAR}/highlights/#three-in-one",
    "述法": f"{TEXT_YEAR}/reporting-on-law/",
    "法律明白人": f"{TEXT_YEAR}/next-steps/#legal-services",
    "泥城镇": "",
}
ENGLISH_QUERIES = {
    "legal aid": f"en/{TEXT_YEAR}/measures/#public-legal-services",
    "administrative reconsideration": f"en/{TEXT_YEAR}/measures/#reconsideration-litigation",
    "mediation": f"en/{TEXT_YEAR}/measures/#dispute-resolution",  # the passage with the figures (issue #16)
    "Wenyuan": f"en/{TEXT_YEAR}/measures/#dispute-resolution",
    "Fengqiao": f"en/{TEXT_YEAR}/measures/#dispute-resolution",
}


def search(page, base: str, start: str, query: str) -> list[str]:
    """Type like a resident; return the result links (page first, then its sections)."""
    page.goto(base + start)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.keyboard.press("End")  # Material reacts to key events, as an input method sends them
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta') && "
        "document.querySelector('input.md-search__input').value === q && "
        "document.querySelectorAll('.md-search-result__item').length > 0", arg=query, timeout=10000)
    page.wait_for_timeout(150)
    first = page.locator(".md-search-result__item").first
    return [href.split("?")[0] + ("#" + href.split("#")[1] if "#" in href else "")
            for href in first.locator("a").evaluate_all("els => els.map(e => e.href)")]


def expect_first(links: list[str], base: str, expected: str) -> None:
    relative = [link.removeprefix(base) for link in links]
    page_url, _, anchor = expected.partition("#")
    assert relative[0] == page_url, relative[:3]
    if anchor:
        assert relative[1] == expected, relative[:3]


@pytest.mark.parametrize("query", CHINESE_QUERIES)
def test_chinese_query_lands_on_the_right_section_first(page, server, query):
    links = search(page, server, f"{LATEST}/", query)
    expected = CHINESE_QUERIES[query]
    if expected:
        expect_first(links, server, expected)
    assert all("/en/" not in link for link in links)


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_query_lands_on_the_right_section_first_and_stays_english(page, server, query):
    links = search(page, server, f"en/{LATEST}/", query)
    expect_first(links, server, ENGLISH_QUERIES[query])
    everything = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert everything and all(link.startswith(server + "en/") for link in everything)


def test_language_link_goes_to_the_same_page(page, server):
    page.goto(server + f"{LATEST}/highlights/")
    page.locator('a.lang-switch__link[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.url == server + f"en/{LATEST}/highlights/"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('a.lang-switch__link[hreflang="zh-CN"]').click()
    page.wait_for_load_state()
    assert page.url == server + f"{LATEST}/highlights/"


@pytest.mark.parametrize("start", [f"{LATEST}/measures/", "en/"])
def test_search_index_loads_only_when_a_reader_starts_to_search(page, server, start):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "search_index.json" in r.url else None)
    page.goto(server + start, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert requested == [], "the index was fetched before anyone searched"
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type(str(LATEST))
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert requested == [server + ("en/" if start == "en/" else "") + "search/search_index.json"]


def test_highlighted_words_from_a_search_result_still_show(page, server):
    page.goto(server + f"{LATEST}/measures/?h=" + "调解", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('article mark[data-md-highlight]').length > 0", timeout=10000)
    assert "调解" in page.locator("article mark[data-md-highlight]").first.inner_text()


def test_no_page_requests_another_host(browser, server, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    failed: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in {"127.0.0.1"} and not r.url.startswith("data:") else None)
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab = context.new_page()
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix().removesuffix("index.html")
        if rel.endswith("404.html"):
            continue
        tab.goto(server + rel, wait_until="networkidle")
    # Open search once, so the worker and the index load too.
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("legal")
    tab.wait_for_timeout(500)
    context.close()
    assert not outside, outside[:10]
    assert not failed, failed[:10]


def test_text_size_and_contrast_are_remembered_across_pages(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/measures/")
    normal = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    tab.locator("[data-text-size-choice=larger]").click()
    tab.locator("[data-contrast-toggle]").click()
    tab.goto(server + f"en/{LATEST}/highlights/")
    assert tab.locator("html").get_attribute("data-text-size") == "larger"
    assert tab.locator("html").get_attribute("data-contrast") == "high"
    assert tab.locator("[data-text-size-choice=larger]").get_attribute("aria-pressed") == "true"
    larger = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert larger >= normal * 1.45
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    line_height = tab.evaluate("(() => { const s = getComputedStyle(document.querySelector('article p'));"
                               " return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()")
    assert line_height >= 1.5
    tab.locator("[data-text-size-choice=normal]").click()
    tab.locator("[data-contrast-toggle]").click()
    tab.reload()
    assert tab.locator("html").get_attribute("data-text-size") is None
    context.close()


def test_touch_targets_are_at_least_44px_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/")
    small = tab.evaluate("""() => [...document.querySelectorAll(
        '.md-header__button, .lang-switch__link, .reading-controls__button, .md-typeset .md-button')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.className, e.getBoundingClientRect().width, e.getBoundingClientRect().height])
        .filter(([, w, h]) => w < 44 || h < 44)""")
    context.close()
    assert not small, small


@pytest.mark.parametrize("url", [f"{LATEST}/figures/", f"en/{LATEST}/figures/"])
def test_key_figures_tables_scroll_on_a_phone_instead_of_squeezing_their_columns(browser, server, url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(server + url)
    # Short cells (unit, period, source: 报告原文) keep to one line; the table scrolls in its box.
    wrapped = tab.evaluate("""() => [...document.querySelectorAll(
        'table.figures :is(.figures__unit, .figures__period, .figures__origin, thead th)')]
        .filter(e => { const text = document.createRange(); text.selectNodeContents(e);
                       return new Set([...text.getClientRects()].map(r => Math.round(r.top))).size > 1; })
        .map(e => e.textContent.trim())""")  # lines = distinct tops of the text's boxes
    boxes = tab.evaluate("""() => [...document.querySelectorAll('.figures-table')]
        .map(box => [box.scrollWidth > box.clientWidth, box.getBoundingClientRect().right <= innerWidth + 1])""")
    context.close()
    assert not wrapped, wrapped[:10]
    assert boxes and all(inside for _, inside in boxes), "a table box is wider than the screen"
    assert any(scrolls for scrolls, _ in boxes), "no table scrolls: are the columns squeezed again?"


def test_print_shows_the_report_without_navigation_and_with_its_address(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/full/")
    tab.emulate_media(media="print")
    hidden = tab.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-search', '.reading-controls', '.md-footer']
        .map(s => document.querySelector(s)).filter(Boolean)
        .every(e => getComputedStyle(e).display === 'none')""")
    assert hidden
    assert tab.locator(".print-only [data-print-url]").first.text_content() == server + f"{LATEST}/full/"
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    context.close()


# --- The header on a phone, in each edition ------------------------------------------------
# With three editions the header held menu, palette, 长者模式, two edition links and search:
# 377 px at 360 px wide (the page scrolled sideways, the search button cut off), 377-382 px
# at 320 px. Below 480 px the edition links now sit behind one button (Material's md-select).

EDITIONS = {"": "zh-CN", "zh-hant/": "zh-Hant", "en/": "en"}
HEADER_PAGE = "2024/measures/"


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_header_fits_a_phone_and_keeps_search_and_every_edition_within_one_tap(browser, server, edition, width,
                                                                               scheme):
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=True, is_mobile=True,
                                  color_scheme=scheme)
    tab = context.new_page()
    url = server + edition + HEADER_PAGE
    tab.goto(url)
    where = f"{edition or 'zh/'}{HEADER_PAGE} at {width} px ({scheme})"
    assert tab.evaluate("document.documentElement.scrollWidth") <= width, f"{where}: the page scrolls sideways"
    outside = tab.evaluate("""w => [...document.querySelectorAll('.md-header__inner > *')]
        .filter(e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0)
        .map(e => [e.className, e.getBoundingClientRect().left, e.getBoundingClientRect().right])
        .filter(([, l, r]) => l < 0 || r > w + 0.5)""", width)
    assert not outside, f"{where}: header items outside the screen: {outside}"

    search = tab.locator("label.md-header__button[for='__search']")
    box = search.bounding_box()
    assert search.is_visible() and box and box["x"] + box["width"] <= width and box["height"] >= 44, (where, box)
    search.tap()
    tab.wait_for_function("document.querySelector('[data-md-toggle=search]').checked")
    tab.keyboard.press("Escape")

    toggle = tab.locator(".lang-switch__toggle")
    assert toggle.is_visible(), f"{where}: no language button"
    assert toggle.get_attribute("aria-label"), f"{where}: the language button has no name"
    tbox = toggle.bounding_box()
    assert tbox["width"] >= 44 and tbox["height"] >= 44, (where, tbox)
    others = [hreflang for prefix, hreflang in EDITIONS.items() if prefix != edition]
    for hreflang in others:
        tab.goto(url)
        tab.locator(".lang-switch__toggle").tap()
        link = tab.locator(f'a.lang-switch__link[hreflang="{hreflang}"]')
        link.wait_for(state="visible")
        tab.wait_for_function("""el => { const r = el.getBoundingClientRect();
            return getComputedStyle(el.closest('.md-select__inner')).opacity === '1' && r.height >= 44
                   && r.left >= 0 && r.right <= innerWidth && document.elementFromPoint(
                      r.left + r.width / 2, r.top + r.height / 2)?.closest('a') === el; }""",
                              arg=link.element_handle(), timeout=5000)
        assert link.get_attribute("lang") == hreflang
        link.tap()
        target = next(prefix for prefix, code in EDITIONS.items() if code == hreflang)
        tab.wait_for_url(server + target + HEADER_PAGE)
        assert tab.locator("html").get_attribute("lang") == hreflang
    context.close()


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_edition_links_stand_in_a_row_on_wider_screens(browser, server, edition):
    for width in (480, 768, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        tab = context.new_page()
        tab.goto(server + edition + HEADER_PAGE)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, (edition, width)
        assert not tab.locator(".lang-switch__toggle").is_visible(), (edition, width)
        links = tab.locator("a.lang-switch__link")
        assert links.count() == 2 and all(links.nth(i).is_visible() for i in range(2)), (edition, width)
        context.close()


def test_edition_list_opens_by_keyboard_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(server + HEADER_PAGE)
    tab.locator(".elder-switch__button").focus()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('lang-switch__toggle')")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("[document.activeElement.getAttribute('hreflang'), document.activeElement.className]")
    assert focused[0] in ("zh-Hant", "en"), focused
    link = tab.locator(f'a.lang-switch__link[hreflang="{focused[0]}"]')
    tab.wait_for_function("el => getComputedStyle(el.closest('.md-select__inner')).opacity === '1'",
                          arg=link.element_handle(), timeout=5000)
    assert link.is_visible()
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/" + HEADER_PAGE)
    assert tab.locator("html").get_attribute("lang") == focused[0]
    context.close()
