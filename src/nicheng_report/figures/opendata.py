"""Open data for one report year: figures.csv, figures.json, datapackage.json.

Output is deterministic (sorted as in the data file, no timestamps) so two
builds of the same commit are byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from .model import ReportData
from .vocabulary import ORIGINS, QUALIFIERS, UNITS

__all__ = ["CSV_FIELDS", "CORRECTION_FIELDS", "correction_rows", "corrections_csv", "FILES", "figure_rows", "figures_csv", "figures_json", "datapackage_json", "open_data_files"]

CORRECTION_FIELDS = ("figure", "section", "published", "now", "date", "decided_by_zh", "decided_by_en",
                     "reason_zh", "reason_en")
CSV_FIELDS = ("key", "group", "label_zh", "label_en", "value", "unit", "qualifier", "origin",
              "period", "formula", "definition_zh", "definition_en", "section")


def figure_rows(data: ReportData) -> list[dict[str, Any]]:
    return [{
        "key": f.key,
        "group": f.group,
        "label_zh": f.label.zh,
        "label_en": f.label.en or "",
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "origin": f.origin,
        "period": f.period,
        "formula": f.formula or "",
        "definition_zh": f.definition.zh if f.definition else "",
        "definition_en": f.definition.en if f.definition else "",
        "section": f.section,
    } for f in data.figures.values()]


def figures_csv(data: ReportData) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in figure_rows(data):
        writer.writerow({**row, "value": str(row["value"])})
    return out.getvalue()


def _number(value: Any) -> int | float:
    return int(value) if value == value.to_integral() else float(value)


def figures_json(data: ReportData) -> str:
    document = {
        "report": {
            "year": data.year,
            "title": data.meta.title.model_dump(),
            "publisher": data.meta.publisher.model_dump(),
            "published": data.meta.published,
            "source": data.meta.source_url,
        },
        "figures": [{**row, "value": _number(row["value"])} for row in figure_rows(data)],
    }
    if data.corrections:    # only a corrected year has the field: the others' files stay as they were
        document["corrections"] = correction_rows(data)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def correction_rows(data: ReportData) -> list[dict[str, Any]]:
    """The year's official corrections (更正说明), as recorded in its data file: a figure's
    published and current values as numbers, a sentence's as the words."""
    def value(text: str, figure: str | None) -> Any:
        return _number(Decimal(text)) if figure else text

    return [{
        "figure": c.figure or "",
        "section": c.section,
        "published": value(c.published, c.figure),
        "now": value(c.now, c.figure),
        "date": c.date,
        "decided_by_zh": c.decided_by.zh,
        "decided_by_en": c.decided_by.en,
        "reason_zh": c.reason.zh,
        "reason_en": c.reason.en,
    } for c in data.corrections]


def corrections_csv(data: ReportData) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CORRECTION_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in correction_rows(data):
        writer.writerow({**row, "published": str(row["published"]), "now": str(row["now"])})
    return out.getvalue()


def datapackage_json(data: ReportData) -> str:
    """A Frictionless Data Package describing figures.csv with a Table Schema. The units and
    qualifiers allowed are those the year uses, in the vocabulary's order; an English label
    is required once every figure has one (an imported year's labels wait for translation)."""
    def used(vocabulary: Any, field: str) -> list[str]:
        return [name for name in vocabulary if any(getattr(f, field) == name for f in data.figures.values())]

    translated = all(f.label.en for f in data.figures.values())
    package = {
        "profile": "tabular-data-package",
        "name": f"nicheng-rule-of-law-report-{data.year}",
        "title": " / ".join(filter(None, (data.meta.title.zh, data.meta.title.en))),
        "description": "Figures stated in, or computed from, the report. "
                       "origin=stated: written in the report; described: stated in words; "
                       "computed: derived by this site, not by the report.",
        "version": data.meta.published,
        "sources": [{"title": data.meta.publisher.zh, "path": data.meta.source_url}],
        "licenses": [{"name": "public-government-information",
                      "title": "主动公开的政府信息 / Government information disclosed proactively"}],
        "resources": [{
            "name": "figures",
            "path": "figures.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {"name": "key", "type": "string", "constraints": {"required": True, "unique": True,
                                                                        "pattern": r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+"}},
                    {"name": "group", "type": "string", "constraints": {"required": True, "enum": list(data.groups)}},
                    {"name": "label_zh", "type": "string", "constraints": {"required": True}},
                    {"name": "label_en", "type": "string", "constraints": {"required": translated}},
                    {"name": "value", "type": "number", "constraints": {"required": True, "minimum": 0}},
                    {"name": "unit", "type": "string", "constraints": {"required": True, "enum": used(UNITS, "unit")}},
                    {"name": "qualifier", "type": "string",
                     "constraints": {"required": True, "enum": used(QUALIFIERS, "qualifier")}},
                    {"name": "origin", "type": "string",
                     "constraints": {"required": True, "enum": list(ORIGINS)}},
                    {"name": "period", "type": "string", "constraints": {"required": True}},
                    {"name": "formula", "type": "string"},
                    {"name": "definition_zh", "type": "string"},
                    {"name": "definition_en", "type": "string"},
                    {"name": "section", "type": "string", "constraints": {"required": True}},
                ],
                "primaryKey": ["key"],
            },
        }] + ([CORRECTIONS_RESOURCE] if data.corrections else []),
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


# The official corrections (更正说明) of a year that has any, described in its datapackage.json.
CORRECTIONS_RESOURCE = {
    "name": "corrections",
    "path": "corrections.csv",
    "profile": "tabular-data-resource",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "description": "Official corrections of the published report: a figure (its key; published and now are "
                   "its values) or a sentence (published and now are the words).",
    "schema": {"fields": [
        {"name": "figure", "type": "string"},
        {"name": "section", "type": "string", "constraints": {"required": True}},
        {"name": "published", "type": "string", "constraints": {"required": True}},
        {"name": "now", "type": "string", "constraints": {"required": True}},
        {"name": "date", "type": "date", "constraints": {"required": True}},
        {"name": "decided_by_zh", "type": "string", "constraints": {"required": True}},
        {"name": "decided_by_en", "type": "string", "constraints": {"required": True}},
        {"name": "reason_zh", "type": "string", "constraints": {"required": True}},
        {"name": "reason_en", "type": "string", "constraints": {"required": True}},
    ]},
}

# The open-data files of a year, published in YEAR/data/.
FILES = {"figures.csv": figures_csv, "figures.json": figures_json, "datapackage.json": datapackage_json}


def open_data_files(data: ReportData) -> dict[str, str]:
    """File name -> content, for every open-data file of the year (corrections.csv once it has any)."""
    files = {name: make(data) for name, make in FILES.items()}
    if data.corrections:
        files["corrections.csv"] = corrections_csv(data)
    return files
