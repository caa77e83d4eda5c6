"""The site engines a build can run on (README, "Site engines").

- mkdocs (the default): MkDocs 1.6 with Material, the hooks in hooks/.
- properdocs: the maintained fork of MkDocs 1.6; the same configs and hooks, run with
  ProperDocs' modules in place of MkDocs' (properdocs.py).
- zensical: reads mkdocs.yml but runs no hook; the Markdown stage (nicheng_report.prerender)
  writes finished Markdown and a config for it first (zensical.py).
"""

from __future__ import annotations

from importlib import metadata

ENGINES = ("mkdocs", "properdocs", "zensical")
DEFAULT = "mkdocs"
PACKAGE = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "zensical"}


class EngineMissing(RuntimeError):
    """The engine asked for is not installed in this environment."""


def engine_version(engine: str) -> str:
    """The installed version of `engine`, or EngineMissing with the command that installs it."""
    try:
        return metadata.version(PACKAGE[engine])
    except metadata.PackageNotFoundError:
        raise EngineMissing(f"{engine} is not installed. Fix: run `make build ENGINE={engine}`, which installs "
                            f"requirements/{engine}.txt. / 修改：运行 make build ENGINE={engine}（会安装该引擎）。") from None
