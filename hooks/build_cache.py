"""Where builds keep what they can reuse: .cache/ beside mkdocs.yml (git-ignored).

One rule for every cache (hooks/template_cache.py, hooks/search_terms.py and
scripts/build.py's .gz files). SITE_CACHE moves the folder: the tests build
with empty caches that way. Not a hook itself.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(root: Path) -> Path:
    """The build caches of the project whose mkdocs.yml is in `root`."""
    return Path(os.environ.get("SITE_CACHE") or root / ".cache")
