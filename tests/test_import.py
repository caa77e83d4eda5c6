"""`make import` end to end, in copies of the project: the latest report's official text
imported as the next year (both years read from the data), a street office's Word document,
and every bad input. Each import must build strictly right after with no hand edit, keep
every sentence and heading of the official text, and leave the latest year byte for byte
as it was. An imported year is a draft
(its figures say review: true): `make serve` shows it (the pages checked here are
that preview), `make build` leaves it out; once reviewed and `make publish`ed it is
in the nav, on the home page, on its key-figures page and in the open data.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, command, copy_project, soup_of
from import_documents import marked, PORTAL_TOWN, write_word_document
from report_data import LATEST, NEXT, report
from test_new_year import ENV, of_prev, snapshot

# The latest published report's official text, imported as the next year: both read from the data.
SOURCE, NEW = LATEST, NEXT

OFFICIAL = ROOT / "docs" / "data" / f"{SOURCE}.official.zh.txt"
FURNITURE = (".headerlink", ".admonition.editorial", ".site-chrome", ".md-content__button", ".md-source-file",
             ".translation-notice", ".page-furniture", ".reading-controls", ".print-only")


def run_import(root: Path, source: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nicheng_report", "import", str(source), "--project", str(root), *args],
                          capture_output=True, text=True, env=ENV, timeout=120, cwd=root)


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command("build", root, "--out", str(root / "site")), capture_output=True, text=True,
                          env=ENV, timeout=300, cwd=root)


def preview(root: Path) -> subprocess.CompletedProcess:
    """What `make serve` shows, drafts included, built into root/site."""
    script = ("import shutil, sys; from pathlib import Path; from nicheng_report.commands.build import build_preview; "
              "out = Path(sys.argv[2]); shutil.rmtree(out, ignore_errors=True); out.mkdir(); "
              "build_preview(Path(sys.argv[1]), out)")
    return subprocess.run([sys.executable, "-c", script, str(root), str(root / "site")], capture_output=True,
                          text=True, env=ENV, timeout=300, cwd=root)


def review_and_publish(root: Path, year: int) -> subprocess.CompletedProcess:
    """What staff do before publishing an imported year: every figure checked (review: true deleted),
    the address of the original filled in; then `make publish YEAR=…`."""
    path = root / "docs" / "data" / f"{year}.yml"
    text = path.read_text(encoding="utf-8").replace("    review: true\n", "")
    text = re.sub(r'^  source_url: .*$', '  source_url: https://www.pudong.gov.cn/example', text, count=1,
                  flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    return subprocess.run(command("publish", root, str(year)), capture_output=True, text=True, env=ENV, timeout=60,
                          cwd=root)


def page(root: Path, url: str):
    return soup_of(root / "site" / url / "index.html")


def official_text(soup) -> str:
    article = copy.copy(soup.select_one("article.md-content__inner"))
    for selector in FURNITURE:
        for node in article.select(selector):
            node.decompose()
    return re.sub(r"\s+", "", article.get_text(""))


def body_of(official: Path) -> str:
    """The official text from its title on: without the portal's metadata lines and the first of a repeated title."""
    lines = [line for line in official.read_text(encoding="utf-8").splitlines()
             if line.strip() and not re.match(r"(索引号|公开类别)", line.strip())]
    if len(lines) > 1 and lines[0] == lines[1]:
        lines = lines[1:]
    return re.sub(r"\s+", "", "".join(lines))


def report_pages(root: Path, year: int) -> list[str]:
    from nicheng_report.nav import config_nav, expand

    return [p.split("/", 1)[1].removesuffix(".md") for p in expand(config_nav(root), root).years[year]
            if not p.endswith(("figures.md", "at-a-glance.md", "full.md"))]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = copy_project(ROOT, tmp_path_factory.mktemp("import") / "pristine")
    return root, snapshot(root)


@pytest.fixture(scope="module")
def imported(pristine, tmp_path_factory):
    """The SOURCE official text imported as NEW into a copy, and previewed (a draft: make serve)."""
    root = tmp_path_factory.mktemp("import") / "imported"
    shutil.copytree(pristine[0], root)
    result = run_import(root, OFFICIAL, "--year", f"{NEW}")
    built = preview(root) if result.returncode == 0 else None
    return root, result, built


@pytest.fixture(scope="module")
def published(imported, tmp_path_factory):
    """The imported copy, reviewed, published with make publish and built with make build."""
    root = tmp_path_factory.mktemp("import") / "published"
    shutil.copytree(imported[0], root)
    shutil.rmtree(root / "site")
    draft = build(root)
    assert draft.returncode == 0, draft.stderr[-5000:]
    assert not (root / "site" / f"{NEW}").exists() and not (root / "site" / "en" / f"{NEW}").exists()
    assert f"{NEW}/" not in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    result = review_and_publish(root, NEW)
    assert result.returncode == 0, result.stdout + result.stderr
    built = build(root)
    assert built.returncode == 0, built.stderr[-5000:]
    return root


def test_import_exits_0_with_a_summary(imported):
    root, result, _ = imported
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"已导入 {NEW} 年度" in out and f"Imported the {NEW} report" in out
    assert f"标题中的年份是 {SOURCE}" in out and f"imported as {NEW}" in out                 # YEAR= overrides, with a warning
    assert "5 个部分" in out and "measures.md" in out and "{ #" in out             # sections and headings
    assert "Figures: 24" in out and "「完成合同合法性审查425份。」" in out            # each figure with its sentence
    assert "按顺序应为“四”" in out and "possible slip" in out and "法 律援助" in out  # numbering, slips, spaces
    assert "translation: pending" in out


def test_the_site_builds_strictly_with_no_hand_edit(imported):
    root, _, built = imported
    assert built is not None and built.returncode == 0, built.stderr[-5000:] if built else ""
    for prefix in ("", "en/"):
        for name in ("", "measures/", "reporting-on-law/", "highlights/", "shortcomings/", "next-steps/", "figures/",
                     "at-a-glance/", "full/"):
            assert (root / "site" / prefix / f"{NEW}" / name / "index.html").is_file(), prefix + name


def test_2024_and_the_configs_are_untouched(imported, pristine):
    root = imported[0]
    after = snapshot(root)
    assert of_prev(after) == of_prev(pristine[1])
    for name in ("mkdocs.yml", "mkdocs.en.yml", "docs/data/glossary.yml", "docs/zh/index.md", "docs/en/index.md"):
        assert after[name] == pristine[1][name], name
    assert (root / f"docs/data/{NEW}.official.zh.txt").read_bytes() == OFFICIAL.read_bytes()


def test_every_sentence_and_heading_of_the_official_text_is_on_the_pages(imported):
    root = imported[0]
    pages = report_pages(root, NEW)
    assert pages == ["index", "measures", "reporting-on-law", "highlights", "shortcomings", "next-steps"]
    actual = "".join(official_text(page(root, f"{NEW}/{name}/".replace("index/", ""))) for name in pages)
    assert actual == body_of(root / f"docs/data/{NEW}.official.zh.txt")
    hand = [h.get_text().replace("¶", "").strip() for name in pages[1:]
            for h in page(root, f"{SOURCE}/{name}/").select("article h1, article h2, article h3")]
    ours = [h.get_text().replace("¶", "").strip() for name in pages[1:]
            for h in page(root, f"{NEW}/{name}/").select("article h1, article h2, article h3")]
    assert ours == hand


def test_the_print_page_holds_the_whole_text(imported):
    root = imported[0]
    soup = page(root, f"{NEW}/full")
    title = re.sub(r"\s+", "", soup.select_one("article h1").get_text("")).replace("¶", "")
    assert official_text(soup).removeprefix(title) == body_of(root / f"docs/data/{NEW}.official.zh.txt")


def test_figures_show_as_written_in_chinese_and_in_english_formatting(imported):
    root = imported[0]
    zh = page(root, f"{NEW}/measures")
    values = [node.get_text() for node in zh.select("article data.figure")]
    assert {"不少于12", "705.765万元", "300余", "98.72%"} <= set(values)
    en = page(root, f"en/{NEW}/measures")
    values = [node.get_text() for node in en.select("article data.figure")]
    assert {"at least 12", "RMB 7,057,650", "more than 300", "98.72%"} <= set(values)
    link = zh.select_one("article data.figure a")["href"]
    assert link.startswith("../figures/#fig-")


def test_english_pages_say_the_translation_is_in_preparation(imported):
    root = imported[0]
    for name in (f"{NEW}/", f"{NEW}/measures/", f"{NEW}/next-steps/"):
        notice = page(root, "en/" + name).select_one(".translation-notice--pending")
        assert notice is not None and "in preparation" in notice.get_text()
        assert notice.a["hreflang"] == "zh-CN" and notice.a["href"].endswith(name.removeprefix(f"{NEW}/") or f"{NEW}/")
    assert page(root, f"en/{SOURCE}/measures").select_one(".translation-notice--pending") is None
    assert page(root, f"en/{NEW}/figures").select_one(".translation-notice--pending") is None
    # same ids in both languages
    zh_ids = [h["id"] for h in page(root, f"{NEW}/measures").select("article h2, article h3")]
    en_ids = [h["id"] for h in page(root, f"en/{NEW}/measures").select("article h2, article h3")]
    assert zh_ids == en_ids and "reconsideration-litigation" in zh_ids
    # pending pages stay out of the English search
    index = json.loads((root / "site/en/search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(f"{NEW}/measures")]


def test_imported_section_pages_weigh_in_search_as_2024s(imported):
    """Each Chinese section page has 2024's report-page search boost (2), above the digest pages'
    0.5, so an imported year's passages are not outranked by them (issue #16)."""
    root = imported[0]
    index = json.loads((root / "site/search/search_index.json").read_text(encoding="utf-8"))
    boosts = {doc["location"]: doc.get("boost") for doc in index["docs"] if "#" not in doc["location"]}
    assert boosts["2025/at-a-glance/"] == boosts["2024/at-a-glance/"] == 0.5
    for name in ("highlights", "next-steps", "reporting-on-law", "shortcomings"):
        assert boosts[f"2025/{name}/"] == boosts[f"2024/{name}/"] == 2, name
    assert boosts["2025/measures/"] == 2 and boosts["2024/measures/"] == 3


def test_labels_without_english_show_the_chinese_marked_as_chinese(imported, published):
    root = imported[0]
    row = page(root, f"en/{NEW}/figures").select_one("#fig-contracts-reviews th a span")
    assert row is not None and row["lang"] == "zh-CN" and row.get_text() == "合同合法性审查"
    home = page(published, "en")
    assert home.select_one(".figure-card__label span[lang='zh-CN']") is not None
    assert home.select_one("#reports ~ ul a span[lang='zh-CN']").get_text() == report(SOURCE).meta.title.zh


def test_parity_accepts_pending_pages_explicitly(imported):
    root = imported[0]
    result = subprocess.run(command("check-translations", root), capture_output=True, text=True, env=ENV, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "translation: pending" in result.stdout and f"docs/en/{NEW}/measures.md" in result.stdout
    assert f"docs/en/{SOURCE}/" not in result.stdout


def test_a_draft_is_never_the_latest_report_even_in_the_preview(imported):
    root = imported[0]
    for prefix in ("", "en/"):
        home = page(root, prefix.rstrip("/"))
        assert [a["href"] for a in home.select("a.md-button--primary")] == [f"{SOURCE}/"]
        banner = page(root, prefix + f"{NEW}/measures").select_one("aside.draft-notice")
        assert banner is not None and f"{NEW}" in banner.get_text()


def test_the_home_page_nav_and_open_data_follow_once_published(published):
    root = published
    for prefix, label in (("", f"{NEW}年度报告"), ("en/", f"{NEW} Report")):
        home = page(root, prefix.rstrip("/"))
        assert [a["href"] for a in home.select("a.md-button--primary")] == [f"{NEW}/"]
        assert [a["href"] for a in home.select("#reports ~ ul a")][:2] == [f"{NEW}/", f"{SOURCE}/"]
        nav = [" ".join(a.get_text().split()) for a in page(root, prefix + f"{NEW}/measures").select(
            ".md-sidebar--primary .md-nav__link")]
        assert label in nav and nav.index(label) < nav.index(label.replace(f"{NEW}", f"{SOURCE}"))
    rows = list(csv.DictReader(io.StringIO((root / f"site/{NEW}/data/figures.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 24 and {row["label_en"] for row in rows} == {""}
    package = json.loads((root / f"site/{NEW}/data/datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["label_en"]["constraints"]["required"] is False


def test_the_data_file_marks_every_figure_for_review(imported):
    from nicheng_report.figures.loading import load_report_data

    data = load_report_data(imported[0] / f"docs/data/{NEW}.yml")
    assert len(data.figures) == 24 and all(f.review and f.sentence and f.origin == "stated" for f in data.figures.values())
    assert data.meta.title.en is None and data.meta.publisher.en == "Nicheng Town People's Government"
    assert (data.meta.published, data.meta.signed) == (report(SOURCE).meta.published, report(SOURCE).meta.signed)
    assert len(data.cards) == 4
    text = (imported[0] / f"docs/data/{NEW}.yml").read_text(encoding="utf-8")
    assert "search_terms:" in text and "  - 应出尽出" in text


def test_the_same_year_again_is_refused_and_nothing_changes(imported):
    root = imported[0]
    before = snapshot(root)
    result = run_import(root, OFFICIAL, "--year", f"{NEW}")
    assert result.returncode == 2
    assert "已存在" in result.stderr and "already exists" in result.stderr and "REPLACE=1" in result.stderr
    assert "Nothing was written" in result.stderr and snapshot(root) == before


def test_a_replace_keeps_what_staff_reviewed(imported, tmp_path):
    root = copy_project(imported[0], tmp_path / "replace")
    data = root / f"docs/data/{NEW}.yml"
    text = data.read_text(encoding="utf-8")
    # Staff reviewed one figure: renamed its key, gave it English, removed review: true.
    block = re.search(r"  contracts\.reviews:\n(?:    .*\n)+", text).group(0)
    reviewed = block.replace("contracts.reviews:", "contracts.legality_reviews:").replace(
        "label: {zh: 合同合法性审查}", "label: {zh: 合同合法性审查, en: Contracts given a legality review}").replace(
        "    review: true\n", "")
    data.write_text(text.replace(block, reviewed), encoding="utf-8")
    for name in ("measures.md", "at-a-glance.md"):
        for lang in ("zh", "en"):
            path = root / "docs" / lang / f"{NEW}" / name
            path.write_text(path.read_text(encoding="utf-8").replace("contracts.reviews", "contracts.legality_reviews"),
                            encoding="utf-8")
    translated = root / f"docs/en/{NEW}/reporting-on-law.md"
    translated.write_text(translated.read_text(encoding="utf-8").replace("translation: pending\n", ""), encoding="utf-8")
    result = run_import(root, OFFICIAL, "--year", f"{NEW}", "--replace")
    assert result.returncode == 0, result.stderr
    assert f"已替换 {NEW} 年度" in result.stdout and "reporting-on-law.md" in result.stdout
    after = data.read_text(encoding="utf-8")
    assert "contracts.legality_reviews:" in after and "contracts.reviews:" not in after
    assert "en: Contracts given a legality review" in after
    assert "{{ contracts.legality_reviews }}" in (root / f"docs/zh/{NEW}/measures.md").read_text(encoding="utf-8")
    assert "translation: pending" not in translated.read_text(encoding="utf-8")   # a translated page is kept
    assert not list((root / "docs").glob("import-*"))
    assert build(root).returncode == 0


@pytest.fixture(scope="module")
def word(pristine, tmp_path_factory):
    """A street office's Word document (another numbering style, two-line title, addressee) imported into a copy."""
    folder = tmp_path_factory.mktemp("word")
    root = folder / "project"
    shutil.copytree(pristine[0], root)
    source = folder / "浦兴路街道2022年度报告.docx"
    write_word_document(source)
    result = run_import(root, source)
    return root, result, preview(root) if result.returncode == 0 else None


def test_a_word_document_of_another_town_imports_and_builds(word):
    root, result, built = word
    assert result.returncode == 0, result.stderr
    assert "(docx, docx)" in result.stdout and "2022" in result.stdout
    assert built is not None and built.returncode == 0, built.stderr[-5000:] if built else ""
    pages = report_pages(root, 2022)
    assert pages == ["index", "measures", "shortcomings", "next-steps"]
    actual = "".join(official_text(page(root, f"2022/{name}/".replace("index/", ""))) for name in pages)
    assert actual == body_of(root / "docs/data/2022.official.zh.txt")
    index = page(root, "2022")
    assert index.select_one("#addressee").get_text() == "区政府:"
    assert "浦兴路街道办事处" in page(root, "2022/next-steps").select_one(".report-signature").get_text()
    # an older year: the home page still leads to SOURCE
    assert [a["href"] for a in page(root, "").select("a.md-button--primary")] == [f"{SOURCE}/"]
    assert "原文没有“发布时间”" in result.stdout


def test_a_gb18030_portal_text_imports_and_builds(pristine, tmp_path):
    root = copy_project(pristine[0], tmp_path / "gb")
    source = tmp_path / "shuyuan.txt"
    source.write_bytes(marked(PORTAL_TOWN)[0].encode("gb18030"))
    result = run_import(root, source)
    assert result.returncode == 0, result.stderr
    assert "gb18030" in result.stdout
    assert (root / "docs/data/2023.official.zh.txt").read_text(encoding="utf-8").startswith("2023年度书院镇")
    assert build(root).returncode == 0


BAD = {
    "empty.txt": b"",
    "report.pdf": b"%PDF-1.7",
    "report.doc": b"\xd0\xcf\x11\xe0",
    "not-word.docx": "2024年度报告\n一、工作".encode(),
    "zip.txt": b"PK\x03\x04\x14\x00\x00",
    "undecodable.txt": b"\xff\xfe\xfd\xfc\x80\x81",
    "no-title.txt": "今年我们做了很多工作，取得了成效。\n一、主要举措\n正文。\n".encode(),
    "no-section.txt": "2026年度某镇法治政府建设情况报告\n今年做了很多工作。\n明年继续。\n".encode(),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_nothing_is_written(pristine, tmp_path, name):
    root, before = pristine
    source = tmp_path / name
    source.write_bytes(BAD[name])
    result = run_import(root, source)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "拒绝：" in result.stderr and "Refused: " in result.stderr and "没有写入任何文件" in result.stderr and "Nothing was written" in result.stderr
    chinese, english = result.stderr.splitlines()[:2]     # Chinese on its own line, English on the next
    assert chinese.startswith("拒绝：") and re.search(r"[\u4e00-\u9fff]{4}", chinese), result.stderr
    assert english.startswith("Refused: ") and re.search(r"[a-z]{4} [a-z]{3}", english), result.stderr
    assert len(re.findall(r"[A-Za-z]", english)) > 3 * len(re.findall(r"[\u4e00-\u9fff]", english)), english  # quotes only
    assert snapshot(root) == before


def test_an_existing_year_is_refused(pristine):
    root, before = pristine
    result = run_import(root, OFFICIAL)
    assert result.returncode == 2 and f"{SOURCE} 年度已存在" in result.stderr and "already exists" in result.stderr
    assert snapshot(root) == before
