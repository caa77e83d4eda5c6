"""Official corrections (更正说明) on a copy of the project, built as `make build` builds it:
a recorded correction changes the figure everywhere and shows its notice in both languages; the
same change without the record, or a changed word of the official text, stops the build with
the fix and leaves the site as it was; 本页最后更新 follows the figures a page shows."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT, build_site, command, copy_project, soup_of, tree_digest
from report_data import DATA_FILE, LATEST, report

REAL = report()
KEY = "mediation.settled"
FIGURE = REAL.figures[KEY]
PUBLISHED = int(FIGURE.value)
NOW = PUBLISHED - 1
PAGE = f"{LATEST}/{FIGURE.page}/"
DECIDED = f"{LATEST + 1}-03-10"          # after the report was published, as a correction must be
# The lines a staff member adds for the correction (CONTRIBUTING.md, 更正已发布的内容).
RECORD = f"""
corrections:
  - figure: {KEY}
    published: {PUBLISHED}
    now: {NOW}
    date: "{DECIDED}"
    decided_by: {{zh: 泥城镇人民政府, en: Nicheng Town People's Government}}
    reason: {{zh: 经复核，一件调解协议重复统计。, en: "On review, one mediation agreement had been counted twice."}}
"""
EPOCH = "1764400000"


def project(tmp_path: Path) -> Path:
    return copy_project(PROJECT, tmp_path / "project")


def set_value(root: Path, value: int, *, record: str = "") -> None:
    path = root / DATA_FILE
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(rf"(\n  {re.escape(KEY)}:\n    value: )\d+", rf"\g<1>{value}", text)
    assert count == 1
    path.write_text(text + record, encoding="utf-8")


def build(root: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command("build", root, "--out", str(out)), capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **env})


def figure_values(site: Path, url: str) -> list[str]:
    soup = soup_of(site / url / "index.html")
    return [node["value"] for node in soup.select(f'article data.figure:has(a[href$="#{FIGURE.anchor}"])')]


def assert_correction_shown(site: Path, *, engine: str = "") -> None:
    """The recorded 618 → 617 everywhere a reader meets it, in both languages: the figure, the notice on the
    corrected page, the year's first, print and key-figures pages (not elsewhere), and the open data."""
    for folder in ("", "en/"):
        assert figure_values(site, folder + PAGE) == [str(NOW)], f"{engine}: {folder}{PAGE}"
        for url in (PAGE, f"{LATEST}/", f"{LATEST}/full/", f"{LATEST}/figures/"):
            notice = soup_of(site / folder / url / "index.html").select_one("article aside.correction-notice")
            assert notice is not None, f"{engine}: no notice on {folder}{url}"
            assert notice.select("del")[0].get_text().startswith(str(PUBLISHED))
            assert notice.select("ins")[0].get_text().startswith(str(NOW))
            assert notice.select_one("time")["datetime"] == DECIDED
            assert notice.select_one("a")["href"].endswith("#" + FIGURE.heading)
        assert soup_of(site / folder / f"{LATEST}/highlights/index.html").select_one(".correction-notice") is None
    zh = soup_of(site / PAGE / "index.html").select_one(".correction-notice").get_text(" ")
    en = soup_of(site / "en" / PAGE / "index.html").select_one(".correction-notice").get_text(" ")
    assert "更正说明" in zh and "泥城镇人民政府" in zh and "经复核" in zh
    assert "Correction" in en and "Nicheng Town People's Government" in en and "counted twice" in en
    data = site / str(LATEST) / "data"
    row = next(line for line in (data / "figures.csv").read_text(encoding="utf-8").splitlines()
               if line.startswith(KEY + ","))
    assert f",{NOW},item," in row
    assert f"{KEY},{FIGURE.section},{PUBLISHED},{NOW},{DECIDED}" in (data / "corrections.csv").read_text(encoding="utf-8")


def test_a_recorded_correction_changes_the_figure_everywhere_and_tells_readers(tmp_path):
    root = project(tmp_path)
    set_value(root, NOW, record=RECORD)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    assert_correction_shown(site)
    data = site / str(LATEST) / "data"
    assert '"corrections": [' in (data / "figures.json").read_text(encoding="utf-8")
    assert "CorrectionComment" in (site / str(LATEST) / "index.html").read_text(encoding="utf-8")


def test_the_same_change_without_the_record_stops_the_build_and_leaves_the_site(tmp_path):
    root = project(tmp_path)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    before = tree_digest(site)
    set_value(root, NOW)
    result = build(root, site)
    assert result.returncode != 0
    message = result.stderr
    assert f"docs/zh/{LATEST}/{FIGURE.page}.md, section #{FIGURE.heading}" in message
    assert f"{PUBLISHED}件" in message.split("页面现为")[0] and f"{NOW}件" in message.split("页面现为")[1]
    assert f"corrections:\n  - figure: {KEY}\n    published: {PUBLISHED}\n    now: {NOW}\n" in message
    assert "\n  Fix: " in message and message.count("页面与正式文本不一致") == 1
    assert tree_digest(site) == before


def test_a_changed_word_stops_the_build_until_the_offered_lines_are_recorded(tmp_path):
    root = project(tmp_path)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    before = tree_digest(site)
    page = root / "docs" / "zh" / str(LATEST) / f"{FIGURE.page}.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("全镇共接受调解纠纷总数") == 1
    page.write_text(text.replace("全镇共接受调解纠纷总数", "全镇共受理调解纠纷总数"), encoding="utf-8")
    result = build(root, site)
    assert result.returncode != 0 and tree_digest(site) == before
    assert "接受" in result.stderr and "受理" in result.stderr
    # As staff would: the lines the message offers, with the real date.
    lines = re.search(r"\ncorrections:\n.*?\n(?=  否则)", result.stderr, re.S).group(0)
    assert "  - section: " in lines
    with (root / DATA_FILE).open("a", encoding="utf-8") as data:
        data.write(lines.replace("YYYY-MM-DD", f"{LATEST + 1}-04-01"))
    result = build(root, site)
    assert result.returncode == 0, result.stderr[-3000:]
    for folder in ("", "en/"):
        notice = soup_of(site / folder / PAGE / "index.html").select_one(".correction-notice")
        assert "受理" in notice.select_one("ins").get_text() and "接受" in notice.select_one("del").get_text()


def git(root: Path, *args: str, date: str) -> None:
    stamp = f"{date}T12:00:00+00:00"
    subprocess.run(["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args], cwd=root,
                   check=True, capture_output=True, env={**os.environ, "GIT_AUTHOR_DATE": stamp,
                                                         "GIT_COMMITTER_DATE": stamp})


def last_changed(site: Path, url: str) -> str:
    return soup_of(site / url / "index.html").select_one(".page-furniture__date time")["datetime"]


def test_the_page_date_follows_the_figures_it_shows(tmp_path):
    # Commit dates after the report was published: the first commit, a label changed, a correction.
    COMMITTED, LABELLED, CORRECTION_COMMITTED, LATER_DECIDED = (f"{LATEST + 1}-{day}" for day in ("01-02", "06-01", "07-01", "07-15"))
    root = project(tmp_path)
    git(root, "init", "-q", date=COMMITTED)
    git(root, "add", "-A", date=COMMITTED)
    git(root, "commit", "-qm", "report", date=COMMITTED)
    data = root / DATA_FILE
    # A change to one figure's lines (its English label): the pages that show it follow, no other.
    text = data.read_text(encoding="utf-8")
    label = f"label: {{zh: {FIGURE.label.zh}, en: {FIGURE.label.en}}}"
    assert text.count(label) == 1
    data.write_text(text.replace(label, label.replace(FIGURE.label.en, FIGURE.label.en + " (final)")), encoding="utf-8")
    git(root, "commit", "-qam", "label", date=LABELLED)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    for folder in ("", "en/"):
        for url in (PAGE, f"{LATEST}/full/", f"{LATEST}/figures/"):
            assert last_changed(site, folder + url) == LABELLED, folder + url
        assert last_changed(site, folder + f"{LATEST}/highlights/") == COMMITTED
    # A recorded correction: its decision date, or its commit's if later.
    set_value(root, NOW, record=RECORD.replace(DECIDED, LATER_DECIDED))
    git(root, "commit", "-qam", "correction", date=CORRECTION_COMMITTED)
    build_site(site, project=root, SOURCE_DATE_EPOCH=EPOCH)
    assert last_changed(site, PAGE) == last_changed(site, "en/" + PAGE) == LATER_DECIDED
    assert last_changed(site, f"{LATEST}/") == LATER_DECIDED           # it lists the year's corrections
    assert last_changed(site, f"{LATEST}/highlights/") == COMMITTED
    # Not committed yet: the fallback date (SOURCE_DATE_EPOCH's), never the clock.
    data.write_text(data.read_text(encoding="utf-8").replace(" (final)", " (revised)"), encoding="utf-8")
    build_site(site, project=root, SOURCE_DATE_EPOCH=EPOCH)
    fallback = datetime.datetime.fromtimestamp(int(EPOCH), datetime.timezone.utc).date().isoformat()
    assert last_changed(site, PAGE) == max(fallback, LATER_DECIDED)
    assert last_changed(site, f"{LATEST}/highlights/") == COMMITTED


@pytest.mark.parametrize("folder", ["", "en/"])
def test_a_notice_shows_only_where_a_correction_is_recorded(site, folder):
    """The project as it is: with no correction recorded (the real report), no notice and no
    corrections.csv; with some (a staff copy, tests/test_staff_tasks.py), a notice on each corrected
    page and the year's lists (its index, print and figures pages), none on the other pages."""
    pages = {path.parent.relative_to(site / folder / str(LATEST)).as_posix(): path
             for path in (site / folder / str(LATEST)).rglob("index.html")}
    noticed = {page for page, path in pages.items() if "correction-notice" in path.read_text(encoding="utf-8")}
    corrected = {correction.page.removesuffix(".md") for correction in REAL.corrections}
    expected = corrected | {".", "full", "figures"} if corrected else set()
    assert noticed == expected, (sorted(noticed), sorted(expected))
    assert "highlights" in pages and len(pages) > len(expected)     # pages without a notice were read
    assert (site / str(LATEST) / "data" / "corrections.csv").exists() == bool(corrected)
