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

from conftest import ROOT, build_site, command, copy_project, soup_of, tree_digest
from nicheng_report.figures.loading import load_report_data

REAL = load_report_data(ROOT / "docs" / "data" / "2024.yml")
KEY = "mediation.settled"
FIGURE = REAL.figures[KEY]
PUBLISHED = int(FIGURE.value)
NOW = PUBLISHED - 1
PAGE = f"2024/{FIGURE.page}/"
# The lines a staff member adds for the correction (CONTRIBUTING.md, 更正已发布的内容).
RECORD = f"""
corrections:
  - figure: {KEY}
    published: {PUBLISHED}
    now: {NOW}
    date: "2025-03-10"
    decided_by: {{zh: 泥城镇人民政府, en: Nicheng Town People's Government}}
    reason: {{zh: 经复核，一件调解协议重复统计。, en: "On review, one mediation agreement had been counted twice."}}
"""
EPOCH = "1764400000"


def project(tmp_path: Path) -> Path:
    return copy_project(ROOT, tmp_path / "project")


def set_value(root: Path, value: int, *, record: str = "") -> None:
    path = root / "docs" / "data" / "2024.yml"
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


def test_a_recorded_correction_changes_the_figure_everywhere_and_tells_readers(tmp_path):
    root = project(tmp_path)
    set_value(root, NOW, record=RECORD)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    for folder in ("", "en/"):
        assert figure_values(site, folder + PAGE) == [str(NOW)]
        for url in (PAGE, "2024/", "2024/full/", "2024/figures/"):
            notice = soup_of(site / folder / url / "index.html").select_one("article aside.correction-notice")
            assert notice is not None, folder + url
            assert [n.get_text() for n in notice.select("del")][0].startswith(str(PUBLISHED))
            assert [n.get_text() for n in notice.select("ins")][0].startswith(str(NOW))
            assert notice.select_one("time")["datetime"] == "2025-03-10"
        assert soup_of(site / folder / "2024/highlights/index.html").select_one(".correction-notice") is None
    zh = soup_of(site / PAGE / "index.html").select_one(".correction-notice").get_text(" ")
    en = soup_of(site / "en" / PAGE / "index.html").select_one(".correction-notice").get_text(" ")
    assert "更正说明" in zh and "泥城镇人民政府" in zh and "经复核" in zh
    assert "Correction" in en and "Nicheng Town People's Government" in en and "counted twice" in en
    data = site / "2024" / "data"
    row = next(line for line in (data / "figures.csv").read_text(encoding="utf-8").splitlines()
               if line.startswith(KEY + ","))
    assert f",{NOW},item," in row
    assert f"{KEY},{FIGURE.section},{PUBLISHED},{NOW},2025-03-10" in (data / "corrections.csv").read_text(encoding="utf-8")
    assert '"corrections": [' in (data / "figures.json").read_text(encoding="utf-8")
    assert "CorrectionComment" in (site / "2024" / "index.html").read_text(encoding="utf-8")


def test_the_same_change_without_the_record_stops_the_build_and_leaves_the_site(tmp_path):
    root = project(tmp_path)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    before = tree_digest(site)
    set_value(root, NOW)
    result = build(root, site)
    assert result.returncode != 0
    message = result.stderr
    assert f"docs/zh/2024/{FIGURE.page}.md, section #{FIGURE.heading}" in message
    assert f"{PUBLISHED}件" in message.split("页面现为")[0] and f"{NOW}件" in message.split("页面现为")[1]
    assert f"corrections:\n  - figure: {KEY}\n    published: {PUBLISHED}\n    now: {NOW}\n" in message
    assert "\n  Fix: " in message and message.count("页面与正式文本不一致") == 1
    assert tree_digest(site) == before


def test_a_changed_word_stops_the_build_until_the_offered_lines_are_recorded(tmp_path):
    root = project(tmp_path)
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    before = tree_digest(site)
    page = root / "docs" / "zh" / "2024" / f"{FIGURE.page}.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("全镇共接受调解纠纷总数") == 1
    page.write_text(text.replace("全镇共接受调解纠纷总数", "全镇共受理调解纠纷总数"), encoding="utf-8")
    result = build(root, site)
    assert result.returncode != 0 and tree_digest(site) == before
    assert "接受" in result.stderr and "受理" in result.stderr
    # As staff would: the lines the message offers, with the real date.
    lines = re.search(r"\ncorrections:\n.*?\n(?=  否则)", result.stderr, re.S).group(0)
    assert "  - section: " in lines
    with (root / "docs" / "data" / "2024.yml").open("a", encoding="utf-8") as data:
        data.write(lines.replace("YYYY-MM-DD", "2025-04-01"))
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
    root = project(tmp_path)
    git(root, "init", "-q", date="2025-01-02")
    git(root, "add", "-A", date="2025-01-02")
    git(root, "commit", "-qm", "report", date="2025-01-02")
    data = root / "docs" / "data" / "2024.yml"
    # A change to one figure's lines (its English label): the pages that show it follow, no other.
    text = data.read_text(encoding="utf-8")
    label = f"label: {{zh: {FIGURE.label.zh}, en: {FIGURE.label.en}}}"
    assert text.count(label) == 1
    data.write_text(text.replace(label, label.replace(FIGURE.label.en, FIGURE.label.en + " (final)")), encoding="utf-8")
    git(root, "commit", "-qam", "label", date="2025-06-01")
    site = build_site(tmp_path / "site", project=root, SOURCE_DATE_EPOCH=EPOCH)
    for folder in ("", "en/"):
        for url in (PAGE, "2024/full/", "2024/figures/"):
            assert last_changed(site, folder + url) == "2025-06-01", folder + url
        assert last_changed(site, folder + "2024/highlights/") == "2025-01-02"
    # A recorded correction: its decision date, or its commit's if later.
    set_value(root, NOW, record=RECORD.replace("2025-03-10", "2025-07-15"))
    git(root, "commit", "-qam", "correction", date="2025-07-01")
    build_site(site, project=root, SOURCE_DATE_EPOCH=EPOCH)
    assert last_changed(site, PAGE) == last_changed(site, "en/" + PAGE) == "2025-07-15"
    assert last_changed(site, "2024/") == "2025-07-15"           # it lists the year's corrections
    assert last_changed(site, "2024/highlights/") == "2025-01-02"
    # Not committed yet: the fallback date (SOURCE_DATE_EPOCH's), never the clock.
    data.write_text(data.read_text(encoding="utf-8").replace(" (final)", " (revised)"), encoding="utf-8")
    build_site(site, project=root, SOURCE_DATE_EPOCH=EPOCH)
    fallback = datetime.datetime.fromtimestamp(int(EPOCH), datetime.timezone.utc).date().isoformat()
    assert last_changed(site, PAGE) == max(fallback, "2025-07-15")
    assert last_changed(site, "2024/highlights/") == "2025-01-02"


@pytest.mark.parametrize("folder", ["", "en/"])
def test_the_real_report_shows_no_correction(site, folder):
    for path in (site / folder / "2024").rglob("index.html"):
        assert "correction-notice" not in path.read_text(encoding="utf-8"), path
    assert not (site / "2024" / "data" / "corrections.csv").exists()
