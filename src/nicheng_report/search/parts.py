"""Chinese compound words found by their parts too (issue #16).

jieba keeps the report's compounds whole (文元调解工作室, 调解业务培训 → 调解 业务培训),
which lets a whole-word query match, but lunr matches a query word only at the start
of an indexed word: 培训 did not find 业务培训, nor 工作室 文元调解工作室. So each
section also gets a `parts` field: the parts of its compound words (Han words of three
or more characters) that are words elsewhere in the same index, as jieba's
cut_for_search adds a long word's dictionary words. The index's own words are used
rather than jieba's dictionary, so a build whose cuts are all cached still never
loads it (nicheng_report.search.terms). The field is indexed, never shown; its boost
is below the text's, so a passage with the word itself outranks one with it inside a
compound. Nothing here names a language: any edition whose index has Han words gets it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FIELD = "parts"
BOOST = 0.5
SHORTEST_PART = 2
SHORTEST_COMPOUND = 3
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")  # Python's re has no \p{Han}
_TAG = re.compile(r"<[^>]*>")


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words lunr indexes from `text`: markup dropped, split on the index's separator, lower case."""
    return [word.lower() for word in separator.split(_TAG.sub(" ", text)) if word]


def parts_of(compound: str, vocabulary: set[str]) -> list[str]:
    """The words of `vocabulary` inside `compound`, shorter than it, left to right, longest first."""
    found = []
    for start in range(len(compound)):
        for end in range(len(compound), start + SHORTEST_PART - 1, -1):
            part = compound[start:end]
            if part != compound and part in vocabulary:
                found.append(part)
    return found


def add_parts(index: dict) -> None:
    """Give each document of Material's search index (`search_index.json`, parsed) its `parts` field."""
    separator = re.compile(index["config"]["separator"])
    docs = index["docs"]
    per_doc = [words(f"{doc.get('title', '')} {doc.get('text', '')}", separator) for doc in docs]
    vocabulary = {word for doc_words in per_doc for word in doc_words if _HAN.match(word)}
    added = False
    for doc, doc_words in zip(docs, per_doc):
        compounds = [word for word in dict.fromkeys(doc_words) if len(word) >= SHORTEST_COMPOUND and _HAN.match(word)]
        parts = list(dict.fromkeys(part for compound in compounds for part in parts_of(compound, vocabulary)))
        if parts:
            doc[FIELD] = "\u200b".join(parts)
            added = True
    if added:
        index["config"]["fields"][FIELD] = {"boost": BOOST}


def add_parts_to_site(site: Path) -> None:
    """add_parts() on the search index `site` publishes, if it has one."""
    path = site / "search" / "search_index.json"
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        add_parts(index)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
