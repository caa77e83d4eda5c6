"""The budgets, and the table every section adds its figures to.

A figure with a budget is PASS or FAIL; the others are shown for information.
The table and the notes print as Markdown, ready for PERFORMANCE.md."""

from __future__ import annotations

import json
from pathlib import Path

BUDGET_RATIO = 1.5              # our full build / plain Material build (wall time, medians)
BUDGET_SEARCH_WARM_MS = 100     # keystroke to results, a second search on the same page
BUDGET_RANKING_TOP1 = 0.95      # resident queries (tests/search_queries.yml) whose passage comes first (issue #16)
BUDGET_TRANSFER_KB = 100        # gzip bytes of a first visit (KB = 1024 B)
BUDGET_SCALE = 1.2              # time per page with 20 years / with 1 year
BUDGET_LIGHTHOUSE = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


class Table:
    """Rows (section, figure, value, budget, result), notes, and every raw figure (for --json)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.notes: list[str] = []
        self.data: dict[str, object] = {}

    def add(self, section: str, figure: str, value: str, budget: str = "—", ok: bool | None = None) -> None:
        result = "info" if ok is None else ("PASS" if ok else "FAIL")
        self.rows.append((section, figure, value, budget, result))

    def skip(self, section: str, figure: str, why: str) -> None:
        self.rows.append((section, figure, f"not measured: {why}", "—", "skip"))

    def count(self, result: str) -> int:
        return sum(1 for row in self.rows if row[4] == result)

    def markdown(self) -> str:
        head = ("#", "figure", "value", "budget", "result")
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]
        rows = sorted(self.rows, key=lambda row: row[0])  # by section, in the order measured
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        return "\n".join(lines)

    def write_json(self, path: Path, **extra: object) -> None:
        path.write_text(json.dumps({"rows": self.rows, "data": self.data, **extra}, ensure_ascii=False, indent=1,
                                   default=str), encoding="utf-8")


def kinds_detail(kinds: dict[str, int]) -> str:
    """'JS 50.2, CSS 27.4, HTML 5.4': KB by kind of resource, largest first."""
    return ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(kinds.items(), key=lambda item: -item[1]))
