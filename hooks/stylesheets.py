"""The site's own stylesheets, published as one fingerprinted file.

mkdocs.yml lists them under extra_css, one concern a file (layout, reading
aids, accessibility fixes, print). Published as they are, each would be one
more request that blocks the first paint of every first visit. This joins
them, in the order listed and without comments, into
assets/stylesheets/site.<hash>.min.css: one request, and a name that changes
with the content, so deploy/nginx.conf can cache it for a year. The separate
files are not published.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

FOLDER = "assets/stylesheets/"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)

# Per build (the hook module lives across builds under `mkdocs serve`).
_bundle: dict[str, object] = {}


def joined(sources: list[tuple[str, str]]) -> str:
    """The stylesheets in order, comments and indentation removed; one line names each source."""
    parts = []
    for name, text in sources:
        lines = (line.strip() for line in COMMENT.sub("", text).splitlines())
        parts.append(f"/* {name} */\n" + "\n".join(line for line in lines if line))
    return "\n".join(parts) + "\n"


def on_config(config: MkDocsConfig) -> None:
    _bundle.clear()
    theme_dir = Path(config.theme.custom_dir or Path(config.config_file_path).parent / "overrides")
    listed = [str(entry) for entry in config.extra_css]
    ours = [entry for entry in listed if entry.startswith(FOLDER) and (theme_dir / entry).is_file()]
    if not ours:
        return None
    missing = [entry for entry in listed if entry.startswith(FOLDER) and entry not in ours
               and not (Path(config.docs_dir) / entry).is_file()]
    if missing:
        raise PluginError(f"mkdocs.yml, extra_css: {', '.join(missing)} not found in overrides/{FOLDER}. "
                          "Fix: correct the file name, or remove the line / 修改：改正文件名或删除该行。")
    text = joined([(entry, (theme_dir / entry).read_text(encoding="utf-8")) for entry in ours])
    name = f"{FOLDER}site.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.css"
    config.extra_css = [name if entry == ours[0] else entry for entry in listed if entry not in ours[1:]]
    _bundle.update(name=name, text=text, sources=ours)
    return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    if not _bundle:
        return None
    for source in _bundle["sources"]:  # type: ignore[union-attr]
        published = files.get_file_from_path(source)
        if published is not None:
            files.remove(published)
    files.append(File.generated(config, str(_bundle["name"]), content=str(_bundle["text"])))
    return files
