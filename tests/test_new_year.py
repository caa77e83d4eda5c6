"""`make new-year YEAR=…` starts next year's report.

Everything happens in a temporary copy of the project. The next year's "report"
built here is fixture data only (the newest year's pages and figures relabelled,
in the copy): nothing invented reaches the real docs/ or site/. The years are read
from the data (PREV, NEW, LATEST below), never written in, so these tests hold
after staff start or publish a year.

The skeleton is a draft (`status: draft`, placeholders): `make build` leaves it
out entirely (no pages, nav entry, home-page link, sitemap or search entry), so
an empty report can never go out as the latest one; `make serve` shows it under
a 草稿 banner. `make publish YEAR=2025` refuses while anything remains, listing
it; once the year is finished it marks it published and the build includes it.

No config is edited: the nav of mkdocs.yml lists a report's pages once, under
`- YEAR:`, and the new year's folder puts it in the nav of both languages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_PARTS, ROOT, command, copy_project
from report_data import LATEST, NEXT, YEARS

# Read from the data, never written in: the newest year there is (the one a new year follows),
# the year `make new-year` starts (NEW), and the latest published report (the home page's).
PREV, NEW = YEARS[0], NEXT

CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
NEW_PAGES = ("index.md", "figures.md", "at-a-glance.md")


# --- Helpers -----------------------------------------------------------------

def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project copy (not the built site) -> its SHA-256."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.relative_to(root).parts[0] in PROJECT_PARTS}


def of_prev(files: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in files.items()
            if k.startswith((f"docs/zh/{PREV}/", f"docs/en/{PREV}/")) or k == f"docs/data/{PREV}.yml"}


def new_year(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nicheng_report", "new-year", *args], capture_output=True,
                          text=True, env=ENV, timeout=60, cwd=root)


def build(root: Path, out: str = "site") -> subprocess.CompletedProcess:
    return subprocess.run(command("build", root, "--out", str(root / out)),
                          capture_output=True, text=True, env=ENV, timeout=120, cwd=root)


def publish(root: Path, year: str = str(NEW)) -> subprocess.CompletedProcess:
    return subprocess.run(command("publish", root, year), capture_output=True, text=True, env=ENV, timeout=60,
                          cwd=root)


def preview(root: Path, out: str = "preview") -> None:
    """What `make serve` shows (drafts included), built into root/out."""
    script = ("import sys; from pathlib import Path; from nicheng_report.commands.build import build_preview; "
              "out = Path(sys.argv[2]); out.mkdir(); build_preview(Path(sys.argv[1]), out)")
    result = subprocess.run([sys.executable, "-c", script, str(root), str(root / out)], capture_output=True,
                            text=True, env=ENV, timeout=120, cwd=root)
    assert result.returncode == 0, result.stderr[-5000:]


def assert_not_published(site: Path, year: int) -> None:
    """The year is nowhere on a built site: no pages, no nav entry, no link, not in the sitemap or search."""
    for prefix in ("", "en/"):
        assert not (site / prefix / str(year)).exists()
        for page in ("index.html", f"{PREV}/index.html", "glossary/index.html"):
            html = (site / prefix / page).read_text(encoding="utf-8")
            assert f'href="{year}/' not in html and f'/{year}/"' not in html, page
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith(f"{year}/")]
    assert f"{year}/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def nav_labels(page: Path) -> list[str]:
    """The labels of the primary navigation of a built page, in order."""
    return [" ".join(link.get_text().split()) for link in soup(page).select(".md-sidebar--primary .md-nav__link")]


def fill_dates(root: Path) -> None:
    """Fixture dates in the copy (the skeleton's placeholders are not dates)."""
    path = root / "docs" / "data" / f"{NEW}.yml"
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r'^  published: .*$', f'  published: "{NEW}-12-20"', text, flags=re.MULTILINE)
    text, m = re.subn(r'^  signed: .*$', f'  signed: "{NEW}-12-01"', text, flags=re.MULTILINE)
    assert n == m == 1
    path.write_text(text, encoding="utf-8")


def fill_with_fixture(root: Path) -> None:
    """Fill NEW in the copy with PREV's pages and figures, as staff would with the real report
    (still a draft: `status: draft`, as the skeleton says, until `make publish`)."""
    data = (root / "docs" / "data" / f"{PREV}.yml").read_text(encoding="utf-8")
    data, n = re.subn(rf"^  year: {PREV}$", f"  year: {NEW}\n  status: draft", data, flags=re.MULTILINE)
    assert n == 1
    (root / "docs" / "data" / f"{NEW}.yml").write_text(data, encoding="utf-8")
    for lang in ("zh", "en"):
        for page in (root / "docs" / lang / f"{PREV}").glob("*.md"):
            shutil.copy2(page, root / "docs" / lang / f"{NEW}" / page.name)   # the nav lists them by itself


# --- Fixtures ----------------------------------------------------------------

@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of the project as it is, and its snapshot."""
    root = copy_project(ROOT, tmp_path_factory.mktemp("new-year") / "pristine")
    return root, snapshot(root)


@pytest.fixture(scope="module")
def created(pristine, tmp_path_factory: pytest.TempPathFactory):
    """A copy after `make new-year YEAR=NEW` in COPY: (root, result, snapshot before)."""
    root = tmp_path_factory.mktemp("new-year") / "created"
    shutil.copytree(pristine[0], root)
    result = new_year(root, f"{NEW}", "--project", str(root))
    return root, result, pristine[1]


# --- Refusals ----------------------------------------------------------------

@pytest.mark.parametrize("year, zh, en", [
    ("25", "不是四位数的年份", "is not a 4-digit year"),
    ("20255", "不是四位数的年份", "is not a 4-digit year"),
    ("abcd", "不是四位数的年份", "is not a 4-digit year"),
    ("２０２５", "不是四位数的年份", "is not a 4-digit year"),   # full-width digits
    (f"{PREV}", "已存在", "already exists"),
    (f"{PREV - 1}", "不晚于", "is not later than"),
])
def test_bad_year_is_refused_and_nothing_changes(pristine, year, zh, en):
    root, before = pristine
    result = new_year(root, year, "--project", str(root))
    assert result.returncode == 2, result.stdout + result.stderr
    assert zh in result.stderr and en in result.stderr, result.stderr
    assert "没有改动任何文件" in result.stderr and "Nothing was changed" in result.stderr
    assert snapshot(root) == before


def test_a_leftover_folder_counts_as_existing(pristine, tmp_path):
    root = copy_project(pristine[0], tmp_path / "leftover")
    (root / "docs" / "en" / f"{NEW + 1}").mkdir()
    before = snapshot(root)
    result = new_year(root, f"{NEW + 1}", "--project", str(root))
    assert result.returncode == 2
    assert f"docs/en/{NEW + 1}/" in result.stderr and "已存在" in result.stderr and "already exists" in result.stderr
    assert snapshot(root) == before and not (root / "docs" / "zh" / f"{NEW + 1}").exists()


def test_project_defaults_to_the_working_folder(pristine):
    root, before = pristine
    result = new_year(root, f"{PREV}")   # no --project: run in the copy, as `make new-year` runs it
    assert result.returncode == 2 and f"docs/data/{PREV}.yml" in result.stderr
    assert snapshot(root) == before


# --- Creating the year -------------------------------------------------------

def test_creates_pages_data_and_nav_in_both_languages(created):
    root, result, before = created
    assert result.returncode == 0, result.stderr
    for lang in ("zh", "en"):
        assert sorted(p.name for p in (root / "docs" / lang / f"{NEW}").iterdir()) == sorted(NEW_PAGES)
    for path in [f"docs/{lang}/{NEW}/{page}" for lang in ("zh", "en") for page in NEW_PAGES] + [f"docs/data/{NEW}.yml"]:
        assert path in result.stdout
    # What staff do next, in both languages.
    assert "下一步" in result.stdout and "Next steps" in result.stdout
    assert "published" in result.stdout and "make build" in result.stdout

    after = snapshot(root)
    assert of_prev(after) == of_prev(before)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {f"docs/data/{NEW}.yml",
                       *(f"docs/{lang}/{NEW}/{page}" for lang in ("zh", "en") for page in NEW_PAGES)}


def test_no_config_is_edited_and_the_nav_lists_the_year_before_2024(created, pristine):
    from nicheng_report.nav import config_nav, expand

    root = created[0]
    for name in CONFIGS:
        assert (root / name).read_bytes() == (pristine[0] / name).read_bytes()
    assert "nav:" not in (root / "mkdocs.en.yml").read_text(encoding="utf-8")   # inherited: written once
    years = expand(config_nav(root), root).years
    assert list(years) == [NEW, PREV]
    assert years[NEW] == [f"{NEW}/index.md", f"{NEW}/figures.md", f"{NEW}/at-a-glance.md"]
    assert years[PREV] == expand(config_nav(pristine[0]), pristine[0]).years[PREV]
    assert "mkdocs.yml (unchanged)" in created[1].stdout


@pytest.mark.parametrize("lang, section, labels", [
    ("zh", f"{NEW}年度报告", ("关键数据", "一图读懂")),
    ("en", f"{NEW} Report", ("Key figures", "At a glance")),
])
def test_the_new_pages_carry_their_nav_labels(created, lang, section, labels):
    from nicheng_report.nav import page_label, section_label

    folder = created[0] / "docs" / lang / f"{NEW}"
    assert section_label((folder / "index.md").read_text(encoding="utf-8")) == section
    assert page_label((folder / "figures.md").read_text(encoding="utf-8")) == labels[0]
    assert page_label((folder / "at-a-glance.md").read_text(encoding="utf-8")) == labels[1]


def test_a_nav_without_the_year_pattern_is_refused(pristine, tmp_path):
    root = copy_project(pristine[0], tmp_path / "no-pattern")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^  - YEAR:\n(?:      - .*\n)+", f"  - {PREV}/index.md\n", text, count=1,
                             flags=re.MULTILINE), encoding="utf-8")
    before = snapshot(root)
    result = new_year(root, f"{NEW}", "--project", str(root))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "YEAR:" in result.stderr and "没有改动任何文件" in result.stderr and "Nothing was changed" in result.stderr
    assert snapshot(root) == before


def test_data_skeleton_is_a_draft_valid_but_for_the_dates(created):
    from nicheng_report.figures import FigureDataError, load_report_data

    root = created[0]
    path = root / "docs" / "data" / f"{NEW}.yml"
    assert load_report_data(path).meta.status == "draft"   # a draft's dates may still say 待填写
    undrafted = root.parent / f"undrafted-{NEW}.yml"
    undrafted.write_text(path.read_text(encoding="utf-8").replace("  status: draft", "  status: published"),
                         encoding="utf-8")
    with pytest.raises(FigureDataError) as raised:
        load_report_data(undrafted)
    assert raised.value.key == "report.published"
    assert "YYYY-MM-DD" in str(raised.value) and "isoformat" not in str(raised.value)
    scratch = root.parent / f"scratch-{NEW}.yml"
    scratch.write_text(re.sub(r'^  (published|signed): .*$', rf'  \1: "{NEW}-12-20"', undrafted.read_text(encoding="utf-8"),
                              flags=re.MULTILINE), encoding="utf-8")
    data = load_report_data(scratch)
    assert data.year == NEW and data.figures == {}
    assert data.meta.title.zh.startswith(f"{NEW}年度") and data.meta.title.en.startswith(f"{NEW} ")
    assert data.groups == load_report_data(root / "docs" / "data" / f"{PREV}.yml").groups


def test_a_failure_after_writing_undoes_everything(pristine, tmp_path, monkeypatch, capsys):
    from nicheng_report.commands import new_year as script

    root = copy_project(pristine[0], tmp_path / "undo")
    before = snapshot(root)
    def wrong_nav(*args):
        raise AssertionError("the nav does not list the new year")   # checked after writing everything

    monkeypatch.setattr(script, "verify_nav", wrong_nav)
    assert script.main([f"{NEW}", "--project", str(root)]) == 1
    assert "已撤销全部改动" in capsys.readouterr().err
    assert snapshot(root) == before
    assert not (root / "docs" / "zh" / f"{NEW}").exists() and not (root / "docs" / "en" / f"{NEW}").exists()


def test_the_same_year_again_is_refused_and_nothing_changes(created):
    root = created[0]
    before = snapshot(root)
    result = new_year(root, f"{NEW}", "--project", str(root))
    assert result.returncode == 2
    assert "已存在" in result.stderr and "already exists" in result.stderr
    assert snapshot(root) == before


# --- Building ----------------------------------------------------------------

def test_skeleton_builds_as_a_draft_left_out_of_the_published_site(created):
    root = created[0]
    before = snapshot(root)
    result = build(root, "site-skeleton")
    assert result.returncode == 0, result.stderr[-5000:]
    assert_not_published(root / "site-skeleton", NEW)
    home = soup(root / "site-skeleton" / "index.html")
    assert [a["href"] for a in home.select("a.md-button--primary")] == [f"{LATEST}/"]
    assert snapshot(root) == before


def test_publish_refuses_the_skeleton_listing_what_remains(created):
    root = created[0]
    before = snapshot(root)
    result = publish(root)
    assert result.returncode == 1, result.stdout + result.stderr
    for item in ("report.published", "report.signed", "report.source_url", "figures:",
                 f"docs/zh/{NEW}/index.md", f"docs/en/{NEW}/index.md"):
        assert item in result.stderr, item
    assert "没有改动任何文件" in result.stderr and "nothing was changed" in result.stderr
    assert snapshot(root) == before


def test_a_year_marked_published_too_early_stops_the_build_listing_what_remains(created, tmp_path):
    root = tmp_path / "early"
    shutil.copytree(created[0], root)
    fill_dates(root)
    path = root / "docs" / "data" / f"{NEW}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  status: draft", "  status: published"),
                    encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert "status: published" in result.stderr and "report.source_url" in result.stderr
    assert f"docs/zh/{NEW}/index.md" in result.stderr
    assert not (root / "site").exists()


def test_skeleton_pages_are_previewed_as_drafts_in_the_nav(created, tmp_path):
    root = tmp_path / "dated"
    shutil.copytree(created[0], root)
    fill_dates(root)
    result = build(root)
    assert result.returncode == 0, result.stderr[-5000:]
    assert_not_published(root / "site", NEW)   # dates filled in: still a draft
    preview(root)
    site = root / "preview"
    for prefix in ("", "en/"):
        for page in ("", "figures/", "at-a-glance/"):
            html = soup(site / prefix / f"{NEW}" / page / "index.html")
            banner = html.select_one("aside.draft-notice")
            assert banner is not None and f"{NEW}" in banner.get_text()
            assert ("草稿" if not prefix else "Draft") in banner.get_text()
        assert soup(site / prefix / f"{PREV}" / "index.html").select_one("aside.draft-notice") is None
        home = soup(site / prefix / "index.html")   # never the latest report, even in the preview
        assert [a["href"] for a in home.select("a.md-button--primary")] == [f"{LATEST}/"]
    # The year is in the nav of both languages, before PREV, labelled from its pages.
    zh, en = (nav_labels(site / prefix / f"{NEW}" / "figures" / "index.html") for prefix in ("", "en/"))
    assert zh[:2] == ["首页", f"{NEW}年度报告"] and zh.index(f"{NEW}年度报告") < zh.index(f"{PREV}年度报告")
    assert {"关键数据", "一图读懂"} <= set(zh[zh.index(f"{NEW}年度报告"):zh.index(f"{PREV}年度报告")])
    assert en[:2] == ["Home", f"{NEW} Report"] and en.index(f"{NEW} Report") < en.index(f"{PREV} Report")
    assert {"Key figures", "At a glance"} <= set(en[en.index(f"{NEW} Report"):en.index(f"{PREV} Report")])


def test_filled_year_is_served_beside_2024_and_the_home_page_leads_to_it(created, tmp_path):
    root = tmp_path / "filled"
    shutil.copytree(created[0], root)
    fill_with_fixture(root)
    result = build(root)
    assert result.returncode == 0, result.stderr[-5000:]
    assert_not_published(root / "site", NEW)        # finished, but not yet published
    result = publish(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "status: published" in (root / "docs" / "data" / f"{NEW}.yml").read_text(encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr[-5000:]
    site = root / "site"
    pages = [p.stem for p in (root / "docs" / "zh" / f"{PREV}").glob("*.md")]
    for prefix in ("", "en/"):
        for year in (PREV, NEW):
            for page in pages:
                where = site / prefix / str(year) / ("" if page == "index" else page) / "index.html"
                assert where.is_file(), where
            report = json.loads((site / prefix / str(year) / "data" / "figures.json").read_text(encoding="utf-8"))
            assert report["report"]["year"] == year
        home = soup(site / prefix / "index.html")
        assert [a["href"] for a in home.select("a.md-button--primary")] == [f"{NEW}/"]
        years = [a["href"] for a in home.select("#reports ~ ul a")]
        assert years[:2] == [f"{NEW}/", f"{PREV}/"]
    # Building never touches the sources of PREV.
    assert of_prev(snapshot(root)) == of_prev(created[2])
