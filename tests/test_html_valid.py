"""Every built page of both languages is valid HTML, as the Nu HTML Checker (vnu) judges it.

vnu.jar comes from npm's vnu-jar (package-lock.json) and runs on Debian's Java
(scripts/system-packages.sh installs it). The only errors allowed are the ones
Material's own templates make, each listed with the template it comes from;
an error in our own markup fails, whatever page it is on.

The Content-Security-Policy in every page's <meta> is checked too: vnu reads it as a
policy (a bad source expression is an error). Its CSP warnings (not errors) come from
checking files: 'self' of a file: page matches nothing, and it counts JSON data blocks
as inline scripts. Chromium is the judge of what the policy allows (tests/test_csp.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, build_site
from report_data import LATEST

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message pattern, source extract pattern, where Material writes it)
MATERIAL_ERRORS = (
    (r"^Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
     "material/templates/base.html: the drawer and search toggles"),
    (r"^Bad value “” for attribute “tabindex” on element “label”",
     r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
     "material/templates/partials/nav-item.html: section labels with navigation.sections"),
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__title" for="__toc">',
     "material/templates/partials/toc.html: the contents title on a page without a table of contents"),
)


def validate(folder: Path) -> list[dict]:
    """vnu's messages (errors and warnings) for every .html file under `folder`."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("The Nu HTML Checker needs Java and node_modules/vnu-jar: run `make test`, which installs both.")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only",
                             str(folder)], capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr)["messages"]


def ours(messages: list[dict]) -> list[str]:
    """The errors that are not Material's own, as 'page:line: message | extract'."""
    problems = []
    for message in messages:
        extract = message.get("extract", "")
        if any(re.search(text, message["message"]) and re.search(markup, extract)
               for text, markup, _ in MATERIAL_ERRORS):
            continue
        page = message.get("url", "").split("/site/")[-1]
        problems.append(f"{page}:{message.get('lastLine')}: {message['message']} | {extract.strip()[:120]}")
    return problems


@pytest.fixture(scope="module")
def messages(site: Path) -> list[dict]:
    return validate(site)


def test_the_checker_read_every_page(site: Path, messages: list[dict]) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 24
    # Material's toggles are on every page: if vnu did not report them, it did not read the pages.
    toggles = {m.get("url", "").split("/site/")[-1] for m in messages if "autocomplete" in m["message"]}
    assert len(toggles) == len(pages), sorted({p.relative_to(site).as_posix() for p in pages} - toggles)


def test_no_html_error_in_our_markup(messages: list[dict]) -> None:
    problems = ours(messages)
    assert not problems, "\n".join(problems)


def test_the_checker_reads_the_policy_in_the_meta(site: Path, tmp_path: Path) -> None:
    """No error in our policy above is no error: a bad source expression in it is one."""
    from nicheng_report import csp
    html = (site / str(LATEST) / "measures" / "index.html").read_text(encoding="utf-8")
    assert csp.meta() in html
    (tmp_path / "page.html").write_text(html.replace(csp.meta(), csp.meta().replace("'self'", "'selff'", 1)), encoding="utf-8")
    problems = ours(validate(tmp_path))
    assert len(problems) == 1 and "“meta”" in problems[0] and "'selff'" in problems[0], problems


def test_staff_text_with_quotes_and_brackets_stays_inside_its_attribute(tmp_path: Path) -> None:
    """A description, a title, a site name and footer settings with " < > & in them: still valid,
    and the text reaches readers and link previews whole."""
    project = copy_project(ROOT, tmp_path / "project")
    awkward = 'A "quoted" <b>bold</b> & more'
    page = project / "docs" / "en" / "glossary.md"
    text = re.sub(r"(?m)^(title|description): .*$", rf"\1: '{awkward}'", page.read_text(encoding="utf-8"), count=2)
    assert text.count(awkward) == 2, "docs/en/glossary.md has a title: and a description: in its front matter"
    page.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('contact: ""', f"contact: '{awkward}'"),
                      encoding="utf-8")
    site = build_site(tmp_path / "site", project=project)
    assert not ours(validate(site / "en" / "glossary"))
    html = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    escaped = "A &#34;quoted&#34; &lt;b&gt;bold&lt;/b&gt; &amp; more"
    assert f'<meta name="description" content="{escaped}">' in html
    assert f'<meta property="og:title" content="{escaped}">' in html
    assert "Contact: A &#34;quoted&#34; &lt;b&gt;bold&lt;/b&gt; &amp; more" in html
