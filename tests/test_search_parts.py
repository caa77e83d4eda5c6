"""nicheng_report.search.parts: a Chinese compound is found by its parts too, through a
field that is indexed but never shown, weighed below the passage's own words (issue #16)."""

from __future__ import annotations

import json
import re

from nicheng_report.search.parts import BOOST, FIELD, add_parts, parts_of

SEPARATOR = r"[\s\u200b\u3000\-、。，,.;:!?()（）“”]+"


def index_of(*texts: str) -> dict:
    return {"config": {"separator": SEPARATOR, "fields": {"title": {"boost": 1}, "text": {"boost": 1.0}}},
            "docs": [{"location": f"page/#s{number}", "title": "标题", "text": text} for number, text in enumerate(texts)]}


def test_parts_are_the_indexs_own_words_inside_a_compound():
    vocabulary = {"文元调解工作室", "调解", "工作室", "工作", "室"}
    assert parts_of("文元调解工作室", vocabulary) == ["调解", "工作室", "工作"]  # never itself, never one character
    assert parts_of("调解", vocabulary) == []


def test_each_section_gets_the_parts_of_its_compounds_and_its_text_stays_as_shown():
    index = index_of("<p>以\u200b文元调解工作室\u200b为\u200b前沿阵地</p>", "<p>镇\u200b调解\u200b工作室</p>",
                     "<p>开展\u200b调解\u200b业务培训</p>", "<p>参加\u200b培训</p>")
    texts = [doc["text"] for doc in index["docs"]]
    add_parts(index)
    docs = index["docs"]
    assert docs[0][FIELD].split("\u200b") == ["调解", "工作室"]
    assert docs[2][FIELD].split("\u200b") == ["培训"]
    assert FIELD not in docs[1] and FIELD not in docs[3]  # no compound with known parts
    assert [doc["text"] for doc in docs] == texts
    assert index["config"]["fields"][FIELD] == {"boost": BOOST} and BOOST < index["config"]["fields"]["text"]["boost"]


def test_an_index_without_han_compounds_is_left_as_it_was():
    index = index_of("<p>The Wenyuan Mediation Studio</p>", "<p>legal aid, mediation</p>")
    before = json.dumps(index, sort_keys=True)
    add_parts(index)
    assert json.dumps(index, sort_keys=True) == before


def test_the_built_chinese_index_finds_compounds_by_their_parts(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][FIELD] == {"boost": BOOST}
    # A passage of the 2024 report's text (its words below), fixed as tests/search_queries.yml is.
    section = next(doc for doc in index["docs"] if doc["location"] == "2024/measures/#dispute-resolution")
    assert {"培训", "工作室"} <= set(section[FIELD].split("\u200b"))  # from 业务培训, 文元调解工作室
    assert "业务培训" in section["text"].split("\u200b") and not re.search(r"\u200b培训\u200b", section["text"])
