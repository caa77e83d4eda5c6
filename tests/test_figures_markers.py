"""nicheng_report.figures.markers, placeholders and snippets: a page's markers and
`{{ key }}` placeholders become tokens, each mistake explained with file and line;
the tokens are filled with the partials rendered in the site's Jinja environment."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.theme import Theme

from nicheng_report.errors import StaffError
from nicheng_report.figures import load_report_data
from nicheng_report.figures.markers import MARKERS, MarkerContext, expand_markers
from nicheng_report.figures.pages import PageRef
from nicheng_report.figures.placeholders import fill_placeholders
from nicheng_report.figures.snippets import TOKEN, Snippet, Snippets, anchor_ids, render

from conftest import PROJECT, ROOT
from report_data import LATEST, shown

DATA = load_report_data(PROJECT / "docs" / "data" / f"{LATEST}.yml")
YEARS = {LATEST: DATA}


def ref(src_uri: str, url: str, source: str = "", lang: str = "zh") -> PageRef:
    return PageRef(src_uri=src_uri, url=url, source=source, lang=lang, docs_dir=PROJECT / "docs" / lang)


def expand(markdown: str, page: PageRef) -> tuple[str, Snippets]:
    snippets = Snippets(page.where)
    return expand_markers(markdown, MarkerContext(page=page, year=LATEST, years=YEARS, snippets=snippets)), snippets


def test_markers_are_a_table_of_named_functions():
    assert list(MARKERS) == ["tables", "charts", "cards", "downloads", "latest", "years", "poster"]
    assert all(make.__name__ == name and make.__doc__ for name, make in MARKERS.items())


def test_each_marker_leaves_block_tokens_and_its_snippets():
    home = ref("index.md", "")
    markdown, snippets = expand("# 首页\n\n<!-- figures:cards -->\n\n<!-- figures:latest -->\n\n<!-- figures:years -->\n", home)
    assert markdown.count('<div data-figures-snippet="') == 3 and "figures:" not in markdown
    cards, latest, years = snippets.items
    assert cards.template == "cards" and not cards.markdown and cards.context["href"] == f"{LATEST}/figures/"
    assert [f.key for f in cards.context["figures"]] == list(DATA.cards)
    assert latest.markdown and latest.context["data"] is DATA
    assert years.markdown and years.context["years"] == [(LATEST, DATA)]

    figures = ref(f"{LATEST}/figures.md", f"{LATEST}/figures/", lang="en")
    markdown, snippets = expand("<!-- figures:charts -->\n\n<!-- figures:tables -->\n\n<!-- figures:downloads -->\n", figures)
    assert [s.template for s in snippets.items].count("chart") == len(DATA.charts)
    assert "## Mediation of disputes { #group-mediation }" in markdown
    assert [s.template for s in snippets.items].count("table") == len(DATA.by_group())
    assert snippets.items[-1].context["data_url"] == "../data/"


def test_a_year_without_charts_or_cards_gets_none(tmp_path: Path):
    text = (PROJECT / "docs" / "data" / f"{LATEST}.yml").read_text(encoding="utf-8")
    (tmp_path / f"{LATEST}.yml").write_text(text[: text.index("\n# 首页")] + "\n", encoding="utf-8")
    bare = load_report_data(tmp_path / f"{LATEST}.yml")
    snippets = Snippets("docs/zh/index.md")
    ctx = MarkerContext(page=ref("index.md", ""), year=LATEST, years={LATEST: bare}, snippets=snippets)
    assert expand_markers("<!-- figures:charts -->", ctx) == ""
    expand_markers("<!-- figures:cards -->", ctx)
    assert snippets.items[0].context["figures"] == []


def test_an_unknown_marker_names_file_line_and_the_markers_there_are():
    with pytest.raises(StaffError) as caught:
        expand("# 关键数据\n\n<!-- figures:chart -->\n", ref(f"{LATEST}/figures.md", f"{LATEST}/figures/"))
    message = str(caught.value)
    assert message.startswith(f"docs/zh/{LATEST}/figures.md, line 3 / 第3行\n  问题：不认识的标记 <!-- figures:chart -->")
    assert "是不是 <!-- figures:charts -->？" in message and "Did you mean <!-- figures:charts -->?" in message
    assert "Use tables, charts, cards, downloads, latest, years or poster" in message
    assert "tables、charts、cards、downloads、latest、years、poster" in message


def test_placeholders_become_inline_tokens_one_per_figure():
    measures = ref(f"{LATEST}/measures.md", f"{LATEST}/measures/", "受理{{ mediation.cases }}件")
    snippets, used = Snippets(measures.where), set()
    markdown = fill_placeholders("受理{{ mediation.cases }}件，成功{{mediation.settled}}件；{{ mediation.cases }}",
                                 measures, DATA, snippets, used)
    assert markdown == ('受理<data data-figures-snippet="0"></data>件，成功<data data-figures-snippet="1"></data>件；'
                        '<data data-figures-snippet="0"></data>')
    assert used == {"mediation.cases", "mediation.settled"}
    inline = snippets.items[0]
    assert inline.context["text"] == shown("mediation.cases", "zh") and inline.context["href"] == "../figures/#fig-mediation-cases"
    on_figures_page = Snippets("x")
    fill_placeholders("{{ mediation.amount }}", ref(f"{LATEST}/figures.md", f"{LATEST}/figures/", lang="en"), DATA, on_figures_page, set())
    assert on_figures_page.items[0].context == {"figure": DATA.figures["mediation.amount"], "text": shown("mediation.amount", "en"),
                                                "href": "#fig-mediation-amount"}


def test_an_unknown_figure_names_file_line_and_the_nearest_key():
    source = "# 措施\n\n调解{{ mediation.casess }}件\n"
    with pytest.raises(StaffError) as caught:
        fill_placeholders(source, ref(f"{LATEST}/measures.md", f"{LATEST}/measures/", source), DATA, Snippets("x"), set())
    message = str(caught.value)
    assert message.startswith(f"docs/zh/{LATEST}/measures.md, line 3 / 第3行\n  问题：页面中的 {{{{ mediation.casess }}}} 不是")
    assert "是不是 {{ mediation.cases }}？" in message and "Did you mean {{ mediation.cases }}?" in message
    assert f"docs/data/{LATEST}.yml" in message and "Fix:" in message and "修改：" in message


def test_an_unclosed_placeholder():
    source = "a\n\n调解{{ mediation.cases }件\n"
    with pytest.raises(StaffError, match=r"line 3 / 第3行\n  问题：数据占位 \{\{ 没有用 \}\} 结束") as caught:
        fill_placeholders(source, ref(f"{LATEST}/measures.md", f"{LATEST}/measures/", source), DATA, Snippets("x"), set())
    assert "修改" in str(caught.value)


def test_fill_replaces_every_token_and_collects_ids():
    snippets = Snippets(f"docs/zh/{LATEST}/figures.md")
    block = snippets.token(Snippet("table", {}), block=True)
    inline = snippets.token(Snippet("inline", {}, placeholder="{{ a.b }}"), block=False, same_as="a.b")
    html = f"<h2>表</h2>\n{block}\n<p>共{inline}件，{inline}</p>"
    rendered = {"table": '<table id="t1"><tr id="fig-a-b"></tr></table>', "inline": "<data>5</data>"}
    filled, ids = snippets.fill(html, lambda s: (rendered[s.template], anchor_ids(rendered[s.template])))
    assert filled == '<h2>表</h2>\n<table id="t1"><tr id="fig-a-b"></tr></table>\n<p>共<data>5</data>件，<data>5</data></p>'
    assert ids == {"t1", "fig-a-b"} and not TOKEN.search(filled)


def test_a_token_lost_in_code_is_explained():
    snippets = Snippets(f"docs/zh/{LATEST}/measures.md")
    token = snippets.token(Snippet("inline", {}, placeholder="{{ a.b }}"), block=False)
    escaped = token.replace("<", "&lt;").replace(">", "&gt;")
    with pytest.raises(StaffError, match=rf"docs/zh/{LATEST}/measures.md\n(.*\n)+  Problem: the figure `\{{\{{ a.b \}}\}}` is where it cannot be shown"):
        snippets.fill(f"<code>{escaped}</code>", lambda s: ("", set()))


def test_anchor_ids_as_mkdocs_counts_them():
    assert anchor_ids('<div id="a"><a name="b"></a><span name="c"></span><p id="d">') == {"a", "b", "d"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_partials_render_in_the_theme_environment_with_lang_code(lang: str):
    text = shown("mediation.amount", lang)
    theme = Theme(name="material", custom_dir=str(ROOT / "overrides"), language="zh-CN" if lang == "zh" else "en")
    env = theme.get_env()
    config = SimpleNamespace(theme={"language": theme["language"]}, extra={"lang": lang})
    figure = DATA.figures["mediation.amount"]
    inline = render(env, Snippet("inline", {"figure": figure, "text": text, "href": "#x"}), lang=lang, config=config)
    assert inline == f'<data class="figure" value="{figure.value}"><a class="figure__link" href="#x">{text}</a></data>'
    cards = render(env, Snippet("cards", {"figures": [figure], "href": f"../{LATEST}/figures/"}), lang=lang, config=config)
    assert "\n\n" not in cards and text in cards and getattr(figure.label, lang) in cards
    years = render(env, Snippet("years", {"years": [(LATEST, DATA)]}, markdown=True), lang=lang, config=config)
    assert years == f"- [{getattr(DATA.meta.title, lang)}]({LATEST}/index.md)"
