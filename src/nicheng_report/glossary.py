"""The bilingual glossary, docs/data/glossary.yml, read once per build.

hooks/glossary.py turns it into the glossary page and hooks/search_terms.py
teaches its terms to jieba. The parsed file is kept while the file is
unchanged (same size and modification time), so the two hooks and every
`make serve` rebuild share one parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import re

import yaml
from nicheng_report.errors import StaffError
from nicheng_report.paths import GLOSSARY
REQUIRED = ("zh", "en", "explain_zh", "explain_en", "section")
# libyaml's parser when PyYAML has it (about ten times faster); same result.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


# The line a page writes where the glossary table goes (hooks/glossary.py, nicheng_report.prerender).
MARKER = re.compile(r"^<!--\s*glossary\s*-->\s*$", re.MULTILINE)


def load_glossary(root: Path) -> dict[str, Any]:
    """The glossary of the project at `root`, checked: every term has every field."""
    path = root / GLOSSARY
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if path in _parsed and _parsed[path][0] == stamp:
            return _parsed[path][1]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise StaffError(f"{GLOSSARY}: cannot be read: {error}. Fix: check the indentation and quotes "
                          "/ 修改：检查缩进和引号。") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise StaffError(f"{GLOSSARY}: no list of terms. Fix: the file starts with `terms:` followed by "
                          "entries `- zh: …` / 修改：文件须有 `terms:` 列表，每条以 `- zh: …` 开始。")
    for number, term in enumerate(data["terms"], start=1):
        missing = [field for field in REQUIRED if not isinstance(term, dict) or not term.get(field)]
        if missing:
            name = term.get("zh", "?") if isinstance(term, dict) else "?"
            raise StaffError(f"{GLOSSARY}, term {number} ({name}): missing {', '.join(missing)}. "
                              f"Fix: fill in every field / 修改：补全字段 {', '.join(missing)}。")
    _parsed[path] = (stamp, data)
    return data


def slug(term: dict[str, Any]) -> str:
    """The id of a term's row: term- and its English words."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term["en"].lower()).strip("-")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def glossary_rows(data: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """The rows of the glossary table on the page in `lang` (the partial
    overrides/partials/glossary.html lays them out, with the headings): the term
    (`id`: its row's id), its equivalent in the other language (with pinyin), a plain
    explanation, and the page and heading where it first matters in the report (a
    Markdown link, so the site engine checks it). Each text is ready for a Markdown
    table cell. English rows are in alphabetical order, Chinese as the file has them."""
    year = data.get("report")
    terms = sorted(data["terms"], key=lambda t: t["en"].lower()) if lang == "en" else data["terms"]
    rows = []
    for term in terms:
        page_name, _, anchor = term["section"].partition("#")
        if lang == "zh":
            first, second, explain = term["zh"], term["en"], term["explain_zh"]
        else:
            first, second, explain = term["en"], term["zh"] + (f" ({term['pinyin']})" if term.get("pinyin") else ""), term["explain_en"]
        rows.append({"id": slug(term), "term": _cell(first), "other": _cell(second), "explanation": _cell(explain),
                     "link": f"{year}/{page_name}.md#{anchor}"})
    return rows
