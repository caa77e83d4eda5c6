"""The words a data file may use: units, qualifiers, origins, and the shape of
keys and sections. The schema, the formatting, the open data and the importer
(nicheng_report.importer) all read them here. The lists grow with what reports
use: a new unit is one line here, with its English rendering."""

from __future__ import annotations

import re

__all__ = ["UNITS", "COUNT_UNITS", "CARRIED_UNITS", "MONEY", "QUALIFIERS", "QUALIFIER_WORDS", "SCALES",
           "ORIGINS", "KEY_PATTERN", "SECTION_PATTERN", "CHART_ID_PATTERN"]

# Unit code -> (Chinese symbol, English singular, English plural). New units go at the end:
# the open data lists the units a year uses in this order.
UNITS: dict[str, tuple[str, str, str]] = {
    "item": ("件", "case", "cases"),
    "person_time": ("人次", "person-time", "person-times"),
    "time": ("次", "time", "times"),
    "copy": ("份", "document", "documents"),
    "entry": ("条", "item", "items"),
    "office": ("个", "office", "offices"),
    "project": ("项", "item", "items"),
    "percent": ("%", "%", "%"),
    "wan_yuan": ("万元", "yuan", "yuan"),
    "piece": ("个", "unit", "units"),
    "person": ("人", "person", "people"),
    "member": ("名", "person", "people"),
    "household": ("户", "household", "households"),
    "organization": ("家", "organization", "organizations"),
    "session": ("场", "session", "sessions"),
    "session_count": ("场次", "session", "sessions"),
    "article": ("篇", "article", "articles"),
    "work": ("部", "work", "works"),
    "batch": ("批次", "batch", "batches"),
    "lot": ("批", "batch", "batches"),
    "round": ("期", "session", "sessions"),
    "incident": ("起", "case", "cases"),
    "matter": ("宗", "case", "cases"),
    "sheet": ("张", "sheet", "sheets"),
    "volume": ("册", "copy", "copies"),
    "book": ("本", "copy", "copies"),
    "hour": ("小时", "hour", "hours"),
    "day": ("天", "day", "days"),
    "square_meter": ("平方米", "m²", "m²"),
    "kilometer": ("公里", "km", "km"),
    "mu": ("亩", "mu", "mu"),
    "ton": ("吨", "metric ton", "metric tons"),
    "yuan": ("元", "yuan", "yuan"),
    "yi_yuan": ("亿元", "yuan", "yuan"),
    "percentage_point": ("个百分点", "percentage point", "percentage points"),
}
# Money: the value in the unit the report writes (万元: 705.765); English shows yuan.
MONEY: dict[str, int] = {"yuan": 1, "wan_yuan": 10_000, "yi_yuan": 100_000_000}
# Units written inside the figure (98.72%, 705.765万元), not after it in the text.
CARRIED_UNITS = frozenset({"percent", "percentage_point", *MONEY})
# Measures: may have decimals (3.5公里); shown with a unit column like counts.
MEASURES = frozenset({"hour", "day", "square_meter", "kilometer", "mu", "ton"})
# Units of things counted one by one: whole numbers only, and a unit column in tables.
COUNT_UNITS = frozenset(UNITS) - CARRIED_UNITS - MEASURES

# exact 626 | at_least 不少于12 | or_more 95%以上 | more_than 300余 | at_most 不超过5 | about 约30 | nearly 近300
QUALIFIERS = ("exact", "at_least", "or_more", "more_than", "at_most", "about", "nearly")
# The Chinese words of each qualifier, the usual one first; `written:` in a data file says which the report used.
QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "exact": (),
    "at_least": ("不少于", "不低于", "至少"),
    "or_more": ("以上",),
    "more_than": ("余", "多", "超过", "超", "逾"),
    "at_most": ("不超过", "不高于", "以内", "以下"),
    "about": ("约", "大约", "左右"),
    "nearly": ("近", "将近", "接近"),
}
# 1.2万人次: the report writes the number in 万 (or 亿); English shows it whole (12,000).
SCALES: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# stated: a numeral in the report; described: said in words; computed: derived by this site.
ORIGINS = ("stated", "described", "computed")

KEY_PATTERN = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")
SECTION_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$")
CHART_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
