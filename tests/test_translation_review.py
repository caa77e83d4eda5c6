"""The zh→en translation review, checked on the built site: one rendering per
term, the legal terms kept apart, American spelling, and the at-a-glance pages
crediting what the report credits."""

from __future__ import annotations

import csv
import io
import re

from conftest import html_pages, soup_of
from report_data import shown

# The report the translation review covered: its items are fixed facts of that year's text (its
# figures are read from the data, so a corrected figure is followed).
REVIEWED = 2024

BRITISH = re.compile(r"\b(?:\w+isations?|organis\w*|recognis\w*|realis\w*|summaris\w*|prioritis\w*|standardis\w*|"
                     r"utilis\w*|analys(?:e|ed|es|ing)|programmes?|centres?|labour\w*|colour\w*|behaviour\w*|"
                     r"favour\w*|honour\w*|neighbour\w*|catalogues?|licence|defence|judgement|practis\w*|"
                     r"labelled|travelled|counselling|modelling)\b", re.IGNORECASE)
RETIRED = ("major repairs", "for legality", "institutional cage", "publicity matrix", "surface",
           "rate of dispute resolution", "conflict mediation", "conflicts are mediated", "legal education",
           "the public's claims", "District Party Committee's Committee")


def english_texts(site) -> dict[str, str]:
    """Visible text of every English page and the English open-data files."""
    texts = {}
    for path in html_pages(site / "en"):
        page = soup_of(path)
        for node in page(["script", "style"]):
            node.decompose()
        texts[path.relative_to(site).as_posix()] = page.body.get_text(" ")
    for name in ("figures.csv", "figures.json", "datapackage.json"):
        path = site / "en" / str(REVIEWED) / "data" / name
        texts[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def section_text(soup, url: str, heading: str) -> str:
    return soup(url).find(id=heading).find_next("p").get_text(" ", strip=True)


def test_english_has_no_retired_renderings_and_no_british_spelling(site):
    texts = english_texts(site)
    assert any(name.endswith("figures.csv") for name in texts) and len(texts) > 10
    for name, text in texts.items():
        assert not [phrase for phrase in RETIRED if phrase in text], name
        assert not BRITISH.findall(text), (name, BRITISH.findall(text))


def test_target_rate_is_the_dispute_mediation_and_handling_rate(site, soup):
    assert "dispute mediation and handling rate" in section_text(soup, f"en/{REVIEWED}/at-a-glance/", "glance-targets")
    assert "dispute mediation and handling rate" in section_text(soup, f"en/{REVIEWED}/next-steps/", "diversified-resolution")
    folder = site / "en" / str(REVIEWED) / "data"
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO((folder / "figures.csv").read_text(encoding="utf-8")))}
    label = "Target dispute mediation and handling rate"
    assert label in rows["targets.dispute_resolution_rate"].values()
    assert label in (folder / "figures.json").read_text(encoding="utf-8")


def test_english_pages_use_the_reviewed_terms(soup):
    assert "Under the annual reporting system for building a law-based government" in \
        soup("en/").select_one(".home-lead").get_text()
    glance = soup(f"en/{REVIEWED}/at-a-glance/")
    assert "major and medium repairs" in glance.get_text()
    assert "gave a legal review to" in section_text(soup, f"en/{REVIEWED}/at-a-glance/", "glance-openness")
    assert "Committee for Comprehensive Law-Based Governance of the District Party Committee" in \
        soup(f"en/{REVIEWED}/reporting-on-law/").select_one("article").get_text()
    highlights = soup(f"en/{REVIEWED}/highlights/").select_one("article").get_text()
    assert '"Point, Line and Area"' in highlights and "institutional constraints on power" in highlights
    assert "a coordinated set of publicity channels" in soup(f"en/{REVIEWED}/measures/").select_one("article").get_text()
    next_steps = soup(f"en/{REVIEWED}/next-steps/")
    assert "concerns and requests" in section_text(soup, f"en/{REVIEWED}/next-steps/", "diversified-resolution")
    assert any("三不" in note.get_text() for note in next_steps.select("article .admonition.editorial"))


def test_glossary_explains_legal_publicity_person_times_and_legal_review(soup):
    page = soup("en/glossary/")
    assert "pinyin for every term" in page.select_one("article").get_text()
    rows = {}
    for row in page.select("article table tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        rows[cells[0]] = cells[1]
        assert re.fullmatch(r".+ \(.+\)", cells[1]), cells  # Chinese (pinyin), for every term
    assert rows["legal publicity"].startswith("普法 (")
    assert rows["person-times"].startswith("人次 (")
    assert rows["legal review"].startswith("法制审核 (") and rows["legality review"].startswith("合法性审查 (")
    assert "三不" not in page.get_text()  # no official source says what the three are


def test_at_a_glance_credits_the_legal_advisers(soup):
    english = section_text(soup, f"en/{REVIEWED}/at-a-glance/", "glance-services")
    consultations, advice = (f"legal_services.{key}" for key in ("consultations", "advice"))
    assert ("The legal advisers to the villages and communities gave members of the public "
            f"{shown(consultations, 'en', REVIEWED)}") in english
    assert "gave the villages and communities decision-making advice" in english
    assert "offices in villages and residential communities gave" not in english
    chinese = re.sub(r"\s+", "", section_text(soup, f"{REVIEWED}/at-a-glance/", "glance-services"))
    assert f"各村(居)法律顾问为群众提供线上线下法律咨询{shown(consultations, 'zh', REVIEWED)}人次" in chinese
    assert f"为村(居)公章使用及其他工作提供决策咨询和法律建议{shown(advice, 'zh', REVIEWED)}次" in chinese
