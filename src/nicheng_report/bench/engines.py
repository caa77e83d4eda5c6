"""Full builds on each site engine (README, "Site engines") beside the default's: the same
project, `python -m nicheng_report build --engine E` as `make build ENGINE=E` runs it,
alternated, after one warm-up each. An engine that is not installed is listed as skipped,
with the command that installs it."""

from __future__ import annotations

from pathlib import Path

from nicheng_report.bench.common import PY, Run, child_env, log, median, run_child
from nicheng_report.bench.report import Table
from nicheng_report.engines import DEFAULT, ENGINES, EngineMissing, engine_version


def engine_command(project: Path, out: Path, engine: str) -> list[str]:
    out.parent.mkdir(parents=True, exist_ok=True)
    return [PY, "-m", "nicheng_report", "build", "--project", str(project), "--out", str(out), "--engine", engine]


def bench_engines(table: Table, work: Path, project: Path, reps: int) -> None:
    env = child_env(project)
    engines: dict[str, str] = {}
    for engine in ENGINES:
        try:
            engines[engine] = engine_version(engine)
        except EngineMissing:
            table.skip("1", f"full build with {engine}", f"not installed: make build ENGINE={engine}")
    runs: dict[str, list[Run]] = {engine: [] for engine in engines}
    for i in range(reps + 1):   # the first round warms caches and is not counted
        order = list(engines) if i % 2 == 0 else list(engines)[::-1]
        for engine in order:
            run = run_child(engine_command(project, work / "engines" / engine / "site", engine),
                            work / f"engine-{engine}-{i}.log", env=env, cwd=project)
            if run.rc != 0:
                table.skip("1", f"full build with {engine}", f"failed: {run.tail()[-300:]}")
                return
            if i:
                runs[engine].append(run)
                log(f"   {engine} build {i}/{reps}: {run.wall:.2f}s")
    default = median([run.wall for run in runs[DEFAULT]])
    table.data["engines"] = {engine: [run.wall for run in each] for engine, each in runs.items()}
    for engine, each in runs.items():
        wall = median([run.wall for run in each])
        table.add("1", f"full build with {engine} {engines[engine]} (zh+en), median of {reps}",
                  f"{wall:.2f} s = {wall / default:.2f} × {DEFAULT} (CPU {median([run.cpu for run in each]):.2f} s)")
