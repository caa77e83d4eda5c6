"""Let a Chinese query match a whole indexed word.

Material's search worker splits each run of Han characters in a query into
words found in the index, but its loop stops one character short
(`o<t.length`), so the whole query is never tried as a word: 文元调解工作室
became 文元调解工作* and 法到家 became 法* 到*. We ship a fixed copy with the
bound `o<=t.length`, under a new fingerprint (so caches never serve the old
one) and point the pages at it. If Material's worker no longer has this exact
code, the build stops, so an upgrade cannot silently bring the bug back.
"""

from __future__ import annotations

from nicheng_report.errors import StaffError

BUGGY = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
WORKERS = "assets/javascripts/workers"



def patch_worker(source: str) -> str:
    if source.count(BUGGY) != 1:
        raise StaffError(
            "Material's search worker has changed, so nicheng_report/search/worker.py cannot apply its fix for "
            "whole-word Chinese queries. Fix: check whether the new Material version still cuts the last "
            "character off query words (see the docstring), then update or remove this fix (nicheng_report/search/worker.py)."
        )
    # Drop the source map reference: the map describes the unfixed code.
    lines = source.replace(BUGGY, FIXED).splitlines()
    return "\n".join(line for line in lines if not line.startswith("//# sourceMappingURL=")) + "\n"
