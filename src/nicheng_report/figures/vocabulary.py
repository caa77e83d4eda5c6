"""The words a data file may use: units, qualifiers, origins, and the shape of
keys and sections. The schema, the formatting and the open data all read them here."""

from __future__ import annotations

import re

__all__ = ["UNITS", "COUNT_UNITS", "QUALIFIERS", "ORIGINS", "KEY_PATTERN", "SECTION_PATTERN", "CHART_ID_PATTERN"]

# Unit code -> (Chinese symbol, English singular, English plural).
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
}
# Units of things counted one by one: whole numbers only, and a unit column in tables.
COUNT_UNITS = frozenset(UNITS) - {"percent", "wan_yuan"}

# exact 626 | at_least 不少于12 | or_more 95%以上 | more_than 300余
QUALIFIERS = ("exact", "at_least", "or_more", "more_than")

# stated: a numeral in the report; described: said in words; computed: derived by this site.
ORIGINS = ("stated", "described", "computed")

KEY_PATTERN = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$")
SECTION_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$")
CHART_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
