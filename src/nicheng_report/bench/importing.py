"""9 `make import` of the 2024 official text: how long it takes (budget 5 s) and how
well it reproduces the hand-made 2024 pages: the same headings, and the figures
they mark (value, unit, qualifier), as recall and precision. The import runs into
a copy of the snapshot, as `--year 2025` (2024 exists), the way staff run it."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from nicheng_report.bench.common import PY, child_env, copy_project, log, median, run_child
from nicheng_report.bench.report import Table

__all__ = ["Accuracy", "accuracy_2024", "bench_import", "BUDGET_IMPORT_S"]

BUDGET_IMPORT_S = 5.0
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
HEADING = re.compile(r"^(#{1,3}) (.*?) \{ #[a-z0-9-]+ \}$", re.MULTILINE)
PAGES = ("index", "measures", "reporting-on-law", "highlights", "shortcomings", "next-steps")


@dataclass(frozen=True)
class Accuracy:
    expected: int          # figures the hand-made pages mark
    found: int             # figures the import marks
    matched: int           # the same value, unit and qualifier on the same page
    headings_same: bool

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0


def figures_of(text: str, data) -> Counter:
    return Counter((data.figures[key].value, data.figures[key].unit, data.figures[key].qualifier)
                   for key in PLACEHOLDER.findall(text))


def accuracy_2024(root: Path) -> Accuracy:
    """The import of docs/data/2024.official.zh.txt (in memory) against docs/zh/2024/ and docs/data/2024.yml."""
    from nicheng_report.figures.loading import load_report_data
    from nicheng_report.importer.keys import place_figures
    from nicheng_report.importer.reading import read_document
    from nicheng_report.importer.structure import parse_report

    data = load_report_data(root / "docs" / "data" / "2024.yml")
    report = parse_report(read_document(root / "docs" / "data" / "2024.official.zh.txt").lines)
    placed = place_figures(report).placed
    expected = found = matched = 0
    for page in PAGES:
        hand = figures_of((root / "docs" / "zh" / "2024" / f"{page}.md").read_text(encoding="utf-8"), data)
        ours = Counter((p.found.value, p.found.unit, p.found.qualifier) for p in placed if p.page == page)
        expected, found = expected + sum(hand.values()), found + sum(ours.values())
        matched += sum((hand & ours).values())
    hand_headings = [re.sub(r"\s+", "", text) for page in PAGES[1:]
                     for _, text in HEADING.findall((root / "docs" / "zh" / "2024" / f"{page}.md").read_text(encoding="utf-8"))]
    our_headings = [heading for section in report.sections
                    for heading in [section.title, *(i.text for i in section.items if i.kind == "heading")]]
    return Accuracy(expected, found, matched, hand_headings == our_headings)


def bench_import(table: Table, work: Path, project: Path, reps: int = 3) -> None:
    """Section 9: the import time of the 2024 text (a child process, as `make import` runs it) and its accuracy."""
    log("9: make import of the 2024 official text")
    times: list[float] = []
    for rep in range(reps):
        copy = copy_project(project, work / f"import-{rep}")
        run = run_child([PY, "-m", "nicheng_report", "import", str(copy / "docs" / "data" / "2024.official.zh.txt"),
                         "--year", "2025", "--project", str(copy)], work / f"import-{rep}.log",
                        env=child_env(project), cwd=copy)
        if run.rc != 0:
            table.add("9", "make import of the 2024 text", f"failed (exit {run.rc}): {run.tail(5)}", f"< {BUDGET_IMPORT_S:.0f} s", False)
            return
        times.append(run.wall)
    started = time.perf_counter()
    result = accuracy_2024(project)
    in_process = time.perf_counter() - started
    wall = median(times)
    table.add("9", "make import of the 2024 text (wall, median, with Python start-up)", f"{wall:.2f} s",
              f"< {BUDGET_IMPORT_S:.0f} s", wall < BUDGET_IMPORT_S)
    table.add("9", "import in process (parse and figures, no writing)", f"{in_process * 1000:.0f} ms")
    table.add("9", "import vs the hand-made 2024 pages: figures recall", f"{result.recall:.1%} "
              f"({result.matched}/{result.expected})", "≥ 95%", result.recall >= 0.95)
    table.add("9", "import vs the hand-made 2024 pages: figures precision", f"{result.precision:.1%} "
              f"({result.matched}/{result.found})", "≥ 90%", result.precision >= 0.90)
    table.add("9", "import vs the hand-made 2024 pages: same headings", "yes" if result.headings_same else "no",
              "yes", result.headings_same)
    table.data["import"] = {"wall_s": times, "in_process_s": in_process, "recall": result.recall,
                            "precision": result.precision, "headings_same": result.headings_same}
