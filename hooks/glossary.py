"""The bilingual glossary page, generated from docs/data/glossary.yml.

A line `<!-- glossary -->` becomes a table of the terms: the term, its
equivalent in the other language (with pinyin), a plain explanation and a
link to where it first matters in the report (a Markdown link, so MkDocs
checks it). The same file teaches jieba the terms (hooks/search_terms.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from glossary_data import load_glossary

MARKER = re.compile(r"^<!--\s*glossary\s*-->\s*$", re.MULTILINE)


def slug(term: dict[str, Any]) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term["en"].lower()).strip("-")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not MARKER.search(markdown):
        return None
    lang = config.extra.get("lang", "zh")
    data = load_glossary(Path(config.config_file_path).parent)
    year = data.get("report")
    head = ("| 术语 | 英文 | 解释 | 见报告 |" if lang == "zh" else "| Term | Chinese | Explanation | In the report |")
    rows = [head, "| --- | --- | --- | --- |"]
    terms = sorted(data["terms"], key=lambda t: t["en"].lower()) if lang == "en" else data["terms"]
    for term in terms:
        page_name, _, anchor = term["section"].partition("#")
        link = f"[{'原文' if lang == 'zh' else 'Read'}]({year}/{page_name}.md#{anchor})"
        if lang == "zh":
            first, second, explain = term["zh"], term["en"], term["explain_zh"]
        else:
            first, second, explain = term["en"], term["zh"] + (f" ({term['pinyin']})" if term.get("pinyin") else ""), term["explain_en"]
        rows.append(f"| <span id=\"{slug(term)}\">{_cell(first)}</span> | {_cell(second)} | {_cell(explain)} | {link} |")
    return MARKER.sub(lambda _: "\n".join(rows), markdown)
