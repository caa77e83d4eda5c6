"""nicheng_report.drafts on copies of the project: what makes a year a draft, and what never does
(a mistake in a published year's data file is reported by the build, never hidden as a draft)."""

from __future__ import annotations

import re

from conftest import PROJECT, copy_project
from nicheng_report.drafts import is_draft, publish, remaining, status
from nicheng_report.nav import report_years
from report_data import LATEST



def test_the_published_years_are_complete():
    """Every year not marked `status: draft` is finished (a draft year is allowed while it is being written)."""
    years = [year for year in report_years(PROJECT) if status(PROJECT, year) != "draft"]
    assert years
    for year in years:
        assert remaining(PROJECT, year) == [] and not is_draft(PROJECT, year), year


def test_a_mistyped_date_or_broken_file_is_not_a_draft(tmp_path):
    root = copy_project(PROJECT, tmp_path / "p")
    path = root / "docs" / "data" / f"{LATEST}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^  published: .*$', '  published: "2024-13-45"', text, count=1, flags=re.MULTILINE),
                    encoding="utf-8")
    assert not is_draft(root, LATEST) and remaining(root, LATEST)
    path.write_text(text + "\n  : [broken\n", encoding="utf-8")
    assert not is_draft(root, LATEST)


def test_review_placeholders_and_status_make_a_draft_and_publish_clears_it(tmp_path):
    root = copy_project(PROJECT, tmp_path / "p")
    path = root / "docs" / "data" / f"{LATEST}.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^    unit: ", text, re.MULTILINE)
    path.write_text(text[:first.start()] + "    review: true\n" + text[first.start():], encoding="utf-8")
    assert is_draft(root, LATEST) and any("review: true" in item for item in remaining(root, LATEST))
    assert publish(root, LATEST) and status(root, LATEST) is None     # refused: nothing written
    path.write_text(text.replace(f"  year: {LATEST}\n", f"  year: {LATEST}\n  status: draft\n", 1), encoding="utf-8")
    assert is_draft(root, LATEST) and remaining(root, LATEST) == []
    assert publish(root, LATEST) == [] and status(root, LATEST) == "published" and not is_draft(root, LATEST)
    page = root / "docs" / "zh" / str(LATEST) / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n待填写\n", encoding="utf-8")
    assert any("index.md" in item and "待填写" in item for item in remaining(root, LATEST))
