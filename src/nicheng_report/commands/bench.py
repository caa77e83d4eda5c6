"""Print the site's build, search and size figures against their budgets (`make bench`).

    python scripts/bench.py [--reps 5] [--quick] [--no-browser] [--no-lighthouse]
                            [--no-scale] [--experiments] [--json FILE] [--keep]

Everything runs on a snapshot of the project copied into a temporary folder, so
edits made while the bench runs do not disturb it, and nothing is written into
the work tree except the npm cache folder `.bench/` (git-ignored) when
Lighthouse is run. Sections:

 1. full build (scripts/build.py, both languages, all hooks) against a plain
    Material site of the same official text (zh only, no hooks), alternated,
    each build a fresh process;
 2. rebuild under `make serve` (serve.py's builder, in-process, after editing a
    page and after editing the data file);
 3. peak memory (ru_maxrss of each build process);
 4. search index sizes, and time from the last keystroke to results in Chromium
    (cold: a fresh page, the index requested when the search box is focused and held back
    until the query is typed; warm: the same query again on that page);
 5. bytes transferred on a first visit, served by nginx with gzip;
 6. scale: 1, 5 and 20 years of fixture reports (copies of 2024), time per page;
 7. Lighthouse (npm lighthouse@13.5.0, installed on first use into .bench/;
    --no-lighthouse to skip), and the machine the figures come from;
 9. where the build spends its time (scripts/build.py's build_all in one process,
    BUILD_SERIAL=1, with timers), and with --experiments the build with empty
    and full caches, on one core and two, alternated with the plain site.

The site is served by nginx with the project's deploy/nginx.conf (paths and port
substituted, as tests/test_nginx.py does). Budgets over are printed as FAIL; the
exit status is 0 (a report, not a test) unless the build itself fails. The
output is Markdown: the tables can be pasted into docs/performance.md.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from screenshots import CHROMIUM, CHROMIUM_ARGS, free_port  # the same Chromium set-up as the tests

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "data" / "2024.official.zh.txt"
PY = sys.executable
# Fixed dates for every build (scripts/build.py would otherwise ask git, and the snapshot has no .git).
SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time())))
# 13.x reads Chromium 156's traces (12.2.3 failed on some of them). It asks for Node 22; on Node 20
# the scores come out, and three unscored insights (JavaScript duplication, legacy JavaScript,
# third parties) report an error.
LIGHTHOUSE = "lighthouse@13.5.0"
SNAPSHOT_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "site.old", ".site-staging-*", ".bench",
                                         "node_modules", ".pytest_cache", ".screenshots", "__pycache__", "*.pyc")
PACKAGES = ("mkdocs", "mkdocs-material", "jieba", "Markdown", "pymdown-extensions", "Jinja2", "PyYAML", "playwright")

# Budgets: (comparison, limit). None = reported for information.
BUDGET_RATIO = 1.5          # our full build / plain Material build
BUDGET_SEARCH_WARM_MS = 100
BUDGET_TRANSFER_KB = 100
BUDGET_SCALE = 1.2          # per-page time with 20 years / with 1 year
BUDGET_LH = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}

SEARCHES = (("zh", "", "调解"), ("en", "en/", "mediation"))
TRANSFER_PAGES = ("", "2024/", "2024/measures/", "2024/figures/", "en/", "en/2024/measures/", "en/2024/figures/")
LIGHTHOUSE_PAGES = ("", "2024/measures/", "2024/figures/", "en/", "en/2024/measures/", "en/2024/figures/")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- Rows of the final table ---------------------------------------------------------

class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.notes: list[str] = []
        self.sections: list[str] = []
        self.data: dict[str, object] = {}

    def add(self, section: str, figure: str, value: str, budget: str = "—", ok: bool | None = None) -> None:
        result = "info" if ok is None else ("PASS" if ok else "FAIL")
        self.rows.append((section, figure, value, budget, result))

    def skip(self, section: str, figure: str, why: str) -> None:
        self.rows.append((section, figure, f"not measured: {why}", "—", "skip"))

    def markdown(self) -> str:
        head = ("#", "figure", "value", "budget", "result")
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]
        rows = sorted(self.rows, key=lambda row: row[0])  # by section, in the order measured
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        return "\n".join(lines)


# --- Child processes ------------------------------------------------------------------

class Run:
    def __init__(self, wall: float, rss: int, cpu: float, rc: int, log_path: Path) -> None:
        self.wall, self.rss, self.cpu, self.rc, self.log_path = wall, rss, cpu, rc, log_path

    def tail(self, lines: int = 25) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])


def run_child(cmd: list[str], log_path: Path, *, cwd: Path | None = None, timeout: float = 900) -> Run:
    """Run a process: wall time, and from wait4() its peak RSS (ru_maxrss) and CPU time (user + system,
    including any process it forked and waited for)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with open(log_path, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, proc.returncode, log_path)


def snapshot(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=SNAPSHOT_IGNORE, symlinks=True)
    return dest


def our_build_cmd(project: Path, out: Path) -> list[str]:
    out.parent.mkdir(parents=True, exist_ok=True)
    return [PY, str(project / "scripts" / "build.py"), "--out", str(out)]


# --- 1. The plain Material site of the same text ----------------------------------------

TOP = re.compile(r"^[一二三四五六七八九十]+、")
SUB = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


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


def plain_build_cmd(config: Path) -> list[str]:
    return [PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(config.parent / "site")]


def bench_builds(table: Table, work: Path, project: Path, reps: int) -> Path | None:
    log("1/3: building once each to warm caches (jieba's dictionary cache, file cache; not counted)")
    plain_config = make_plain_site(SOURCE, work / "plain")
    out = work / "ours" / "site"
    ours_runs: list[Run] = []
    plain_runs: list[Run] = []
    first = run_child(our_build_cmd(project, out), work / "ours-warmup.log")
    if first.rc != 0:
        print(f"\nOur build failed (exit {first.rc}); the bench needs a working build:\n{first.tail()}\n", file=sys.stderr)
        return None
    warm = run_child(plain_build_cmd(plain_config), work / "plain-warmup.log")
    if warm.rc != 0:
        print(f"\nThe plain Material build failed:\n{warm.tail()}\n", file=sys.stderr)
        return None
    for i in range(reps):
        pair = (("ours", our_build_cmd(project, out), ours_runs), ("plain", plain_build_cmd(plain_config), plain_runs))
        for name, cmd, runs in (pair if i % 2 == 0 else pair[::-1]):
            run = run_child(cmd, work / f"{name}-{i}.log")
            if run.rc != 0:
                print(f"\n{name} build failed:\n{run.tail()}\n", file=sys.stderr)
                return None
            runs.append(run)
            log(f"   {name} build {i + 1}/{reps}: {run.wall:.2f}s, peak {run.rss / 2**20:.0f} MiB")
    ours = median([r.wall for r in ours_runs])
    plain = median([r.wall for r in plain_runs])
    pages_ours = sum(1 for _ in out.rglob("*.html")) - 2  # 404.html of each language
    pages_plain = sum(1 for _ in (plain_config.parent / "site").rglob("*.html")) - 1
    table.data["build"] = {"ours": [r.wall for r in ours_runs], "plain": [r.wall for r in plain_runs],
                           "ours_rss": [r.rss for r in ours_runs], "plain_rss": [r.rss for r in plain_runs]}
    table.add("1", f"full build, ours (zh+en, {pages_ours} pages, hooks, .gz), median of {reps}",
              f"{ours:.2f} s (min {min(r.wall for r in ours_runs):.2f}, max {max(r.wall for r in ours_runs):.2f}; "
              f"CPU {median([r.cpu for r in ours_runs]):.2f} s)")
    table.add("1", f"plain Material build (zh only, {pages_plain} pages, no hooks), median of {reps}",
              f"{plain:.2f} s (min {min(r.wall for r in plain_runs):.2f}, max {max(r.wall for r in plain_runs):.2f}; "
              f"CPU {median([r.cpu for r in plain_runs]):.2f} s)")
    table.add("1", "ratio ours / plain (wall time)", f"{ours / plain:.2f} ×", f"≤ {BUDGET_RATIO} ×", ours / plain <= BUDGET_RATIO)
    cold_runs = []
    for i in range(2):  # what a fresh clone or CI pays: the same build with empty caches
        run = run_child([PY, __file__, "--_variant", "cold", str(project), str(work / "cold" / "site")],
                        work / f"cold-{i}.log")
        if run.rc == 0:
            cold_runs.append(run)
            log(f"   ours with empty caches {i + 1}/2: {run.wall:.2f}s")
    if cold_runs:
        cold = median([r.wall for r in cold_runs])
        table.add("1", "full build, ours, empty caches (fresh clone, CI), median of 2",
                  f"{cold:.2f} s = {cold / plain:.2f} × plain (CPU {median([r.cpu for r in cold_runs]):.2f} s)")
    cpu_ratio = median([r.cpu for r in ours_runs]) / median([r.cpu for r in plain_runs])
    min_ratio = min(r.wall for r in ours_runs) / min(r.wall for r in plain_runs)
    table.add("1", "ratio ours / plain (CPU time, medians; fastest runs, wall)",
              f"{cpu_ratio:.2f} × ; {min_ratio:.2f} × (less sensitive to other load)")
    table.add("3", "peak memory of our build (ru_maxrss, max of runs)",
              f"{max(r.rss for r in ours_runs) / 2**20:.0f} MiB")
    table.add("3", "peak memory of the plain build (ru_maxrss, max of runs)",
              f"{max(r.rss for r in plain_runs) / 2**20:.0f} MiB")
    files = [p for p in out.rglob("*") if p.is_file()]
    gz = [p for p in files if p.suffix == ".gz"]
    table.add("1", "the site to upload: site/ (both languages)",
              f"{len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB "
              f"(of which {len(gz)} .gz files, {sum(p.stat().st_size for p in gz) / 2**20:.1f} MiB)")
    return out


# --- 2. Rebuild under `make serve` ------------------------------------------------------

def rebuild_child(project: Path, out_json: Path, reps: int) -> None:
    """In this process: serve.py's builder (both languages in-process), then edits."""
    logging_setup()
    sys.path.insert(0, str(project / "scripts"))
    import build as project_build

    site = Path(tempfile.mkdtemp(prefix="bench-preview-"))

    def builder() -> None:  # as scripts/serve.py's builder
        staging = Path(tempfile.mkdtemp(prefix="bench-staging-"))
        project_build.build_preview(staging)
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in staging.iterdir():
            shutil.move(str(child), site / child.name)
        shutil.rmtree(staging, ignore_errors=True)

    result: dict[str, object] = {}
    started = time.perf_counter()
    builder()
    result["first"] = time.perf_counter() - started
    page = project / "docs" / "zh" / "2024" / "measures.md"
    data = project / "docs" / "data" / "2024.yml"
    probe = site / "2024" / "measures" / "index.html"
    for kind, path, addition in (("page", page, "\n\n编辑测试{n}。\n"), ("data", data, "\n# bench edit {n}\n")):
        original = path.read_text(encoding="utf-8")
        times = []
        try:
            for n in range(reps):
                path.write_text(original + addition.format(n=n), encoding="utf-8")
                started = time.perf_counter()
                builder()
                times.append(time.perf_counter() - started)
                if kind == "page" and f"编辑测试{n}" not in probe.read_text(encoding="utf-8"):
                    raise RuntimeError("the edited page was not rebuilt")
        finally:
            path.write_text(original, encoding="utf-8")
        result[kind] = times
    result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    shutil.rmtree(site, ignore_errors=True)
    out_json.write_text(json.dumps(result), encoding="utf-8")


def bench_rebuild(table: Table, work: Path, project: Path, reps: int) -> None:
    log("2: rebuild under make serve (in-process, both languages, after editing a page / the data file)")
    copy = snapshot_of(project, work / "rebuild-project")
    out_json = work / "rebuild.json"
    run = run_child([PY, __file__, "--_rebuild", str(copy), str(out_json), str(reps)], work / "rebuild.log")
    if run.rc != 0:
        table.skip("2", "rebuild", f"failed: {run.tail(3)}")
        return
    result = json.loads(out_json.read_text())
    table.data["rebuild"] = result
    table.add("2", "serve: first build in a fresh process (both languages, no .gz)", f"{result['first']:.2f} s")
    table.add("2", f"serve: rebuild after editing a page (median of {reps})", f"{median(result['page']):.2f} s")
    table.add("2", f"serve: rebuild after editing docs/data/2024.yml (median of {reps})", f"{median(result['data']):.2f} s")
    table.add("3", f"peak memory of the serve process after {1 + 2 * reps} builds", f"{result['rss'] / 2**20:.0f} MiB")


def snapshot_of(project: Path, dest: Path) -> Path:
    shutil.copytree(project, dest, symlinks=True)
    return dest


# --- 4, 5, 7. Browser figures -----------------------------------------------------------------

LOG_FORMAT = "log_format bench '$request_uri $status $body_bytes_sent $bytes_sent $sent_http_content_type';"


def project_nginx_conf(template: Path, prefix: Path, site: Path, port: int) -> str | None:
    """deploy/nginx.conf with this machine's paths and port (as tests/test_nginx.py does), or None."""
    if not template.exists():
        return None
    text = template.read_text(encoding="utf-8")
    temp_paths = "".join(f"    {name}_temp_path {prefix}/tmp/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    for pattern, replacement in (
            (r"^user www-data;$", "user root;" if os.geteuid() == 0 else ""),
            (r"^pid .*;$", f"pid {prefix}/nginx.pid;"),
            (r"^error_log /var/log/nginx/error\.log", f"error_log {prefix}/error.log"),
            (r"^(\s*)access_log /var/log/nginx/access\.log;", rf"\1{LOG_FORMAT}\n\1access_log {prefix}/access.log bench;"),
            (r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};"),
            (r"^\s*listen \[::\]:80;.*\n", ""),
            (r"^(\s*)root /srv/nicheng-report/site;", rf"\1root {site};"),
            (r"^http \{\n", "http {\n" + temp_paths)):
        text, count = re.subn(pattern, lambda m, r=replacement: m.expand(r), text, count=1, flags=re.M)
        if count != 1:
            return None
    return text


@contextlib.contextmanager
def nginx(site: Path, work: Path, template: Path, name: str = "nginx"):
    """The project's deploy/nginx.conf (gzip_static + gzip) on a free loopback port; a minimal
    gzip config if that file is missing or no longer has the lines substituted."""
    prefix = work / name
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = project_nginx_conf(template, prefix, site, port)
    which = "deploy/nginx.conf"
    if conf is None:
        which = "a minimal gzip config"
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf = f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    {LOG_FORMAT}
    access_log {prefix}/access.log bench;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    sendfile on;
    gzip on;
    gzip_static on;
    gzip_vary on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types text/css application/javascript application/json image/svg+xml text/xml application/xml text/csv text/plain;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        index index.html;
        error_page 404 /404.html;
    }}
}}
"""
    (prefix / "nginx.conf").write_text(conf, encoding="utf-8")
    with open(prefix / "stderr.log", "wb") as stderr:
        proc = subprocess.Popen(["/usr/sbin/nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                                 "-e", str(prefix / "error.log"), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: " + (prefix / "stderr.log").read_text())
                time.sleep(0.05)
        log(f"   nginx on port {port} with {which}")
        yield f"http://127.0.0.1:{port}/", prefix / "access.log", which
    finally:
        proc.terminate()  # SIGTERM to this master: nginx's fast shutdown, its workers included
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


BENCH_JS = """
window.__bench = {key: null, res: null};
document.addEventListener('keydown', (e) => {
  if (e.key === 'End') { window.__bench.key = performance.now(); window.__bench.res = null; }
}, true);
new MutationObserver(() => {
  const b = window.__bench;
  if (b.key !== null && b.res === null && document.querySelector('.md-search-result__item')) {
    b.res = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""
INPUT = "input.md-search__input"


def search_times(browser, base: str, prefix: str, query: str, *, cold_reps: int, warm_reps: int) -> dict:
    cold: list[float] = []
    warm: list[float] = []
    counts: list[int] = []
    for i in range(cold_reps):
        # bypass_csp: Playwright's wait_for_function evaluates strings, which the site's CSP forbids.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.add_init_script(BENCH_JS)
        held = []
        page.route("**/search/search_index.json", lambda route: held.append(route))
        page.goto(base + prefix, wait_until="load")
        page.click(INPUT)  # site.js lets the page request the index only now
        deadline = time.monotonic() + 10
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(10)
        if not held:
            raise RuntimeError("focusing the search box did not request search/search_index.json")
        page.fill(INPUT, query)
        page.keyboard.press("End")
        held[0].continue_()          # the index arrives only now: cold
        page.wait_for_function("window.__bench.res !== null", timeout=30000)
        cold.append(page.evaluate("window.__bench.res - window.__bench.key"))
        if i == cold_reps - 1:
            for _ in range(warm_reps):
                page.fill(INPUT, "")
                page.keyboard.press("End")
                page.wait_for_function("!document.querySelector('.md-search-result__item')", timeout=10000)
                page.fill(INPUT, query)
                page.keyboard.press("End")
                page.wait_for_function("window.__bench.res !== null", timeout=10000)
                warm.append(page.evaluate("window.__bench.res - window.__bench.key"))
                counts.append(page.locator(".md-search-result__item").count())
        context.close()
    return {"cold": cold, "warm": warm, "results": counts}


def transfer(browser, base: str, access_log: Path, path: str) -> dict:
    """One first visit (empty cache): bytes nginx sent, by kind of resource."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    offset = access_log.stat().st_size if access_log.exists() else 0
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    time.sleep(0.1)
    with open(access_log, "rb") as f:
        f.seek(offset)
        lines = f.read().decode("utf-8", "replace").splitlines()
    kinds: dict[str, int] = collections.Counter()
    total = headers = requests = 0
    for line in lines:
        parts = line.split(" ")
        if len(parts) < 4:
            continue
        uri, status, body, sent = parts[0], parts[1], int(parts[2]), int(parts[3])
        ext = uri.split("?")[0].rsplit(".", 1)[-1] if "." in uri.rsplit("/", 1)[-1] else "html"
        kind = {"js": "JS", "css": "CSS", "json": "search index", "svg": "images", "png": "images",
                "woff2": "fonts", "html": "HTML"}.get(ext, ext)
        kinds[kind] += body
        total += body
        headers += sent - body
        requests += 1
    return {"body": total, "headers": headers, "requests": requests, "kinds": dict(kinds)}


def ensure_lighthouse() -> Path | None:
    cli = ROOT / ".bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
    installed = cli.parent.parent / "package.json"
    if cli.exists() and json.loads(installed.read_text(encoding="utf-8")).get("version") == LIGHTHOUSE.split("@")[1]:
        return cli
    if not shutil.which("npm"):
        return None
    log(f"   installing {LIGHTHOUSE} into .bench/ (once)")
    result = subprocess.run(["npm", "install", "--prefix", str(ROOT / ".bench"), "--no-save", "--no-audit",
                             "--no-fund", "--loglevel=error", LIGHTHOUSE], capture_output=True, text=True)
    if result.returncode != 0 or not cli.exists():
        log("   npm install failed: " + result.stderr[-500:])
        return None
    return cli


def lighthouse(cli: Path, url: str, work: Path) -> dict | None:
    """Lighthouse's default (mobile) config: scores, metrics, and the audits that cost points."""
    out = work / ("lh-" + hashlib.sha1(url.encode()).hexdigest()[:8] + ".json")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
           "--only-categories=performance,accessibility,best-practices,seo",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
    except subprocess.TimeoutExpired:
        log("   lighthouse timed out")
        return None
    if result.returncode != 0 or not out.exists():
        log("   lighthouse failed: " + result.stderr[-500:])
        return None
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {key: round(100 * (cat["score"] or 0)) for key, cat in report["categories"].items()}
    failing = {key: sorted(ref["id"] for ref in cat["auditRefs"]
                           if ref.get("weight") and audits[ref["id"]].get("score") is not None
                           and audits[ref["id"]]["score"] < 1)
               for key, cat in report["categories"].items()}
    metrics = {name: audits[name].get("displayValue", "") for name in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    return {"scores": scores, "failing": failing, "metrics": metrics,
            "benchmark_index": report.get("environment", {}).get("benchmarkIndex")}


def bench_browser(table: Table, work: Path, site: Path, project: Path, *, run_search: bool, run_lighthouse: bool,
                  cold_reps: int, warm_reps: int) -> None:
    for label, index in (("zh", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        raw = index.read_bytes()
        table.add("4", f"search index {label}: {index.relative_to(site)} (fetched when a reader starts to search)",
                  f"{len(raw) / 1024:.1f} KB raw, {len(gzip.compress(raw, 9)) / 1024:.1f} KB gzip")
    if not run_search:
        return
    if not Path(CHROMIUM).exists() or not Path("/usr/sbin/nginx").exists():
        table.skip("4", "browser figures", "needs /usr/bin/chromium and /usr/sbin/nginx")
        return
    from playwright.sync_api import sync_playwright

    with nginx(site, work, project / "deploy" / "nginx.conf") as (base, access_log, which), \
            sync_playwright() as playwright:
        table.notes.append(f"Browser figures: the site served by nginx with {which}.")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            log("4: search in Chromium (keystroke to first result)")
            for lang, prefix, query in SEARCHES:
                times = search_times(browser, base, prefix, query, cold_reps=cold_reps, warm_reps=warm_reps)
                table.data[f"search_{lang}"] = times
                table.add("4", f"search {lang} “{query}”, cold (fresh page; index fetched on focus, held back until typed), median of {cold_reps}",
                          f"{median(times['cold']):.0f} ms")
                table.add("4", f"search {lang} “{query}”, warm (same page), median of {warm_reps}",
                          f"{median(times['warm']):.0f} ms (max {max(times['warm']):.0f}; {times['results'][-1]} results)",
                          f"≤ {BUDGET_SEARCH_WARM_MS} ms", median(times["warm"]) <= BUDGET_SEARCH_WARM_MS)
            log("5: first-visit transfer (nginx, gzip)")
            for path in TRANSFER_PAGES:
                if not (site / path / "index.html").exists():
                    continue
                sizes = transfer(browser, base, access_log, path)
                table.data[f"transfer_/{path}"] = sizes
                detail = ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(sizes["kinds"].items(), key=lambda kv: -kv[1]))
                kb = sizes["body"] / 1024
                table.add("5", f"first visit /{path}: {sizes['requests']} requests",
                          f"{kb:.1f} KB ({sizes['body']:,} B) gzip bodies (+{sizes['headers'] / 1024:.1f} KB headers; {detail})",
                          f"≤ {BUDGET_TRANSFER_KB} KB", kb <= BUDGET_TRANSFER_KB)
            plain = work / "plain" / "site"
            if (plain / "section-1" / "index.html").exists():
                # For comparison: the plain Material site, precompressed like ours, same first visit.
                precompress_plain(plain)
                with nginx(plain, work, Path("/nonexistent"), "nginx-plain") as (plain_base, plain_log, _):
                    sizes = transfer(browser, plain_base, plain_log, "section-1/")
                detail = ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(sizes["kinds"].items(), key=lambda kv: -kv[1]))
                table.add("5", f"for comparison: plain Material site, first visit /section-1/: {sizes['requests']} requests",
                          f"{sizes['body'] / 1024:.1f} KB gzip bodies ({detail})")
        finally:
            browser.close()
        if run_lighthouse:
            log("7: Lighthouse (mobile, default config)")
            cli = ensure_lighthouse()
            if cli is None:
                table.skip("7", "Lighthouse", f"npm could not install {LIGHTHOUSE}")
                return
            for path in LIGHTHOUSE_PAGES:
                lh = lighthouse(cli, base + path, work)
                if lh is None:
                    table.skip("7", f"Lighthouse /{path}", "run failed")
                    continue
                table.data[f"lighthouse_/{path}"] = lh
                scores = lh["scores"]
                ok = all(scores.get(k, 0) >= v for k, v in BUDGET_LH.items())
                value = " / ".join(str(scores.get(k, "?")) for k in BUDGET_LH)
                m = lh["metrics"]
                value += (f" (FCP {m['first-contentful-paint']}, LCP {m['largest-contentful-paint']}, "
                          f"TBT {m['total-blocking-time']}, CLS {m['cumulative-layout-shift']}; "
                          f"benchmarkIndex {lh['benchmark_index']:.0f})")
                lost = [f"{k}: {', '.join(v)}" for k, v in lh["failing"].items()
                        if v and scores.get(k, 0) < BUDGET_LH.get(k, 0)]
                if lost:
                    value += "; points lost in " + "; ".join(lost)
                table.add("7", f"Lighthouse /{path} perf / a11y / best practices / SEO", value,
                          "≥ 98 / 100 / 100 / 100", ok)
            plain = work / "plain" / "site"
            if (plain / "section-1" / "index.html").exists():
                # For comparison: the same audit of the plain Material site on this machine, now.
                with nginx(plain, work, Path("/nonexistent"), "nginx-plain-lh") as (plain_base, _, _):
                    lh = lighthouse(cli, plain_base + "section-1/", work)
                if lh is not None:
                    m = lh["metrics"]
                    table.add("7", "for comparison: Lighthouse of the plain Material site, /section-1/",
                              " / ".join(str(lh["scores"].get(k, "?")) for k in BUDGET_LH)
                              + f" (FCP {m['first-contentful-paint']}, LCP {m['largest-contentful-paint']}, "
                                f"TBT {m['total-blocking-time']}; benchmarkIndex {lh['benchmark_index']:.0f})")


# --- 6. Scale -----------------------------------------------------------------------------------

def add_years(project: Path, years: list[int]) -> int:
    """Copy the 2024 report to each of `years` (pages, data, nav); return the number of pages."""
    data = (project / "docs" / "data" / "2024.yml").read_text(encoding="utf-8")
    for year in years:
        for lang in ("zh", "en"):
            shutil.copytree(project / "docs" / lang / "2024", project / "docs" / lang / str(year))
        text, count = re.subn(r"^(report:\n(?:  .*\n)*?  year: )2024$", rf"\g<1>{year}", data, count=1, flags=re.MULTILINE)
        if count != 1:
            raise RuntimeError("docs/data/2024.yml: report.year not found")
        (project / "docs" / "data" / f"{year}.yml").write_text(text, encoding="utf-8")
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        path = project / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if re.match(r"^\s+- [^:]*2024[^:]*:\s*$", line))
        indent = len(lines[start]) - len(lines[start].lstrip())
        end = start + 1
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1
        block = lines[start:end]
        extra = [line.replace("2024", str(year)) for year in years for line in block]
        path.write_text("".join(lines[:end] + extra + lines[end:]), encoding="utf-8")
    return sum(1 for lang in ("zh", "en") for _ in (project / "docs" / lang).rglob("*.md"))


def bench_scale(table: Table, work: Path, project: Path, sizes: tuple[int, ...], reps: int) -> None:
    per_page: dict[int, float] = {}
    totals: dict[int, tuple[float, int]] = {}
    for n in sizes:
        copy = snapshot_of(project, work / f"scale-{n}")
        pages = add_years(copy, [2024 - k for k in range(1, n)])
        times = []
        for i in range(reps if n < 20 else max(1, reps - 1)):
            run = run_child(our_build_cmd(copy, work / f"scale-{n}-out" / "site"), work / f"scale-{n}-{i}.log")
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
        table.add("6", f"per-page time, {top} years / 1 year", f"{ratio:.2f} ×", f"≤ {BUDGET_SCALE} ×", ratio <= BUDGET_SCALE)
        (t1, p1), (tn, pn) = totals[1], totals[top]
        table.add("6", f"marginal time per added page (1 → {top} years)", f"{(tn - t1) / (pn - p1) * 1000:.0f} ms")


# --- 9. Where the build spends its time ------------------------------------------------------------

def logging_setup() -> None:
    import logging
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)


def stages_child(project: Path, out_json: Path) -> None:
    """One build of both languages as scripts/build.py does it, timed by stage (inclusive times)."""
    t0 = time.perf_counter()
    logging_setup()
    timers: dict[str, float] = collections.defaultdict(float)
    counts: dict[str, int] = collections.Counter()

    def wrap(owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timers[label] += time.perf_counter() - started
                counts[label] += 1
        setattr(owner, name, timed)

    @contextlib.contextmanager
    def stage(label: str):
        started = time.perf_counter()
        yield
        timers[label] += time.perf_counter() - started
        counts[label] += 1

    with stage("import mkdocs, jinja2, markdown"):
        import jinja2
        import mkdocs.commands.build as mk_build
        import mkdocs.structure.files as mk_files
    with stage("import jieba (with pkg_resources)"):
        import jieba
    sys.path.insert(0, str(project / "scripts"))
    with stage("import scripts/build.py"):
        import build as project_build
    wrap(jieba.Tokenizer, "initialize", "jieba: load dictionary (once per process)")
    wrap(jinja2.Environment, "compile", "Jinja: compile templates")
    wrap(mk_build, "_populate_page", "pages: Markdown → HTML (with page hooks)")
    wrap(mk_build, "_build_page", "pages: render templates, write")
    wrap(mk_build, "_build_theme_template", "theme templates (404, sitemap)")
    wrap(mk_files.Files, "add_files_from_theme", "theme: walk Material's 14k template files")
    wrap(mk_files.Files, "copy_static_files", "theme: copy assets")
    wrap(mk_files, "get_files", "docs: list files")

    def wrap_events(config) -> None:
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                owner = getattr(method, "__self__", None)
                who = type(owner).__name__ if owner is not None else getattr(method, "__module__", "?")
                label = f"event {event}: {who}"

                def timed(*args, _m=method, _label=label, **kwargs):
                    started = time.perf_counter()
                    try:
                        return _m(*args, **kwargs)
                    finally:
                        timers[_label] += time.perf_counter() - started
                        counts[_label] += 1
                methods[i] = timed

    # scripts/build.py's own build_all, in this process (BUILD_SERIAL: the languages one after the
    # other, as `make serve` builds them), with timers around its steps.
    os.environ["BUILD_SERIAL"] = "1"
    import mkdocs.config as mk_config
    languages = {str(config_file): lang for lang, config_file, _ in project_build.CONFIGS}
    original_load_config, original_build = mk_config.load_config, mk_build.build

    def timed_load_config(*args, **kwargs):
        lang = languages.get(str(kwargs.get("config_file")), "?")
        started = time.perf_counter()
        config = original_load_config(*args, **kwargs)
        timers[f"{lang}: load config (plugins, hooks import)"] += time.perf_counter() - started
        counts[f"{lang}: load config (plugins, hooks import)"] += 1
        config.extra["_bench_lang"] = lang
        wrap_events(config)
        return config

    def timed_build(config, *args, **kwargs):
        label = f"{config.extra.get('_bench_lang', '?')}: mkdocs build()"
        started = time.perf_counter()
        try:
            return original_build(config, *args, **kwargs)
        finally:
            timers[label] += time.perf_counter() - started
            counts[label] += 1

    mk_config.load_config, mk_build.build = timed_load_config, timed_build
    for name, label in (("build_languages", "both languages (serial)"), ("fix_english_404", "fix_english_404"),
                        ("write_sitemap", "write_sitemap"), ("precompress", "precompress (.gz, level 9)")):
        if hasattr(project_build, name):
            wrap(project_build, name, label)
    work = Path(tempfile.mkdtemp(prefix="bench-stages-"))
    try:
        with stage("build_all (scripts/build.py)"):
            project_build.build_all(work / "site")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - t0
    out_json.write_text(json.dumps({"total_in_process": total, "timers": timers, "counts": counts}), encoding="utf-8")


def import_times(work: Path) -> dict[str, float]:
    """python -X importtime: cumulative import time (s) of a few modules, in a fresh process."""
    result = subprocess.run([PY, "-X", "importtime", "-c", "import jieba, mkdocs.commands.build"],
                            capture_output=True, text=True)
    found: dict[str, float] = {}
    for line in result.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+(\S+)$", line.rstrip())
        if m and m.group(2) in ("pkg_resources", "jieba", "mkdocs.commands.build"):
            found[m.group(2)] = int(m.group(1)) / 1e6
    return found


def bench_stages(table: Table, work: Path, project: Path) -> list[tuple[str, float, int]]:
    log("9: where the build spends its time (one instrumented in-process build)")
    out_json = work / "stages.json"
    start = run_child([PY, "-c", "pass"], work / "python-start.log")
    run = run_child([PY, __file__, "--_stages", str(project), str(out_json)], work / "stages.log")
    if run.rc != 0:
        table.notes.append("stage timing failed: " + run.tail(5))
        return []
    result = json.loads(out_json.read_text())
    rows = [("process wall time (python start-up to exit)", run.wall, 1),
            ("python start-up (python -c pass)", start.wall, 1)]
    for label, seconds in result["timers"].items():
        rows.append((label, seconds, result["counts"][label]))
    for name, seconds in import_times(work).items():
        rows.append((f"(-X importtime) import {name}", seconds, 1))
    table.data["stages"] = rows
    return rows


def print_stages(rows: list[tuple[str, float, int]]) -> None:
    if not rows:
        return
    print("\nWhere our build spends its time: scripts/build.py's build_all in one process, the languages one after "
          "the other (BUILD_SERIAL=1, as under make serve). Inclusive: a line contains the lines it calls; "
          "events are hooks/plugins.\n")
    print("| stage | seconds | calls |\n|---|---:|---:|")
    order = sorted(rows[2:], key=lambda r: -r[1])
    for label, seconds, calls in rows[:2] + order:
        if seconds >= 0.005:
            print(f"| {label} | {seconds:.3f} | {calls} |")


# --- 9b. Experiments: the build with empty and full caches, on one core and two ----------------

def precompress_plain(folder: Path) -> None:
    """.gz beside the plain site's text files, as scripts/build.py writes ours (level 9, no
    time, no name), for a like-for-like first visit. Not build.py's own precompress: that
    keeps its results in our project's cache and drops the entries a build did not use."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".css", ".js", ".json", ".xml", ".svg"}:
            raw = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
                gz.write(path.read_bytes())
            path.with_name(path.name + ".gz").write_bytes(raw.getvalue())


def variant_child(name: str, project: Path, out: Path) -> None:
    """Build like scripts/build.py, in a variant (see EXPERIMENTS)."""
    logging_setup()
    sys.path.insert(0, str(project / "scripts"))
    names = set(name.split("+"))
    if "serial" in names:
        os.environ["BUILD_SERIAL"] = "1"  # scripts/build.py: the languages one after the other
    if "cold" in names:  # empty build caches, as on a fresh clone or in CI
        os.environ["SITE_CACHE"] = tempfile.mkdtemp(prefix="bench-cold-cache-")
    import build as project_build

    try:
        code = project_build.main(["--out", str(out)])
    finally:
        if "cold" in names:
            shutil.rmtree(os.environ["SITE_CACHE"], ignore_errors=True)
    sys.exit(code)


# warm: scripts/build.py as it is, its caches (.cache/) filled by the builds before; cold: with
# empty caches (SITE_CACHE in a new folder), as a fresh clone or CI builds; serial: BUILD_SERIAL=1,
# the languages one after the other, which is what a full build costs when no second core is free;
# plain: the plain Material site, for the ratio.
EXPERIMENTS = ("warm", "cold", "serial", "serial+cold", "plain")


def bench_experiments(table: Table, work: Path, project: Path, reps: int) -> None:
    """The build with and without its caches, with one core or two, against the plain site."""
    lines: list[str] = []
    log(f"9b: full-build variants, {reps} alternated runs each")
    times: dict[str, list[float]] = {name: [] for name in EXPERIMENTS}
    cpu: dict[str, list[float]] = {name: [] for name in EXPERIMENTS}
    for i in range(reps):
        for name in EXPERIMENTS if i % 2 == 0 else EXPERIMENTS[::-1]:
            out = work / f"exp-{name}" / "site"
            out.parent.mkdir(parents=True, exist_ok=True)
            cmd = (plain_build_cmd(work / "plain" / "mkdocs.yml") if name == "plain"
                   else [PY, __file__, "--_variant", name, str(project), str(out)])
            run = run_child(cmd, work / f"exp-{name}-{i}.log")
            if run.rc != 0:
                log(f"   {name} failed: {run.tail(5)}")
                continue
            times[name].append(run.wall)
            cpu[name].append(run.cpu)
    base, base_cpu, base_min = median(times["warm"]), median(cpu["warm"]), min(times["warm"], default=float("nan"))
    plain, plain_min = median(times["plain"]), min(times["plain"], default=float("nan"))
    lines += ["", f"full build variants (fresh process each, {reps} alternated runs; median, and the fastest run,",
              "which other load disturbs least)", "",
              "| variant | wall s (median) | vs warm | × plain | CPU s (median) | CPU vs warm | wall s (fastest) | × plain (fastest) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in EXPERIMENTS:
        m, c, f = median(times[name]), median(cpu[name]), min(times[name], default=float("nan"))
        lines.append(f"| {name} | {m:.2f} | {m - base:+.2f} s | {m / plain:.2f} "
                     f"| {c:.2f} | {c - base_cpu:+.2f} s | {f:.2f} | {f / plain_min:.2f} |")
    table.data["experiments"] = {"wall": times, "cpu": cpu}
    table.sections.append("\n".join(lines))


def machine() -> list[tuple[str, str]]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} missing")

    def tool(cmd: list[str]) -> str:
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
            return (result.stdout or result.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "missing"

    return [
        ("CPU", cpu),
        ("cores", f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)"),
        ("memory", mem),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
        ("chromium", tool([CHROMIUM, "--version"])),
        ("nginx", tool(["/usr/sbin/nginx", "-v"])),
        ("node", tool(["node", "--version"])),
    ]


class LoadSampler:
    """The 1-minute load average every 5 s, to tell a quiet machine from a busy one."""

    def __init__(self) -> None:
        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(5):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])


# --- Main --------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="alternated builds of each site (default 5)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, scale up to 5 years, no Lighthouse")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium and Lighthouse figures")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1/5/20-year scale builds")
    parser.add_argument("--experiments", action="store_true", help="also measure candidate build changes (slow)")
    parser.add_argument("--json", type=Path, help="also write every raw figure to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the official Chinese text")
    args = parser.parse_args(argv)
    globals()["SOURCE"] = args.source
    reps = 2 if args.quick and args.reps == 5 else args.reps
    scale_sizes = (1, 5) if args.quick else (1, 5, 20)
    rebuild_reps = 2 if args.quick else 3
    cold_reps, warm_reps = (2, 3) if args.quick else (3, 5)
    run_lh = not (args.quick or args.no_lighthouse or args.no_browser)

    if not SOURCE.exists():
        print(f"The official text is missing: {SOURCE} (use --source)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    load = LoadSampler()
    if load.samples[0] > (os.cpu_count() or 1):
        log(f"warning: load average {load.samples[0]:.1f} on {os.cpu_count()} cores: other work will slow the figures")
    work = Path(tempfile.mkdtemp(prefix="nicheng-bench-"))
    table = Table()
    stages: list[tuple[str, float, int]] = []
    try:
        project = snapshot(work / "project")
        log(f"snapshot of the project in {project}")
        site = bench_builds(table, work, project, reps)
        if site is None:
            return 1
        bench_rebuild(table, work, project, rebuild_reps)
        bench_browser(table, work, site, project, run_search=not args.no_browser, run_lighthouse=run_lh,
                      cold_reps=cold_reps, warm_reps=warm_reps)
        if not args.no_scale:
            bench_scale(table, work, project, scale_sizes, 2)
        stages = bench_stages(table, work, project)
        if args.experiments:
            bench_experiments(table, work, project, max(3, reps))
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    load.stop()

    print(f"\n## make bench — {time.strftime('%Y-%m-%d %H:%M')}, {elapsed / 60:.1f} min\n")
    for key, value in machine():
        print(f"- {key}: {value}")
    print(f"- load average (1 min) during the run: {load.samples[0]:.1f} at start, {max(load.samples):.1f} at most, "
          f"{load.samples[-1]:.1f} at end (above {os.cpu_count()} means other processes competed for the cores)")
    scale_text = " and ".join(f"{n} ({'1 build' if n >= 20 else '2 builds'})" for n in scale_sizes)
    print(f"\nRepetitions: {reps} alternated builds of each site (after one warm-up each), "
          f"{rebuild_reps} rebuilds per edit, {cold_reps} cold and {warm_reps} warm searches per language, "
          + ("no scale builds" if args.no_scale else f"scale builds of {scale_text} years")
          + ("; --quick: fewer repetitions, no 20-year scale" if args.quick else "")
          + ("" if run_lh else "; Lighthouse not run")
          + (f"; experiments: {max(3, reps)} alternated runs of each variant" if args.experiments else "") + ".\n")
    print(table.markdown())
    print("\nKB = 1024 bytes. Times in section 1 and 6 include Python start-up; section 2 is in-process.")
    print_stages(stages)
    for section in table.sections:
        print(section)
    for note in table.notes:
        print("\n" + note)
    failed = sum(1 for row in table.rows if row[4] == "FAIL")
    print(f"\n{sum(1 for row in table.rows if row[4] == 'PASS')} within budget, {failed} over budget.")
    if args.json:
        args.json.write_text(json.dumps({"rows": table.rows, "data": table.data, "machine": machine(),
                                         "elapsed": elapsed}, ensure_ascii=False, indent=1, default=str),
                             encoding="utf-8")
    return 0  # a report, not a test: budgets over are shown as FAIL, not as an exit code


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_rebuild":
        rebuild_child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--_stages":
        stages_child(Path(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--_variant":
        variant_child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        sys.exit(main())
