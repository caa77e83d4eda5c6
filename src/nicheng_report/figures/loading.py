"""Load one year's data file: read it (yamlfile), validate it (schema), compute
its figures (compute) and check that its cards and charts name real figures.

Engine-agnostic: nothing here imports MkDocs. Every problem a staff member can
cause raises FigureDataError with the file, the line, the key, what is wrong
and how to fix it, in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .compute import check_key, derive, given_values, run_checks
from .corrections import as_published, check_corrections
from .messages import FigureDataError, did_you_mean, explain
from .model import Figure, ReportData
from .schema import DataFile
from .vocabulary import CHART_ID_PATTERN
from .yamlfile import LineDict, read_yaml, line_of

__all__ = ["load_report_data"]


def load_report_data(path: Path | str, *, display_path: str | None = None) -> ReportData:
    """Read, validate and compute the figures of one year. Raises FigureDataError."""
    path = Path(path)
    shown = display_path or str(path)
    raw = read_yaml(path, shown)
    if not isinstance(raw, dict):
        raise FigureDataError(shown, 1, None, "文件内容不是“键: 值”结构。", "the file is not written as `key: value` lines.",
                              "以 report:、groups:、figures: 三段开头，参照 docs/data/2024.yml。",
                              "start with the sections report:, groups:, figures:, as in docs/data/2024.yml.")
    try:
        report = raw.get("report") if isinstance(raw, dict) else None
        draft = isinstance(report, dict) and report.get("status") == "draft"
        parsed = DataFile.model_validate(raw, context={"draft": draft})
    except ValidationError as errors:
        first = errors.errors()[0]
        loc = tuple(first["loc"])
        key = str(loc[1]) if len(loc) > 1 and loc[0] == "figures" else ".".join(map(str, loc)) or None
        raise FigureDataError(shown, line_of(raw, loc), key, *explain(first)) from None

    lines = _lines(raw, "figures")
    for key in parsed.figures:
        check_key(shown, key, lines.get(key), parsed.groups)
    _check_references(shown, raw, parsed)

    check_lines = [line_of(raw, ("checks", index)) for index in range(len(parsed.checks))]
    values, decimals = given_values(shown, parsed.figures, lines)
    run_checks(shown, parsed.checks, check_lines, values, given_only=True)
    derive(shown, parsed.figures, lines, values, decimals)
    run_checks(shown, parsed.checks, check_lines, values, given_only=False)
    corrections = check_corrections(shown, raw, parsed, values)

    figures = {
        key: Figure(key=key, group=key.split(".", 1)[0], value=values[key], decimals=decimals[key],
                    unit=spec.unit, qualifier=spec.qualifier, origin=spec.origin,
                    period=spec.period or parsed.report.period, section=spec.section, label=spec.label,
                    definition=spec.definition, formula=spec.formula, line=lines.get(key),
                    written=spec.written, scale=spec.scale, review=spec.review, sentence=spec.sentence)
        for key, spec in parsed.figures.items()
    }
    return ReportData(path=path, year=parsed.report.year, meta=parsed.report, groups=dict(parsed.groups),
                      figures=figures, checks=tuple(parsed.checks), cards=tuple(parsed.cards),
                      charts=dict(parsed.charts), corrections=corrections,
                      as_published=as_published(shown, parsed, lines, values, decimals, corrections))


def _lines(raw: Any, section: str) -> Mapping[str, int]:
    node = raw.get(section)
    return node.lines if isinstance(node, LineDict) else {}


def _check_references(shown: str, raw: Any, parsed: DataFile) -> None:
    """The cards and the charts name figures of this file; chart ids can be HTML ids."""
    for chart_id in parsed.charts:
        if not CHART_ID_PATTERN.match(chart_id):
            raise FigureDataError(shown, line_of(raw, ("charts", chart_id)), f"charts.{chart_id}",
                                  f"图表 id `{chart_id}` 格式不对。", f"the chart id `{chart_id}` is not a valid id.",
                                  "用小写英文字母、数字和下划线，例如 mediation。",
                                  "use lower-case letters, digits and underscores, e.g. mediation.")
    places = [(("cards", index), "cards", name) for index, name in enumerate(parsed.cards)]
    places += [(("charts", chart_id, "figures", index), f"charts.{chart_id}.figures", name)
               for chart_id, chart in parsed.charts.items() for index, name in enumerate(chart.figures)]
    for loc, where, name in places:
        if name in parsed.figures:
            continue
        hint_zh, hint_en = did_you_mean(name, parsed.figures)
        raise FigureDataError(
            shown, line_of(raw, loc), name,
            f"`{where}` 中的 `{name}` 不是本文件 figures: 中的数据键名。",
            f"`{name}` under `{where}` is not a figure of this file (under figures:).",
            f"{hint_zh}改用 figures: 中已有的键名，或删除这一行。",
            "use a key listed under figures:, or delete this line" + (f"; {hint_en}" if hint_en else "."))
