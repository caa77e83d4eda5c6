"""长者模式 (elder mode) and the 适老化 reading aids in Debian's Chromium: the header switch
(largest text + high contrast + large cursor, remembered), read-aloud through a stubbed
speechSynthesis, the site name at the largest text on a phone, and contrast of every
visible link and button in high contrast, both palettes."""

from __future__ import annotations
from report_data import LATEST

import pytest

pytestmark = pytest.mark.browser

ELDER_ON = ("localStorage.setItem('nicheng.textSize', 'larger');"
            "localStorage.setItem('nicheng.contrast', 'high');"
            "localStorage.setItem('nicheng.cursor', 'large');")

# A speechSynthesis that records what would be spoken. Each utterance ends after 5 ms unless
# window.holdSpeech is true (then it waits, to try pause and stop).
SPEECH_STUB = """(() => {
  const voices = (window.stubVoices || [{name: 'zh', lang: 'zh-CN'}, {name: 'en', lang: 'en-GB'}]);
  window.spoken = []; window.speechCalls = [];
  class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
  const synth = {
    getVoices: () => voices,
    speak(u) {
      window.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
      if (!window.holdSpeech) setTimeout(() => u.onend && u.onend(), 5);
    },
    cancel() { window.speechCalls.push('cancel'); },
    pause() { window.speechCalls.push('pause'); },
    resume() { window.speechCalls.push('resume'); },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {value: Utterance, configurable: true});
})();"""


@pytest.mark.parametrize("start, then", [(f"{LATEST}/measures/", f"en/{LATEST}/highlights/"), ("en/", f"{LATEST}/")])
def test_elder_mode_switch_turns_on_largest_text_contrast_and_large_cursor_and_is_remembered(browser, server, start, then):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + start)
    switch = tab.locator(".md-header [data-elder-toggle]")
    assert switch.get_attribute("aria-pressed") == "false"
    switch.focus()
    tab.keyboard.press("Enter")  # keyboard operable
    root = tab.locator("html")
    assert (root.get_attribute("data-text-size"), root.get_attribute("data-contrast"), root.get_attribute("data-cursor")) \
        == ("larger", "high", "large")
    assert switch.get_attribute("aria-pressed") == "true"
    tab.goto(server + then)
    switch = tab.locator(".md-header [data-elder-toggle]")
    assert switch.get_attribute("aria-pressed") == "true"
    assert tab.locator("[data-text-size-choice=larger]").get_attribute("aria-pressed") == "true"
    assert tab.locator("[data-contrast-toggle]").get_attribute("aria-pressed") == "true"
    cursors = tab.evaluate("""() => [getComputedStyle(document.querySelector('article p')).cursor,
                                     getComputedStyle(document.querySelector('article a[href]')).cursor,
                                     getComputedStyle(document.querySelector('[data-elder-toggle]')).cursor]""")
    assert "cursor-arrow.svg" in cursors[0] and cursors[0].endswith("auto"), cursors
    assert all("cursor-pointer.svg" in each and each.endswith("pointer") for each in cursors[1:]), cursors
    # The cursor images come from the site itself and are 48-64 px.
    for name in ("cursor-arrow", "cursor-pointer"):
        url = next(each for each in cursors if name in each).split('"')[1]
        assert url.startswith(server)
        size = tab.evaluate("""url => new Promise(done => { const image = new Image();
            image.onload = () => done([image.naturalWidth, image.naturalHeight]); image.src = url; })""", url)
        assert all(48 <= each <= 64 for each in size), (name, size)
    # The separate controls still work alone; the switch turns the three off together.
    switch.click()
    assert [root.get_attribute(a) for a in ("data-text-size", "data-contrast", "data-cursor")] == [None, None, None]
    assert "svg" not in tab.evaluate("getComputedStyle(document.querySelector('article p')).cursor")
    tab.locator("[data-contrast-toggle]").click()
    assert root.get_attribute("data-contrast") == "high" and switch.get_attribute("aria-pressed") == "false"
    tab.reload()
    assert root.get_attribute("data-cursor") is None and root.get_attribute("data-contrast") == "high"
    context.close()


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("url", [f"{LATEST}/", f"en/{LATEST}/"])
def test_site_name_is_readable_in_the_header_at_the_largest_text_on_a_phone(browser, server, width, url):
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=True, is_mobile=True)
    context.add_init_script(ELDER_ON)
    tab = context.new_page()
    tab.goto(server + url)
    name = tab.evaluate("""() => { const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
        const box = e.getBoundingClientRect();
        return {width: box.width, left: box.left, right: box.right, clipped: e.scrollWidth > e.clientWidth + 1,
                text: e.textContent.trim(), visible: getComputedStyle(e.closest('.md-header__topic')).opacity}; }""")
    buttons = tab.evaluate("""() => [...document.querySelectorAll('.md-header__button, .md-header__option a, .md-header__option button')]
        .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect())
        .filter(r => r.right > innerWidth + 1 || r.left < 0).length""")
    context.close()
    assert not name["clipped"] and name["visible"] == "1", name
    assert name["left"] >= 0 and name["right"] <= width and name["width"] >= 0.6 * width, name
    assert buttons == 0, "a header button is off the screen"


def test_read_aloud_reads_the_main_text_from_the_start_in_chinese(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(SPEECH_STUB)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/measures/")
    controls = tab.locator("[data-speech]")
    assert controls.is_visible()
    start = tab.locator("[data-speech-start=all]")
    start.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => window.spoken.length > 20 && !document.querySelector('.speech-current')", timeout=20000)
    spoken = tab.evaluate("window.spoken")
    title = tab.evaluate("() => { const h = document.querySelector('article h1').cloneNode(true);"
                         " h.querySelectorAll('.headerlink').forEach(a => a.remove()); return h.textContent.trim(); }")
    assert spoken[0]["text"] == title
    assert {each["voice"] for each in spoken} == {"zh"} and {each["lang"] for each in spoken} == {"zh-CN"}
    everything = " ".join(each["text"] for each in spoken)
    assert tab.locator("article p").nth(2).inner_text().strip()[:20] in everything
    # Not the controls' own words, nor the permalink signs.
    assert "朗读全文" not in everything and "文字大小" not in everything and "¶" not in everything
    context.close()


def test_read_aloud_on_an_english_page_reads_chinese_passages_with_a_chinese_voice(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(SPEECH_STUB)
    tab = context.new_page()
    tab.goto(server + "en/")
    tab.locator("[data-speech-start=all]").click()
    tab.wait_for_function("() => window.spoken.length > 5 && !document.querySelector('.speech-current')", timeout=20000)
    spoken = tab.evaluate("window.spoken")
    assert {"text": "泥城镇", "lang": "zh-CN", "voice": "zh"} in spoken
    english = [each for each in spoken if each["voice"] == "en"]
    assert english and all(each["lang"] == "en" for each in english)
    assert spoken[0]["voice"] == "en"
    context.close()


def test_read_aloud_from_the_chosen_paragraph_pauses_and_stops(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("window.holdSpeech = true;" + SPEECH_STUB)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/measures/")
    paragraph = tab.locator("article p").nth(3)
    paragraph.click()
    tab.locator("[data-speech-start=here]").click()
    spoken = tab.evaluate("window.spoken")
    assert len(spoken) == 1 and spoken[0]["text"] == " ".join(paragraph.inner_text().split()), spoken
    assert paragraph.evaluate("e => e.classList.contains('speech-current')")
    pause = tab.locator("[data-speech-pause]")
    pause.focus()
    tab.keyboard.press("Enter")
    assert pause.get_attribute("aria-pressed") == "true"
    tab.keyboard.press("Enter")
    assert pause.get_attribute("aria-pressed") == "false"
    tab.locator("[data-speech-stop]").click()
    calls = tab.evaluate("window.speechCalls")
    assert calls[-3:] == ["pause", "resume", "cancel"], calls
    assert pause.is_disabled() and tab.locator(".speech-current").count() == 0
    context.close()


@pytest.mark.parametrize("voices", ["[]", "[{name: 'de', lang: 'de-DE'}]"])
def test_read_aloud_is_hidden_without_a_voice_for_the_page(browser, server, voices):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(f"window.stubVoices = {voices};" + SPEECH_STUB)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/")
    assert tab.locator("[data-speech]").is_hidden()
    context.close()


# The contrast of a visible link's or button's text against the colour behind it, from the
# computed colours (axe reports equal-colour text as "incomplete", so it missed 1:1 buttons).
CONTRAST = """(selector) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const behind = e => { const layers = [];
    for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] === 1) break; } }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]); };
  const out = [];
  for (const e of document.querySelectorAll(selector || 'a[href], button, label.md-header__button, summary')) {
    const box = e.getBoundingClientRect(); const style = getComputedStyle(e);
    if (!box.width || !box.height || style.visibility !== 'visible' || e.closest('[hidden], .md-sidebar, .md-search') ) continue;
    if (!e.textContent.trim()) continue;
    const back = behind(e); const fore = over(parse(style.color), back);
    const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 7) out.push([e.className || e.tagName, e.textContent.trim().slice(0, 20), Math.round(ratio * 100) / 100]);
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "en/", f"{LATEST}/", f"{LATEST}/measures/", f"{LATEST}/figures/", f"en/{LATEST}/figures/",
                                 f"{LATEST}/at-a-glance/", "accessibility/", "glossary/", "404.html"])
def test_every_visible_link_and_button_has_7_to_1_in_high_contrast(browser, server, url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script("localStorage.setItem('nicheng.contrast', 'high');")
    tab = context.new_page()
    tab.goto(server + url)
    low = tab.evaluate(CONTRAST)
    context.close()
    assert not low, low


@pytest.mark.parametrize("url", [f"{LATEST}/at-a-glance/", f"en/{LATEST}/at-a-glance/", f"en/{LATEST}/figures/"])
def test_chart_labels_follow_the_text_size_and_fit_on_a_phone(browser, server, url):
    sizes = {}
    for size in ("normal", "larger"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
        context.add_init_script(f"localStorage.setItem('nicheng.textSize', '{size}');")
        tab = context.new_page()
        tab.goto(server + url)
        sizes[size] = tab.evaluate("""() => [...document.querySelectorAll('.chart__label, .chart__value')]
            .map(e => parseFloat(getComputedStyle(e).fontSize))""")
        clipped = tab.evaluate("""() => [...document.querySelectorAll('.chart__label, .chart__value')]
            .filter(e => { const r = e.getBoundingClientRect(), f = e.closest('figure').getBoundingClientRect();
                           return r.right > f.right + 1 || r.left < f.left - 1 || r.right > innerWidth; })
            .map(e => e.textContent)""")
        context.close()
        assert not clipped, (size, clipped)
    assert sizes["normal"] and min(sizes["larger"]) >= 1.45 * min(sizes["normal"]), sizes
    assert min(sizes["larger"]) >= 18


def _pages(site) -> list[str]:
    return sorted("" if str(path.parent.relative_to(site)) == "." else str(path.parent.relative_to(site)) + "/"
                  for path in site.rglob("index.html") if not {"assets", "search", "data"} & set(path.parts))


@pytest.mark.parametrize("width", [320, 390])
def test_no_sideways_scrolling_at_the_largest_text_on_a_narrow_screen(browser, server, site, width):
    """320 px is 1280 px at 400% zoom. Tables become stacked cards: nothing scrolls sideways,
    neither the page nor a box in it, and the menu button stays on the screen."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    context.add_init_script(ELDER_ON)
    tab = context.new_page()
    problems = {}
    for url in _pages(site):
        tab.goto(server + url)
        found = tab.evaluate("""() => { const d = document.documentElement;
            const wide = [...document.querySelectorAll('.md-content *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && e.clientWidth > 1)
              .map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth);
            const menu = document.querySelector("button[data-for='__drawer']").getBoundingClientRect();
            if (d.scrollWidth > d.clientWidth) wide.push('page ' + d.scrollWidth);
            if (menu.right > innerWidth || menu.left < 0) wide.push('menu button off screen');
            return wide; }""")
        if found:
            problems[url] = found[:3]
    context.close()
    assert len(problems) == 0, problems


@pytest.mark.parametrize("url", [f"{LATEST}/figures/", "en/glossary/"])
def test_tables_stay_tables_for_screen_readers_as_cards(browser, server, url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(ELDER_ON)
    tab = context.new_page()
    tab.goto(server + url)
    assert tab.evaluate("getComputedStyle(document.querySelector('table[data-cards] tr')).display") == "block"
    cdp = context.new_cdp_session(tab)
    roles = [node.get("role", {}).get("value") for node in cdp.send("Accessibility.getFullAXTree")["nodes"]]
    tables = tab.evaluate("[...document.querySelectorAll('article table')].filter(t => !t.closest('details:not([open])')).length")
    context.close()
    assert tables and roles.count("table") >= tables and "columnheader" in roles and "cell" in roles, sorted(set(roles))


@pytest.mark.parametrize("url", [f"{LATEST}/measures/", f"en/{LATEST}/measures/"])
def test_sidebar_links_are_44px_tall_on_a_desktop_as_the_statement_promises(browser, server, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server + url)
    small = tab.evaluate("""() => [...document.querySelectorAll('.md-sidebar .md-nav__link')]
        .filter(e => e.offsetParent !== null && getComputedStyle(e).visibility === 'visible')
        .map(e => [e.textContent.trim().slice(0, 20), e.getBoundingClientRect().height])
        .filter(([, h]) => h > 0 && h < 44)""")
    context.close()
    assert not small, small


def test_accessibility_statement_describes_elder_mode_and_read_aloud(soup):
    for url, words in (("accessibility/", ("长者模式", "特大鼠标", "语音朗读", "适老化通用设计规范", "7:1")),
                       ("en/accessibility/", ("Elder mode", "Large pointer", "Read aloud", "Older People", "7:1"))):
        text = soup(url).select_one("article").get_text()
        assert all(word in text for word in words), url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pressed_controls_stand_out_in_high_contrast(browser, server, scheme):
    """The pressed 特大 and 高对比度 buttons lost their border and looked like plain text."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script(ELDER_ON)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/")
    pressed = tab.evaluate("""() => [...document.querySelectorAll('button[aria-pressed=true]')].filter(e => e.offsetParent)
        .map(e => [e.textContent.trim(), getComputedStyle(e).backgroundColor, getComputedStyle(e).borderTopColor,
                   getComputedStyle(e).borderTopStyle])""")
    context.close()
    assert len(pressed) == 3, pressed  # 特大, 高对比度, 长者模式
    assert all(back == "rgb(255, 255, 0)" and border == "rgb(255, 255, 0)" and style == "solid"
               for _, back, border, style in pressed), pressed


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_size_label_has_full_contrast(browser, server, scheme):
    """文字大小 was the lowest-contrast text on the site (4.59:1)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(server + f"{LATEST}/")
    low = tab.evaluate(CONTRAST, ".reading-controls__label")
    count = tab.locator(".reading-controls__label").count()
    context.close()
    assert count and not low, low
