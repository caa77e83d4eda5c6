"""A catalogue of the messages staff get from `make build` for ordinary mistakes: each names
the file and line they edited, says problem and fix in Chinese and English, is printed once
(not once per language), uses no programmer words, and offers 是不是…？ where a close match
exists. Each mistake is made in a copy of the project, on data read from it (no figure or
page of the current report is written in here)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, command, copy_project
from nicheng_report.nav import report_years

FORBIDDEN = ("isoformat", "`int`", "`float`", "`str`", "Invalid ", "Traceback", "Aborted with", "BuildError",
             "按上面的说明", "described above", "YAML mapping", "pydantic", "ValidationError", "NoneType")
LATEST = report_years(ROOT)[0]


def _first_figure_with_value(text: str) -> tuple[str, str]:
    data = yaml.safe_load(text)
    key, spec = next((k, v) for k, v in data["figures"].items() if isinstance(v.get("value"), int))
    return key, str(spec["value"])


def quoted_value(root: Path) -> tuple[str, str, str]:
    path = root / "docs" / "data" / f"{LATEST}.yml"
    text = path.read_text(encoding="utf-8")
    key, value = _first_figure_with_value(text)
    start = text.index(f"  {key}:")
    fixed = text[:start] + text[start:].replace(f"    value: {value}\n", f'    value: "{value}"\n', 1)
    path.write_text(fixed, encoding="utf-8")
    line = fixed[: fixed.index(f'    value: "{value}"')].count("\n") + 1
    return f"docs/data/{LATEST}.yml", str(line), "`value`"


def _linked_page(root: Path) -> tuple[Path, str]:
    """An English page of the latest year with a link to a sibling .md page."""
    for page in sorted((root / "docs" / "en" / str(LATEST)).glob("*.md")):
        found = re.search(r"\]\((?P<name>[a-z-]+)\.md\)", page.read_text(encoding="utf-8"))
        if found:
            return page, found.group("name")
    pytest.skip("no page links to a sibling page")


def browser_link(root: Path) -> tuple[str, str, str]:
    page, name = _linked_page(root)
    text = page.read_text(encoding="utf-8")
    text = text.replace(f"]({name}.md)", f"](/{LATEST}/{name}/)", 1)
    page.write_text(text, encoding="utf-8")
    line = text[: text.index(f"](/{LATEST}/{name}/)")].count("\n") + 1
    return page.relative_to(root).as_posix(), str(line), f"是不是 {name}.md？"


def misspelt_link(root: Path) -> tuple[str, str, str]:
    page, name = _linked_page(root)
    text = page.read_text(encoding="utf-8")
    wrong = name[:-1] + ".md"
    text = text.replace(f"]({name}.md)", f"]({wrong})", 1)
    page.write_text(text, encoding="utf-8")
    line = text[: text.index(f"]({wrong})")].count("\n") + 1
    return page.relative_to(root).as_posix(), str(line), f"是不是 {name}.md？"


CATALOGUE = {"a number in quotes": quoted_value, "a browser-style link": browser_link, "a misspelt page": misspelt_link}


@pytest.mark.parametrize("mistake", sorted(CATALOGUE))
def test_each_message_is_printed_once_in_plain_words(mistake, tmp_path):
    root = copy_project(ROOT, tmp_path / "project")
    where, line, hint = CATALOGUE[mistake](root)
    result = subprocess.run(command("build", root, "--out", str(tmp_path / "site")), capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode != 0
    err = result.stderr
    assert where in err and line in err, err[-3000:]
    assert hint in err, err[-3000:]
    problems = re.findall(r"问题", err)
    assert len(problems) == 1, f"{mistake}: printed {len(problems)} times:\n{err[-3000:]}"
    assert not [word for word in FORBIDDEN if word in err], err[-3000:]
    assert not (tmp_path / "site").exists()
