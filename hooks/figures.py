"""Wire the report's statistics (hooks/report_figures) into the MkDocs build.

- `{{ dotted.key }}` in a page becomes the figure, formatted for the page's
  language and linked to its row on the key-figures page.
- `<!-- figures:NAME -->` marker lines become generated content (tables,
  charts, download links, headline cards).
- The open-data files of each year are added to the site.
Every mistake stops the build with the file, the line or key, and the fix.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from nicheng_report.figures import FigureDataError, ReportData, format_figure, load_report_data, unit_label
from nicheng_report.figures.charts import bar_charts
from nicheng_report.figures.opendata import datapackage_json, figures_csv, figures_json

log = logging.getLogger("mkdocs.hooks.figures")

PLACEHOLDER = re.compile(r"\{\{\s*(?P<key>[^{}]*?)\s*\}\}")
MARKER = re.compile(r"^<!--\s*figures:(?P<name>[a-z-]+)\s*-->\s*$", re.MULTILINE)
OPEN_DATA = {"figures.csv": figures_csv, "figures.json": figures_json, "datapackage.json": datapackage_json}

# Per build (the hook module lives across builds under `mkdocs serve`).
_years: dict[int, ReportData] = {}
_used: dict[tuple[int, str], set[str]] = {}   # (year, page stem) -> keys shown there
_cache: dict[Path, tuple[float, int, ReportData]] = {}
_env: Environment | None = None


def load_years(config: MkDocsConfig) -> dict[int, ReportData]:
    """Every docs/data/YEAR.yml, validated; reused while the file is unchanged."""
    root = Path(config.config_file_path).parent
    data_dir = root / config.extra.get("report_years_path", "docs/data")
    years: dict[int, ReportData] = {}
    for path in sorted(data_dir.glob("[0-9][0-9][0-9][0-9].yml")):
        stat = path.stat()
        cached = _cache.get(path)
        if cached and cached[:2] == (stat.st_mtime, stat.st_size):
            data = cached[2]
        else:
            try:
                data = load_report_data(path, display_path=str(path.relative_to(root)))
            except FigureDataError as error:
                raise PluginError(f"Figures data error / 数据文件错误\n{error}") from None
            _cache[path] = (stat.st_mtime, stat.st_size, data)
        if data.year != int(path.stem):
            raise PluginError(f"{path.relative_to(root)}: report.year is {data.year} but the file is named "
                              f"{path.name}. Fix: make them the same. / 修改：report.year 与文件名年份须一致。")
        years[data.year] = data
    if not years:
        raise PluginError(f"No data file found in {data_dir}. Fix: add docs/data/YEAR.yml. "
                          "/ 未找到数据文件，请添加 docs/data/年份.yml。")
    return years


def on_config(config: MkDocsConfig) -> None:
    global _env
    _years.clear()
    _years.update(load_years(config))
    _used.clear()
    _env = None
    return None


def _lang(config: MkDocsConfig) -> str:
    return config.extra.get("lang", "zh")


def _year_of(page: Page) -> int:
    first = page.file.src_uri.split("/", 1)[0]
    if first.isdigit() and int(first) in _years:
        return int(first)
    return max(_years)


def _template(config: MkDocsConfig, name: str):
    global _env
    if _env is None:
        _env = config.theme.get_env()
    return _env.get_template(f"partials/figures/{name}.html")


def _render(config: MkDocsConfig, name: str, *, markdown: bool = False, **context: Any) -> str:
    context = {"format_figure": format_figure, "unit_label": unit_label, **context}
    text = _template(config, name).render(lang=_lang(config), **context).strip()
    # HTML must stay one block for Markdown: no blank lines inside it.
    return text if markdown else re.sub(r"\n\s*\n", "\n", text)


def _figures_url(year: int) -> str:
    return f"{year}/figures/"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for year, data in _years.items():
        for name, make in OPEN_DATA.items():
            files.append(File.generated(config, f"{year}/data/{name}", content=make(data)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    year = _year_of(page)
    data = _years[year]
    lang = _lang(config)
    stem = page.file.src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    used = _used.setdefault((year, stem), set())
    source = page.file.src_uri

    def generated(match: re.Match[str]) -> str:
        name = match.group("name")
        if name == "tables":
            return "\n\n".join(
                f"## {getattr(label, lang)} {{ #group-{group.replace('_', '-')} }}\n\n"
                + _render(config, "table", figures=figures, caption=getattr(label, lang), page=page, year=year)
                for group, label, figures in data.by_group())
        if name == "charts":
            return "\n\n".join(_render(config, "chart", chart=chart) for chart in bar_charts(data, lang=lang))
        if name == "cards":
            latest = _years[max(_years)]
            cards = [latest.figures[k] for k in latest.cards]
            href = get_relative_url(_figures_url(latest.year), page.url)
            return _render(config, "cards", figures=cards, href=href)
        if name == "downloads":
            data_url = get_relative_url(f"{year}/data/", page.url).rstrip("/") + "/"
            return _render(config, "downloads", year=year, data=data, data_url=data_url)
        if name == "latest":
            latest = _years[max(_years)]
            published = date.fromisoformat(latest.meta.published)
            return _render(config, "latest", markdown=True, year=latest.year, data=latest,
                           published_zh=f"{published.year}年{published.month}月{published.day}日",
                           published_en=f"{published.day} {published:%B %Y}")
        if name == "years":
            return _render(config, "years", markdown=True, years=sorted(_years.items(), reverse=True))
        line = markdown.count("\n", 0, match.start()) + 1
        raise PluginError(f"docs/{lang}/{source}, line {line}: unknown marker <!-- figures:{name} -->. "
                          "Fix: use tables, charts, cards, downloads, latest or years. "
                          "/ 修改：标记只能是 tables、charts、cards、downloads、latest、years。")

    markdown = MARKER.sub(generated, markdown)

    def figure(match: re.Match[str]) -> str:
        key = match.group("key")
        if key not in data.figures:
            where, line = _origin(match.group(0), page, config, fallback=markdown.count("\n", 0, match.start()) + 1)
            near = difflib.get_close_matches(key, data.figures, n=1, cutoff=0.5)
            hint = f" Did you mean `{near[0]}`? / 是不是 `{near[0]}`？" if near else ""
            raise PluginError(
                f"{where}, line {line}: unknown figure `{{{{ {key} }}}}` / 未知的数据键名。"
                f"{hint} Fix: use a key from docs/data/{year}.yml, or add the figure there. "
                f"/ 修改：使用 docs/data/{year}.yml 中已有的键名，或先在其中添加该数据。")
        used.add(key)
        fig = data.figures[key]
        href = get_relative_url(_figures_url(year), page.url) + "#" + fig.anchor
        if page.url == _figures_url(year):
            href = "#" + fig.anchor
        return _render(config, "inline", figure=fig, text=format_figure(fig, lang=lang), href=href)

    markdown = PLACEHOLDER.sub(figure, markdown)
    leftover = markdown.find("{{")
    if leftover != -1:
        snippet = re.match(r"\{\{[^<{\n]*", markdown[leftover:]).group(0)
        where, line = _origin(snippet, page, config, fallback=markdown.count("\n", 0, leftover) + 1)
        raise PluginError(f"{where}, line {line}: an unclosed `{{{{` placeholder. "
                          "Fix: write a figure as {{ group.name }}, with two braces on each side. "
                          "/ 修改：数据占位写作 {{ 分组.名称 }}，两边各两个花括号。")
    return markdown


def _origin(snippet: str, page: Page, config: MkDocsConfig, *, fallback: int) -> tuple[str, int]:
    """The file and line a piece of Markdown came from: the page itself, or (for the
    print page, which includes the others) the section page that holds it."""
    lang = _lang(config)
    own = page.file.content_string
    if snippet in own:
        return f"docs/{lang}/{page.file.src_uri}", own[: own.index(snippet)].count("\n") + 1
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if snippet in text:
            return f"docs/{lang}/{path.relative_to(docs).as_posix()}", text[: text.index(snippet)].count("\n") + 1
    return f"docs/{lang}/{page.file.src_uri}", fallback


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Each figure's `section` must name a real page and heading."""
    lang = _lang(config)
    for year, data in _years.items():
        for fig in data.figures.values():
            file = files.get_file_from_path(f"{year}/{fig.page}.md")
            if file is None or file.page is None:
                raise PluginError(f"docs/data/{year}.yml, line {fig.line}, key `{fig.key}`: section "
                                  f"`{fig.section}` names the page docs/{lang}/{year}/{fig.page}.md, which does not exist. "
                                  "Fix: use page#heading-id of an existing page. / 修改：section 须指向已有页面和标题。")
            ids = set(_toc_ids(file.page.toc))
            if fig.heading not in ids:
                near = difflib.get_close_matches(fig.heading, ids, n=1)
                hint = f" Did you mean `{near[0]}`?" if near else ""
                raise PluginError(f"docs/data/{year}.yml, line {fig.line}, key `{fig.key}`: section "
                                  f"`{fig.section}` names no heading of docs/{lang}/{year}/{fig.page}.md.{hint} "
                                  "Fix: use the { #id } of a heading on that page. / 修改：使用该页标题的 { #id }。")
    return env


def _toc_ids(toc) -> list[str]:
    ids: list[str] = []
    for item in toc:
        ids.append(item.id)
        ids.extend(_toc_ids(item.children))
    return ids


def script_json(value: dict[str, Any]) -> str:
    """JSON for a <script> element: a title with "</script>" in it cannot end the element early."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav) -> dict[str, Any] | None:
    year = _year_of(page)
    data = _years[year]
    lang = _lang(config)
    if page.url == f"{year}/":
        # The report itself, for search engines: a Report by a GovernmentOrganization.
        context["report_jsonld"] = script_json({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": getattr(data.meta.title, lang),
            "inLanguage": "zh-CN" if lang == "zh" else "en",
            "datePublished": data.meta.published,
            "dateCreated": data.meta.signed,
            "temporalCoverage": data.meta.period,
            "isBasedOn": data.meta.source_url,
            "publisher": {"@type": "GovernmentOrganization", "name": getattr(data.meta.publisher, lang),
                          "address": {"@type": "PostalAddress", "addressLocality": "浦东新区" if lang == "zh"
                                      else "Pudong New Area", "addressRegion": "上海市" if lang == "zh" else "Shanghai",
                                      "addressCountry": "CN"}},
            **({"translationOfWork": {"@type": "Report", "name": data.meta.title.zh, "inLanguage": "zh-CN"}}
               if lang == "en" else {}),
        })
        return context
    if page.url != _figures_url(year):
        return None
    context["dataset_jsonld"] = script_json({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": getattr(data.meta.title, lang) + (" — 关键数据" if lang == "zh" else " — key figures"),
        "description": "报告中的全部数据及本站计算的派生数据。" if lang == "zh"
        else "Every figure in the report, and figures derived from them by this site.",
        "inLanguage": "zh-CN" if lang == "zh" else "en",
        "temporalCoverage": data.meta.period,
        "datePublished": data.meta.published,
        "isBasedOn": data.meta.source_url,
        "creator": {"@type": "GovernmentOrganization", "name": getattr(data.meta.publisher, lang)},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": fmt, "contentUrl": f"../data/{name}"}
            for name, fmt in (("figures.csv", "text/csv"), ("figures.json", "application/json"),
                              ("datapackage.json", "application/json"))
        ],
    })
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """A stated figure that its section's page does not show is a warning, so the strict build fails."""
    lang = _lang(config)
    for year, data in _years.items():
        for key, fig in data.figures.items():
            if fig.origin == "stated" and key not in _used.get((year, fig.page), set()):
                log.warning(f"docs/data/{year}.yml, line {fig.line}: the figure `{key}` is stated in the report at "
                            f"{fig.section}, but docs/{lang}/{year}/{fig.page}.md does not show it. Fix: write "
                            f"{{{{ {key} }}}} where the report states it, or correct section:, or set origin: described. "
                            "/ 修改：在报告相应位置写 {{ 键名 }}，或改正 section，或把 origin 改为 described。")
    return None
