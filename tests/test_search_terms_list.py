"""nicheng_report.search.terms: the search-only words come from docs/data/glossary.yml
(`search_terms:`), then the glossary's own terms; a malformed list is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nicheng_report.errors import StaffError
from nicheng_report.search.terms import search_terms

from conftest import ROOT

TERM = {"zh": "人民调解", "en": "people's mediation", "explain_zh": "解释", "explain_en": "Explained.",
        "section": "measures#x"}


def project(tmp_path: Path, glossary: dict) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "glossary.yml").write_text(yaml.safe_dump(glossary, allow_unicode=True),
                                                             encoding="utf-8")
    return tmp_path


def test_the_real_glossary_gives_its_search_words_then_its_terms():
    glossary = yaml.safe_load((ROOT / "docs" / "data" / "glossary.yml").read_text(encoding="utf-8"))
    terms = search_terms(ROOT)
    assert terms[: len(glossary["search_terms"])] == tuple(glossary["search_terms"])
    assert {"文元调解工作室", "双随机一公开", "红色+法治"} <= set(terms)
    assert {term["zh"] for term in glossary["terms"]} <= set(terms)
    assert len(terms) == len(set(terms))


def test_search_words_are_optional_and_kept_once(tmp_path: Path):
    assert search_terms(project(tmp_path / "a", {"terms": [TERM]})) == ("人民调解",)
    assert search_terms(project(tmp_path / "b", {"search_terms": ["泥城", "人民调解"], "terms": [TERM]})) == ("泥城", "人民调解")
    assert search_terms(tmp_path / "no-glossary") == ()


@pytest.mark.parametrize("bad", ["泥城", ["泥城", ""], [["泥城"]]])
def test_a_malformed_list_is_explained(tmp_path: Path, bad):
    with pytest.raises(StaffError, match="docs/data/glossary.yml: `search_terms:` must be a list") as caught:
        search_terms(project(tmp_path, {"search_terms": bad, "terms": [TERM]}))
    assert "修改" in str(caught.value) and "Fix:" in str(caught.value)
