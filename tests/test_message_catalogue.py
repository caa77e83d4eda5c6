"""A catalogue of the messages staff get for ordinary mistakes, each made in a copy of the project
and met through the real command (make build, new-year, import, publish). Every message:

- names the file (and line) the person edited, never a page that merely includes it (full.md);
- says the problem and the fix in Chinese on its own line and in English on the next;
- is printed once (not once per language, not once for the print page too);
- uses no programmer words (type and parser names, Traceback, "see above" with nothing above);
- offers 是不是…？ / Did you mean …? where a close match exists (figure keys, pages, anchors, nav);
- leaves nothing half-built: the previous site and, for a refused command, the project are as they were.

Each mistake is made on data read from the project (the latest year, a figure, a linked page),
never on a figure or page of the current report written in here."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, command, copy_project, soup_of, tree_digest
from nicheng_report.nav import report_years

LATEST = report_years(ROOT)[0]
DATA = f"docs/data/{LATEST}.yml"
FORBIDDEN = ("isoformat", "`int`", "`float`", "`str`", "Invalid ", "Traceback", "Aborted with", "BuildError",
             "PluginError", "KeyError", "ValueError", "None", "NoneType", "YAML", "mapping", "scalar", "parser",
             "按上面的说明", "described above", "pydantic", "ValidationError", "Doc file", "Error reading page",
             "full.md", "A reference to", "Exception", "errno", "BadZipFile")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Four English words in a row: an English sentence (a file name, a key or `make …` is shorter).
ENGLISH_RUN = re.compile(r"(?:\b[A-Za-z']{2,}\b[ ,]+){3}\b[A-Za-z']{2,}\b")
PAIRS = {"问题：": "Problem: ", "修改：": "Fix: ", "拒绝：": "Refused: ", "构建失败：": "BUILD FAILED: "}


@dataclass
class Expect:
    where: str                       # the file the person edited, as the message names it
    line: int | None = None          # its line, when the mistake is on one
    hint: str | None = None          # the 是不是 … ？ offered
    command: tuple[str, ...] = ("build",)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def edit(root: Path, relative: str, old: str, new: str) -> int:
    """Replace the first `old` in the file; the line of `new` in it."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} has no {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return line_of(text, new)


def figure_lines(root: Path) -> tuple[str, str]:
    """The first figure of the latest data file stated as a whole number: its key and its `value:` line."""
    text = (root / DATA).read_text(encoding="utf-8")
    found = re.search(r"^  (?P<key>[a-z_]+\.[a-z_]+):\n(?:    (?!value:).*\n)*?(?P<value>    value: \d+)\n", text, re.M)
    assert found, f"{DATA} has no figure with a whole-number value"
    return found["key"], found["value"]


def page_figure(root: Path) -> tuple[str, str]:
    """A section page of the latest year (not the print page) and a figure key it shows."""
    for page in sorted((root / "docs" / "zh" / str(LATEST)).glob("*.md")):
        found = re.search(r"\{\{ (?P<key>[a-z_]+\.[a-z_]+) \}\}", page.read_text(encoding="utf-8"))
        if found and page.name != "full.md":
            return page.relative_to(root).as_posix(), found["key"]
    pytest.skip("no page shows a figure")


def linked_page(root: Path) -> tuple[str, str]:
    """An English page of the latest year with a link to a sibling .md page, and that page's name."""
    for page in sorted((root / "docs" / "en" / str(LATEST)).glob("*.md")):
        found = re.search(r"\]\((?P<name>[a-z-]+)\.md\)", page.read_text(encoding="utf-8"))
        if found and page.name != "full.md":
            return page.relative_to(root).as_posix(), found["name"]
    pytest.skip("no page links to a sibling page")


# --- The mistakes ------------------------------------------------------------------------------

def unknown_figure_key(root: Path) -> Expect:
    page, key = page_figure(root)
    line = edit(root, page, f"{{{{ {key} }}}}", f"{{{{ {key}s }}}}")
    return Expect(page, line, f"是不是 {{{{ {key} }}}}？")


def figure_value_with_a_word(root: Path) -> Expect:
    _, value = figure_lines(root)
    return Expect(DATA, edit(root, DATA, value + "\n", value + "件\n"))


def number_in_quotes(root: Path) -> Expect:
    _, value = figure_lines(root)
    number = value.split(": ")[1]
    return Expect(DATA, edit(root, DATA, value + "\n", f'    value: "{number}"\n'))


def impossible_date(root: Path) -> Expect:
    text = (root / DATA).read_text(encoding="utf-8")
    written = re.search(r'^  published: "?(?P<year>\d{4})-\d\d-(?P<day>\d\d)"?$', text, re.M)
    assert written, f"{DATA} has no report.published date"
    return Expect(DATA, edit(root, DATA, written[0], f'  published: "{written["year"]}-13-{written["day"]}"'))


def missing_label(root: Path) -> Expect:
    key, _ = figure_lines(root)
    text = (root / DATA).read_text(encoding="utf-8")
    start = text.index(f"  {key}:\n")
    label = re.compile(r"^    label: .*\n", re.M).search(text, start)
    (root / DATA).write_text(text[: label.start()] + text[label.end():], encoding="utf-8")
    return Expect(DATA, line_of(text, f"  {key}:\n"))


def nav_entry_to_a_missing_page(root: Path) -> Expect:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    entry = re.search(r"^(?P<indent> +)- (?P<path>YEAR/(?!index)[a-z-]+\.md)$", text, re.M)
    assert entry, "mkdocs.yml has no `- YEAR/page.md` entry"
    wrong = entry["path"].replace(".md", "s.md")
    line = edit(root, "mkdocs.yml", entry[0], f"{entry[0]}\n{entry['indent']}- {wrong}")
    return Expect("mkdocs.yml", line + 1, f"是不是 {entry['path']}？")


def page_missing_from_the_nav(root: Path) -> Expect:
    for folder, title in (("zh", "# 说明 { #notes }\n"), ("en", "# Notes { #notes }\n")):
        (root / "docs" / folder / str(LATEST) / "notes.md").write_text(title, encoding="utf-8")
    return Expect(f"docs/zh/{LATEST}/notes.md, docs/en/{LATEST}/notes.md", hint="- YEAR/notes.md")


def english_page_missing(root: Path) -> Expect:
    page, _ = page_figure(root)
    (root / page.replace("docs/zh/", "docs/en/", 1)).unlink()
    return Expect(page, hint=page.replace("docs/zh/", "docs/en/", 1))


def editors_note_without_its_twin(root: Path) -> Expect:
    page, _ = page_figure(root)
    path = root / page
    path.write_text(path.read_text(encoding="utf-8") + '\n!!! editorial "编者注"\n\n    原文此处疑有笔误。\n', encoding="utf-8")
    return Expect(page.replace("docs/zh/", "docs/en/", 1), hint='!!! editorial \\"Editor\'s note\\"'.replace("\\", ""))


def unreadable_front_matter(root: Path) -> Expect:
    page, _ = page_figure(root)
    edit(root, page, "---\n", "---\nnav_title: [第一部分\n")
    return Expect(page, 1)


def absolute_link(root: Path) -> Expect:
    page, name = linked_page(root)
    return Expect(page, edit(root, page, f"]({name}.md)", f"](/{LATEST}/{name}/)"), f"是不是 {name}.md？")


def misspelt_page_link(root: Path) -> Expect:
    page, name = linked_page(root)
    return Expect(page, edit(root, page, f"]({name}.md)", f"]({name[:-1]}.md)"), f"是不是 {name}.md？")


def missing_anchor(root: Path) -> Expect:
    page, name = linked_page(root)
    target = (root / page).parent / f"{name}.md"
    heading_id = re.search(r"\{ #(?P<id>[a-z][a-z-]{5,}) \}", target.read_text(encoding="utf-8").split("\n", 3)[-1])
    assert heading_id, f"{target} has no heading id"
    wrong = heading_id["id"][:-2] + heading_id["id"][-1] + heading_id["id"][-2]   # two letters swapped
    line = edit(root, page, f"]({name}.md)", f"]({name}.md#{wrong})")
    return Expect(page, line, f"是不是 {name}.md#{heading_id['id']}？")


def every_year_a_draft(root: Path) -> Expect:
    for year in report_years(root):
        edit(root, f"docs/data/{year}.yml", "\nreport:\n", "\nreport:\n  status: draft\n")
    return Expect(DATA, hint="make publish YEAR=")


def new_year_that_exists(root: Path) -> Expect:
    return Expect(DATA, command=("new-year", str(LATEST)))


def new_year_not_a_year(root: Path) -> Expect:
    return Expect(f"{LATEST + 1}x", command=("new-year", f"{LATEST + 1}x"))


def import_a_missing_file(root: Path) -> Expect:
    missing = root.parent / "报告.docx"
    return Expect(str(missing), command=("import", str(missing)))


def import_a_pdf(root: Path) -> Expect:
    pdf = root.parent / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return Expect("report.pdf", hint=".docx", command=("import", str(pdf)))


def publish_an_unfinished_year(root: Path) -> Expect:
    made = subprocess.run(command("new-year", root, str(LATEST + 1)), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    page = f"docs/zh/{LATEST + 1}/index.md"
    text = (root / page).read_text(encoding="utf-8")
    return Expect(page, line_of(text, "待填写"), command=("publish", str(LATEST + 1)))


CATALOGUE: dict[str, Callable[[Path], Expect]] = {
    "unknown figure key": unknown_figure_key,
    "a figure value with a word in it": figure_value_with_a_word,
    "a number in quotes": number_in_quotes,
    "an impossible date": impossible_date,
    "a figure without its label": missing_label,
    "a nav entry to a missing page": nav_entry_to_a_missing_page,
    "a page missing from the nav": page_missing_from_the_nav,
    "an English page missing": english_page_missing,
    "an editor's note without its English twin": editors_note_without_its_twin,
    "unreadable front matter": unreadable_front_matter,
    "a browser-style (absolute) link": absolute_link,
    "a misspelt .md link": misspelt_page_link,
    "a link to a missing heading id": missing_anchor,
    "every year a draft": every_year_a_draft,
    "new-year for an existing year": new_year_that_exists,
    "new-year with a bad YEAR": new_year_not_a_year,
    "import of a missing file": import_a_missing_file,
    "import of a PDF": import_a_pdf,
    "publish of an unfinished year": publish_an_unfinished_year,
}


# --- The rules ---------------------------------------------------------------------------------

def rule_breaks(output: str) -> list[str]:
    """Where the output breaks the rules of a message for staff (beyond naming the file)."""
    found = [f"programmer word {word!r}" for word in FORBIDDEN if word in output]
    lines = output.splitlines()
    for number, line in enumerate(lines):
        text = line.strip()
        for zh, en in PAIRS.items():
            if text.startswith(zh) and not (number + 1 < len(lines) and lines[number + 1].strip().startswith(en)):
                found.append(f"{zh} is not followed by its English line {en!r}: {line!r}")
        prose = re.sub(r"`[^`]*`|\{\{[^}]*\}\}|\S*[/.]\S*|make \w+|[A-Z_]+=\S*", "", text)
        if CJK.search(prose) and ENGLISH_RUN.search(prose):
            found.append(f"Chinese and English on one line: {line!r}")
    if "见上面" in output and output.index("见上面") < output.find("问题："):
        found.append("'see above' with nothing above")
    return found


def printed_once(output: str) -> list[str]:
    """Each explanation of a mistake (its 问题/拒绝 line) is printed once, and there is one mistake."""
    heads = [line.strip() for line in output.splitlines() if line.strip().startswith(("问题：", "拒绝："))]
    heads += [line.strip() for line in output.splitlines() if "还不能发布" in line]
    return [] if len(heads) == 1 else [f"{len(heads)} explanations: {heads}"]


@pytest.mark.parametrize("mistake", CATALOGUE)
def test_each_message_names_the_file_and_is_plain_bilingual_and_once(mistake: str, tmp_path: Path) -> None:
    root = copy_project(ROOT, tmp_path / "project")
    expect = CATALOGUE[mistake](root)
    site = tmp_path / "site"
    (site / str(LATEST)).mkdir(parents=True)
    (site / "index.html").write_text("<p>the site from before</p>", encoding="utf-8")
    args = ("--out", str(site)) if expect.command[0] == "build" else ()
    before = {"site": tree_digest(site), "project": tree_digest(root)}

    result = subprocess.run(command(expect.command[0], root, *expect.command[1:], *args), capture_output=True,
                            text=True, cwd="/", env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)

    output = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                       if not line.startswith("INFO"))
    assert result.returncode != 0, output[-3000:]
    named = expect.where + (f", line {expect.line} / 第{expect.line}行" if expect.line and expect.command[0] == "build"
                            else "")
    if expect.command[0] == "publish":
        named = f"{expect.where}，第 {expect.line} 行"
    assert named in output, f"{mistake}: {named!r} is not named:\n{output[-3000:]}"
    if expect.hint:
        assert expect.hint in output, f"{mistake}: no {expect.hint!r}:\n{output[-3000:]}"
    assert not rule_breaks(output), f"{mistake}: {rule_breaks(output)}\n{output[-3000:]}"
    assert not printed_once(output), f"{mistake}: {printed_once(output)}\n{output[-3000:]}"
    assert tree_digest(site) == before["site"], "the previous site was changed"
    assert not list(tmp_path.glob(".site-staging-*")), "a half-built site was left behind"
    if expect.command[0] != "build":
        assert tree_digest(root) == before["project"], f"{expect.command[0]} changed the project although it refused"


def test_make_serve_still_shows_a_project_whose_every_year_is_a_draft(tmp_path: Path) -> None:
    """The all-draft guard stops only the published build: the preview shows the drafts, under their banner."""
    root = copy_project(ROOT, tmp_path / "project")
    every_year_a_draft(root)
    script = ("import sys; from pathlib import Path; from nicheng_report.commands.build import build_preview; "
              "out = Path(sys.argv[2]); out.mkdir(); build_preview(Path(sys.argv[1]), out)")
    result = subprocess.run([command("build", root)[0], "-c", script, str(root), str(tmp_path / "preview")],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    page = soup_of(tmp_path / "preview" / str(LATEST) / "index.html")
    assert page.select_one(".draft-notice") is not None and str(LATEST) in page.select_one(".draft-notice").get_text()
