"""Full builds: ours against a plain Material site of the same official text (1),
peak memory (3), and 1, 5 and 20 years of reports (6).

Each build is a fresh process (`python -m nicheng_report build`, as `make build`
runs it), so each pays Python start-up; ours and the plain one alternate."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

from nicheng_report.bench.common import (PY, Run, build_command, child_env, copy_project, log, median,
                                         run_child)
from nicheng_report.bench.report import BUDGET_RATIO, BUDGET_SCALE, Table
from nicheng_report.languages import AUTHORED, LANGUAGES

TOP = re.compile(r"^[一二三四五六七八九十]+、")
SUB = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
PLAIN_TEXT_FILES = {".html", ".css", ".js", ".json", ".xml", ".svg"}


# --- The plain Material site of the same text -------------------------------------------------

def make_plain_site(source: Path, dest: Path) -> Path:
    """One Markdown page per top-level section of the official text; material, zh, default search."""
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    title = lines[0]
    pages: list[tuple[str, list[str]]] = [("index.md", [f"# {title}"])]
    for line in lines[1:]:
        if not line:
            continue
        if TOP.match(line):
            pages.append((f"section-{len(pages)}.md", [f"# {line}"]))
        elif SUB.match(line) and len(line) <= 60:
            pages[-1][1].append(f"## {line}")
        else:
            pages[-1][1].append(line)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    for name, blocks in pages:
        (docs / name).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        f"site_name: {title}\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search\n", encoding="utf-8")
    return dest / "mkdocs.yml"


def plain_build_command(config: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(config.parent / "site")]


def precompress_plain(folder: Path) -> None:
    """.gz beside the plain site's text files, as our build writes them (level 9, no time, no
    name), for a like-for-like first visit under gzip_static."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in PLAIN_TEXT_FILES:
            raw = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
                gz.write(path.read_bytes())
            path.with_name(path.name + ".gz").write_bytes(raw.getvalue())


# --- 1 and 3: full builds ---------------------------------------------------------------------

def _spread(runs: list[Run]) -> str:
    walls = [run.wall for run in runs]
    return (f"{median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}; "
            f"CPU {median([run.cpu for run in runs]):.2f} s)")


def bench_builds(table: Table, work: Path, project: Path, source: Path, reps: int) -> Path | None:
    """Sections 1 and 3. Returns our built site, or None (and says why) if a build failed."""
    log("1/3: building once each to warm caches (jieba's cuts, templates, .gz; not counted)")
    plain_config = make_plain_site(source, work / "plain")
    out = work / "ours" / "site"
    env = child_env(project)
    ours_runs: list[Run] = []
    plain_runs: list[Run] = []
    first = run_child(build_command(project, out), work / "ours-warmup.log", env=env, cwd=project)
    if first.rc != 0:
        print(f"\nOur build failed (exit {first.rc}); the bench needs a working build:\n{first.tail()}\n",
              file=sys.stderr)
        return None
    warm = run_child(plain_build_command(plain_config), work / "plain-warmup.log", env=child_env(None))
    if warm.rc != 0:
        print(f"\nThe plain Material build failed:\n{warm.tail()}\n", file=sys.stderr)
        return None
    for i in range(reps):
        pair = (("ours", build_command(project, out), env, ours_runs),
                ("plain", plain_build_command(plain_config), child_env(None), plain_runs))
        for name, cmd, cmd_env, runs in (pair if i % 2 == 0 else pair[::-1]):
            run = run_child(cmd, work / f"{name}-{i}.log", env=cmd_env, cwd=project)
            if run.rc != 0:
                print(f"\n{name} build failed:\n{run.tail()}\n", file=sys.stderr)
                return None
            runs.append(run)
            log(f"   {name} build {i + 1}/{reps}: {run.wall:.2f}s, peak {run.rss / 2**20:.0f} MiB")
    ours = median([run.wall for run in ours_runs])
    plain = median([run.wall for run in plain_runs])
    pages_ours = sum(1 for _ in out.rglob("*.html")) - len(LANGUAGES)  # 404.html of each language
    pages_plain = sum(1 for _ in (plain_config.parent / "site").rglob("*.html")) - 1
    table.data["build"] = {"ours": [run.wall for run in ours_runs], "plain": [run.wall for run in plain_runs],
                           "ours_rss": [run.rss for run in ours_runs], "plain_rss": [run.rss for run in plain_runs]}
    table.add("1", f"full build, ours ({'+'.join(language.code for language in LANGUAGES)}, {pages_ours} pages, hooks, .gz), median of {reps}", _spread(ours_runs))
    table.add("1", f"plain Material build (zh only, {pages_plain} pages, no hooks), median of {reps}",
              _spread(plain_runs))
    table.add("1", "ratio ours / plain (wall time)", f"{ours / plain:.2f} ×", f"≤ {BUDGET_RATIO} ×",
              ours / plain <= BUDGET_RATIO)
    cold_runs = []
    for i in range(2):  # what a fresh clone or CI pays: the same build with empty caches
        with tempfile.TemporaryDirectory(prefix="bench-cold-cache-") as cache:
            run = run_child(build_command(project, work / "cold" / "site"), work / f"cold-{i}.log",
                            env=child_env(project, SITE_CACHE=cache), cwd=project)
        if run.rc == 0:
            cold_runs.append(run)
            log(f"   ours with empty caches {i + 1}/2: {run.wall:.2f}s")
    if cold_runs:
        cold = median([run.wall for run in cold_runs])
        table.add("1", f"full build, ours, empty caches (fresh clone, CI), median of {len(cold_runs)}",
                  f"{cold:.2f} s = {cold / plain:.2f} × plain (CPU {median([run.cpu for run in cold_runs]):.2f} s)")
    cpu_ratio = median([run.cpu for run in ours_runs]) / median([run.cpu for run in plain_runs])
    min_ratio = min(run.wall for run in ours_runs) / min(run.wall for run in plain_runs)
    table.add("1", "ratio ours / plain (CPU time, medians; fastest runs, wall)",
              f"{cpu_ratio:.2f} × ; {min_ratio:.2f} × (less sensitive to other load)")
    table.add("3", "peak memory of our build (ru_maxrss, max of runs)", f"{max(r.rss for r in ours_runs) / 2**20:.0f} MiB")
    table.add("3", "peak memory of the plain build (ru_maxrss, max of runs)",
              f"{max(r.rss for r in plain_runs) / 2**20:.0f} MiB")
    return out


# --- 6: scale ---------------------------------------------------------------------------------

def add_years(project: Path, years: list[int]) -> int:
    """Copy the 2024 report to each of `years` (pages and data; nav entries where the configs
    list years one by one); return the number of Markdown pages."""
    data = (project / "docs" / "data" / "2024.yml").read_text(encoding="utf-8")
    for year in years:
        for lang in (language.code for language in AUTHORED):
            shutil.copytree(project / "docs" / lang / "2024", project / "docs" / lang / str(year))
        text, count = re.subn(r"^(report:\n(?:  .*\n)*?  year: )2024$", rf"\g<1>{year}", data, count=1,
                              flags=re.MULTILINE)
        if count != 1:
            raise RuntimeError("docs/data/2024.yml: report.year not found")
        (project / "docs" / "data" / f"{year}.yml").write_text(text, encoding="utf-8")
    navs = 0
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        path = project / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if any(re.match(r"^\s+- YEAR:\s*$", line) for line in lines):
            navs += 1  # one `- YEAR:` pattern: the build lists every year it finds
            continue
        start = next((i for i, line in enumerate(lines) if re.match(r"^\s+- [^:]*2024[^:]*:\s*$", line)), None)
        if start is None:
            continue  # no nav of its own (mkdocs.en.yml inherits mkdocs.yml's)
        indent = len(lines[start]) - len(lines[start].lstrip())
        end = start + 1
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1
        block = lines[start:end]
        extra = [line.replace("2024", str(year)) for year in years for line in block]
        path.write_text("".join(lines[:end] + extra + lines[end:]), encoding="utf-8")
        navs += 1
    if not navs:
        raise RuntimeError("mkdocs.yml: neither a `- YEAR:` nav pattern nor a 2024 section found to add years to")
    return sum(1 for lang in ("zh", "en") for _ in (project / "docs" / lang).rglob("*.md"))


def bench_scale(table: Table, work: Path, project: Path, sizes: tuple[int, ...], reps: int) -> None:
    per_page: dict[int, float] = {}
    totals: dict[int, tuple[float, int]] = {}
    for n in sizes:
        copy = copy_project(project, work / f"scale-{n}")
        pages = add_years(copy, [2024 - k for k in range(1, n)])
        times = []
        for i in range(reps if n < 20 else max(1, reps - 1)):
            run = run_child(build_command(copy, work / f"scale-{n}-out" / "site"), work / f"scale-{n}-{i}.log",
                            env=child_env(copy), cwd=copy)
            if run.rc != 0:
                table.skip("6", f"scale {n} years", f"build failed: {run.tail(3)}")
                return
            times.append(run.wall)
        log(f"6: {n} year(s), {pages} pages: {median(times):.2f}s")
        totals[n] = (median(times), pages)
        per_page[n] = median(times) / pages
        shutil.rmtree(work / f"scale-{n}-out", ignore_errors=True)
        table.add("6", f"scale: {n} year(s), {pages} pages, build (median of {len(times)})",
                  f"{median(times):.2f} s = {per_page[n] * 1000:.0f} ms per page")
    table.data["scale"] = {str(n): {"seconds": s, "pages": p} for n, (s, p) in totals.items()}
    if 1 in per_page and max(sizes) > 1:
        top = max(sizes)
        ratio = per_page[top] / per_page[1]
        table.add("6", f"per-page time, {top} years / 1 year", f"{ratio:.2f} ×", f"≤ {BUDGET_SCALE} ×",
                  ratio <= BUDGET_SCALE)
        (t1, p1), (tn, pn) = totals[1], totals[top]
        table.add("6", f"marginal time per added page (1 → {top} years)", f"{(tn - t1) / (pn - p1) * 1000:.0f} ms")
