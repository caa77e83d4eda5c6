"""The nav, written once (nicheng_report.nav, hooks/nav.py): paths in mkdocs.yml,
every report year from the `- YEAR:` pattern, labels from the pages."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from nicheng_report.errors import StaffError
from nicheng_report.nav import (config_nav, expand, front_matter_and_h1, label, page_label, report_years,
                                section_label, unknown_entry)

# The labels the nav showed when each language wrote its own nav (they must not change).
LABELS = {
    "zh": {"index.md": "首页", "2024/index.md": "2024年度泥城镇法治政府建设情况报告",
           "2024/measures.md": "一、主要举措和成效", "2024/reporting-on-law.md": "二、述法工作开展情况",
           "2024/highlights.md": "三、特色亮点工作", "2024/shortcomings.md": "三、存在的不足和原因",
           "2024/next-steps.md": "四、下阶段工作主要安排", "2024/figures.md": "关键数据",
           "2024/at-a-glance.md": "一图读懂", "2024/full.md": "全文打印版", "glossary.md": "术语表",
           "accessibility.md": "无障碍声明"},
    "en": {"index.md": "Home", "2024/index.md": "2024 Report of Nicheng Town on Building a Law-Based Government",
           "2024/measures.md": "I. Main measures and results",
           "2024/reporting-on-law.md": "II. Reporting on rule-of-law duties",
           "2024/highlights.md": "III. Highlights", "2024/shortcomings.md": "III. Shortcomings and causes",
           "2024/next-steps.md": "IV. Main work for the next stage", "2024/figures.md": "Key figures",
           "2024/at-a-glance.md": "At a glance", "2024/full.md": "Full text for printing",
           "glossary.md": "Glossary", "accessibility.md": "Accessibility"},
}
SECTIONS = {"zh": "2024年度报告", "en": "2024 Report"}


def pages_of(nav: list) -> list[str]:
    found: list[str] = []
    for item in nav:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            (value,) = item.values()
            found += [value] if isinstance(value, str) else pages_of(value)
    return found


def project(tmp_path: Path, pages: dict[str, str], data_years: tuple[int, ...] = ()) -> Path:
    for relative, text in pages.items():
        path = tmp_path / "docs" / "zh" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "docs" / "data").mkdir(parents=True, exist_ok=True)
    for year in data_years:
        (tmp_path / "docs" / "data" / f"{year}.yml").write_text("report: {}\n", encoding="utf-8")
    return tmp_path


PATTERN = {"YEAR": ["YEAR/index.md", "YEAR/measures.md", "YEAR/figures.md"]}


# --- The project's own nav -------------------------------------------------------

def test_the_nav_is_written_once_with_paths_only():
    assert "nav:" not in (ROOT / "mkdocs.en.yml").read_text(encoding="utf-8")
    nav = config_nav(ROOT)
    assert all(isinstance(item, str) or not isinstance(next(iter(item.values())), str) for item in nav), nav
    assert any(isinstance(item, dict) and "YEAR" in item for item in nav)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_is_in_the_nav_with_the_label_it_had(lang):
    expanded = expand(config_nav(ROOT), ROOT)
    assert expanded.unknown == []
    listed = pages_of(expanded.nav)
    docs = ROOT / "docs" / lang
    assert sorted(listed) == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for path in listed:
        if path in LABELS[lang]:
            assert page_label((docs / path).read_text(encoding="utf-8")) == LABELS[lang][path], path
    assert section_label((docs / "2024" / "index.md").read_text(encoding="utf-8")) == SECTIONS[lang]


def test_the_built_nav_shows_the_labels(site):
    from bs4 import BeautifulSoup

    for prefix, lang in (("", "zh"), ("en/", "en")):
        page = BeautifulSoup((site / prefix / "2024" / "highlights" / "index.html").read_text(encoding="utf-8"),
                             "lxml")
        shown = [" ".join(a.get_text().split()) for a in page.select(".md-sidebar--primary .md-nav__link")]
        wanted = [label for path, label in LABELS[lang].items() if path != "2024/index.md"]
        assert [text for text in dict.fromkeys(shown) if text in wanted] == wanted   # the current page twice
        assert SECTIONS[lang] in shown


# --- Labels ------------------------------------------------------------------------

def test_nav_title_comes_first_then_the_h1():
    assert page_label("---\ntitle: T\nnav_title: Short\n---\n\n# Long title { #id }\n") == "Short"
    assert page_label("---\ntitle: T\n---\n\n# Long title { #id }\n") == "Long title"
    assert page_label("<div markdown>\n\n| a |\n| --- |\n\n</div>\n\n# After a table { #t }\n") == "After a table"
    assert page_label("```\n# not a heading\n```\n\n## Two\n\n# Closed ###\n") == "Closed"
    assert page_label("No heading at all.\n") is None


def test_a_section_label_comes_from_its_index_page():
    assert section_label("---\nnav_section_title: 2024 Report\n---\n\n# The 2024 report\n") == "2024 Report"
    assert section_label("---\nnav_title: Report\n---\n\n# The 2024 report\n") == "Report"
    assert front_matter_and_h1("---\nnav_section_title: 2024年度报告\n---\n# 标题\n") == (
        {"nav_section_title": "2024年度报告"}, "标题")


def test_labels_are_set_on_mkdocs_items():
    sources = {"2024/index.md": "---\nnav_section_title: 2024 Report\n---\n# The 2024 report\n",
               "2024/measures.md": "---\nnav_title: I. Measures\n---\n# I. Main Measures { #measures }\n",
               "glossary.md": "Glossary without a heading\n"}

    def page(path):
        return SimpleNamespace(is_page=True, is_section=False, is_index=path.endswith("index.md"), title=None,
                               file=SimpleNamespace(src_uri=path))

    index, measures, glossary = (page(path) for path in sources)
    section = SimpleNamespace(is_page=False, is_section=True, title="2024", children=[index, measures])
    label([section, glossary], lambda item: sources[item.file.src_uri])
    assert (section.title, index.title, measures.title) == ("2024 Report", "The 2024 report", "I. Measures")
    assert glossary.title is None   # no label of its own: MkDocs' title (its meta title or rendered H1)


# --- Report years --------------------------------------------------------------------

def test_years_come_from_the_folders_and_the_data_files(tmp_path):
    root = project(tmp_path, {"2023/index.md": "# 2023\n", "2025/index.md": "# 2025\n", "notes/x.md": "# x\n"},
                   data_years=(2024, 2025))
    assert report_years(root) == [2025, 2024, 2023]


def test_the_pattern_is_repeated_for_every_year_newest_first(tmp_path):
    root = project(tmp_path, {"2024/index.md": "#\n", "2024/measures.md": "#\n", "2024/figures.md": "#\n",
                              "2025/index.md": "#\n", "2025/figures.md": "#\n"}, data_years=(2024, 2025, 2026))
    expanded = expand(["index.md", PATTERN, "glossary.md", {"Elsewhere": "https://example.org/"}], root)
    assert expanded.nav == [
        "index.md",
        {"2026": ["2026/index.md"]},                       # data alone: its first page, which MkDocs reports missing
        {"2025": ["2025/index.md", "2025/figures.md"]},    # only the pages the year has, in the pattern's order
        {"2024": ["2024/index.md", "2024/measures.md", "2024/figures.md"]},
        "glossary.md",
        {"Elsewhere": "https://example.org/"},
    ]
    assert list(expanded.years) == [2026, 2025, 2024] and expanded.unknown == []
    assert expanded.pattern == PATTERN["YEAR"]


def test_a_pattern_entry_no_year_has_is_reported(tmp_path):
    root = project(tmp_path, {"2024/index.md": "#\n", "2024/figures.md": "#\n"}, data_years=(2024,))
    expanded = expand([PATTERN], root)
    assert expanded.unknown == ["YEAR/measures.md"]
    message = unknown_entry("YEAR/measures.md", root)
    assert message.startswith("mkdocs.yml") and "YEAR/measures.md" in message and "A reference to" not in message
    assert "docs/zh/*/measures.md" in message and "不存在" in message and "Fix" in message


def test_a_nested_section_keeps_its_name_and_its_pages(tmp_path):
    root = project(tmp_path, {}, data_years=())
    assert expand([{"About": ["about/index.md", "about/team.md"]}], root).nav == [
        {"About": ["about/index.md", "about/team.md"]}]


@pytest.mark.parametrize("nav, words", [
    ([{"首页": "index.md"}], ["`- 首页: index.md`", "nav_title", "标签", "label"]),
    ([{"About": [{"Team": "about/team.md"}]}], ["`- Team: about/team.md`", "nav_title"]),
    ([PATTERN, PATTERN], ["twice", "两次"]),
    ([{"YEAR": ["index.md"]}], ["YEAR/", "Fix"]),
    ([{"YEAR": [{"Measures": "YEAR/measures.md"}]}], ["YEAR/", "Fix"]),
])
def test_mistakes_in_the_nav_stop_the_build_with_the_fix(tmp_path, nav, words):
    root = project(tmp_path, {"2024/index.md": "#\n"}, data_years=(2024,))
    with pytest.raises(StaffError) as raised:
        expand(nav, root)
    for word in words:
        assert word in str(raised.value), str(raised.value)
