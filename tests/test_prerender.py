"""The engine-neutral Markdown stage (nicheng_report.prerender) piece by piece, and what lets
every engine build the site: templates that use filters only, the engines' locks and the
Makefile installing one only when ENGINE= asks for it. The built sites: tests/test_engines.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from nicheng_report.figures.pages import PageRef, relative_url
from nicheng_report.languages import LANGUAGES, language
from nicheng_report.prerender.config import read_config, site_config, staged_config
from nicheng_report.prerender.pages import broken_links, file_relative, page_url, split_front_matter
from test_locks import lock, make_plan


def test_inherit_merges_mappings_and_replaces_lists_as_mkdocs_does() -> None:
    english = site_config(ROOT, language("en"))
    palette = english["theme"]["palette"]
    assert len(palette) == 2 and palette[0]["toggle"]["name"] == "Switch to dark mode"   # replaced, not appended
    assert english["theme"]["custom_dir"] == "overrides" and english["theme"]["language"] == "en"   # merged
    assert english["docs_dir"] == "docs/en" and english["nav"] == read_config(ROOT / "mkdocs.yml")["nav"]
    assert [each["lang"] for each in english["extra"]["alternate"]] == ["zh-CN"]


def test_env_values_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.gov.cn/report/")
    assert site_config(ROOT, language("zh"))["site_url"] == "https://example.gov.cn/report/"
    monkeypatch.delenv("SITE_URL")
    assert site_config(ROOT, language("zh"))["site_url"] == ""


def test_the_staged_config_has_no_hooks_and_its_own_folders() -> None:
    for each in LANGUAGES:
        staged = staged_config(site_config(ROOT, each), root=ROOT, nav=["index.md"], engine_values={"x": 1})
        assert "hooks" not in staged and staged["docs_dir"] == "docs" and staged["site_dir"] == "site"
        assert Path(staged["theme"]["custom_dir"]) == ROOT / "overrides" and staged["extra"]["engine"] == {"x": 1}
        assert staged["extra"]["lang"] == each.code


@pytest.mark.parametrize("src_uri, url", [("index.md", ""), ("2024/index.md", "2024/"),
                                          ("2024/measures.md", "2024/measures/"), ("glossary.md", "glossary/")])
def test_page_urls_are_mkdocs_directory_urls(src_uri: str, url: str) -> None:
    assert page_url(src_uri) == url


@pytest.mark.parametrize("href, url, src_uri", [
    ("../measures/#h", "2024/figures/", "2024/figures.md"),
    ("2024/figures/#fig-a", "", "index.md"),
    ("../2024/data/", "glossary/", "glossary.md"),
    ("../figures/", "2024/", "2024/index.md"),
])
def test_links_relative_to_the_file_reach_the_same_page(href: str, url: str, src_uri: str) -> None:
    """A link from the page's URL and its rewrite from the page's file name the same site path."""
    import posixpath

    rewritten = file_relative(href, url=url, src_uri=src_uri)
    path, _, anchor = href.partition("#")
    new_path, _, new_anchor = rewritten.partition("#")
    from_url = posixpath.normpath(posixpath.join(url, path))
    from_file = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), new_path))
    assert (from_file, new_anchor) == (from_url, anchor)
    assert relative_url(from_url + "/", url) == href.partition("#")[0]   # the MkDocs link, unchanged


def test_a_broken_link_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    source = "---\ntitle: x\n---\n\n# T\n\n见[说明](nowhere.md)。\n"
    ref = PageRef(src_uri="2024/a.md", url="2024/a/", source=source, lang="zh", docs_dir=tmp_path)
    html = '<p><a href="nowhere.md">说明</a> <a href="../index.md#top">home</a> <a href="https://x.cn/a.md">x</a></p>'
    found = broken_links(html, ref=ref, exists=lambda target: target == "index.md")
    assert len(found) == 1 and found[0].startswith("docs/zh/2024/a.md, line 7") and "docs/zh/2024/nowhere.md" in found[0]
    assert "修改" in found[0]


def test_front_matter_is_split_from_the_text() -> None:
    assert split_front_matter("---\nnav_title: 措施\n---\n# 一\n") == ({"nav_title": "措施"}, "# 一\n")
    assert split_front_matter("# 一\n") == ({}, "# 一\n")


# Templates that the engines render themselves (not the partials this project renders with
# Jinja2: figures/, glossary.html) use only what both template engines have: Zensical's has
# no Python string methods (base_url.rstrip("/") failed there).
PYTHON_METHOD = re.compile(r"\.(rstrip|lstrip|strip|split|join|startswith|endswith|replace|format|lower|upper|"
                           r"removesuffix|removeprefix|items|keys|values|get)\(")


def test_engine_templates_use_filters_not_python_methods() -> None:
    ours = {"partials/glossary.html"}
    engine_templates = [path for path in (ROOT / "overrides").rglob("*.html")
                        if "figures" not in path.relative_to(ROOT / "overrides").parts
                        and path.relative_to(ROOT / "overrides").as_posix() not in ours]
    assert len(engine_templates) > 10
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}" for path in engine_templates
             for match in PYTHON_METHOD.finditer(path.read_text(encoding="utf-8"))]
    assert not found, f"use a Jinja filter instead (e.g. `| replace`, `[-1:]`): {found}"


# --- the engines' locks and the Makefile -------------------------------------------------------

@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_an_engine_lock_holds_the_build_at_its_versions(engine: str) -> None:
    build, locked = lock("build.txt"), lock(f"{engine}.txt")
    assert engine in locked
    differing = {name: (version, locked[name][0]) for name, (version, _) in build.items()
                 if name in locked and locked[name][0] != version}
    assert not differing, f"requirements/{engine}.txt moves build packages: {differing}; run `make lock`"


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_make_build_installs_an_engine_only_when_asked(engine: str) -> None:
    asked = make_plan("-W", f"requirements/{engine}.txt", "build", f"ENGINE={engine}")
    assert re.search(rf"--require-hashes .*-r requirements/{engine}\.txt", asked), asked
    assert f"--engine {engine}" in asked
    plain = make_plan("-W", f"requirements/{engine}.txt", "build")
    assert f"requirements/{engine}.txt" not in plain and "--engine" not in plain


def test_make_test_installs_every_engine() -> None:
    plan = make_plan("-W", "requirements/properdocs.txt", "-W", "requirements/zensical.txt", "test")
    assert "-r requirements/properdocs.txt" in plan and "-r requirements/zensical.txt" in plan


def test_the_lock_script_writes_the_engine_locks() -> None:
    script = (ROOT / "scripts/lock.sh").read_text(encoding="utf-8")
    assert "for engine in properdocs zensical" in script
    assert subprocess.run(["bash", "-n", str(ROOT / "scripts/lock.sh")]).returncode == 0
