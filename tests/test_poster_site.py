"""The 一图读懂 poster in the built site: beside the at-a-glance page of each language,
shown there with its text version kept, one source with the data file, the same bytes
every build, and clean in Chromium at phone size under the site's nginx and its CSP."""

from __future__ import annotations

import dataclasses
import re
import shutil
import struct
import tempfile
from pathlib import Path

import pytest

from conftest import PROJECT, ROOT, Watch, build_site, copy_project, soup_of
from nicheng_report.figures import format_figure
from nicheng_report.languages import LANGUAGES
from nicheng_report.testing import NGINX, start_nginx, stop_nginx
from report_data import DATA_FILE, LATEST, figure, raw_value, report, shown

FOLDERS = [f"{language.folder}{LATEST}/at-a-glance/" for language in LANGUAGES]


def png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_page_shows_the_poster_links_the_png_and_keeps_its_text(site: Path, folder: str) -> None:
    png = (site / folder / "poster.png").read_bytes()
    width, height = png_size(png)
    assert width >= 750 and height > width and len(png) <= 1_000_000
    svg = (site / folder / "poster.svg").read_text(encoding="utf-8")
    assert f'viewBox="0 0 {width} {height}"' in svg, "the PNG is the SVG, pixel for unit"
    page = soup_of(site / folder / "index.html")
    image = page.select_one("figure.poster img.poster__image")
    assert image["src"] == "poster.svg" and image["width"] == str(width) and image["height"] == str(height)
    assert len(image["alt"]) > 20 and str(LATEST) in image["alt"]
    download = page.select_one('figure.poster a[href="poster.png"][download]')
    assert re.fullmatch(rf"\S+{LATEST}\S+\.png", download["download"]), download["download"]
    # the text version stays, after the poster
    assert page.select_one("#glance-mediation") and page.select_one("#glance-charts")
    assert page.select_one("figure.poster").find_next(id="glance-mediation")


def test_no_template_of_the_poster_is_published(site: Path) -> None:
    """The SVG template is a theme file: MkDocs would copy it into the site unless it is .html."""
    assert not [path for path in site.rglob("*") if "partials" in path.parts], "a theme partial was published"
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("poster.*") if path.suffix != ".gz") == \
        sorted(folder + name for folder in FOLDERS for name in ("poster.png", "poster.svg"))


CARD = "disclosure.published_items"     # a headline card of the poster that no formula uses


def test_a_changed_figure_changes_the_svg_and_the_png_of_every_edition(site: Path, tmp_path: Path) -> None:
    assert CARD in report().cards
    published = raw_value(CARD)
    now = str(int(published) + 1000)
    project = copy_project(PROJECT, tmp_path / "project")
    data = project / DATA_FILE
    text = data.read_text(encoding="utf-8")
    changed = re.sub(rf"(  {re.escape(CARD)}:\n    value: ){published}\n", rf"\g<1>{now}\n", text)
    assert changed != text
    # Recorded as an official correction: the build refuses a page that differs from the official
    # text without one (nicheng_report.fidelity). Added to the year's list if it has one.
    record = (f"  - figure: {CARD}\n    published: {published}\n    now: {now}\n"
              f'    date: "{LATEST + 1}-03-10"\n    decided_by: {{zh: 泥城镇人民政府, en: Nicheng Town People\'s Government}}\n'
              "    reason: {zh: 测试, en: A test}\n")
    if "\ncorrections:\n" in changed:
        changed = changed.replace("\ncorrections:\n", "\ncorrections:\n" + record, 1)
    else:
        changed += "\ncorrections:\n" + record
    data.write_text(changed, encoding="utf-8")
    out = build_site(tmp_path / "site", project=project, SITE_CACHE=str(tmp_path / "cache"))
    corrected = dataclasses.replace(figure(CARD), value=type(figure(CARD).value)(now))
    for language, folder in zip(LANGUAGES, FOLDERS):
        before, after = shown(CARD, language.content), format_figure(corrected, lang=language.content)
        assert before != after
        svg = (out / folder / "poster.svg").read_text(encoding="utf-8")
        assert f">{after}<" in svg and f">{before}<" not in svg, folder
        assert f">{before}<" in (site / folder / "poster.svg").read_text(encoding="utf-8"), folder
        assert (out / folder / "poster.png").read_bytes() != (site / folder / "poster.png").read_bytes()


def test_two_builds_give_the_same_poster_bytes(site: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path / "site", SITE_CACHE=str(tmp_path / "cache"))
    for folder in FOLDERS:
        for name in ("poster.svg", "poster.png"):
            assert (again / folder / name).read_bytes() == (site / folder / name).read_bytes(), folder + name


@pytest.fixture(scope="module")
def nginx(site: Path):
    """The site under deploy/nginx.conf: its Content-Security-Policy header reaches poster.svg too."""
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is missing: `make test` installs it (scripts/system-packages.sh).")
    base = Path(tempfile.mkdtemp(prefix="nicheng-poster-"))
    base.chmod(0o755)
    shutil.copytree(site, base / "site", symlinks=True)
    (base / "tmp").mkdir(mode=0o755)
    server = start_nginx(base / "site", base / "tmp", ROOT / "deploy" / "nginx.conf")
    yield server.url
    stop_nginx(server.process)
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.browser
@pytest.mark.parametrize("folder", FOLDERS)
def test_at_phone_width_the_poster_shows_whole_with_nothing_blocked(browser, nginx: str, folder: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    watch = Watch(context)
    page = context.new_page()
    page.goto(nginx + folder)
    page.wait_for_load_state("networkidle")
    shown = page.evaluate("""(() => { const image = document.querySelector('.poster__image');
        image.scrollIntoView(); return [image.complete, image.naturalWidth, image.getBoundingClientRect().width,
        document.documentElement.scrollWidth]; })()""")
    watch.check(page, folder)
    complete, natural, width, page_width = shown
    assert complete and natural >= 750 and 300 <= width <= 390 and page_width <= 390, shown
    page.goto(nginx + folder + "poster.svg")    # opened on its own, under the CSP header
    page.wait_for_load_state("networkidle")
    watch.check(page, folder + "poster.svg")
    assert page.evaluate("document.querySelectorAll('text').length") > 30
    context.close()
    # An image opened on its own names no icon, so Chromium asks for /favicon.ico (the site has
    # its icon under assets/): that request is the browser's, not the poster's.
    problems = [problem for problem in watch.problems if not problem.endswith("/favicon.ico)")]
    assert not problems, "\n".join(problems)
