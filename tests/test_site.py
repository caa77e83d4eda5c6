"""The built site, read as HTML: languages, twins, figures, charts, open data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT, html_pages, soup_of
from nicheng_report.languages import language_of_site_path
from report_data import LATEST, by_anchor, report, shown

TEXT_SUFFIXES = {".html", ".json", ".csv", ".xml", ".txt", ".js", ".css"}


def pages_of(site: Path, lang: str) -> list[Path]:
    pages = [p for p in html_pages(site) if language_of_site_path(p.relative_to(site).as_posix()).code == lang]
    assert len(pages) >= 10
    return pages


def test_every_page_declares_its_language(site):
    for lang, expected in (("zh", "zh-CN"), ("en", "en")):
        for path in pages_of(site, lang):
            assert soup_of(path).html.get("lang") == expected, path


CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def test_chinese_in_english_pages_is_marked_as_chinese(site):
    # WCAG 2.1 SC 3.1.2: quoted titles and terms are read with a Chinese voice. Full-width
    # punctuation in the English interface (Published by：) is caught here too.
    for path in pages_of(site, "en"):
        page = soup_of(path)
        for part in page.find_all(lang=re.compile("^zh")):
            part.decompose()
        for raw in page(["script", "style"]):
            raw.decompose()
        unmarked = [text.strip()[:60] for text in page.body.find_all(string=CJK)]
        assert not unmarked, (path, unmarked[:5])
    # A quoted Chinese title of the report (《…》) is read with a Chinese voice: marked lang="zh-CN" as a whole.
    quoted = next(re.finditer(r"《[^》]+》", (PROJECT / "docs" / "en" / str(LATEST) / "measures.md").read_text(encoding="utf-8")))[0]
    measures = soup_of(site / "en" / str(LATEST) / "measures" / "index.html")
    assert measures.find("span", lang="zh-CN", string=re.compile(f"^{re.escape(quoted)}$"))


def test_every_page_links_its_twin(site):
    for lang, other in (("zh", "en"), ("en", "zh")):
        for path in pages_of(site, lang):
            if path.name == "404.html":
                continue
            soup = soup_of(path)
            switch = soup.select_one("a.lang-switch__link")
            assert switch is not None, path
            twin = (path.parent / switch["href"] / "index.html").resolve()
            rel = path.relative_to(site).as_posix()
            expected = ("en/" + rel) if lang == "zh" else rel.removeprefix("en/")
            assert twin == (site / expected).resolve() and twin.exists(), (path, switch["href"])
            assert switch["hreflang"] == ("en" if lang == "zh" else "zh-CN"), path
            # Relative hreflang alternates are invalid: they come only with SITE_URL (test_site_url.py).
            assert not soup.select('link[rel="alternate"][hreflang]'), path


def test_no_placeholder_survives_anywhere(site):
    for path in site.rglob("*"):
        if path.suffix in TEXT_SUFFIXES and "{{" in path.read_text(encoding="utf-8", errors="replace"):
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text, (path, text[text.index("{{") - 60: text.index("{{") + 60])


def test_figures_are_marked_up_and_link_to_their_row(site, soup):
    figures = soup(f"{LATEST}/figures/")
    rows = {row["id"] for row in figures.select("tr[id^=fig-]")}
    for url in (f"{LATEST}/measures/", f"en/{LATEST}/measures/"):
        data = soup(url).select("article data.figure")
        assert len(data) >= 20
        for node in data:
            link = node.a["href"]
            assert link.startswith("../figures/#"), link
            assert link.split("#")[1] in rows
    # Each figure shown is the data file's, as its language writes it (formatting: tests/test_figures_core.py).
    figures_of = by_anchor()
    for url, lang in ((f"{LATEST}/measures/", "zh"), (f"en/{LATEST}/measures/", "en")):
        for node in soup(url).select("article data.figure"):
            item = figures_of[node.a["href"].split("#")[1]]
            assert node["value"] == str(item.value) and node.get_text() == shown(item.key, lang), (url, item.key)


def test_key_figures_tables_are_accessible(soup):
    for url in (f"{LATEST}/figures/", f"en/{LATEST}/figures/"):
        tables = soup(url).select("table.figures")
        assert len(tables) >= 8
        for table in tables:
            assert table.caption and table.caption.get_text(strip=True)
            assert table.select("thead th[scope=col]") and table.select("tbody th[scope=row]")


def test_charts_have_title_description_and_a_table(soup):
    for url in (f"{LATEST}/figures/", f"en/{LATEST}/figures/", f"{LATEST}/at-a-glance/"):
        charts = soup(url).select("figure.chart")
        assert len(charts) == len(report().charts)
        for chart in charts:
            image = chart.select_one("[role=img]")
            labelled = image["aria-labelledby"].split()
            assert len(labelled) == 2 and all(chart.find(id=each).get_text(strip=True) for each in labelled)
            assert image.select(".chart__label") and image.select("svg[aria-hidden=true] rect")
            assert chart.select("details table tbody tr")
    assert "script" not in str(soup(f"{LATEST}/figures/").select_one("article")).lower()


def test_open_data_files(site):
    for prefix in ("", "en/"):
        folder = site / prefix / str(LATEST) / "data"
        rows = list(csv.DictReader(io.StringIO((folder / "figures.csv").read_text(encoding="utf-8"))))
        values = {r["key"]: r["value"] for r in rows}
        assert values == {key: str(item.value) for key, item in report().figures.items()}
        assert json.loads((folder / "figures.json").read_text(encoding="utf-8"))["report"]["year"] == LATEST
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert package["resources"][0]["path"] == "figures.csv"


def test_key_figures_page_has_dataset_json_ld(soup):
    blocks = [json.loads(s.string) for s in soup(f"{LATEST}/figures/").select('script[type="application/ld+json"]')]
    dataset = next(b for b in blocks if b.get("@type") == "Dataset")
    files = {"figures.csv", "figures.json", "datapackage.json"} | ({"corrections.csv"} if report().corrections else set())
    assert {d["contentUrl"] for d in dataset["distribution"]} == {f"../data/{name}" for name in files}


def test_each_language_has_its_own_search_index(site):
    for prefix, han in (("", True), ("en/", False)):
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["pipeline"] == []
        for doc in index["docs"]:
            location = doc["location"].split("#")[0]
            assert (site / prefix / location / "index.html").exists() or location == "", location
        titles = " ".join(d["title"] for d in index["docs"])
        assert bool(re.search(r"[\u4e00-\u9fff]{4}", titles)) == han
        assert not any("full/" in d["location"] for d in index["docs"]), "the print page must not be searched"


def test_only_the_lunr_files_the_search_can_load_are_published(site):
    # The worker imports lunr's language files only for a search language other than "en".
    for prefix in ("", "en/"):
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == ["en"]
        assert not (site / prefix / "assets" / "javascripts" / "lunr").exists()
        assert list((site / prefix / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


@pytest.mark.parametrize("languages, kept", [(["en"], False), (["en", "zh"], True), (["ja"], True)])
def test_lunr_files_stay_for_any_other_search_language(tmp_path, languages, kept):
    from nicheng_report.search.index import shrink_index

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": languages}, "docs": []}))
    lunr = tmp_path / "assets" / "javascripts" / "lunr" / "min"
    lunr.mkdir(parents=True)
    (lunr / "lunr.zh.min.js").write_text("/* lunr */")
    shrink_index(tmp_path)
    assert (lunr / "lunr.zh.min.js").exists() == kept


def test_english_pages_say_they_are_a_translation(soup):
    notice = soup(f"en/{LATEST}/measures/").select_one(".translation-notice")
    assert "Chinese original" in notice.get_text() and "prevails" in notice.get_text()
    assert notice.a["href"] == f"../../../{LATEST}/measures/"
    assert soup(f"{LATEST}/measures/").select_one(".translation-notice") is None


def test_pages_make_no_reference_to_another_host(site):
    """Nothing a page loads comes from another host; external <a> links (e.g. the original
    on the portal) are allowed: links, not requests."""
    for path in html_pages(site):
        soup = soup_of(path)
        for tag in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            url = tag.get("src") or tag.get("href") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"(?:https?:)?//", url), (path, str(tag)[:200])


def test_report_landing_pages_describe_the_report_for_search_engines(soup):
    published_on = report().meta.published
    for url, lang in ((f"{LATEST}/", "zh-CN"), (f"en/{LATEST}/", "en")):
        page = soup(url)
        described = next(json.loads(s.string) for s in page.select('script[type="application/ld+json"]'))
        assert described["@type"] == "Report" and described["inLanguage"] == lang
        assert described["publisher"]["@type"] == "GovernmentOrganization"
        assert described["datePublished"] == published_on
        assert page.select_one('meta[name="description"]')["content"]
        assert page.select_one('meta[property="og:title"]')["content"]


def test_one_sitemap_and_no_stale_compressed_copy_of_a_translations(site):
    """MkDocs writes en/sitemap.xml and en/sitemap.xml.gz (empty of the other language); both go, or
    nginx's gzip_static would serve the stale .gz for /en/sitemap.xml."""
    import gzip

    assert not list((site / "en").glob("sitemap.xml*"))
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_sitemap_lists_both_languages_and_robots_points_to_it(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{LATEST}/measures/</loc>" in sitemap and f"<loc>en/{LATEST}/measures/</loc>" in sitemap
    assert sitemap.count("hreflang=\"x-default\"") == sitemap.count("<url>")
    assert (site / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")


def test_glossary_pages_list_every_term_with_a_working_link(soup, site):
    import yaml
    terms = yaml.safe_load((PROJECT / "docs" / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    for url, key in (("glossary/", "zh"), ("en/glossary/", "en")):
        rows = soup(url).select("article table tbody tr")
        assert len(rows) == len(terms)
        text = soup(url).select_one("article table").get_text(" ")
        assert all(term[key] in text for term in terms)
        for link in soup(url).select("article table tbody a"):
            target, _, anchor = link["href"].partition("#")
            html = (site / url / target / "index.html").resolve()
            assert html.exists() and f'id="{anchor}"' in html.read_text(encoding="utf-8"), link["href"]


def test_check_translations_passes_here_and_names_the_page_that_drifts(tmp_path):
    import shutil
    import subprocess
    from conftest import command
    ok = subprocess.run(command("check-translations", PROJECT), capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copytree(PROJECT / "docs", tmp_path / "docs")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path)
    page = tmp_path / "docs" / "en" / str(LATEST) / "highlights.md"
    heading_id = re.search(r"\{ #([a-z-]+) \}", page.read_text(encoding="utf-8").split("\n## ", 1)[1])[1]
    page.write_text(page.read_text(encoding="utf-8").replace(f"{{ #{heading_id} }}", f"{{ #{heading_id}-x }}"), encoding="utf-8")
    (tmp_path / "docs" / "en" / str(LATEST) / "shortcomings.md").unlink()
    bad = subprocess.run(command("check-translations", tmp_path),
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert f"{LATEST}/highlights.md" in bad.stdout and heading_id in bad.stdout
    assert f"{LATEST}/shortcomings.md" in bad.stdout and "no English twin" in bad.stdout


def test_english_404_page_links_into_the_english_site(site):
    page = soup_of(site / "en" / "404.html")
    links = [a["href"] for a in page.select("a[href^='/']")] + [s["src"] for s in page.select("script[src^='/']")]
    assert links and all(link.startswith("/en/") for link in links), [link for link in links if not link.startswith("/en/")]
    assert page.html["lang"] == "en" and "Page not found" in page.get_text()
    assert "页面未找到" in soup_of(site / "404.html").h1.get_text()


def test_the_sites_stylesheets_are_one_fingerprinted_file_in_order(site, soup):
    from conftest import ROOT
    sources = ("site.css", "reading.css", "a11y.css", "print.css")  # mkdocs.yml extra_css
    for url in (f"{LATEST}/measures/", "en/", "404.html", "en/404.html"):
        links = [link["href"] for link in soup(url).select('link[rel="stylesheet"]')]
        ours = [href for href in links if "/stylesheets/site." in href or href.startswith("assets/stylesheets/site.")]
        assert len(ours) == 1 and re.search(r"site\.[0-9a-f]{8}\.min\.css$", ours[0]), (url, links)
        assert links[-1] == ours[0], "after Material's stylesheets, so that ours win"
    for folder in (site, site / "en"):
        [bundle] = folder.glob("assets/stylesheets/site.*.min.css")
        assert not any((folder / "assets" / "stylesheets" / name).exists() for name in sources)
        text = bundle.read_text(encoding="utf-8")
        positions = [text.index(f"/* assets/stylesheets/{name} */") for name in sources]
        assert positions == sorted(positions)
        assert "@media print" in text and "[data-contrast=\"high\"]" in text.replace("'", '"')
        for name in sources:  # every rule survives: each declaration line of each source is in the file
            source = (ROOT / "overrides" / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
            lines = [line.strip() for line in re.sub(r"/\*.*?\*/", "", source, flags=re.S).splitlines() if line.strip()]
            assert len(lines) > 5 and all(line in text for line in lines), name
