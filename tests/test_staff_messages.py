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
    assert "docs/zh/2024/measures.md 第3行" in hint and "docs/zh/2024/measures.md, line 3" in hint
    assert "修改 / Fix:" in hint


def test_the_filter_adds_the_explanation_once_and_leaves_other_messages() -> None:
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, BROKEN, None, None)
    explanations = StaffExplanations(ROOT)
    assert explanations.filter(record) and explanations.filter(record)
    assert record.getMessage().count("问题 / Problem:") == 1
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
    assert "问题 / Problem: 页面 docs/zh/2024/measures.md 第" in result.stderr, result.stderr[-2000:]
    assert "修改 / Fix:" in result.stderr
