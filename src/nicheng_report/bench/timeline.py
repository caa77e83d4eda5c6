"""The bench's clock inside a build, through MkDocs' public hooks only.

`make bench` adds two hooks to a copy of mkdocs.yml: hooks/first.py, whose
handlers run before every other handler of each event, and hooks/last.py, whose
run after all of them (event_priority far outside the ±100 that plugins use).
Each notes the time (time.monotonic(), the clock the bench starts the build
with) and the event; hooks/last.py's on_shutdown writes the marks, as JSON, to
the file that NICHENG_BENCH_TIMELINE names. The handlers return None: the site
is unchanged."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable

from mkdocs.plugins import event_priority

FIRST, LAST = 10_000, -10_000
# Every build event but page_read_source (MkDocs allows only one handler of it), serve and build_error.
EVENTS = ("startup", "config", "pre_build", "files", "nav", "pre_page", "page_markdown", "page_content", "env",
          "pre_template", "template_context", "post_template", "page_context", "post_page", "post_build",
          "shutdown")
ENVIRONMENT = "NICHENG_BENCH_TIMELINE"

MARKS: list[list] = []   # [time, event, "first" | "last", language (on config marks only)]


def _write() -> None:
    target = os.environ.get(ENVIRONMENT)
    if target:
        Path(target).write_text(json.dumps(MARKS), encoding="utf-8")


def handlers(where: str) -> dict[str, Callable]:
    """{on_EVENT: handler} for one of the two hooks: where = "first" or "last"."""

    def handler_for(event: str) -> Callable:
        @event_priority(FIRST if where == "first" else LAST)
        def handler(*args, **kwargs) -> None:
            mark = [time.monotonic(), event, where]
            if event == "config":
                mark.append(Path(args[0].docs_dir).name)  # docs/zh, docs/en: the language
            MARKS.append(mark)
            if event == "shutdown" and where == "last":
                _write()

        handler.__name__ = f"on_{event}"
        return handler

    return {f"on_{event}": handler_for(event) for event in EVENTS}
