"""nicheng_report.poster: the 一图读懂 poster of a year, laid out from its data file,
drawn as SVG with real text and rendered to PNG with the Noto CJK files. Unit tests
in the site's own Jinja environment; no build (tests/test_poster_site.py builds)."""

from __future__ import annotations

import dataclasses
import json
import re
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.theme import Theme

from nicheng_report.errors import StaffError
from nicheng_report.figures.formatting import format_date, format_figure
from nicheng_report.figures.schema import Label
from nicheng_report.languages import AUTHORED, LANGUAGES
from nicheng_report.poster.files import PosterSlot, poster_files
from nicheng_report.poster.fonts import font_files, metrics
from nicheng_report.poster.layout import INNER, MARGIN, WIDTH, wrap
from nicheng_report.poster.render import png_of, poster_of

from conftest import ROOT
from report_data import LATEST, report

DATA = report()
FOLDER = f"{LATEST}/at-a-glance/"
CODES = [language.code for language in AUTHORED]   # the 繁體 edition's: tests/test_traditional.py


def renderer(lang: str):
    hreflang = next(language.hreflang for language in LANGUAGES if language.code == lang)
    theme = Theme(name="material", custom_dir=str(ROOT / "overrides"), language=hreflang)
    env, config = theme.get_env(), SimpleNamespace(theme={"language": theme["language"]}, extra={"lang": lang})
    return lambda name, **context: env.get_template(name).render(config=config, **context)


def files_of(data, lang: str) -> tuple[PosterSlot, str, bytes]:
    slot = PosterSlot(folder=FOLDER)
    made = dict(poster_files(data, slot, lang=lang, render=renderer(lang)))
    assert set(made) == {FOLDER + "poster.svg", FOLDER + "poster.png"}
    return slot, made[FOLDER + "poster.svg"], made[FOLDER + "poster.png"]


@pytest.fixture(scope="module", params=CODES)
def made(request):
    return (request.param, *files_of(DATA, request.param))


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def texts(svg: str) -> list[str]:
    """Every run of text drawn: each <text>, and each <tspan> on its own (a number, its unit)."""
    return [element.get_text() for element in BeautifulSoup(svg, "xml").find_all(["text", "tspan"])]


def test_the_svg_is_real_text_with_title_description_and_every_figure(made):
    lang, slot, svg, _ = made
    tree = BeautifulSoup(svg, "xml")
    root = tree.find("svg")
    assert root["role"] == "img" and root["aria-labelledby"] == "poster-title poster-desc"
    assert root["viewBox"] == f"0 0 {WIDTH} {slot.poster.height}"
    title, desc = tree.find("title").get_text(), tree.find("desc").get_text()
    assert DATA.meta.title.text(lang) in title
    shown = texts(svg)
    figures = [DATA.figures[key] for key in DATA.cards] + [DATA.figures[key] for chart in DATA.charts.values()
                                                          for key in chart.figures]
    for figure in figures:   # each card and bar: its number drawn as text and named in the description
        assert format_figure(figure, lang=lang) in shown, figure.key
        assert figure.label.text(lang) in desc and format_figure(figure, lang=lang) in desc
    assert not tree.find("path", attrs={"d": re.compile(r".{400}")}), "text drawn as outlines"


def test_the_foot_carries_the_official_source(made):
    lang, slot, svg, _ = made
    foot = [line.text for line in slot.poster.footer]
    assert DATA.meta.publisher.text(lang) in foot[0]
    assert format_date(DATA.meta.published, lang=lang) in foot[1]
    assert "".join(foot[2:]).find(DATA.meta.source_url) >= 0, "the source URL, whole, across its lines"
    assert all(line.y > slot.poster.footer_y for line in slot.poster.footer)


def test_the_svg_requests_nothing_and_needs_no_inline_style(made):
    """Shown as <img> and opened on its own under the site's CSP (style-src 'self'): no <style>,
    no style= attribute, no script, no link or image from anywhere."""
    _, _, svg, _ = made
    assert "<style" not in svg and " style=" not in svg and "<script" not in svg
    assert not re.search(r"(?:href|src)=", svg)
    assert "url(" not in svg.replace("url(#poster-red)", "").replace("url(#poster-bar)", "")


def test_every_line_fits_its_box(made):
    """Wrapped with the font the PNG uses: no line runs out of the poster or its panel."""
    lang, slot, _, _ = made
    poster = slot.poster
    regular, bold = metrics(poster.family, bold=False), metrics(poster.family, bold=True)
    lines = [poster.kicker, poster.heading, *poster.subtitle, *poster.footer]
    lines += [line for group in poster.groups for line in (*group.title, *(each for bar in group.bars for each in bar.label))]
    for line in lines:
        assert line.x + (bold if line.bold else regular).width(line.text, size=line.size) <= WIDTH - MARGIN + 1, line
    for card in poster.cards:
        for line in (card.value, *card.label, *([card.unit_line] if card.unit_line else [])):
            assert line.x + (bold if line.bold else regular).width(line.text, size=line.size) <= card.x + card.width, line
    for group in poster.groups:
        for bar in group.bars:
            value = bold.width(bar.value.text, size=bar.value.size) + regular.width(" " + bar.unit, size=30)
            assert bar.value.x + value <= MARGIN + INNER, bar


def test_the_png_is_a_long_picture_under_a_megabyte_and_the_same_every_time(made):
    lang, slot, svg, png = made
    width, height = png_size(png)
    assert width >= 750 and height > width and len(png) <= 1_000_000
    assert height == slot.poster.height
    again = files_of(DATA, lang)[2]
    assert again == png


def test_a_long_label_wraps_into_its_card():
    long = "公开政府信息" * 12
    figure = DATA.figures["disclosure.published_items"]
    changed = dataclasses.replace(DATA, figures={**DATA.figures, figure.key: dataclasses.replace(
        figure, label=Label(zh=long, en="Items published " * 10))})
    for lang in CODES:
        strings = json.loads(renderer(lang)("partials/figures/poster-strings.html"))
        poster = poster_of(changed, lang=lang, strings=strings)
        card = next(card for card in poster.cards if card.value.text == format_figure(figure, lang=lang))
        assert len(card.label) >= 3 and "".join(line.text for line in card.label).replace(" ", "") == \
            changed.figures[figure.key].label.text(lang).replace(" ", "")


def test_punctuation_never_begins_a_line():
    measure = metrics("Noto Sans CJK SC", bold=False)
    lines = wrap("矛盾纠纷调解。" * 20, width=300, size=34, bold=False,
                 measure=lambda text, size, heavy: measure.width(text, size=size))
    assert len(lines) > 3 and not any(line.startswith("。") for line in lines)
    # An example address (the 2024 report's source_url, a string here): a URL breaks where it must.
    url = wrap("https://www.pudong.gov.cn/zwgk/zwgk_fzzfjs_jdz_ncz_fzzfjs/2024/352/335114.html", width=400, size=28,
               bold=False, measure=lambda text, size, heavy: measure.width(text, size=size))
    assert len(url) > 1 and "".join(url) == "https://www.pudong.gov.cn/zwgk/zwgk_fzzfjs_jdz_ncz_fzzfjs/2024/352/335114.html"


def test_the_poster_strings_come_from_the_language_partials():
    for lang in CODES:
        strings = json.loads(renderer(lang)("partials/figures/poster-strings.html"))
        assert all(value and not value.startswith("nicheng.") for value in strings.values()), strings
    assert json.loads(renderer("zh")("partials/figures/poster-strings.html"))["heading"] == "一图读懂"


def test_missing_fonts_stop_the_build_with_the_command_to_run(tmp_path: Path):
    with pytest.raises(StaffError) as caught:
        font_files(tmp_path)
    message = str(caught.value)
    assert "sudo apt-get install fonts-noto-cjk" in message and "修改" in message
    assert str(tmp_path / "NotoSansCJK-Regular.ttc") in message


def test_the_png_cache_gives_the_same_bytes_and_a_broken_one_costs_only_time(tmp_path: Path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60"><text y="30" font-size="20">泥城</text></svg>'
    png = png_of(svg)
    cache = tmp_path / "poster"
    assert png_of(svg, cache=cache) == png and len(list(cache.glob("*.png"))) == 1
    kept = next(cache.glob("*.png"))
    kept.write_bytes(b"kept")                   # read back from the cache, not drawn again
    assert png_of(svg, cache=cache) == b"kept"
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert png_of(svg, cache=blocked / "poster") == png


def test_an_edition_converted_at_build_time_converts_the_poster_too():
    slot = PosterSlot(folder="")
    made = dict(poster_files(DATA, slot, lang="zh", render=renderer("zh"),
                             convert=lambda text: text.replace("调解", "調解")))
    assert "調解" in made["poster.svg"] and "调解" not in made["poster.svg"]
    assert png_size(made["poster.png"])[1] == slot.poster.height


def test_the_fonts_widths_kept_in_the_cache_measure_as_the_font_does(tmp_path: Path) -> None:
    """The advance widths are kept in the poster's cache (reading the .ttc costs every edition's
    build about 0.15 s): a kept copy measures every text as the font itself, a broken one is read again."""
    family = "Noto Sans CJK SC"
    texts = ["泥城镇2024年度法治政府建设情况报告", "Disputes accepted for mediation: 626", "（一）、。“”《》 ½ ㊣ 𠀋"]
    from_font = metrics.__wrapped__(family, bold=True)
    metrics.__wrapped__(family, bold=True, cache=tmp_path)           # writes the copy
    kept = list(tmp_path.glob("metrics-*.json"))
    assert len(kept) == 1 and kept[0].stat().st_size < 400_000
    from_copy = metrics.__wrapped__(family, bold=True, cache=tmp_path)
    assert [from_copy.width(t, size=28) for t in texts] == [from_font.width(t, size=28) for t in texts]
    kept[0].write_text("{broken", encoding="utf-8")
    again = metrics.__wrapped__(family, bold=True, cache=tmp_path)
    assert [again.width(t, size=28) for t in texts] == [from_font.width(t, size=28) for t in texts]
    assert json.loads(kept[0].read_text(encoding="utf-8"))["units_per_em"] == from_font.units_per_em
