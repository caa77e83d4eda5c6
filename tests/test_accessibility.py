"""Accessibility (WCAG 2.1 AA) of the built site, in both languages and both palettes.

* axe-core (pinned in package-lock.json, installed by `npm ci`) runs on every HTML
  page, 404 pages included, with the WCAG 2.0/2.1 A and AA rules, once in the light
  palette and once in the dark one; also on the open search with results.
* Keyboard: the first Tab focuses Material's skip link, which becomes visible; the
  search field and the language link are reachable by Tab; every element that the
  keyboard focuses shows an outline with at least 3:1 contrast against what is
  around it (so that it can be seen on the red header and the dark footer too).

The site's palettes follow prefers-color-scheme (mkdocs.yml `palette: media`), so a
browser context with color_scheme="dark" shows the slate palette; every page is
checked to really be in the expected palette before axe runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, build_site, copy_project, html_pages
from nicheng_report.languages import language_of_site_path
from report_data import LATEST

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# palette name -> (Playwright color_scheme, Material's data-md-color-scheme)
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}
LANGS = {
    "zh": {"prefix": "", "skip": "跳转至", "query": "调解"},
    "en": {"prefix": "en/", "skip": "Skip to content", "query": "mediation"},
    "zh-Hant": {"prefix": "zh-hant/", "skip": "跳轉至", "query": "調解"},
}
# The home page in both languages, a report page and the key-figures page: the page
# types, with the header, navigation, table of contents, cards, tables and footer.
KEYBOARD_PAGES = ("", "en/", f"{LATEST}/measures/", f"en/{LATEST}/figures/")
MAX_TAB_STOPS = 45
MIN_FOCUS_CONTRAST = 3.0


# --- Fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE.relative_to(ROOT)}): run `npm ci` at the top of the "
                    "project (it installs the version pinned in package-lock.json; .ci/run does it).")
    return AXE


@pytest.fixture(scope="module", params=list(PALETTES))
def palette(request, browser):
    """(palette name, a tab in a browser context that shows that palette), one per palette.

    axe-core is added to every page of the context as an init script: faster than
    add_script_tag on each page (no second round trip), and unlike an injected inline
    <script> it is not blocked by the site's Content-Security-Policy behind nginx."""
    color_scheme, _ = PALETTES[request.param]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    if AXE.is_file():  # else the axe tests fail through the axe_source fixture
        context.add_init_script(path=str(AXE))
    tab = context.new_page()
    yield request.param, tab
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    """A tab 390 px wide (light palette): narrow layouts fail in their own ways, such
    as tables that scroll sideways in a box that the keyboard cannot reach."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  color_scheme="light")
    if AXE.is_file():
        context.add_init_script(path=str(AXE))
    tab = context.new_page()
    yield "light", tab
    context.close()


def pages_of(site: Path, lang: str) -> list[str]:
    """URL paths (relative to the site root) of every HTML page of one language."""
    urls = []
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        if language_of_site_path(rel).code != lang:
            continue
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def open_page(tab, server: str, url: str, palette_name: str) -> None:
    response = tab.goto(server + url)
    assert response is not None and response.ok, f"/{url}: HTTP {response.status if response else '?'}"
    scheme, background = tab.evaluate(
        "() => [document.body.getAttribute('data-md-color-scheme'), getComputedStyle(document.body).backgroundColor]")
    expected = PALETTES[palette_name][1]
    assert scheme == expected, f"/{url}: palette is {scheme!r}, expected {expected!r}"
    is_white = background == "rgb(255, 255, 255)"
    assert is_white == (palette_name == "light"), f"/{url}: {palette_name} palette but background {background}"


# --- axe-core ---------------------------------------------------------------------------------

AXE_RUN = """async ([context, tags]) => {
  const result = await axe.run(context, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "),
                              summary: n.failureSummary || ""}))
  }));
}"""


def run_axe(tab, context: object = None) -> list[dict]:
    assert tab.evaluate("() => typeof window.axe === 'object'"), f"axe-core is not loaded in {tab.url}"
    return tab.evaluate(AXE_RUN, [context or {"exclude": []}, AXE_TAGS])


def describe(violations_by_page: dict[str, list[dict]], palette_name: str) -> str:
    """One entry per rule and element, with the pages where it fails (the same header
    element usually fails on every page)."""
    grouped: dict[tuple, dict[tuple, list[str]]] = {}
    for url, violations in violations_by_page.items():
        for v in violations:
            rule = grouped.setdefault((v["id"], v["impact"], v["help"]), {})
            for node in v["nodes"]:
                rule.setdefault((node["target"], " ".join(node["summary"].split())), []).append("/" + url)
    lines = []
    for (rule_id, impact, help_text), nodes in grouped.items():
        lines.append(f"{rule_id} ({impact}, {palette_name} palette): {help_text}")
        for (target, summary), urls in nodes.items():
            shown = ", ".join(urls[:6]) + (f" and {len(urls) - 6} more" if len(urls) > 6 else "")
            lines.append(f"    {target}\n        on {shown}\n        {summary[:400]}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", list(LANGS))
def test_axe_every_page(site, server, axe_source, palette, lang):
    palette_name, tab = palette
    urls = pages_of(site, lang)
    assert len(urls) >= 5, f"too few {lang} pages found in the build: {urls}"
    found = {}
    for url in urls:
        open_page(tab, server, url, palette_name)
        violations = run_axe(tab)
        if violations:
            found[url] = violations
    if found:
        pytest.fail("axe-core found WCAG 2.1 AA violations:\n" + describe(found, palette_name), pytrace=False)


@pytest.mark.parametrize("lang", list(LANGS))
def test_axe_every_page_on_a_phone(site, server, axe_source, phone, lang):
    palette_name, tab = phone
    found = {}
    for url in pages_of(site, lang):
        open_page(tab, server, url, palette_name)
        violations = run_axe(tab)
        if violations:
            found[url] = violations
    if found:
        pytest.fail("axe-core found WCAG 2.1 AA violations at 390 px:\n" + describe(found, palette_name),
                    pytrace=False)


@pytest.mark.parametrize("lang", list(LANGS))
def test_axe_search_results(server, axe_source, palette, lang):
    """The open search box with results passes axe, also with a result chosen with the
    arrow keys (highlighted), and the chosen result shows its focus."""
    palette_name, tab = palette
    # ?q= (the address that Material's search.share copies) opens the search box with
    # the query and shows the results once the search index is loaded.
    url = LANGS[lang]["prefix"] + "?q=" + quote(LANGS[lang]["query"])
    open_page(tab, server, url, palette_name)
    tab.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    tab.evaluate(TRANSITIONS_DONE)  # the search box finishes opening
    found = {}
    violations = run_axe(tab, {"include": [[".md-search"]]})
    if violations:
        found[f"{url} (search box)"] = violations
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    tab.evaluate(TRANSITIONS_DONE)
    state = tab.evaluate(FOCUS_STATE)
    assert state and "md-search-result__link" in state["classes"].split(), f"/{url}: ArrowDown focused {state}"
    violations = run_axe(tab, {"include": [[".md-search"]]})
    if violations:
        found[f"{url} (search box, second result chosen)"] = violations
    if found:
        pytest.fail("axe-core found WCAG 2.1 AA violations in the search box:\n" + describe(found, palette_name),
                    pytrace=False)
    problem = focus_problem(state)
    assert problem is None, f"/{url} [{palette_name}]: the chosen search result cannot be seen: {problem}"


# --- Keyboard --------------------------------------------------------------------------------

# Describes the focused element and how visible its focus indicator is: outline style,
# width and colour, and the contrast of that colour against the page behind the outline
# (sampled on each side of the element where the outline is drawn, inside the viewport).
FOCUS_STATE = """() => {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  // Material's palette switch is a pair of visually hidden radio buttons: the label
  // that is shown carries the focus indicator.
  const shown = active.matches("input.md-option")
    ? active.closest("[data-md-component=palette]").querySelector("label:not([hidden])") : active;
  const style = getComputedStyle(shown);
  const rect = shown.getBoundingClientRect();
  const parse = (c) => { const m = c.match(/[\\d.]+/g); return m ? [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1] : null; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const backgroundAt = (x, y) => {
    let colour = [255, 255, 255];
    for (const el of document.elementsFromPoint(x, y).reverse()) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c && c[3] > 0) colour = over(c, colour);
    }
    return colour;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
  const width = parseFloat(style.outlineWidth) || 0;
  const d = (parseFloat(style.outlineOffset) || 0) + width / 2;  // from the border box to the middle of the outline
  const cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
  const points = [[rect.left - d, cy], [rect.right + d, cy], [cx, rect.top - d], [cx, rect.bottom + d]]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const outline = parse(style.outlineColor) || [0, 0, 0, 0];
  const contrasts = points.map(([x, y]) => { const bg = backgroundAt(x, y); return contrast(over(outline, bg), bg); });
  const text = (active.getAttribute("aria-label") || active.textContent || active.placeholder || "").trim().replace(/\\s+/g, " ");
  return {
    tag: active.tagName.toLowerCase(), classes: active.getAttribute("class") || "", text: text.slice(0, 40),
    outlineStyle: style.outlineStyle, outlineWidth: width, outlineColor: style.outlineColor,
    opacity: style.opacity, visibility: style.visibility,
    rect: [rect.left, rect.top, rect.width, rect.height].map(Math.round),
    inViewport: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight,
    contrast: contrasts.length ? Math.min(...contrasts) : null,
  };
}"""


# Focus opens and closes the search box and shows the skip link with CSS transitions:
# measure once they are over (Material reacts to focus after 1 ms; then wait until none runs).
# Text colour transitions (125 ms on every link) change nothing that is measured.
TRANSITIONS_DONE = """async () => {
  await new Promise(done => setTimeout(done, 10));
  const running = () => document.getAnimations().some(
    a => a.playState === "running" && a.transitionProperty !== "color" && a.effect?.getTiming().iterations !== Infinity);
  for (let waited = 0; running() && waited < 3000; waited += 25) await new Promise(done => setTimeout(done, 25));
}"""


def focus_problem(state: dict) -> str | None:
    """Why the focus indicator of `state` cannot be seen, or None if it can."""
    if not state["inViewport"] or state["visibility"] != "visible":
        return f"the focused element is not on screen (box {state['rect']}, visibility {state['visibility']})"
    if state["outlineStyle"] == "none" or state["outlineWidth"] < 2:
        return f"no outline (style {state['outlineStyle']}, width {state['outlineWidth']}px)"
    if state["outlineStyle"] != "auto" and state["contrast"] is not None and state["contrast"] < MIN_FOCUS_CONTRAST:
        return (f"outline {state['outlineColor']} has only {state['contrast']:.2f}:1 contrast with the background "
                f"(needs {MIN_FOCUS_CONTRAST}:1)")
    return None


def label(state: dict) -> str:
    classes = ".".join(c for c in state["classes"].split() if c != "focus-visible")  # Material's polyfill class
    return f"<{state['tag']}{'.' + classes if classes else ''}> {state['text']!r}"


@pytest.mark.parametrize("url", KEYBOARD_PAGES, ids=lambda u: u.strip("/") or "home")
def test_keyboard_focus(server, palette, url):
    palette_name, tab = palette
    lang = "en" if url.startswith("en/") else "zh"
    open_page(tab, server, url, palette_name)
    where = f"/{url} [{palette_name}]"

    # 1. The first Tab focuses the skip link, which then shows.
    tab.keyboard.press("Tab")
    first = tab.evaluate("() => { const a = document.activeElement; return [a.className, a.textContent.trim()]; }")
    assert "md-skip" in first[0].split(), f"{where}: the first Tab focused {first}, not the skip link"
    assert first[1] == LANGS[lang]["skip"], f"{where}: skip link text {first[1]!r}"
    tab.evaluate(TRANSITIONS_DONE)
    assert tab.evaluate("() => getComputedStyle(document.activeElement).opacity") == "1", (
        f"{where}: the focused skip link is not shown (opacity is not 1)")
    state = tab.evaluate(FOCUS_STATE)
    problem = focus_problem(state)
    assert problem is None, f"{where}: the focused skip link cannot be seen: {problem}"

    # 2. Tab on: every focused element shows its focus; search and language link are reached.
    problems, seen = [], []
    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        tab.evaluate(TRANSITIONS_DONE)
        state = tab.evaluate(FOCUS_STATE)
        if state is None:
            break
        seen.append(state)
        problem = focus_problem(state)
        if problem:
            problems.append(f"  stop {len(seen) + 1}: {label(state)}: {problem}")
    assert not problems, f"{where}: focus cannot be seen:\n" + "\n".join(problems)
    classes = [s["classes"].split() for s in seen]
    assert any("md-search__input" in c for c in classes), (
        f"{where}: the search field was not reached by Tab; stops: " + json.dumps([label(s) for s in seen[:12]],
                                                                                   ensure_ascii=False))
    assert any("lang-switch__link" in c for c in classes), (
        f"{where}: the language link was not reached by Tab; stops: " + json.dumps([label(s) for s in seen[:12]],
                                                                                     ensure_ascii=False))


# Below 1220 px Material's navigation is a drawer, opened by a <label>: the keyboard could
# not open it, and the closed drawer's links took the focus off the screen. Our header has a
# <button> for it instead (overrides/partials/header.html, site.js).
MENU = "button.md-header__button[data-for='__drawer']"
DRAWER_OPEN = "() => document.getElementById('__drawer').checked"
FOCUS_IN_DRAWER = """() => { const a = document.activeElement, r = a.getBoundingClientRect();
  const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!a.closest('.md-sidebar--primary') && !!seen && a.contains(seen); }"""


@pytest.fixture(scope="module")
def two_years_server(tmp_path_factory: pytest.TempPathFactory):
    """The site with a second report year (fixture data: the latest year's files relabelled the
    next year, published), served: the drawer then has two year sections."""
    import re
    import shutil

    from nicheng_report.nav import report_years
    from nicheng_report.testing import serve

    latest = report_years(ROOT)[0]
    root = copy_project(ROOT, tmp_path_factory.mktemp("two-years") / "project")
    data = (root / "docs" / "data" / f"{latest}.yml").read_text(encoding="utf-8")
    data = re.sub(rf"^  year: {latest}$", f"  year: {latest + 1}\n  status: published", data, count=1,
                  flags=re.MULTILINE)
    (root / "docs" / "data" / f"{latest + 1}.yml").write_text(data, encoding="utf-8")
    for lang in ("zh", "en"):
        shutil.copytree(root / "docs" / lang / str(latest), root / "docs" / lang / str(latest + 1))
    httpd = serve(build_site(root / "site", project=root))
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.parametrize("width, url, years", [(390, f"{LATEST}/measures/", 1), (1000, f"en/{LATEST}/", 1),
                                               (390, "en/glossary/", 1), (390, "en/glossary/", 2),
                                               (390, f"{LATEST}/measures/", 2)])
def test_narrow_screens_menu_opens_by_keyboard_and_hidden_links_take_no_focus(browser, request, width, url, years):
    """With two report years too: a closed year's links (Key figures...) took the focus unseen."""
    server = request.getfixturevalue("server" if years == 1 else "two_years_server")
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    where = f"/{url} at {width} px, {years} report year(s)"
    try:
        tab.goto(server + url, wait_until="networkidle")
        problems, stops = [], 0
        for stops in range(1, 26):
            tab.keyboard.press("Tab")
            tab.evaluate(TRANSITIONS_DONE)
            state = tab.evaluate(FOCUS_STATE)
            if state is None:
                break
            problem = focus_problem(state)
            if problem:
                problems.append(f"  stop {stops}: {label(state)}: {problem}")
        assert not problems, f"{where}: focus cannot be seen:\n" + "\n".join(problems)

        menu = tab.locator(MENU)
        name = "Navigation menu" if url.startswith("en/") else "导航菜单"
        assert (menu.get_attribute("type"), menu.get_attribute("aria-label"), menu.get_attribute("aria-controls"),
                menu.get_attribute("aria-expanded")) == ("button", name, "__drawer_nav", "false"), where
        # Material's <label> for the drawer is kept for readers without JavaScript only.
        assert tab.locator(".md-header label[for='__drawer']").is_hidden(), f"{where}: two menu buttons"
        assert tab.locator(".md-sidebar--primary label[for='__toc']").count() == 0 or tab.locator(
            ".md-sidebar--primary label.md-nav__link[for='__toc']").get_attribute("hidden") is not None, where
        assert menu.is_visible(), f"{where}: the menu button is not shown"
        for key in ("Enter", " "):
            menu.focus()
            tab.keyboard.press(key)
            tab.wait_for_timeout(400)  # the drawer slides in, then the focus moves into it
            tab.evaluate(TRANSITIONS_DONE)
            assert tab.evaluate(DRAWER_OPEN) and menu.get_attribute("aria-expanded") == "true", f"{where}: {key!r} did not open the menu"
            assert tab.evaluate(FOCUS_IN_DRAWER), f"{where}: after {key!r} the focus is not on a link the reader can see in the menu"
            assert focus_problem(tab.evaluate(FOCUS_STATE)) is None, where
            tab.keyboard.press("Escape")
            tab.evaluate(TRANSITIONS_DONE)
            assert not tab.evaluate(DRAWER_OPEN), f"{where}: Escape did not close the menu"
            assert tab.evaluate(f"() => document.activeElement.matches(\"{MENU}\")"), (
                f"{where}: after Escape the focus is not back on the menu button")
        # A click opens it too, and leaves the focus where it was (no stray highlight).
        menu.click()
        tab.wait_for_timeout(400)
        assert tab.evaluate(DRAWER_OPEN), f"{where}: a click did not open the menu"
        assert not tab.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), (
            f"{where}: a click moved the focus into the menu")
        tab.keyboard.press("Escape")
        tab.evaluate(TRANSITIONS_DONE)
        # Tab through the open menu: every stop can be seen (Material leaves the levels above an
        # open section in the tab order, under it); tabbing out of the menu closes it.
        menu.focus()
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(400)
        for stop in range(1, 61):  # the current page's contents come first (Material opens them on focus)
            if not tab.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
                break
            assert tab.evaluate(FOCUS_IN_DRAWER), f"{where}: stop {stop} in the menu cannot be seen: {tab.evaluate(FOCUS_STATE)}"
            tab.keyboard.press("Tab")
            tab.evaluate(TRANSITIONS_DONE)
        else:
            pytest.fail(f"{where}: 60 Tabs did not leave the menu")
        tab.wait_for_timeout(300)
        assert not tab.evaluate(DRAWER_OPEN), f"{where}: tabbing out of the menu left it open over the page"
        assert focus_problem(tab.evaluate(FOCUS_STATE)) is None, where
    finally:
        context.close()


def test_narrow_screens_current_page_contents_open_by_keyboard(browser, server):
    """In the drawer, the current page's entry opens its contents (Material: a <label>
    with no tab stop; ours: a <button>, overrides/partials/nav-item.html), and from the
    keyboard the focus follows."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        tab.goto(server + f"{LATEST}/measures/", wait_until="networkidle")
        tab.locator(MENU).focus()
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(400)
        entry = tab.locator(".md-sidebar--primary button.md-nav__link[data-for='__toc']")
        assert (entry.get_attribute("type"), entry.get_attribute("aria-controls"),
                entry.get_attribute("aria-expanded")) == ("button", "__toc_nav", "false")
        assert entry.is_visible() and entry.inner_text().strip() == "一、主要举措和成效"
        assert tab.evaluate("() => document.activeElement.matches(\".md-sidebar--primary button[data-for='__toc']\")"), (
            "the menu did not put the focus on the current page's entry, the first one that can be seen")
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(400)
        tab.evaluate(TRANSITIONS_DONE)
        assert entry.get_attribute("aria-expanded") == "true"
        assert tab.evaluate(FOCUS_IN_DRAWER), "the focus is not on a contents link that can be seen"
        assert tab.evaluate("() => document.activeElement.getAttribute('href')") == "#party-leadership"
        assert focus_problem(tab.evaluate(FOCUS_STATE)) is None
        # Space opens the contents too; Escape closes the menu from them, focus back on its button.
        tab.locator(".md-nav--secondary .md-nav__title[for='__toc']").first.click()  # Material's back arrow
        tab.wait_for_timeout(400)
        assert entry.get_attribute("aria-expanded") == "false"
        entry.focus()
        tab.keyboard.press(" ")
        tab.wait_for_timeout(400)
        tab.evaluate(TRANSITIONS_DONE)
        assert entry.get_attribute("aria-expanded") == "true" and tab.evaluate(FOCUS_IN_DRAWER), (
            "Space did not open the contents and move the focus into them")
        tab.keyboard.press("Escape")
        tab.evaluate(TRANSITIONS_DONE)
        assert not tab.evaluate(DRAWER_OPEN), "Escape did not close the menu from the page's contents"
        assert tab.evaluate(f"() => document.activeElement.matches(\"{MENU}\")")
    finally:
        context.close()


@pytest.mark.parametrize("url", [f"{LATEST}/measures/", f"en/{LATEST}/figures/"])
def test_narrow_screens_menu_without_javascript(browser, server, url):
    """Without JavaScript our buttons cannot work: they stay hidden, and Material's
    <label>s open the menu and the current page's contents as before."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(server + url)
        assert tab.locator(MENU).is_hidden()
        assert tab.locator(".md-sidebar--primary button[data-for='__toc']").is_hidden()
        tab.locator(".md-header label[for='__drawer']").click()
        tab.wait_for_timeout(400)
        assert tab.evaluate(DRAWER_OPEN), f"/{url}: without JavaScript Material's label did not open the menu"
        tab.locator(".md-sidebar--primary label.md-nav__link[for='__toc']").click()
        tab.wait_for_timeout(400)
        assert tab.evaluate("() => document.getElementById('__toc').checked"), (
            f"/{url}: without JavaScript Material's label did not open the page's contents")
        assert tab.locator("#__toc_nav .md-nav__link").first.is_visible()
    finally:
        context.close()
