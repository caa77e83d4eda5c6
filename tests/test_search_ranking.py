"""Search ranking as residents meet it (issue #16): every query of tests/search_queries.yml
typed into the real search box of the built site in Chromium, in its language's edition.

Goals: the passage first (top-1) for at least 95% of each language's queries, and at least
95% of its held-out ones (both groups together), which the ranking was not tuned on (raised
from 90% when the second group was all first: 40/40 Chinese, 30/30 English); the passage in
the first three results for every query; warm
search within 100 ms (median; the slowest is reported, since two shared cores can stall
any single one)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from nicheng_report.bench.ranking import INPUT, Query, by_split, figures, load_queries, report, run_queries
from nicheng_report.languages import AUTHORED, LANGUAGES, language

TOP1_ALL = 0.95
TOP1_HELD_OUT = 0.95
WARM_MEDIAN_MS = 100


@pytest.fixture(scope="module")
def outcomes(browser, server):
    return run_queries(browser, server, load_queries(ROOT))


def test_the_query_set_covers_both_languages_with_held_out_queries():
    """The first set held out a third (`held_out: true`); a second group (`held_out: 2`) was
    written later, before the second ranking change, so together they are nearly half."""
    queries = load_queries(ROOT)
    for edition in AUTHORED:   # the 繁體 edition's queries: tests/test_traditional.py
        mine = [query for query in queries if query.lang == edition.code]
        assert len(mine) >= (40 if edition.code == "zh" else 20), edition.code
        first = [query for query in mine if query.group <= 1]
        held_out = sum(query.held_out for query in first)
        assert 0.25 <= held_out / len(first) <= 0.4, (edition.code, held_out, len(first))
        assert sum(query.group == 2 for query in mine) >= 12, edition.code
        assert len({query.text for query in mine}) == len(mine), "a query is listed twice"


def test_the_passage_comes_first(outcomes):
    print("\n" + report(outcomes, show_held_out=True))
    for lang in dict.fromkeys(outcome.query.lang for outcome in outcomes):
        mine = [outcome for outcome in outcomes if outcome.query.lang == lang]
        everything = figures(mine)
        held_out = by_split(mine)[lang, "held out"]
        misses = [f"{o.query.text} -> {o.query.first}: {o.shown[:4]}" for o in mine if o.rank != 1]
        assert everything.top1 >= TOP1_ALL * everything.count, (lang, everything.line(), misses)
        assert held_out.top1 >= TOP1_HELD_OUT * held_out.count, (lang, held_out.line(), misses)


def test_the_passage_is_always_in_the_first_three(outcomes):
    far = [(o.query.lang, o.query.text, o.query.first, o.rank, o.shown) for o in outcomes
           if o.rank is None or o.rank > 3]
    assert not far, far


def test_warm_search_stays_fast(outcomes):
    result = figures(outcomes)
    assert result.median_ms <= WARM_MEDIAN_MS, result.line()


def test_each_query_searched_only_its_own_edition(outcomes):
    for outcome in outcomes:
        own = language(outcome.query.lang).folder
        others = [other.folder for other in LANGUAGES if other.folder not in ("", own)]
        assert outcome.groups, outcome.query
        for group in outcome.groups:
            assert group[0].startswith(own) and not group[0].startswith(tuple(others)), (outcome.query, group)


def test_a_part_of_a_compound_finds_the_compound_after_the_word_itself(browser, server):
    """培训 stands alone in two passages, and inside 调解业务培训 in a third, which lunr's
    prefix match alone never found (nicheng_report.search.parts). The passages are the 2024
    report's, fixed as the query set tests/search_queries.yml is: a later report has other words."""
    alone, compound = "2024/measures/#enforcement-supervision", "2024/measures/#dispute-resolution"
    query = Query(lang="zh", text="培训", first=alone, held_out=False)
    [outcome] = run_queries(browser, server, [query])
    passages = [location for group in outcome.groups for location in group[1:]]
    assert compound in passages, passages
    assert passages.index(alone) < passages.index(compound), passages


def test_every_word_of_a_chinese_query_counts_as_found(browser, server):
    """Material's worker turned 矛盾调处率 into 矛盾** 调处*, and each result then listed
    矛盾* as missing (缺少) under a highlighted 矛盾 (nicheng_report.search.worker, fix 3)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.goto(server)
    tab.click(INPUT)
    tab.fill(INPUT, "矛盾调处率")
    tab.keyboard.press("End")
    tab.wait_for_selector(".md-search-result__item mark")
    first = tab.locator(".md-search-result__item").first
    missing = first.locator(".md-search-result__terms").all_inner_texts()
    marked = first.locator("mark").all_inner_texts()
    context.close()
    assert {"矛盾", "调处"} <= set(marked) and not missing, (marked, missing)
