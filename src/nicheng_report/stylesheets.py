"""The site's own stylesheets, published as one fingerprinted file.

mkdocs.yml lists them under extra_css, one concern a file (layout, reading
aids, accessibility fixes, print). Published as they are, each would be one
more request that blocks the first paint of every first visit. They are joined,
in the order listed and without comments, into assets/stylesheets/site.<hash>.min.css:
one request, and a name that changes with the content, so deploy/nginx.conf can
cache it for a year (hooks/stylesheets.py publishes it instead of the parts).
"""

from __future__ import annotations

import hashlib
import re

FOLDER = "assets/stylesheets/"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def joined(sources: list[tuple[str, str]]) -> str:
    """The stylesheets in order, comments and indentation removed; one line names each source."""
    parts = []
    for name, text in sources:
        lines = (line.strip() for line in COMMENT.sub("", text).splitlines())
        parts.append(f"/* {name} */\n" + "\n".join(line for line in lines if line))
    return "\n".join(parts) + "\n"


def bundle_name(text: str) -> str:
    """The published file's path: its name changes whenever its content does."""
    return f"{FOLDER}site.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.css"
