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
from nicheng_report.errors import StaffError, place, staff_message
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
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise StaffError(staff_message(
            place(GLOSSARY, line + 1 if line is not None else None),
            problem=("术语表文件无法读取：这一行或上一行的写法有误。", "the glossary cannot be read: something on or just above this line is written wrongly."),
            fix=("检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。",
                 "check the indentation (spaces, not tabs), the space after each colon, and that quotes are paired."))) from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise StaffError(staff_message(GLOSSARY, problem=("术语表中没有术语列表。", "the glossary has no list of terms."),
                                       fix=("文件须有 `terms:` 一行，其下每条术语以 `- zh: …` 开始。",
                                            "the file has a `terms:` line followed by entries `- zh: …`.")))
    for number, term in enumerate(data["terms"], start=1):
        missing = [field for field in REQUIRED if not isinstance(term, dict) or not term.get(field)]
        if missing:
            name = term.get("zh", "?") if isinstance(term, dict) else "?"
            raise StaffError(staff_message(
                f"{GLOSSARY}, 第{number}条术语 / term {number} ({name})",
                problem=(f"缺少字段 {'、'.join(missing)}。", f"these fields are missing: {', '.join(missing)}."),
                fix=("补全这些字段，参照其他术语的写法。", "fill in these fields, following the other terms.")))
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
