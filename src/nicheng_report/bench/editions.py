"""Section 1b: what each edition costs on its own, above all the 繁體 one (converted at build
time from the Chinese pages): each config built alone, `mkdocs build` in a fresh process,
the editions alternated, after one warm-up each."""

from __future__ import annotations

from pathlib import Path

from nicheng_report.bench.common import PY, Run, child_env, log, median, run_child
from nicheng_report.bench.report import Table
from nicheng_report.languages import LANGUAGES, ORIGINAL


def edition_command(project: Path, config: str, out: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--quiet", "-f", str(project / config), "-d", str(out)]


def bench_editions(table: Table, work: Path, project: Path, reps: int) -> None:
    env = child_env(project)
    runs: dict[str, list[Run]] = {language.code: [] for language in LANGUAGES}
    for i in range(reps + 1):   # the first round warms the caches and is not counted
        for language in LANGUAGES if i % 2 == 0 else LANGUAGES[::-1]:
            run = run_child(edition_command(project, language.config, work / "editions" / language.code),
                            work / f"edition-{language.code}-{i}.log", env=env, cwd=project)
            if run.rc != 0:
                table.skip("1b", f"{language.config} alone", f"its build failed:\n{run.tail()}")
                return
            if i:
                runs[language.code].append(run)
                log(f"   {language.config} alone {i}/{reps}: {run.wall:.2f}s")
    original = median([run.wall for run in runs[ORIGINAL.code]])
    for language in LANGUAGES:
        wall = median([run.wall for run in runs[language.code]])
        cpu = median([run.cpu for run in runs[language.code]])
        table.add("1b", f"{language.config} alone ({language.hreflang}), median of {reps}",
                  f"{wall:.2f} s (CPU {cpu:.2f} s) = {wall / original:.2f} × {ORIGINAL.config}")
