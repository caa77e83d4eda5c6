"""With SITE_URL set (as it must be for the published site), every page names
its own absolute address and its twin's: canonical, og:url and hreflang, in
both languages; the sitemap and robots.txt use absolute URLs; the English 404
page links into the English site under the sub-path."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import build_site, soup_of
from nicheng_report.languages import LANGUAGES
from report_data import LATEST

BASE = "https://example.gov.cn/fzzf/report/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("published") / "site", SITE_URL=BASE)


@pytest.mark.parametrize("page", ["", f"{LATEST}/", f"{LATEST}/measures/", "glossary/"])
def test_each_language_names_its_own_address_and_its_twin(published, page):
    for prefix in (language.folder for language in LANGUAGES):
        soup = soup_of(published / prefix / page / "index.html")
        assert soup.select_one('link[rel="canonical"]')["href"] == BASE + prefix + page
        assert soup.select_one('meta[property="og:url"]')["content"] == BASE + prefix + page
        alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert alternates == {"zh-CN": BASE + page, "en": BASE + "en/" + page, "zh-Hant": BASE + "zh-hant/" + page,
                              "x-default": BASE + page}


def test_sitemap_and_robots_use_absolute_urls(published):
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    locations = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
    assert {BASE + f"{LATEST}/measures/", BASE + f"en/{LATEST}/measures/", BASE + f"zh-hant/{LATEST}/measures/"} <= set(locations)
    assert all(url.startswith(BASE) for url in locations)
    assert f"Sitemap: {BASE}sitemap.xml" in (published / "robots.txt").read_text(encoding="utf-8").splitlines()


def test_english_404_links_into_the_english_site(published):
    soup = soup_of(published / "en" / "404.html")
    stylesheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert stylesheets and all(href.startswith("/fzzf/report/en/assets/") for href in stylesheets)
    home = urljoin(BASE + "en/no-such-page/", soup.select_one("a.md-header__button.md-logo")["href"])
    assert home == BASE + "en/"
    html = (published / "en" / "404.html").read_text(encoding="utf-8")
    assert "/fzzf/report/en/en/" not in html


def test_traditional_404_links_into_the_traditional_site(published):
    soup = soup_of(published / "zh-hant" / "404.html")
    assert soup.html["lang"] == "zh-Hant"
    stylesheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert stylesheets and all(href.startswith("/fzzf/report/zh-hant/assets/") for href in stylesheets)
    home = urljoin(BASE + "zh-hant/no-such-page/", soup.select_one("a.md-header__button.md-logo")["href"])
    assert home == BASE + "zh-hant/"
