"""`make bench` (python -m nicheng_report bench): the site's build, search, size and
Lighthouse figures against their budgets, printed as Markdown. A report, not a
test: a figure over budget shows as FAIL, the exit status is 0 unless the build
(or nginx's set-up) fails. Method, budgets and past figures: PERFORMANCE.md here.

    python -m nicheng_report bench [--project DIR] [--reps 5] [--quick] [--no-browser]
                                   [--no-lighthouse] [--no-scale] [--json FILE] [--keep]

Everything runs on a snapshot of the project in a temporary folder, its own
package code included (child processes get PYTHONPATH=<snapshot>/src), so edits
made while the bench runs do not disturb it. Nothing is written into the work
tree except .bench/ (git-ignored), where npm installs Lighthouse on first use.

Modules, one concern each:

    common      child processes timed by wait4, the snapshot, log lines, medians
    report      the budgets and the table of figures
    builds      1 full builds (ours and a plain Material site), 3 peak memory, 6 scale
    rebuild     2 rebuilds under `make serve` (a child process runs rebuild.py)
    sizes       4 search index sizes, the site to upload, 5 first-visit transfer (nginx)
    search      4 keystroke-to-results time in Chromium
    lighthouse  7 Lighthouse scores (npm lighthouse, Debian's Chromium)
    stages      8 where a build spends its time, from MkDocs events (timeline, hooks/)
    importing   9 `make import` of the 2024 official text: time, and recall/precision against the 2024 pages
    machine     the machine and its load during the run
    cli         options, the order of the sections, the printed report
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from nicheng_report.bench.cli import main as run

    return run(argv)
