"""`{{ group.name }}` in a page: the figure, for the page's language, linked to its
row on the key-figures page. An unknown key or an unclosed `{{` is a StaffError
naming the file and line (for the print page, the section page it came from)."""

from __future__ import annotations

import difflib
import re

from nicheng_report.errors import StaffError, place, staff_message

from .formatting import format_figure
from .model import ReportData
from .pages import PageRef, figures_url, origin
from .snippets import Snippet, Snippets

__all__ = ["PLACEHOLDER", "fill_placeholders"]

PLACEHOLDER = re.compile(r"\{\{\s*(?P<key>[^{}]*?)\s*\}\}")


def fill_placeholders(markdown: str, page: PageRef, data: ReportData, snippets: Snippets, used: set[str]) -> str:
    """Every placeholder replaced by a token for its figure; the keys shown are added to `used`."""
    def figure(match: re.Match[str]) -> str:
        key = match.group("key")
        if key not in data.figures:
            where, line = origin(match.group(0), page, fallback=markdown.count("\n", 0, match.start()) + 1)
            near = difflib.get_close_matches(key, data.figures, n=1, cutoff=0.5)
            data_name = f"docs/data/{data.year}.yml"
            raise StaffError(staff_message(
                place(where, line),
                problem=(f"页面中的 {{{{ {key} }}}} 不是数据文件 {data_name} 中的键名。",
                         f"{{{{ {key} }}}} in the page is not a key of the data file {data_name}."),
                fix=((f"是不是 {{{{ {near[0]} }}}}？" if near else "") + f"使用 {data_name} 中已有的键名，或先在其中添加该数据。",
                     (f"Did you mean {{{{ {near[0]} }}}}? " if near else "") + f"Use a key of {data_name}, or add the figure there first.")))
        used.add(key)
        fig = data.figures[key]
        here = figures_url(data.year)
        href = "#" + fig.anchor if page.url == here else page.link(here) + "#" + fig.anchor
        snippet = Snippet("inline", {"figure": fig, "text": format_figure(fig, lang=page.lang), "href": href},
                          placeholder=f"{{{{ {key} }}}}")
        return snippets.token(snippet, block=False, same_as=key)

    markdown = PLACEHOLDER.sub(figure, markdown)
    leftover = markdown.find("{{")
    if leftover != -1:
        text = re.match(r"\{\{[^<{\n]*", markdown[leftover:]).group(0)  # type: ignore[union-attr]
        where, line = origin(text, page, fallback=markdown.count("\n", 0, leftover) + 1)
        raise StaffError(staff_message(
            place(where, line),
            problem=("数据占位 {{ 没有用 }} 结束。", "a figure placeholder {{ is not closed with }}."),
            fix=("数据占位写作 {{ 分组.名称 }}，两边各两个花括号。",
                 "write a figure as {{ group.name }}, with two braces on each side.")))
    return markdown
