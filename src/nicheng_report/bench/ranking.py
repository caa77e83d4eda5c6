"""Search ranking as residents meet it: each query of tests/search_queries.yml typed
into the real search box of the built site in Chromium, the results read in the
order Material shows them, and top-1 and top-3 counted per language and split
(tuning, held out). Also the warm search time of every query: from the End key
that sends the query to the results in the page, the index already loaded.

Material groups results by page: the page's link, then its sections by score. A
query whose `first` is a section is top-1 when the first group is that page and its
first section is that section; top-3 when the section is among the first three
passages shown (each group's sections, or its page alone when it shows none). A
query whose `first` is a page counts the groups instead.

`python -m nicheng_report search-ranking` builds the site (or takes --site) and
prints the figures; tests/test_search_ranking.py asserts them; `make bench` reports them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from nicheng_report.languages import LANGUAGES

QUERIES = "tests/search_queries.yml"
INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"

# Times from End's keydown to the first change of the results (items, or the "no result" line).
TIMER_JS = """
window.__rank = {key: null, res: null, meta: null};
document.addEventListener('keydown', (e) => {
  if (e.key !== 'End') return;
  const meta = document.querySelector('.md-search-result__meta');
  Object.assign(window.__rank, {key: performance.now(), res: null, meta: meta && meta.textContent});
}, true);
new MutationObserver(() => {
  const r = window.__rank;
  if (r.key === null || r.res !== null) return;
  const meta = document.querySelector('.md-search-result__meta');
  if (document.querySelector('.md-search-result__item') || (meta && meta.textContent !== r.meta))
    r.res = performance.now();
}).observe(document, {childList: true, subtree: true, characterData: true});
"""

# Each result group: its page, then its sections in the order shown (the folded "more" ones too).
GROUPS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
  [...item.querySelectorAll('a.md-search-result__link')].map(a => {
    const url = new URL(a.href);
    return url.pathname + url.hash;
  }))"""


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    first: str       # "2024/measures/#dispute-resolution", or a page "2024/reporting-on-law/"
    held_out: bool
    group: int = 0   # held-out group: 1 (`held_out: true`), 2 (`held_out: 2`, written later), …; 0 = tuning


@dataclass(frozen=True)
class Outcome:
    query: Query
    groups: tuple[tuple[str, ...], ...]  # per result group: page, then sections (site paths)
    ms: float                            # warm: End to results

    @property
    def rank(self) -> int | None:
        """1 = what the query must find comes first; None = not in the results."""
        if "#" not in self.query.first:
            pages = [group[0] for group in self.groups if group]
            return pages.index(self.query.first) + 1 if self.query.first in pages else None
        # What a reader meets in order: each group's sections, or the page alone when it has none.
        passages = [location for group in self.groups for location in (group[1:] or group[:1])]
        return passages.index(self.query.first) + 1 if self.query.first in passages else None

    @property
    def shown(self) -> list[str]:
        """The first results as a reader sees them, for messages."""
        return [location for group in self.groups[:2] for location in group[:3]]


def load_queries(root: Path) -> list[Query]:
    data = yaml.safe_load((root / QUERIES).read_text(encoding="utf-8")) or {}
    known = {language.code for language in LANGUAGES}
    queries = []
    for lang, items in data.items():
        if lang not in known:
            raise ValueError(f"{QUERIES}: `{lang}` is not a language of the site ({', '.join(sorted(known))})")
        for item in items:
            mark = item.get("held_out") or 0
            if not (mark is True or (type(mark) is int and mark >= 0)):
                raise ValueError(f"{QUERIES}: {item['query']}: held_out is true or a group number, not {mark!r}")
            queries.append(Query(lang=lang, text=str(item["query"]), first=str(item["first"]),
                                 held_out=bool(mark), group=int(mark)))
    return queries


def home_page(*, lang: str) -> str:
    """The language's home page, relative to the site's root: where the search starts."""
    return next(language.folder for language in LANGUAGES if language.code == lang)


def run_queries(browser, base: str, queries: list[Query]) -> list[Outcome]:
    """Every query typed into the search box of its language's site, on one warm page per language."""
    outcomes: list[Outcome] = []
    base_path = "/" + base.split("://", 1)[1].split("/", 1)[1]
    for lang in dict.fromkeys(query.lang for query in queries):
        # bypass_csp: Playwright's wait_for_function evaluates strings, which the site's CSP forbids.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.add_init_script(TIMER_JS)
        page.goto(base + home_page(lang=lang), wait_until="load")
        page.click(INPUT)
        for query in (query for query in queries if query.lang == lang):
            page.fill(INPUT, "")
            page.keyboard.press("End")
            page.wait_for_function(f"!document.querySelector('{RESULT}')", timeout=10000)
            page.fill(INPUT, query.text)
            page.keyboard.press("End")
            page.wait_for_function("window.__rank.res !== null", timeout=30000)
            page.wait_for_timeout(30)  # the rest of the list is appended in the same task
            groups = tuple(tuple(location.removeprefix(base_path) for location in group)
                           for group in page.evaluate(GROUPS_JS))
            outcomes.append(Outcome(query=query, groups=groups,
                                    ms=page.evaluate("window.__rank.res - window.__rank.key")))
        context.close()
    return outcomes


@dataclass(frozen=True)
class Figures:
    count: int
    top1: int
    top3: int
    median_ms: float
    max_ms: float

    def line(self) -> str:
        if not self.count:
            return "no queries"
        return (f"top-1 {self.top1}/{self.count} ({100 * self.top1 / self.count:.0f}%), "
                f"top-3 {self.top3}/{self.count} ({100 * self.top3 / self.count:.0f}%), "
                f"warm {self.median_ms:.0f} ms median, {self.max_ms:.0f} ms max")


def figures(outcomes: list[Outcome]) -> Figures:
    ranks = [outcome.rank for outcome in outcomes]
    times = [outcome.ms for outcome in outcomes] or [float("nan")]
    return Figures(count=len(outcomes), top1=sum(rank == 1 for rank in ranks),
                   top3=sum(rank is not None and rank <= 3 for rank in ranks),
                   median_ms=statistics.median(times), max_ms=max(times))


def by_split(outcomes: list[Outcome]) -> dict[tuple[str, str], Figures]:
    """(language, "tuning" | "held out") -> figures; "held out" is every held-out group together,
    and when there is more than one group, each also has its own line ("held out 1", "held out 2", …)."""
    table = {}
    for lang in dict.fromkeys(outcome.query.lang for outcome in outcomes):
        mine = [outcome for outcome in outcomes if outcome.query.lang == lang]
        table[lang, "tuning"] = figures([outcome for outcome in mine if not outcome.query.held_out])
        table[lang, "held out"] = figures([outcome for outcome in mine if outcome.query.held_out])
        groups = sorted({outcome.query.group for outcome in mine if outcome.query.held_out})
        if len(groups) > 1:
            for group in groups:
                table[lang, f"held out {group}"] = figures([outcome for outcome in mine
                                                            if outcome.query.group == group])
    return table


def report(outcomes: list[Outcome], *, show_held_out: bool) -> str:
    lines = [f"{lang} {split}: {result.line()}" for (lang, split), result in by_split(outcomes).items()]
    for outcome in outcomes:
        if outcome.rank != 1 and (show_held_out or not outcome.query.held_out):
            lines.append(f"  miss ({outcome.query.lang}, rank {outcome.rank}): {outcome.query.text} -> "
                         f"{outcome.query.first}; shown: {', '.join(outcome.shown)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from nicheng_report.commands.build import project_argument
    from nicheng_report.testing import CHROMIUM, CHROMIUM_ARGS, serve

    parser = argparse.ArgumentParser(prog="python -m nicheng_report search-ranking",
                                     description=f"top-1 and top-3 of the queries in {QUERIES}, typed in Chromium")
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--show-held-out", action="store_true", help="also list the held-out queries that miss")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        import subprocess
        import sys
        site = Path(tempfile.mkdtemp(prefix="nicheng-ranking-")) / "site"
        subprocess.run([sys.executable, "-m", "nicheng_report", "build", "--project", str(args.project),
                        "--out", str(site)], check=True)
    from playwright.sync_api import sync_playwright

    server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            outcomes = run_queries(browser, f"http://127.0.0.1:{server.server_address[1]}/",
                                   load_queries(args.project))
            browser.close()
    finally:
        server.shutdown()
    print(report(outcomes, show_held_out=args.show_held_out))
    return 0


def bench_ranking(table, browser, base: str, project: Path) -> None:
    """Section 4 of `make bench`: top-1 and top-3 per language and split, against the goals of issue #16."""
    from nicheng_report.bench.report import BUDGET_RANKING_TOP1

    outcomes = run_queries(browser, base, load_queries(project))
    table.data["search_ranking"] = [{"lang": o.query.lang, "query": o.query.text, "first": o.query.first,
                                     "held_out": o.query.held_out, "rank": o.rank, "ms": o.ms} for o in outcomes]
    for (lang, split), result in by_split(outcomes).items():
        ok = result.top1 >= BUDGET_RANKING_TOP1 * result.count and result.top3 == result.count
        table.add("4", f"search ranking {lang}, {split} queries of {QUERIES} (passage first / in the first three)",
                  result.line(), f"top-1 ≥ {BUDGET_RANKING_TOP1:.0%}, top-3 100%", ok)
