"""UI strings through one mechanism: Material's language partials and `lang.t(…)`.

Every word of the site's own interface (buttons, labels, headings of generated tables,
the 404 page, the language switch) is a key `nicheng.…` in
overrides/partials/languages/zh-CN.html and overrides/partials/languages/en.html, read
with `lang.t("nicheng.…")` in templates (hooks read them through the theme's templates:
hooks/i18n.py ui_string(), hooks/glossary.py). Facts about the languages (hreflang,
og:locale, folders) come from nicheng_report.languages through the templates' context
(hooks/i18n.py). These tests fail when a template grows its own language table or
ternary, when Python code carries interface text, or when a key is missing in one
language. Pure file reads: no build.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from nicheng_report.languages import LANGUAGES

OVERRIDES = ROOT / "overrides"
PARTIALS = OVERRIDES / "partials" / "languages"
TEMPLATES = sorted(path for path in OVERRIDES.rglob("*.html") if path.parent != PARTIALS)

# A language table or a choice by language in a template, e.g. `{"zh": …, "en": …}[lang]`,
# `"中文" if config.extra.lang == "en" else "English"`, `{% if lang_code == "zh" %}`.
LANGUAGE_CHOICE = re.compile(
    r"\}\s*\[\s*(?:lang|lang_code|config\.extra\.lang)\s*\]"
    r"|\b(?:lang|lang_code|config\.extra\.lang|\w+_language\.\w+)\s*[!=]=\s*['\"]")
# A language fact written out in a template: hreflang codes, Open Graph locales, the folders.
LANGUAGE_FACT = re.compile(r"""(['"])(?:zh|en|zh-CN|zh_CN|en_GB|en_US|en/)\1""")
# The few places that still choose by language, each with what removes it.
KNOWN_CHOICES: dict[tuple[str, str], str] = {}  # (file, line) -> why it may choose by language

KEY_USE = re.compile(r"""\b\w+\.t\(\s*(['"])(nicheng\.[\w.]+)\1\s*\)""")
KEY_DEFINITION = re.compile(r'^\s*"(nicheng\.[^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

# Python files under src/ and hooks/ that may hold Chinese text, and why it is not interface
# text (which belongs in the language partials). Docstrings and comments are not checked.
CHINESE_IN_PYTHON = {
    "src/nicheng_report/figures/messages.py": "messages to staff about the data files",
    "src/nicheng_report/errors.py": "the one layout of messages to staff (第N行)",
    "src/nicheng_report/parity.py": "messages to staff about a page and its translation (problem and fix, both languages)",
    "src/nicheng_report/commands/check_translations.py": "what make check-translations tells staff, in both languages",
    "src/nicheng_report/figures/compute.py": "messages to staff about formulas",
    "src/nicheng_report/fidelity.py": "messages to staff about the official text, and its portal's metadata labels",
    "src/nicheng_report/content_checks.py": "messages to staff about pages, written as (English, Chinese) pairs",
    "src/nicheng_report/commands/new_year.py": "messages to staff, and the text of a new year's skeleton pages",
    "src/nicheng_report/commands/publish.py": "messages to staff about publishing a year",
    "src/nicheng_report/commands/build.py": "messages to staff when a build fails",
    "src/nicheng_report/prerender/pages.py": "messages to staff about pages (a link to a page that does not exist)",
    "src/nicheng_report/staff_messages.py": "MkDocs' messages explained for staff (是不是…？)",
    "src/nicheng_report/drafts.py": "messages to staff: what remains unfinished in a draft year (and 待填写)",
    "src/nicheng_report/figures/formatting.py": "figures as the official text writes them (不少于12, 300余, 万元)",
    "src/nicheng_report/figures/vocabulary.py": "units of figures as the official text writes them (件, 人次)",
    "src/nicheng_report/figures/jsonld.py": "the report's structured data (place names, the data set's name)",
    "src/nicheng_report/language_of_parts.py": "the range of Chinese characters it looks for",
    "src/nicheng_report/bench/builds.py": "test input of the benchmark",
    "src/nicheng_report/bench/rebuild.py": "test input of the benchmark",
    "src/nicheng_report/bench/search.py": "test queries of the benchmark",
    "src/nicheng_report/importer/cleaning.py": "the Chinese characters and punctuation it joins across spaces",
    "src/nicheng_report/importer/datafile.py": "the imported data file's comments, written for staff",
    "src/nicheng_report/importer/figures.py": "units, qualifiers and filler words as the official text writes them",
    "src/nicheng_report/importer/keys.py": "numbering and quotes of the official text, a group's name for staff",
    "src/nicheng_report/importer/names.py": "the genre's section names and terms, read in the official text",
    "src/nicheng_report/importer/pages.py": "the text of an imported year's pages (as new_year.py's skeleton)",
    "src/nicheng_report/importer/reading.py": "what a refused file holds, passed to its bilingual refusal",
    "src/nicheng_report/importer/run.py": "the portal's metadata labels and dates as the official text writes them",
    "src/nicheng_report/importer/structure.py": "numbering, dates and words of the official text",
    "src/nicheng_report/importer/summary.py": "the summary `make import` prints for staff",
    "src/nicheng_report/poster/layout.py": "the punctuation that never begins a line of the poster (禁则)",
}


def where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def keys_of(name: str) -> dict[str, str]:
    return dict(KEY_DEFINITION.findall((PARTIALS / name).read_text(encoding="utf-8")))


def keys_used() -> dict[str, set[str]]:
    """Each `nicheng.…` key used in a template (lang.t, or the other language's partial
    imported as `twin`/`original`) or read by a hook, and where."""
    used: dict[str, set[str]] = {}
    files = TEMPLATES + sorted((ROOT / "hooks").glob("*.py"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = {match.group(2) for match in KEY_USE.finditer(text)}
        found |= set(re.findall(r"""ui_string\(\s*\w+,\s*['"](nicheng\.[\w.]+)['"]""", text))
        # keys that a template names to look up, e.g. ("figures.csv", "nicheng.downloads.csv")
        found |= set(re.findall(r"""['"](nicheng\.[\w.]+)['"]""", text)) if path.suffix == ".html" else set()
        for key in found:
            used.setdefault(key, set()).add(where(path))
    return used


def test_language_partials_exist_for_every_language() -> None:
    """Each language's config names, as theme.language, the partial with its strings, which
    is its hreflang (templates import the other language's partial by its hreflang)."""
    for language in LANGUAGES:
        config = (ROOT / language.config).read_text(encoding="utf-8")
        theme = re.search(r"^theme:\n((?:[ \t]+.*\n|\n)*)", config, re.MULTILINE)
        assert theme, f"{language.config}: no theme:"
        named = re.search(r"^\s+language:\s*(\S+)", theme.group(1), re.MULTILINE)
        assert named and named.group(1) == language.hreflang, (
            f"{language.config}: theme.language must be {language.hreflang!r}, the language's hreflang "
            "(nicheng_report.languages), the name of its file in overrides/partials/languages/")
        assert (PARTIALS / f"{language.hreflang}.html").is_file(), f"no overrides/partials/languages/{language.hreflang}.html"


def test_no_language_tables_or_choices_in_templates() -> None:
    problems = []
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if (where(path), line.strip()) in KNOWN_CHOICES:
                continue
            if LANGUAGE_CHOICE.search(line):
                problems.append(f"{where(path)}:{number}: chooses by language: {line.strip()}")
            elif LANGUAGE_FACT.search(line):
                problems.append(f"{where(path)}:{number}: a language code written out: {line.strip()}")
    assert not problems, (
        "\n".join(problems) + "\nFix: a UI string is a key `nicheng.…` in both overrides/partials/languages/zh-CN.html "
        "and en.html, written `{{ lang.t(\"nicheng.…\") }}` (\"#\" in it for a value); a language's code, hreflang, "
        "og:locale or folder is site_language / twin_language / original_language (hooks/i18n.py, from "
        "nicheng_report.languages).")


def test_known_choices_still_exist() -> None:
    """An exception above that is gone is removed from KNOWN_CHOICES too."""
    for (name, line), why in KNOWN_CHOICES.items():
        lines = {each.strip() for each in (ROOT / name).read_text(encoding="utf-8").splitlines()}
        assert line in lines, f"{name} no longer has `{line}`: remove it from KNOWN_CHOICES ({why})"


def test_every_key_used_is_defined_in_both_languages() -> None:
    defined = {name: keys_of(name) for name in ("zh-CN.html", "en.html")}
    problems = [f"{key} (used in {', '.join(sorted(places))}) is missing in overrides/partials/languages/{name}"
                for key, places in sorted(keys_used().items()) for name, keys in defined.items() if key not in keys]
    assert not problems, "\n".join(problems)


def test_both_languages_define_the_same_keys_all_used() -> None:
    zh, en = keys_of("zh-CN.html"), keys_of("en.html")
    assert len(zh) > 40 and len(en) > 40, "the language partials' keys were not found"
    assert set(zh) == set(en), f"only in zh-CN.html: {sorted(set(zh) - set(en))}; only in en.html: {sorted(set(en) - set(zh))}"
    unused = sorted(set(zh) - set(keys_used()))
    assert not unused, f"keys defined but used nowhere (remove them from both partials): {unused}"


def test_placeholders_agree() -> None:
    """A value filled in ("#") in one language is filled in in the other too."""
    zh, en = keys_of("zh-CN.html"), keys_of("en.html")
    problems = [f"{key}: {zh[key]!r} has {zh[key].count('#')} #, {en[key]!r} has {en[key].count('#')}"
                for key in sorted(zh) if key in en and zh[key].count("#") != en[key].count("#")]
    assert not problems, "\n".join(problems)


def test_chinese_partial_is_chinese_and_english_is_not() -> None:
    """A key left untranslated: the Chinese value of a word is Chinese; the English has none."""
    zh, en = keys_of("zh-CN.html"), keys_of("en.html")
    # Written in English in the Chinese site too: punctuation has no letters, names are names.
    same = {key for key in zh if not re.search(r"[A-Za-z\u4e00-\u9fff]", zh[key])}
    problems = [f"zh-CN.html: {key} is not Chinese: {zh[key]!r}" for key in sorted(zh)
                if key not in same and not CJK.search(zh[key])]
    problems += [f"en.html: {key} is Chinese: {en[key]!r}" for key in sorted(en) if CJK.search(en[key])]
    assert not problems, "\n".join(problems)


def _python_files() -> list[Path]:
    return sorted(path for folder in ("src", "hooks") for path in (ROOT / folder).rglob("*.py")
                  if "__pycache__" not in path.parts)


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """The string literals of a module, without its docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


STAFF_MESSAGE = re.compile(r"Fix\b|修改|问题|Problem|Refused|Build failed|Failed, every change|\S / \S")
COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.While, ast.With, ast.Try)


def _staff_messages(tree: ast.AST) -> set[int]:
    """The string literals of statements that raise, or that write a message to staff (a
    literal of the statement says "Fix", 修改, 问题 or "Problem", or pairs two languages with " / ")."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(node, COMPOUND):
            literals = [each for each in ast.walk(node) if isinstance(each, ast.Constant) and isinstance(each.value, str)]
            calls = [each.func.id for each in ast.walk(node) if isinstance(each, ast.Call) and isinstance(each.func, ast.Name)]
            if (isinstance(node, ast.Raise) or "staff_message" in calls   # nicheng_report.errors.staff_message
                    or any(STAFF_MESSAGE.search(each.value) for each in literals)):
                inside |= {id(each) for each in literals}
    return inside


def test_no_ui_strings_in_python() -> None:
    """No interface text in Python: no Chinese text but in messages to staff and in the files
    listed (figures as the official text writes them, …), and none of the partials' phrases."""
    phrases = {value for name in ("zh-CN.html", "en.html") for value in keys_of(name).values()
               if len(CJK.findall(value)) > 1 or len(re.findall(r"[A-Za-z]+", value)) > 1}
    problems = []
    for path in _python_files():
        name = where(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
        messages = _staff_messages(tree)
        for node in _strings(tree):
            if node.value.strip() in phrases:
                problems.append(f"{name}:{node.lineno}: {node.value!r} is a UI string of the language partials")
            elif CJK.search(node.value) and id(node) not in messages and name not in CHINESE_IN_PYTHON:
                problems.append(f"{name}:{node.lineno}: Chinese text {node.value[:40]!r}")
    assert not problems, (
        "\n".join(problems) + "\nFix: interface text is a key `nicheng.…` in overrides/partials/languages/zh-CN.html "
        "and en.html, shown by a template (render a partial, as hooks/glossary.py does) or read with "
        "ui_string() in hooks/i18n.py. If it is a message to staff or data, add the file to CHINESE_IN_PYTHON "
        "in tests/test_ui_strings.py with the reason.")


@pytest.mark.parametrize("name", sorted(CHINESE_IN_PYTHON))
def test_exceptions_still_needed(name: str) -> None:
    path = ROOT / name
    if not path.exists():
        pytest.fail(f"{name} no longer exists: remove it from CHINESE_IN_PYTHON")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    messages = _staff_messages(tree)
    assert any(CJK.search(node.value) and id(node) not in messages for node in _strings(tree)), (
        f"{name} has no Chinese text now but in messages to staff: remove it from CHINESE_IN_PYTHON")


def test_javascript_has_no_ui_strings() -> None:
    """Scripts read their words from the page (an attribute the template wrote with lang.t)."""
    problems = []
    for path in sorted((OVERRIDES / "assets" / "javascripts").glob("*.js")):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        problems += [f"{where(path)}: Chinese text {run!r}" for run in re.findall(r"['\"][^'\"\n]*[\u4e00-\u9fff][^'\"\n]*['\"]", code)]
        problems += [f"{where(path)}: chooses by the page's language ({match})"
                     for match in re.findall(r"documentElement\.lang|\.lang\s*===?|getAttribute\(['\"]lang['\"]\)", code)]
    assert not problems, "\n".join(problems)
