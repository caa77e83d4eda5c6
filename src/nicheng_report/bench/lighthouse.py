"""7: Lighthouse, default (mobile) config, on Debian's Chromium (CHROME_PATH).

npm installs lighthouse@13.5.0 into the project's .bench/ (git-ignored) on first
use. 13.x reads Chromium 156's traces (12.2.3 failed on some of them). It asks
for Node 22; on Node 20 the scores come out, and three unscored insights
(JavaScript duplication, legacy JavaScript, third parties) report an error."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from nicheng_report.bench.common import log
from nicheng_report.bench.report import BUDGET_LIGHTHOUSE, Table
from nicheng_report.testing import CHROMIUM

LIGHTHOUSE = "lighthouse@13.5.0"
PAGES = ("", "2024/measures/", "2024/figures/", "en/", "en/2024/measures/", "en/2024/figures/")
PLAIN_PAGE = "section-1/"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
BUDGET_TEXT = " / ".join(f"{'≥ ' if i == 0 else ''}{value}" for i, value in enumerate(BUDGET_LIGHTHOUSE.values()))


def ensure_lighthouse(root: Path) -> Path | None:
    """Lighthouse's CLI in `root`/.bench/, installed by npm when missing; None if npm cannot."""
    folder = root / ".bench"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    installed = cli.parent.parent / "package.json"
    if cli.exists() and json.loads(installed.read_text(encoding="utf-8")).get("version") == LIGHTHOUSE.split("@")[1]:
        return cli
    if not shutil.which("npm"):
        log("   npm is missing")
        return None
    log(f"   installing {LIGHTHOUSE} into {folder} (once)")
    result = subprocess.run(["npm", "install", "--prefix", str(folder), "--no-save", "--no-audit", "--no-fund",
                             "--loglevel=error", LIGHTHOUSE], capture_output=True, text=True)
    if result.returncode != 0 or not cli.exists():
        log("   npm install failed: " + result.stderr[-500:])
        return None
    return cli


def lighthouse(cli: Path, url: str, work: Path) -> dict | None:
    """Scores, metrics, and the audits that cost points; None if the run failed."""
    out = work / ("lh-" + hashlib.sha1(url.encode()).hexdigest()[:8] + ".json")
    cmd = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
           "--only-categories=performance,accessibility,best-practices,seo",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                                timeout=240)
    except subprocess.TimeoutExpired:
        log("   lighthouse timed out")
        return None
    if result.returncode != 0 or not out.exists():
        log("   lighthouse failed: " + result.stderr[-500:])
        return None
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {key: round(100 * (category["score"] or 0)) for key, category in report["categories"].items()}
    failing = {key: sorted(ref["id"] for ref in category["auditRefs"]
                           if ref.get("weight") and audits[ref["id"]].get("score") is not None
                           and audits[ref["id"]]["score"] < 1)
               for key, category in report["categories"].items()}
    metrics = {name: audits[name].get("displayValue", "") for name in METRICS}
    return {"scores": scores, "failing": failing, "metrics": metrics,
            "benchmark_index": report.get("environment", {}).get("benchmarkIndex") or float("nan")}


def _scores(result: dict) -> str:
    return " / ".join(str(result["scores"].get(key, "?")) for key in BUDGET_LIGHTHOUSE)


def bench_lighthouse(table: Table, root: Path, work: Path, base: str, plain_base: str | None) -> None:
    log("7: Lighthouse (mobile, default config)")
    cli = ensure_lighthouse(root)
    if cli is None:
        table.skip("7", "Lighthouse", f"npm could not install {LIGHTHOUSE}")
        return
    for path in PAGES:
        result = lighthouse(cli, base + path, work)
        if result is None:
            table.skip("7", f"Lighthouse /{path}", "run failed")
            continue
        table.data[f"lighthouse_/{path}"] = result
        scores, metrics = result["scores"], result["metrics"]
        value = (f"{_scores(result)} (FCP {metrics['first-contentful-paint']}, "
                 f"LCP {metrics['largest-contentful-paint']}, TBT {metrics['total-blocking-time']}, "
                 f"CLS {metrics['cumulative-layout-shift']}; benchmarkIndex {result['benchmark_index']:.0f})")
        lost = [f"{key}: {', '.join(audits)}" for key, audits in result["failing"].items()
                if audits and scores.get(key, 0) < BUDGET_LIGHTHOUSE.get(key, 0)]
        if lost:
            value += "; points lost in " + "; ".join(lost)
        table.add("7", f"Lighthouse /{path} perf / a11y / best practices / SEO", value, BUDGET_TEXT,
                  all(scores.get(key, 0) >= limit for key, limit in BUDGET_LIGHTHOUSE.items()))
    if plain_base is not None:  # the same audit of the plain Material site, on this machine, now
        result = lighthouse(cli, plain_base + PLAIN_PAGE, work)
        if result is not None:
            metrics = result["metrics"]
            table.add("7", f"for comparison: Lighthouse of the plain Material site, /{PLAIN_PAGE}",
                      f"{_scores(result)} (FCP {metrics['first-contentful-paint']}, "
                      f"LCP {metrics['largest-contentful-paint']}, TBT {metrics['total-blocking-time']}; "
                      f"benchmarkIndex {result['benchmark_index']:.0f})")
