"""nicheng_report.figures.sections, jsonld and site: figures and the pages that state
them, structured data for search engines, and one build's figures put together."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from nicheng_report.errors import StaffError
from nicheng_report.figures import load_report_data
from nicheng_report.figures.jsonld import dataset_jsonld, page_jsonld, report_jsonld, script_json
from nicheng_report.figures.pages import PageRef
from nicheng_report.figures.sections import check_sections, heading_ids, unshown_figures
from nicheng_report.figures.site import ReportSite

from conftest import PROJECT
from report_data import LATEST, shown

DATA = load_report_data(PROJECT / "docs" / "data" / f"{LATEST}.yml")
YEARS = {LATEST: DATA}
# The open-data files of the year: corrections.csv too once it has an official correction (更正说明).
OPEN_DATA = ["figures.csv", "figures.json", "datapackage.json"] + (["corrections.csv"] if DATA.corrections else [])
HEADINGS = {fig.page: set() for fig in DATA.figures.values()}
for fig in DATA.figures.values():
    HEADINGS[fig.page].add(fig.heading)


def test_heading_ids_of_a_nested_toc():
    toc = [SimpleNamespace(id="a", children=[SimpleNamespace(id="b", children=[])]), SimpleNamespace(id="c", children=[])]
    assert heading_ids(toc) == ["a", "b", "c"]


def test_sections_name_real_pages_and_headings():
    check_sections(YEARS, "zh", lambda year, page: HEADINGS.get(page))
    with pytest.raises(StaffError, match=rf"docs/data/{LATEST}.yml, line \d+ / 第\d+行, key `[a-z_.]+`\n(.*\n)+"
                                         rf"  Problem: section `.*` names the page docs/en/{LATEST}/\S+.md, which does not exist"):
        check_sections(YEARS, "en", lambda year, page: None)
    wrong = {page: {heading + "s" for heading in ids} for page, ids in HEADINGS.items()}
    with pytest.raises(StaffError, match=rf"names no heading of docs/zh/{LATEST}/\S+\.md\.\n(.*\n)+  Fix: Did you mean `[a-z-]+s`\?"):
        check_sections(YEARS, "zh", lambda year, page: wrong.get(page))


def test_every_stated_figure_must_be_shown_on_its_page():
    shown = {(LATEST, fig.page): set() for fig in DATA.figures.values()}
    for key, fig in DATA.figures.items():
        shown[(LATEST, fig.page)].add(key)
    assert unshown_figures(YEARS, shown, "zh") == []
    shown[(LATEST, "measures")].discard("mediation.cases")
    messages = unshown_figures(YEARS, shown, "en")
    assert len(messages) == 1
    line = DATA.figures["mediation.cases"].line
    assert messages[0].startswith(f"docs/data/{LATEST}.yml, line {line} / 第{line}行, key `mediation.cases`\n")
    assert "  Problem: the report states this figure at" in messages[0]
    assert f"docs/en/{LATEST}/measures.md does not show it" in messages[0] and "修改" in messages[0]
    described = {key for key, fig in DATA.figures.items() if fig.origin != "stated"}
    assert described and len(unshown_figures(YEARS, {}, "zh")) == len(DATA.figures) - len(described)
    assert not any(f"`{key}`" in message for message in unshown_figures(YEARS, {}, "zh") for key in described)


def test_script_json_cannot_end_its_script_element():
    assert script_json({"name": "</script><b>"}) == '{"name": "\\u003c/script>\\u003cb>"}'
    assert json.loads(script_json({"name": "</script>"})) == {"name": "</script>"}


@pytest.mark.parametrize("lang, in_language", [("zh", "zh-CN"), ("en", "en")])
def test_report_and_dataset(lang: str, in_language: str):
    report = report_jsonld(DATA, lang)
    assert report["@type"] == "Report" and report["inLanguage"] == in_language
    assert report["name"] == getattr(DATA.meta.title, lang) and report["datePublished"] == DATA.meta.published
    assert report["publisher"]["address"]["addressCountry"] == "CN"
    assert ("translationOfWork" in report) == (lang == "en")
    dataset = dataset_jsonld(DATA, lang)
    assert dataset["name"].startswith(getattr(DATA.meta.title, lang)) and dataset["description"]
    assert [d["contentUrl"] for d in dataset["distribution"]] == [f"../data/{name}" for name in OPEN_DATA]
    assert set(page_jsonld(DATA, f"{LATEST}/", lang)) == {"report_jsonld"}
    assert set(page_jsonld(DATA, f"{LATEST}/figures/", lang)) == {"dataset_jsonld"}
    assert page_jsonld(DATA, f"{LATEST}/measures/", lang) == {}


def test_one_build_put_together():
    site = ReportSite(YEARS, "zh")
    assert [path for path, _ in site.open_data()] == [f"{LATEST}/data/{name}" for name in OPEN_DATA]
    source = "# 措施\n\n调解{{ mediation.cases }}件。\n"
    page = PageRef(f"{LATEST}/measures.md", f"{LATEST}/measures/", source, "zh", PROJECT / "docs" / "zh")
    markdown = site.read_markdown(source, page)
    assert "{{" not in markdown and site.pages_to_fill() == [f"{LATEST}/measures.md"]
    assert site.used == {(LATEST, "measures"): {"mediation.cases"}}
    html, ids = site.fill(f"{LATEST}/measures.md", f"<p>{markdown.splitlines()[-1]}</p>",
                          lambda snippet: (snippet.context["text"], set()))
    assert html == f"<p>调解{shown('mediation.cases', 'zh')}件。</p>" and ids == set()
    assert site.jsonld(f"{LATEST}/index.md", f"{LATEST}/").keys() == {"report_jsonld"}
    assert any("`party.study_sessions`" in message for message in site.unshown())
