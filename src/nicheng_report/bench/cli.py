"""`python -m nicheng_report bench` (make bench): options, the order of the sections, the report."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from nicheng_report.bench.builds import bench_builds, bench_scale, precompress_plain
from nicheng_report.bench.engines import bench_engines
from nicheng_report.bench.common import log, snapshot
from nicheng_report.bench.importing import bench_import
from nicheng_report.bench.ranking import bench_ranking
from nicheng_report.bench.lighthouse import bench_lighthouse
from nicheng_report.bench.machine import LoadSampler, machine
from nicheng_report.bench.rebuild import bench_rebuild
from nicheng_report.bench.report import Table
from nicheng_report.bench.search import bench_search
from nicheng_report.bench.poster import bench_poster
from nicheng_report.bench.sizes import ACCESS_LOG_FORMAT, PLAIN_PAGE, bench_transfer, index_sizes, upload_size
from nicheng_report.bench.stages import bench_stages, print_stages
from nicheng_report.commands.build import project_argument
from nicheng_report.testing import CHROMIUM, CHROMIUM_ARGS, NGINX, NginxError, nginx_config, running_nginx

OFFICIAL_TEXT = "docs/data/2024.official.zh.txt"


def nginx_folder(work: Path, name: str) -> Path:
    folder = work / name
    folder.mkdir(mode=0o755)
    return folder


def bench_browser(table: Table, work: Path, project: Path, site: Path, *, lighthouse_root: Path | None,
                  cold_reps: int, warm_reps: int) -> None:
    """Sections 4 (search times), 5 and 7, on nginx with the snapshot's deploy/nginx.conf."""
    if not Path(CHROMIUM).exists() or not Path(NGINX).exists():
        table.skip("4", "browser figures", f"needs {CHROMIUM} and {NGINX}")
        return
    from playwright.sync_api import sync_playwright

    conf = project / "deploy" / "nginx.conf"
    plain_site = work / "plain" / "site"
    with contextlib.ExitStack() as stack:
        ours = stack.enter_context(running_nginx(site, nginx_folder(work, "nginx"), conf,
                                                 access_log_format=ACCESS_LOG_FORMAT))
        plain = None
        if (plain_site / PLAIN_PAGE / "index.html").exists():
            precompress_plain(plain_site)
            plain = stack.enter_context(running_nginx(plain_site, nginx_folder(work, "nginx-plain"), conf,
                                                      access_log_format=ACCESS_LOG_FORMAT, csp=False))
        log(f"   nginx with {conf.relative_to(project)}: ours at {ours.url}"
            + (f", the plain site at {plain.url}" if plain else ""))
        table.notes.append("Browser figures: the site served by nginx with the project's deploy/nginx.conf, only its "
                           "machine-specific lines substituted (nicheng_report.testing, as tests/test_nginx.py); the "
                           "plain Material site by the same file without its Content-Security-Policy, which would "
                           "block Material's inline scripts.")
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            log("4: search in Chromium (keystroke to first result)")
            bench_search(table, browser, ours.url, cold_reps=cold_reps, warm_reps=warm_reps)
            log("4: search ranking (the resident queries, typed one by one)")
            bench_ranking(table, browser, ours.url, project)
            log("5: first-visit transfer (nginx, gzip)")
            bench_transfer(table, browser, site, ours, plain)
        finally:
            browser.close()
        if lighthouse_root is not None:
            bench_lighthouse(table, lighthouse_root, work, ours.url, plain.url if plain else None)


def print_report(table: Table, stages: list, args: argparse.Namespace, settings: dict, elapsed: float,
                 load: LoadSampler) -> None:
    print(f"\n## make bench — {time.strftime('%Y-%m-%d %H:%M')}, {elapsed / 60:.1f} min\n")
    for key, value in machine():
        print(f"- {key}: {value}")
    print(f"- load average (1 min) during the run: {load.samples[0]:.1f} at start, {max(load.samples):.1f} at most, "
          f"{load.samples[-1]:.1f} at end (above {os.cpu_count()} means other processes competed for the cores)")
    scale = " and ".join(f"{n} ({'1 build' if n >= 20 else '2 builds'})" for n in settings["scale"])
    print(f"\nRepetitions: {settings['reps']} alternated builds of each site (after one warm-up each), "
          f"{settings['rebuilds']} rebuilds per edit, {settings['cold']} cold and {settings['warm']} warm searches "
          "per language, " + ("no scale builds" if args.no_scale else f"scale builds of {scale} years")
          + ("; --quick: fewer repetitions, no 20-year scale" if args.quick else "")
          + ("" if settings["lighthouse"] else "; Lighthouse not run") + ".\n")
    print(table.markdown())
    print("\nKB = 1024 bytes. Times in sections 1 and 6 include Python start-up; section 2 is in-process.")
    print_stages(stages)
    for note in table.notes:
        print("\n" + note)
    print(f"\n{table.count('PASS')} within budget, {table.count('FAIL')} over budget.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report bench",
                                     description="Build, search, size and Lighthouse figures against their budgets.")
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    parser.add_argument("--reps", type=int, default=5, help="alternated builds of each site (default 5)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, scale up to 5 years, no Lighthouse")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium and Lighthouse figures")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1/5/20-year scale builds")
    parser.add_argument("--no-engines", action="store_true", help="skip the builds on ProperDocs and Zensical")
    parser.add_argument("--json", type=Path, help="also write every raw figure to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--source", type=Path, help=f"the official Chinese text (default: {OFFICIAL_TEXT})")
    args = parser.parse_args(argv)
    root = args.project
    settings = {"reps": 2 if args.quick and args.reps == 5 else args.reps, "scale": (1, 5) if args.quick else (1, 5, 20),
                "rebuilds": 2 if args.quick else 3, "cold": 2 if args.quick else 3, "warm": 3 if args.quick else 5,
                "lighthouse": not (args.quick or args.no_lighthouse or args.no_browser)}
    source = (args.source or root / OFFICIAL_TEXT).resolve()
    if not source.exists():
        print(f"The official text is missing: {source} (use --source)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    load = LoadSampler()
    if load.samples[0] > (os.cpu_count() or 1):
        log(f"warning: load average {load.samples[0]:.1f} on {os.cpu_count()} cores: other work will slow the figures")
    work = Path(tempfile.mkdtemp(prefix="nicheng-bench-"))
    work.chmod(0o755)  # nginx's workers (www-data when run as root) must reach the sites inside
    table = Table()
    stages: list = []
    try:
        project = snapshot(root, work / "project")
        log(f"snapshot of the project in {project}")
        if not args.no_browser:  # before minutes of builds: deploy/nginx.conf must adapt to this machine
            nginx_config(project / "deploy" / "nginx.conf", work, work, 0)
        site = bench_builds(table, work, project, source, settings["reps"])
        if site is None:
            return 1
        if not args.no_engines:
            bench_engines(table, work, project, settings["reps"])
        upload_size(table, site)
        bench_rebuild(table, work, project, settings["rebuilds"])
        bench_import(table, work, project, 2 if args.quick else 3)
        index_sizes(table, site)
        bench_poster(table, site, project)
        if not args.no_browser:
            bench_browser(table, work, project, site, lighthouse_root=root if settings["lighthouse"] else None,
                          cold_reps=settings["cold"], warm_reps=settings["warm"])
        if not args.no_scale:
            bench_scale(table, work, project, settings["scale"], 2)
        stages = bench_stages(table, work, project)
    except NginxError as error:
        print(f"\nnginx: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    load.stop()
    elapsed = time.perf_counter() - started
    print_report(table, stages, args, settings, elapsed, load)
    if args.json:
        table.write_json(args.json, machine=machine(), elapsed=elapsed)
    return 0  # a report, not a test: budgets over are shown as FAIL, not as an exit code
