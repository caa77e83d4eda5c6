"""4: search in Chromium, from the last keystroke to the first result.

The query is typed into Material's search box and End is pressed; the time runs
from End's keydown to the first result in the page (MutationObserver,
performance.now()). Cold: a fresh page; focusing the search box makes the page
request the index, which is held back until End has been pressed, so the time
includes fetching the index, building it in the worker and the query. Warm: the
box cleared and the query typed again on the same page."""

from __future__ import annotations

import time

from nicheng_report.bench.common import median
from nicheng_report.bench.report import BUDGET_SEARCH_WARM_MS, Table

SEARCHES = (("zh", "", "调解"), ("en", "en/", "mediation"),
            ("zh-Hant", "zh-hant/", "調解"), ("zh-Hant, typed simplified", "zh-hant/", "调解"))
INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"
TIMER_JS = """
window.__bench = {key: null, res: null};
document.addEventListener('keydown', (e) => {
  if (e.key === 'End') { window.__bench.key = performance.now(); window.__bench.res = null; }
}, true);
new MutationObserver(() => {
  const b = window.__bench;
  if (b.key !== null && b.res === null && document.querySelector('.md-search-result__item')) {
    b.res = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""


def search_times(browser, base: str, prefix: str, query: str, *, cold_reps: int, warm_reps: int) -> dict:
    cold: list[float] = []
    warm: list[float] = []
    counts: list[int] = []
    for i in range(cold_reps):
        # bypass_csp: Playwright's wait_for_function evaluates strings, which the site's CSP forbids.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.add_init_script(TIMER_JS)
        held = []
        page.route("**/search/search_index.json", lambda route: held.append(route))
        page.goto(base + prefix, wait_until="load")
        page.click(INPUT)  # site.js lets the page request the index only now
        deadline = time.monotonic() + 10
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(10)
        if not held:
            raise RuntimeError("focusing the search box did not request search/search_index.json")
        page.fill(INPUT, query)
        page.keyboard.press("End")
        held[0].continue_()          # the index arrives only now: cold
        page.wait_for_function("window.__bench.res !== null", timeout=30000)
        cold.append(page.evaluate("window.__bench.res - window.__bench.key"))
        if i == cold_reps - 1:
            for _ in range(warm_reps):
                page.fill(INPUT, "")
                page.keyboard.press("End")
                page.wait_for_function(f"!document.querySelector('{RESULT}')", timeout=10000)
                page.fill(INPUT, query)
                page.keyboard.press("End")
                page.wait_for_function("window.__bench.res !== null", timeout=10000)
                warm.append(page.evaluate("window.__bench.res - window.__bench.key"))
                counts.append(page.locator(RESULT).count())
        context.close()
    return {"cold": cold, "warm": warm, "results": counts}


def bench_search(table: Table, browser, base: str, *, cold_reps: int, warm_reps: int) -> None:
    for lang, prefix, query in SEARCHES:
        times = search_times(browser, base, prefix, query, cold_reps=cold_reps, warm_reps=warm_reps)
        table.data[f"search_{lang}"] = times
        table.add("4", f"search {lang} “{query}”, cold (fresh page; index fetched on focus, held back until typed), "
                       f"median of {cold_reps}", f"{median(times['cold']):.0f} ms")
        table.add("4", f"search {lang} “{query}”, warm (same page), median of {warm_reps}",
                  f"{median(times['warm']):.0f} ms (max {max(times['warm']):.0f}; {times['results'][-1]} results)",
                  f"≤ {BUDGET_SEARCH_WARM_MS} ms", median(times["warm"]) <= BUDGET_SEARCH_WARM_MS)
