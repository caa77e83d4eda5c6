"""extra_css published as one fingerprinted stylesheet, assets/stylesheets/site.<hash>.min.css
(nicheng_report.stylesheets); the separate files are not published."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from nicheng_report.mkdocs_adapter import root_of
from nicheng_report.stylesheets import FOLDER, bundle_name, joined


# Per build (the hook module lives across builds under `mkdocs serve`).
_bundle: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> None:
    _bundle.clear()
    theme_dir = Path(config.theme.custom_dir or root_of(config) / "overrides")
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
    name = bundle_name(text)
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
