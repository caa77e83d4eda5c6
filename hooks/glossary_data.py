"""Read docs/data/glossary.yml once per build, for the two hooks that use it.

hooks/glossary.py turns it into the glossary page and hooks/search_terms.py
teaches its terms to jieba. Not a hook itself: both import it. The parsed file
is kept while the file is unchanged (same size and modification time), so the
two hooks and every `make serve` rebuild share one parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

GLOSSARY = "docs/data/glossary.yml"
REQUIRED = ("zh", "en", "explain_zh", "explain_en", "section")
# libyaml's parser when PyYAML has it (about ten times faster); same result.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def load_glossary(root: Path) -> dict[str, Any]:
    """The glossary of the project at `root`, checked: every term has every field."""
    path = root / GLOSSARY
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if path in _parsed and _parsed[path][0] == stamp:
            return _parsed[path][1]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PluginError(f"{GLOSSARY}: cannot be read: {error}. Fix: check the indentation and quotes "
                          "/ 修改：检查缩进和引号。") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise PluginError(f"{GLOSSARY}: no list of terms. Fix: the file starts with `terms:` followed by "
                          "entries `- zh: …` / 修改：文件须有 `terms:` 列表，每条以 `- zh: …` 开始。")
    for number, term in enumerate(data["terms"], start=1):
        missing = [field for field in REQUIRED if not isinstance(term, dict) or not term.get(field)]
        if missing:
            name = term.get("zh", "?") if isinstance(term, dict) else "?"
            raise PluginError(f"{GLOSSARY}, term {number} ({name}): missing {', '.join(missing)}. "
                              f"Fix: fill in every field / 修改：补全字段 {', '.join(missing)}。")
    _parsed[path] = (stamp, data)
    return data
