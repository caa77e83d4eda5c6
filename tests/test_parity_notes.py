"""The translation check and editor's notes: every note of a Chinese page (`!!! editorial`)
has its twin under the same heading of the English page; a note missing in English is
named with its heading, by `make check-translations` and by the build (hooks/parity.py)."""

from __future__ import annotations

import subprocess

from conftest import PROJECT, command, copy_project
from nicheng_report.parity import check_all, compare, notes_by_section

NOTE_ZH = '!!! editorial "编者注"\n\n    原文作“甲”，疑为“乙”之误。本站照录原文，未作改动。\n'
NOTE_EN = '!!! editorial "Editor\'s note"\n\n    The original reads 甲, a slip for 乙. The Chinese text is unchanged.\n'


def test_notes_are_counted_under_their_heading():
    text = f"# Title {{ #top }}\n\n{NOTE_ZH}\n## Part {{ #part }}\n\ntext\n\n{NOTE_ZH}\n{NOTE_ZH}"
    assert notes_by_section(text) == {"top": 1, "part": 2}


def test_the_project_has_a_twin_for_every_note():
    assert not [str(d) for d in check_all(PROJECT) if "editor's note" in d.problem[1]]


def test_a_note_without_its_english_twin_is_refused_naming_the_heading(tmp_path):
    zh, en = tmp_path / "zh.md", tmp_path / "en.md"
    zh.write_text(f"# 标题 {{ #top }}\n\n正文<mark class=\"slip\">甲</mark>。\n\n{NOTE_ZH}", encoding="utf-8")
    en.write_text("# Title { #top }\n\nText.\n", encoding="utf-8")
    problems = [str(d) for d in compare(zh, en, "2024/x.md")]
    assert len(problems) == 1 and "#top" in problems[0] and "编者注" in problems[0] and "Editor's note" in problems[0]
    en.write_text(f"# Title {{ #top }}\n\nText.\n\n{NOTE_EN}", encoding="utf-8")
    assert compare(zh, en, "2024/x.md") == []


def test_check_translations_fails_on_a_note_without_twin(tmp_path):
    root = copy_project(PROJECT, tmp_path / "project")
    page = next(path for path in sorted((root / "docs" / "zh").rglob("*.md")) if "{ #" in path.read_text("utf-8"))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + NOTE_ZH, encoding="utf-8")
    result = subprocess.run(command("check-translations", root), capture_output=True, text=True)
    assert result.returncode != 0
    assert "no English twin" in result.stdout + result.stderr
    assert page.relative_to(root / "docs" / "zh").as_posix() in result.stdout + result.stderr
