"""MkDocs hook that `make bench` adds to a copy of mkdocs.yml: the time each event's handlers start."""

from nicheng_report.bench.timeline import handlers

globals().update(handlers("first"))  # on_startup, on_config ... on_shutdown: MkDocs finds them by name
