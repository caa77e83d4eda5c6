"""nicheng_report.figures.pages and years: pages without MkDocs (links as MkDocs
makes them, the year a page belongs to, where a piece of text came from) and
every year's data file loaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.utils import get_relative_url

from nicheng_report.errors import StaffError
from nicheng_report.figures.pages import PageRef, figures_url, origin, relative_url, year_of
from nicheng_report.figures.years import load_years

from conftest import ROOT


@pytest.mark.parametrize("url, other", [
    ("2024/figures/", ""), ("2024/figures/", "2024/measures/"), ("2024/figures/", "2024/figures/"),
    ("2024/data/", "en/"), ("2024/index.md", "."), ("glossary/", "2024/"), ("a/b.html", "c/d/e.html"),
])
def test_relative_url_is_mkdocs_own(url: str, other: str):
    assert relative_url(url, other) == get_relative_url(url, other)


def test_a_page_knows_its_file_stem_and_links():
    measures = PageRef("2024/measures.md", "2024/measures/", "", "zh", ROOT / "docs" / "zh")
    assert measures.where == "docs/zh/2024/measures.md" and measures.stem == "measures"
    assert measures.link(figures_url(2024)) == "../figures/"
    assert PageRef("index.md", "", "", "en", ROOT / "docs" / "en").link("2024/data/") == "2024/data/"


def test_year_of_a_page():
    years = {2023: None, 2024: None}
    assert year_of("2023/measures.md", years) == 2023
    assert year_of("index.md", years) == 2024 and year_of("2019/x.md", years) == 2024


def test_origin_finds_the_section_page_of_the_print_page():
    full = PageRef("2024/full.md", "2024/full/", "# 全文\n", "zh", ROOT / "docs" / "zh")
    where, line = origin("{{ mediation.cases }}", full, fallback=99)
    assert where.startswith("docs/zh/2024/") and where != "docs/zh/2024/full.md"
    text = (ROOT / where).read_text(encoding="utf-8")
    assert text.splitlines()[line - 1].count("{{ mediation.cases }}")
    own = PageRef("x.md", "x/", "a\nb {{ k }}\n", "zh", ROOT / "docs" / "zh")
    assert origin("{{ k }}", own, fallback=9) == ("docs/zh/x.md", 2)
    assert origin("{{ nowhere.at.all }}", own, fallback=9) == ("docs/zh/x.md", 9)


def test_load_years_by_year_and_kept_while_unchanged(tmp_path: Path):
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "data" / "2024.yml", data / "2024.yml")
    (data / "glossary.yml").write_text("terms: []\n", encoding="utf-8")   # not a year: ignored
    first = load_years(data, tmp_path)
    assert list(first) == [2024] and first[2024].figures
    assert load_years(data, tmp_path)[2024] is first[2024]
    stat = (data / "2024.yml").stat()
    os.utime(data / "2024.yml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert load_years(data, tmp_path)[2024] is not first[2024]


def test_load_years_mistakes(tmp_path: Path):
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    with pytest.raises(StaffError, match="No data file found"):
        load_years(data, tmp_path)
    shutil.copy(ROOT / "docs" / "data" / "2024.yml", data / "2025.yml")
    with pytest.raises(StaffError, match="report.year is 2024 but the file is named 2025.yml"):
        load_years(data, tmp_path)
    (data / "2025.yml").write_text("report: [\n", encoding="utf-8")
    with pytest.raises(StaffError) as caught:
        load_years(data, tmp_path)
    assert str(caught.value).startswith("docs/data/2025.yml, line")
