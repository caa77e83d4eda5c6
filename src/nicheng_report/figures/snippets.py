"""Generated content that waits for the site's Jinja environment.

While a page's Markdown is read, a figure or a marker is not rendered yet: it
becomes a token, an empty element that Markdown passes through untouched
(`<data …>` inline, like the figure it stands for; `<div …>` for a block), and
a Snippet remembers the template and its context. Once the site engine hands
over its environment, every token is replaced by its rendered template. The
engine's Markdown converter is passed in for the snippets whose templates write
Markdown (links the engine resolves and checks), so nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment

from nicheng_report.errors import StaffError, staff_message

from .formatting import format_date, format_figure, unit_label

__all__ = ["Snippet", "Snippets", "TOKEN", "render", "anchor_ids"]

TOKEN = re.compile(r'<(data|div) data-figures-snippet="(\d+)"></\1>')


@dataclass(frozen=True)
class Snippet:
    template: str                                   # overrides/partials/figures/<template>.html
    context: dict[str, Any] = field(hash=False)
    markdown: bool = False                          # the template writes Markdown, not HTML
    placeholder: str = ""                           # `{{ key }}`, for the message when it cannot be shown


class Snippets:
    """The snippets of one page, in the order their tokens were handed out."""

    def __init__(self, where: str) -> None:
        self.where = where          # docs/zh/2024/measures.md
        self.items: list[Snippet] = []
        self._known: dict[Hashable, int] = {}

    def __bool__(self) -> bool:
        return bool(self.items)

    def token(self, snippet: Snippet, *, block: bool, same_as: Hashable | None = None) -> str:
        """The token standing for `snippet`; snippets with the same `same_as` share one."""
        if same_as is not None and same_as in self._known:
            number = self._known[same_as]
        else:
            number = len(self.items)
            self.items.append(snippet)
            if same_as is not None:
                self._known[same_as] = number
        tag = "div" if block else "data"
        return f'<{tag} data-figures-snippet="{number}"></{tag}>'

    def fill(self, html: str, rendered: Callable[[Snippet], tuple[str, set[str]]]) -> tuple[str, set[str]]:
        """`html` with every token replaced by its rendered snippet, and the ids those add."""
        texts: dict[int, str] = {}
        ids: set[str] = set()
        for number, snippet in enumerate(self.items):
            texts[number], found = rendered(snippet)
            ids |= found
        filled = TOKEN.sub(lambda match: texts[int(match.group(2))], html)
        shown = {int(match.group(2)) for match in TOKEN.finditer(html)}
        for number, snippet in enumerate(self.items):
            if number not in shown:
                what = f"the figure `{snippet.placeholder}`" if snippet.placeholder else f"<!-- figures:{snippet.template} -->"
                raise StaffError(staff_message(
                    self.where,
                    problem=(f"{what.replace('the figure ', '数据 ')} 写在了无法显示的位置（代码中，或链接标题之类的属性中）。",
                             f"{what} is where it cannot be shown (in code, or in an attribute such as a link's title)."),
                    fix=("把它写在正文里。", "write it in the text.")))
        return filled, ids


def render(env: Environment, snippet: Snippet, *, lang: str, config: Any) -> str:
    """A snippet's template rendered in the site's environment, for the page's language.

    HTML keeps no blank lines: the partials were written to stay one block of
    Markdown, and the site is the same whether or not Markdown sees them."""
    template = env.get_template(f"partials/figures/{snippet.template}.html")
    text = template.render(lang_code=lang, config=config, format_figure=format_figure, format_date=format_date,
                           unit_label=unit_label,
                           **snippet.context).strip()
    return text if snippet.markdown else re.sub(r"\n\s*\n", "\n", text)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def anchor_ids(html: str) -> set[str]:
    """The ids a link can point at in `html` (id, and name on <a>), as MkDocs counts them."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids
