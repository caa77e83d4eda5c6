"""Structured data (schema.org JSON-LD) for search engines: the report, on its
year's first page, and its figures as a Dataset, on the key-figures page.

The few words here are the site's own, the same every year (the town's
address, what the dataset is), not the report's: so they stay in this table
rather than in each year's data file. Everything about the report comes from
the data file.
"""

from __future__ import annotations

import json
from typing import Any

from nicheng_report.languages import language

from .model import ReportData
from .pages import figures_url

__all__ = ["WORDS", "OPEN_DATA_FORMATS", "script_json", "report_jsonld", "dataset_jsonld", "page_jsonld"]

WORDS = {
    "zh": {"locality": "浦东新区", "region": "上海市", "dataset": " — 关键数据",
           "description": "报告中的全部数据及本站计算的派生数据。"},
    "en": {"locality": "Pudong New Area", "region": "Shanghai", "dataset": " — key figures",
           "description": "Every figure in the report, and figures derived from them by this site."},
}
OPEN_DATA_FORMATS = (("figures.csv", "text/csv"), ("figures.json", "application/json"),
                     ("datapackage.json", "application/json"))


def script_json(value: dict[str, Any]) -> str:
    """JSON for a <script> element: a title with "</script>" in it cannot end the element early."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def report_jsonld(data: ReportData, lang: str) -> dict[str, Any]:
    """The report itself: a Report by a GovernmentOrganization."""
    words = WORDS[lang]
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": data.meta.title.text(lang),
        "inLanguage": language(lang).hreflang,
        "datePublished": data.meta.published,
        "dateCreated": data.meta.signed,
        "temporalCoverage": data.meta.period,
        "isBasedOn": data.meta.source_url,
        "publisher": {"@type": "GovernmentOrganization", "name": data.meta.publisher.text(lang),
                      "address": {"@type": "PostalAddress", "addressLocality": words["locality"],
                                  "addressRegion": words["region"], "addressCountry": "CN"}},
        **({"translationOfWork": {"@type": "Report", "name": data.meta.title.zh, "inLanguage": "zh-CN"}}
           if lang == "en" else {}),
        **_corrections(data, lang),
    }


def _corrections(data: ReportData, lang: str) -> dict[str, Any]:
    """schema.org's `correction` (CorrectionComment) for each official correction, and the
    latest one's date as dateModified; nothing for a year without corrections."""
    if not data.corrections:
        return {}
    return {
        "dateModified": max(c.date for c in data.corrections),
        "correction": [{"@type": "CorrectionComment", "datePublished": c.date,
                        "text": f"{c.published} → {c.now}: {getattr(c.reason, lang)}",
                        "author": {"@type": "GovernmentOrganization", "name": getattr(c.decided_by, lang)}}
                       for c in data.corrections],
    }


def dataset_jsonld(data: ReportData, lang: str) -> dict[str, Any]:
    """The year's figures as a Dataset, with its open-data files."""
    words = WORDS[lang]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": data.meta.title.text(lang) + words["dataset"],
        "description": words["description"],
        "inLanguage": language(lang).hreflang,
        "temporalCoverage": data.meta.period,
        "datePublished": data.meta.published,
        "isBasedOn": data.meta.source_url,
        "creator": {"@type": "GovernmentOrganization", "name": data.meta.publisher.text(lang)},
        "distribution": [{"@type": "DataDownload", "encodingFormat": fmt, "contentUrl": f"../data/{name}"}
                         for name, fmt in OPEN_DATA_FORMATS + ((("corrections.csv", "text/csv"),) if data.corrections else ())],
    }


def page_jsonld(data: ReportData, page_url: str, lang: str) -> dict[str, str]:
    """The template variables (report_jsonld, dataset_jsonld) for the page at `page_url`."""
    if page_url == f"{data.year}/":
        return {"report_jsonld": script_json(report_jsonld(data, lang))}
    if page_url == figures_url(data.year):
        return {"dataset_jsonld": script_json(dataset_jsonld(data, lang))}
    return {}
