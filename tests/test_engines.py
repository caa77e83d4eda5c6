"""The site on every engine (README, "Site engines"): `make build ENGINE=properdocs` and
`ENGINE=zensical` give the default build's pages with the same figures on each, nothing
left unrendered, the posters byte for byte, every link and src naming a published file; each
stops the build on the mistakes the default build refuses, and shows a recorded correction
(notice in both languages, the corrected figure, corrections.csv) or refuses an unrecorded one.

`make test` installs the engines' locks (the Makefile's ENGINE_STAMPS) before it runs these.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import PROJECT, ROOT, build_site, command, copy_project, html_pages, soup_of, tree_digest
from nicheng_report.languages import LANGUAGES
from report_data import LATEST
from report_data import PUBLISHED as PUBLISHED_YEARS

ENGINES = ("properdocs", "zensical")
LEFT_OVER = ("{{", "data-figures-snippet", "<!-- figures:", "report:include", "<!-- glossary")


def installed(engine: str) -> str:
    try:
        return metadata.version(engine)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{engine} is not installed: run `make test`, which installs requirements/{engine}.txt")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """built(engine) -> the site that engine builds, once per module."""
    sites: dict[str, Path] = {}

    def build(engine: str) -> Path:
        if engine not in sites:
            installed(engine)
            sites[engine] = build_site(tmp_path_factory.mktemp(engine) / "site", ENGINE=engine)
        return sites[engine]
    return build


@pytest.fixture(params=ENGINES)
def engine_site(request, built) -> tuple[str, Path]:
    return request.param, built(request.param)


def pages(site: Path) -> list[str]:
    return [path.relative_to(site).as_posix() for path in html_pages(site)]


def what_the_reader_gets(path: Path) -> dict[str, object]:
    """Of one page: every figure (value, text, link), the key-figures rows, cards, charts, JSON-LD,
    the links and images (src, size, alt) in the text, the language switch, the date, the nav, the lang marks, the permalink's
    title and the site's stylesheet."""
    soup = soup_of(path)
    article = soup.select_one("article") or soup
    return {
        "figures": [(data.get("value"), data.get_text(strip=True), data.a.get("href") if data.a else None)
                    for data in article.select("data.figure")],
        "rows": [row.get("id") for row in article.select("table.figures tr[id]")],
        "cards": [card.get_text(" ", strip=True) for card in article.select(".figure-card")],
        "charts": [chart.get("id") for chart in article.select("figure.chart")],
        "jsonld": [script.string for script in soup.select('script[type="application/ld+json"]')],
        "links": sorted(link["href"] for link in article.select("a[href]")),
        "images": [(img.get("src"), img.get("width"), img.get("height"), img.get("alt")) for img in article.select("img")],
        "switch": [link.get("href") for link in soup.select("a.lang-switch__link")],
        "date": [time.get("datetime") for time in soup.select(".page-furniture__date time")],
        # The nav's pages, labelled from the pages (`- YEAR:` written out); not the theme's own
        # contents entries, which Material puts in the nav and Zensical does not.
        "nav": [(" ".join(link.get_text().split()), posixpath.normpath(link["href"]))
                for link in soup.select("nav.md-nav--primary a.md-nav__link[href]") if "#" not in link["href"]],
        "lang marks": [part.get_text() for part in article.select('[lang="zh-CN"]')],
        "permalink": sorted({link.get("title") for link in article.select("a.headerlink")}),
        "our stylesheet": [posixpath.normpath(link["href"]) for link in soup.select('link[rel="stylesheet"]')
                           if "/stylesheets/site." in link["href"]],
    }


def test_each_engine_has_the_default_pages_and_figures(engine_site: tuple[str, Path], site: Path) -> None:
    engine, other = engine_site
    assert pages(other) == pages(site), f"{engine}: not the default build's pages"
    assert len(pages(site)) > 20
    figures_seen = 0
    for page in pages(site):
        default, theirs = what_the_reader_gets(site / page), what_the_reader_gets(other / page)
        for part, value in default.items():
            assert theirs[part] == value, f"{engine}, {page}: {part} differ from the default build"
        figures_seen += len(default["figures"])
        text = (other / page).read_text(encoding="utf-8")
        assert not [needle for needle in LEFT_OVER if needle in text], f"{engine}, {page}: left unrendered"
    assert figures_seen > 100   # the comparison compared something


def test_each_engine_publishes_the_open_data(engine_site: tuple[str, Path], site: Path) -> None:
    engine, other = engine_site
    data = sorted(path.relative_to(site).as_posix() for path in site.glob(f"**/{LATEST}/data/*") if not path.name.endswith(".gz"))
    assert data, "the default build publishes no open data"
    for name in data:
        assert (other / name).read_bytes() == (site / name).read_bytes(), f"{engine}: {name}"


def test_each_engine_publishes_the_posters(engine_site: tuple[str, Path], site: Path) -> None:
    """The 一图读懂 posters (SVG and PNG, each language) at the default build's paths, byte for byte."""
    engine, other = engine_site
    posters = sorted(path.relative_to(site).as_posix() for path in site.glob("**/at-a-glance/poster.*")
                     if not path.name.endswith(".gz"))
    assert posters == sorted(f"{language.folder}{year}/at-a-glance/poster.{kind}" for language in LANGUAGES
                             for year in PUBLISHED_YEARS for kind in ("png", "svg")), posters   # each year's, each edition's
    for name in posters:
        assert (other / name).is_file(), f"{engine}: {name} is not published"
        assert (other / name).read_bytes() == (site / name).read_bytes(), f"{engine}: {name} differs"


def test_each_engine_converts_the_traditional_edition(engine_site: tuple[str, Path], site: Path) -> None:
    """An edition converted at build time (繁體): each page's language, its notice and nav as the
    default build's, and no simplified character left in what a reader sees (test_traditional's check)."""
    from test_traditional import _left_simplified, _visible_texts

    engine, other = engine_site
    for language in (each for each in LANGUAGES if each.source):
        edition = [page for page in pages(site) if page.startswith(language.folder)]
        assert edition, f"the default build has no {language.code} pages"
        for page in edition:
            default, theirs = soup_of(site / page), soup_of(other / page)
            assert theirs.html.get("lang") == default.html.get("lang") == language.hreflang, f"{engine}, {page}"
            assert ([notice.get_text(" ", strip=True) for notice in theirs.select(".translation-notice")]
                    == [notice.get_text(" ", strip=True) for notice in default.select(".translation-notice")]), \
                f"{engine}, {page}: the notice differs"
            assert not _left_simplified(_visible_texts(other / page, own=language.hreflang)), f"{engine}, {page}"


LINKED = (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src"))


def unresolved(site: Path) -> list[tuple[str, str]]:
    """Every relative link and src of every page of `site` that names no published file."""
    found = []
    for path in html_pages(site):
        soup, here = soup_of(path), path.parent.relative_to(site).as_posix()
        for tag, attribute in LINKED:
            for element in soup.find_all(tag):
                parts = urlsplit(element.get(attribute) or "")
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                # 404.html links from the server's root (no SITE_URL: the site is served at /)
                base = "" if parts.path.startswith("/") else here
                target = site / posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    found.append((path.relative_to(site).as_posix(), element[attribute]))
    return found


@pytest.mark.parametrize("engine", ("mkdocs",) + ENGINES)
def test_every_link_and_src_names_a_published_file(engine: str, built, site: Path) -> None:
    checked = site if engine == "mkdocs" else built(engine)
    assert unresolved(checked) == [], f"{engine}: links to files the site does not have"


def test_properdocs_builds_the_same_site_byte_for_byte(built, site: Path) -> None:
    # Zensical's theme is its own: its pages and figures are compared above.
    assert tree_digest(built("properdocs")) == tree_digest(site)


# --- Strict under every engine -------------------------------------------------------------

MISTAKES = {
    "image without alt text": ("accessibility.md", "\n![](images/plan.svg)\n", "has no alt text"),
    "unknown figure key": (f"{LATEST}/measures.md", "\n共 {{ mediation.nonexistent }} 件。\n", "is not a key of the data file"),
    "broken link": ("accessibility.md", "\n见[说明](nowhere.md)。\n", "nowhere.md"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
@pytest.mark.parametrize("engine", ("mkdocs",) + ENGINES)
def test_each_engine_stops_on_the_mistake_and_keeps_the_site(engine: str, mistake: str, tmp_path: Path) -> None:
    if engine != "mkdocs":
        installed(engine)
    project = copy_project(PROJECT, tmp_path / "project")
    page, planted, said = MISTAKES[mistake]
    (project / "docs/zh/images").mkdir(exist_ok=True)
    (project / "docs/zh/images/plan.svg").write_bytes((ROOT / "overrides/assets/images/favicon.svg").read_bytes())
    with open(project / "docs/zh" / page, "a", encoding="utf-8") as handle:
        handle.write(planted)
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<p>the site from before</p>", encoding="utf-8")
    before = tree_digest(previous)
    result = subprocess.run(command("build", project, "--engine", engine), capture_output=True, text=True, cwd="/",
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode != 0, f"{engine} published a page with an {mistake}"
    assert said in result.stderr and page in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert tree_digest(previous) == before
    assert not list(project.glob(".site-staging-*")), "a staging folder was left behind"


def test_the_engine_and_its_version_are_printed(tmp_path: Path) -> None:
    project = copy_project(PROJECT, tmp_path / "project")
    (project / ".cache/jinja").mkdir(parents=True)
    (project / ".cache/jinja/kept").write_text("ours", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_CACHE"}
    result = subprocess.run(command("build", project, "--engine", "zensical"), capture_output=True, text=True,
                            cwd="/", env={**env, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"zensical {installed('zensical')}" in result.stderr
    # Zensical's cache (and its --clean) is the staging project's: the project's .cache/ is ours.
    assert (project / ".cache/jinja/kept").read_text(encoding="utf-8") == "ours"
    assert not list(project.rglob(".zensical-project")) and (project / "site/en/index.html").is_file()


def test_a_missing_engine_is_named_with_the_command_that_installs_it(tmp_path: Path) -> None:
    script = ("import sys; from importlib import metadata; real = metadata.version\n"
              "metadata.version = lambda name: (_ for _ in ()).throw(metadata.PackageNotFoundError(name)) "
              "if name == 'zensical' else real(name)\n"
              "from nicheng_report.commands.build import main; sys.exit(main(sys.argv[1:]))")
    result = subprocess.run([command("build", ROOT)[0], "-c", script, "--project", str(ROOT), "--engine", "zensical",
                             "--out", str(tmp_path / "site")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "make build ENGINE=zensical" in result.stderr and not (tmp_path / "site").exists()


def test_zensical_gives_the_same_addresses_with_site_url(tmp_path: Path) -> None:
    """With SITE_URL: canonical URLs, og:url and hreflang alternates (the English site under en/)."""
    installed("zensical")
    url = "https://example.gov.cn/fzzf/report/"
    default = build_site(tmp_path / "default", SITE_URL=url)
    zensical = build_site(tmp_path / "zensical", SITE_URL=url, ENGINE="zensical")

    def addresses(path: Path) -> list[tuple[str, ...]]:
        soup = soup_of(path)
        return ([("canonical", link["href"]) for link in soup.select('link[rel="canonical"]')]
                + [("og:url", meta["content"]) for meta in soup.select('meta[property="og:url"]')]
                + [(link["hreflang"], link["href"]) for link in soup.select('link[rel="alternate"][hreflang]')])

    for page in pages(default):
        if page.endswith("404.html"):
            continue
        assert addresses(zensical / page) == addresses(default / page), page
    assert ("canonical", url + f"en/{LATEST}/measures/") in addresses(zensical / f"en/{LATEST}/measures/index.html")


# --- Official corrections under every engine (tests/test_corrections_site.py for the default) ---

from test_corrections_site import EPOCH, FIGURE, KEY, NOW, PUBLISHED, RECORD, assert_correction_shown, set_value  # noqa: E402


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory: pytest.TempPathFactory):
    """changed_project(recorded) -> a copy of the project with mediation.settled corrected, the
    correction recorded or not; one copy of each, shared by the engines."""
    projects: dict[bool, Path] = {}

    def make(recorded: bool) -> Path:
        if recorded not in projects:
            root = copy_project(PROJECT, tmp_path_factory.mktemp("recorded" if recorded else "unrecorded") / "project")
            set_value(root, NOW, record=RECORD if recorded else "")
            projects[recorded] = root
        return projects[recorded]
    return make


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_shows_a_recorded_correction(engine: str, changed_project, tmp_path: Path) -> None:
    installed(engine)
    site = build_site(tmp_path / "site", project=changed_project(True), ENGINE=engine, SOURCE_DATE_EPOCH=EPOCH)
    assert_correction_shown(site, engine=engine)
    assert unresolved(site) == [], f"{engine}: links to files the site does not have"   # the notices' too


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_stops_on_an_unrecorded_change(engine: str, changed_project, tmp_path: Path) -> None:
    """The fidelity check runs under every engine: the same change without its record stops the build."""
    installed(engine)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site from before</p>", encoding="utf-8")
    before = tree_digest(site)
    result = subprocess.run(command("build", changed_project(False), "--engine", engine, "--out", str(site)),
                            capture_output=True, text=True, cwd="/", timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode != 0, f"{engine} published a page that differs from the official text"
    message = result.stderr
    assert f"docs/zh/{LATEST}/{FIGURE.page}.md, section #{FIGURE.heading}" in message, message[-3000:]
    assert f"corrections:\n  - figure: {KEY}\n    published: {PUBLISHED}\n    now: {NOW}\n" in message
    assert "Traceback" not in message and message.count("页面与正式文本不一致") == 1
    assert tree_digest(site) == before
