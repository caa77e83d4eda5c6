"""MkDocs' own warnings explained for staff (nicheng_report.staff_messages), on
every path: the explanation is part of the logged message, so a bare
`mkdocs build` shows it as `make build` and `make serve` do."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from nicheng_report.staff_messages import StaffExplanations, explain

BROKEN = "Doc file '2024/measures.md' contains a link 'attachment.md', but the target '2024/attachment.md' is not found among documentation files."


def test_a_broken_link_is_explained_with_its_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "zh" / "2024" / "measures.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 标题\n\n见[附件](attachment.md)。\n", encoding="utf-8")
    hint = explain(BROKEN, tmp_path)
    assert hint is not None
    lines = hint.splitlines()
    assert lines[0] == "docs/zh/2024/measures.md, line 3 / 第3行"
    assert [line.split("：")[0].split(":")[0].strip() for line in lines[1:]] == ["问题", "Problem", "修改", "Fix"]


def test_a_missing_anchor_offers_the_closest_heading_id(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "en" / "2024"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("# Report\n\nSee [mediation](measures.md#dispute-resolutoin).\n", encoding="utf-8")
    (folder / "measures.md").write_text("# Measures\n\n## Disputes { #dispute-resolution }\n", encoding="utf-8")
    message = ("Doc file '2024/index.md' contains a link 'measures.md#dispute-resolutoin', but the doc "
               "'2024/measures.md' does not contain an anchor '#dispute-resolutoin'.")
    hint = explain(message, tmp_path)
    assert hint is not None and hint.startswith("docs/en/2024/index.md, line 3 / 第3行\n"), hint
    assert "是不是 measures.md#dispute-resolution？" in hint and "Did you mean measures.md#dispute-resolution?" in hint


def test_a_link_in_an_included_page_is_blamed_on_that_page(tmp_path: Path) -> None:
    """The print page (full.md) includes the section pages: MkDocs reports their links for it too."""
    folder = tmp_path / "docs" / "zh" / "2024"
    folder.mkdir(parents=True)
    (folder / "full.md").write_text("# 全文\n\n<!-- report:include measures.md -->\n", encoding="utf-8")
    (folder / "measures.md").write_text("# 举措\n\n见[附件](attachment.md)。\n", encoding="utf-8")
    message = BROKEN.replace("'2024/measures.md'", "'2024/full.md'")
    hint = explain(message, tmp_path)
    assert hint is not None and hint.startswith("docs/zh/2024/measures.md, line 3 / 第3行\n"), hint


def test_the_filter_adds_the_explanation_once_and_leaves_other_messages() -> None:
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, BROKEN, None, None)
    explanations = StaffExplanations(ROOT)
    assert explanations.filter(record) and explanations.filter(record)
    assert record.getMessage().count("问题：") == 1 and "Doc file" not in record.getMessage()
    other = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, "something else", None, None)
    explanations.filter(other)
    assert other.getMessage() == "something else"


@pytest.mark.slow
def test_a_bare_mkdocs_build_explains_too(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    page = project / "docs" / "zh" / "2024" / "measures.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n见[附件](attachment.md)。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "out")], capture_output=True, text=True, cwd="/", timeout=180)
    assert result.returncode != 0
    assert "docs/zh/2024/measures.md, line " in result.stderr, result.stderr[-2000:]
    assert "问题：链接 attachment.md" in result.stderr and "修改：" in result.stderr and "Fix: " in result.stderr


@pytest.mark.parametrize("text, where, phrase", [
    ("terms:\n  - zh: 述法\n    en: reporting on law\n", "docs/data/glossary.yml, 第1条术语 / term 1 (述法)", "explain_zh、explain_en、section"),
    ("terms:\n  - zh: 述法\n   en: [reporting\n", "docs/data/glossary.yml, line 3 / 第3行", "无法读取"),
    ("search_terms:\n  - 述法\n", "docs/data/glossary.yml\n", "terms:"),
])
def test_glossary_mistakes_name_the_file_and_the_fix_in_both_languages(tmp_path: Path, text, where, phrase) -> None:
    from nicheng_report.errors import StaffError
    from nicheng_report.glossary import load_glossary

    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "glossary.yml").write_text(text, encoding="utf-8")
    with pytest.raises(StaffError) as caught:
        load_glossary(tmp_path)
    message = str(caught.value)
    assert message.startswith(where) and phrase in message, message
    assert [line.split("：")[0].split(":")[0].strip() for line in message.splitlines()[1:]] == ["问题", "Problem", "修改", "Fix"]


def test_links_to_a_page_whose_twin_is_missing_are_left_to_the_translation_check(tmp_path: Path) -> None:
    """A missing English page is one mistake (named by the translation check), not one per link to it."""
    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang / "2024").mkdir(parents=True)
        (tmp_path / "docs" / lang / "2024" / "index.md").write_text("# x\n\n[m](measures.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "zh" / "2024" / "measures.md").write_text("# 举措\n", encoding="utf-8")
    explanations = StaffExplanations(tmp_path)
    for text in ("Doc file '2024/index.md' contains a link 'measures.md', but the target '2024/measures.md' is not found "
                 "among documentation files.",
                 "A reference to '2024/measures.md' is included in the 'nav' configuration, which is not found in the "
                 "documentation files."):
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, text, None, None)
        assert not explanations.filter(record), text
    (tmp_path / "docs" / "zh" / "2024" / "measures.md").unlink()   # missing in both: a broken link, explained
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, BROKEN.replace("attachment", "measures"),
                               None, None)
    assert explanations.filter(record) and record.getMessage().startswith("docs/")
