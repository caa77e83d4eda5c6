"""nicheng_report.search.terms: jieba keeps the report's terms whole, and its kept
cuts (.cache/jieba) give exactly what jieba gives, for a key that changes
whenever the terms do."""

from __future__ import annotations

import json

import jieba
import pytest

from conftest import PROJECT
from nicheng_report.glossary import load_glossary
from nicheng_report.search import terms as search_terms


@pytest.fixture(autouse=True)
def real_jieba_cut():
    yield
    jieba.cut = search_terms._jieba_cut  # on_config replaces it for a build


def test_terms_come_from_the_glossary_and_the_extra_list():
    terms = search_terms.search_terms(PROJECT)
    assert "文元调解工作室" in terms and "法律援助" in terms
    assert len(terms) == len(set(terms))
    assert {term["zh"] for term in load_glossary(PROJECT)["terms"]} <= set(terms)


def test_kept_cuts_equal_jiebas_and_are_used(tmp_path):
    terms = search_terms.search_terms(PROJECT)
    text = "泥城镇文元调解工作室推进双随机一公开，法律援助服务群众。"
    path = tmp_path / f"zh-CN-{search_terms.cache_key(terms)}.json"
    first = search_terms.SegmentCache(path, terms)
    words = list(first.cut(text.encode("utf-8")))
    search_terms.teach(terms)
    assert words == list(search_terms._jieba_cut(text))
    assert "文元调解工作室" in words and "双随机一公开" in words
    first.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {text: words}
    # A later build answers from the file, even where jieba would now say otherwise.
    path.write_text(json.dumps({text: ["kept"]}), encoding="utf-8")
    assert list(search_terms.SegmentCache(path, terms).cut(text)) == ["kept"]


def test_a_changed_term_list_changes_the_key_and_stale_files_go(tmp_path):
    terms = search_terms.search_terms(PROJECT)
    assert search_terms.cache_key(terms) != search_terms.cache_key((*terms, "新术语"))
    stale = tmp_path / "zh-CN-00000000000000000000.json"
    stale.write_text("{}", encoding="utf-8")
    other_language = tmp_path / "en-00000000000000000000.json"
    other_language.write_text("{}", encoding="utf-8")
    cache = search_terms.SegmentCache(tmp_path / f"zh-CN-{search_terms.cache_key(terms)}.json", terms)
    list(cache.cut("法治政府"))
    cache.save()
    assert not stale.exists() and other_language.exists()


def test_a_damaged_cache_file_is_ignored(tmp_path):
    terms = search_terms.search_terms(PROJECT)
    path = tmp_path / "zh-CN-x.json"
    path.write_text('{"法治', encoding="utf-8")
    assert list(search_terms.SegmentCache(path, terms).cut("法治政府")) == ["法治政府"]


def test_the_built_chinese_index_has_the_terms_whole(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {token for doc in index["docs"] for token in doc["text"].split("\u200b")}
    assert {"文元调解工作室", "双随机一公开", "法律援助"} <= tokens
