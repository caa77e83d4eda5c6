"""One language's staging project for an engine without hooks: every page through the
Markdown stage (pages.py), the other files copied, the open data written, the nav written
out with its labels, the checks the hooks make, and the config (config.py).

Every mistake the MkDocs build refuses is refused here first, with the same message: an
unknown figure key or marker (StaffError), a content problem (an image without alt text,
anything from another host), a key-figures section that names no heading."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from nicheng_report import csp
from nicheng_report.content_checks import Source
from nicheng_report.drafts import check_published, draft_years
from nicheng_report.errors import StaffError
from nicheng_report.fidelity_site import check_years
from nicheng_report.figures.notices import page_corrections
from nicheng_report.figures.pages import PageRef
from nicheng_report.figures.site import ReportSite
from nicheng_report.figures.years import load_years
from nicheng_report.glossary import glossary_rows, load_glossary
from nicheng_report.languages import LANGUAGES, ORIGINAL, Language, language, twin_url
from nicheng_report.nav import config_nav, expand, page_label, report_years, section_label
from nicheng_report.figure_dates import SiteDates
from nicheng_report.page_dates import fallback_date, git_dates
from nicheng_report.paths import cache_folder
from nicheng_report.poster.files import poster_files
from nicheng_report.stylesheets import FOLDER, bundle_name, joined
from nicheng_report.traditional.convert import converter as traditional_converter, load_phrases

from .config import site_config, staged_config, write_config
from .pages import markdown_converter, page_url, split_front_matter, stage_page

CONFIG = "mkdocs.yml"   # the generated config, at the root of the staging project


def theme_dirs(root: Path, config: dict[str, Any]) -> list[str]:
    """Where the partials come from: overrides/, then the theme's own templates (Material's
    partials/language.html and language files; Zensical's copy when Material is gone)."""
    folders = [str(root / config["theme"]["custom_dir"])]
    for package, sub in (("material", "templates"), ("zensical", "templates")):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            folders.append(str(Path(next(iter(spec.submodule_search_locations))) / sub))
    return folders


def labelled_nav(items: list, docs: Path) -> list:
    """The nav written out (paths) with each entry's label read from this language's page."""
    def read(path: str) -> str:
        file = docs / path
        return file.read_text(encoding="utf-8") if file.is_file() else ""

    out: list = []
    for item in items:
        if isinstance(item, str):
            label = page_label(read(item))
            out.append({label: item} if label else item)
        elif isinstance(item, dict) and len(item) == 1:
            (name, value), = item.items()
            if isinstance(value, list):
                children = labelled_nav(value, docs)
                first = value[0] if value and isinstance(value[0], str) and value[0].endswith("index.md") else None
                out.append({(section_label(read(first)) if first else None) or str(name): children})
            else:
                out.append(item)
        else:
            out.append(item)
    return out


UI_STRING = '{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}'


def joined_stylesheet(root: Path, config: dict[str, Any], out: Path) -> list[str]:
    """extra_css with our stylesheets joined into one fingerprinted file in the staged docs, as
    hooks/stylesheets.py publishes them (nicheng_report.stylesheets); the list to put in the config."""
    theme_dir = root / config["theme"]["custom_dir"]
    listed = [str(entry) for entry in config.get("extra_css") or []]
    ours = [entry for entry in listed if entry.startswith(FOLDER) and (theme_dir / entry).is_file()]
    if not ours:
        return listed
    text = joined([(entry, (theme_dir / entry).read_text(encoding="utf-8")) for entry in ours])
    name = bundle_name(text)
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(text, encoding="utf-8")
    return [name if entry == ours[0] else entry for entry in listed if entry not in ours[1:]]


def with_permalink_title(config: dict[str, Any], title: str) -> list:
    """markdown_extensions with the toc permalink's title in the page's language (hooks/i18n.py)."""
    extensions = []
    for entry in config.get("markdown_extensions") or []:
        if entry == "toc" or (isinstance(entry, dict) and "toc" in entry):
            options = dict((entry.get("toc") if isinstance(entry, dict) else None) or {})
            entry = {"toc": {**options, "permalink_title": title}}
        extensions.append(entry)
    return extensions


def language_site_url(site_url: str, lang: Language) -> str:
    """The address of this language's site: SITE_URL is the whole site's, the English one lives
    under en/ of it (as hooks/i18n.py sets it)."""
    if site_url and lang.folder and not site_url.endswith("/" + lang.folder):
        return site_url.rstrip("/") + "/" + lang.folder
    return site_url


def alternates(site_url: str, url: str, lang: Language) -> list[dict[str, str]] | None:
    """The page's hreflang alternates, absolute, as hooks/i18n.py gives them (only with SITE_URL)."""
    if not site_url:
        return None
    root = site_url.rstrip("/") + "/"
    if lang.folder:
        root = root.removesuffix(lang.folder)
    return [{"hreflang": each.hreflang, "href": root + each.folder + url} for each in LANGUAGES] + [
        {"hreflang": "x-default", "href": root + ORIGINAL.folder + url}]


def corrections_meta(site: ReportSite, src_uri: str, url: str, lang: Language) -> dict[str, Any]:
    """The page's official corrections (hooks/corrections.py's `corrections`, `corrections_all`) as
    front matter: plain data, read by overrides/partials/corrections.html where the hook's are absent."""
    from mkdocs.utils import get_relative_url   # the hook's own, for the same links

    first, _, rest = src_uri.partition("/")
    data = site.years.get(int(first)) if first.isdigit() and rest else None
    if data is None:
        return {}
    context = page_corrections(data, src_uri, url, lang.content, relative_url=get_relative_url)
    if "corrections" in context:
        context["corrections"] = json.loads(json.dumps([{**item, "notice": dataclasses.asdict(item["notice"])}
                                                        for item in context["corrections"]]))
    return context


def engine_values(lang: Language, other: Language) -> dict[str, Any]:
    """What the hooks give every template (hooks/i18n.py, csp.py), for templates without them."""
    def plain(each: Language) -> dict[str, str]:
        return {"code": each.code, "folder": each.folder, "hreflang": each.hreflang, "og_locale": each.og_locale,
                "content": each.content, "source": each.source}

    return {"site_language": plain(lang), "twin_language": plain(other), "original_language": plain(ORIGINAL),
            "twin_home": twin_url("", lang=lang.code, other=other.code), "content_security_policy": csp.meta(),
            # The language switch: every other edition, in the table's order (hooks/i18n.py's other_languages).
            "other_languages": [plain(each) for each in LANGUAGES if each != lang],
            "twin_homes": {each.code: twin_url("", lang=lang.code, other=each.code) for each in LANGUAGES}}


def stage_language(root: Path, lang: Language, work: Path) -> Path:
    """The staging project of `lang` in `work` (docs/, mkdocs.yml); returns the config's path."""
    config = site_config(root, lang)
    config["site_url"] = language_site_url(config.get("site_url") or "", lang)
    other = language(config.get("extra", {}).get("alternate_lang") or next(x.code for x in LANGUAGES if x != lang))
    every = report_years(root)
    for year in every:
        check_published(root, year)
    hidden = draft_years(root, every)   # a published build leaves drafts out (as `make build`)
    folder = root / config.get("extra", {}).get("report_years_path", "docs/data")
    years = load_years(folder, root, skip=hidden)
    site = ReportSite(years, lang.content, drafts=set(), hidden=hidden)   # an edition's figures: its source's
    docs, out = root / lang.docs, work / "docs"
    env = Environment(loader=FileSystemLoader(theme_dirs(root, config)), auto_reload=False)
    template_config = {"theme": {"language": config["theme"]["language"]}, "extra": config.get("extra", {})}
    converter = markdown_converter(config)
    def year_files() -> list[int]:
        return [int(path.stem) for path in folder.glob("[0-9][0-9][0-9][0-9].yml")]

    dates = SiteDates(root=root, docs=lang.docs, dates=git_dates(root), fallback=fallback_date(),
                      load=lambda year: load_years(folder, root, skip=set(year_files()) - {year}).get(year),
                      report_years=year_files)   # as hooks/page_dates.py dates them
    pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    pages = [src_uri for src_uri in pages if not site.hidden_page(src_uri)]
    texts = {src_uri: (docs / src_uri).read_text(encoding="utf-8") for src_uri in pages}
    glossary = load_glossary(root)
    # An edition converted at build time (繁體): its posters' SVG converted before the PNG is drawn,
    # as hooks/figures.py does; its pages after Zensical renders them (engines/html_stage.py).
    convert = traditional_converter(load_phrases(root)) if lang.source else None

    for path in docs.rglob("*"):   # images and other files, as they are
        src_uri = path.relative_to(docs).as_posix()
        if path.is_file() and path.suffix != ".md" and not site.hidden_page(src_uri):
            (out / src_uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, out / src_uri)
    def draw_posters() -> None:
        """The posters asked for and not drawn yet: their SVG and PNG beside their page, drawn
        with the poster package in this environment, as hooks/figures.py draws them in on_env."""
        def draw(name: str, **context: Any) -> str:
            return env.get_template(name).render(config=template_config, **context)

        for year, slot in sorted(site.posters.items()):
            if slot.poster is None:
                for path, content in poster_files(site.years[year], slot, lang=lang.content, render=draw,
                                                  cache=cache_folder(root) / "poster", convert=convert):
                    (out / path).parent.mkdir(parents=True, exist_ok=True)
                    (out / path).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    found: list[str] = []
    ids: dict[str, set[str]] = {}
    staged_markdown: dict[str, str] = {}
    for src_uri in pages:
        url = page_url(src_uri)
        ref = PageRef(src_uri=src_uri, url=url, source=texts[src_uri], lang=lang.content, docs_dir=docs)
        values = {"last_changed": dates.of_page(src_uri, texts[src_uri], docs_dir=str(docs)),
                  "twin_url": twin_url(url, lang=lang.code, other=other.code),
                  "twin_urls": {each.code: twin_url(url, lang=lang.code, other=each.code) for each in LANGUAGES},
                  "page_alternates": alternates(config["site_url"], url, lang),
                  **site.jsonld(src_uri, url), **corrections_meta(site, src_uri, url, lang)}
        staged = stage_page(texts[src_uri], ref=ref, read_page=texts.get, exists=lambda target: (docs / target).is_file(), site=site, env=env,
                            template_config=template_config, glossary_rows=lambda: glossary_rows(glossary, lang.content),
                            converter=converter, others=[Source(f"{lang.docs}/{uri}", texts[uri]) for uri in pages
                                                         if uri != src_uri],
                            meta_values=values, draw_posters=draw_posters)
        found += [problem for problem in staged.problems if problem not in found]
        ids[src_uri] = staged.ids
        staged_markdown[src_uri] = staged.markdown
        (out / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (out / src_uri).write_text(staged.markdown, encoding="utf-8")
    for path, content in site.open_data():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(content, encoding="utf-8")
    site.check_sections(lambda year, name: ids.get(f"{year}/{name}.md"))
    found += site.unshown()
    if found:
        raise StaffError("\n".join(found))
    if lang == ORIGINAL:   # the Chinese pages hold the official text (hooks/fidelity.py), in their HTML
        def content_of(src_uri: str) -> str | None:
            text = staged_markdown.get(src_uri)
            return None if text is None else converter.reset().convert(split_front_matter(text)[1])

        check_years(root, years, content_of)
    nav = labelled_nav(expand(config_nav(root), root, hide=hidden).nav, docs)
    config = {**config, "extra_css": joined_stylesheet(root, config, out),
              "markdown_extensions": with_permalink_title(config, env.from_string(UI_STRING).render(
                  config=template_config, key="nicheng.permalink"))}
    generated = work / CONFIG
    write_config(staged_config(config, root=root, nav=nav, engine_values=engine_values(lang, other)), generated)
    return generated
