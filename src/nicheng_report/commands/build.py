"""Build every language into staging folders; replace site/ only on success.

    python -m nicheng_report build [--project DIR] [--out DIR] [--engine mkdocs|properdocs|zensical]
                                                                  (make build [ENGINE=…])

The Chinese site is built at the root, the English one under en/ and the 繁體 one under zh-hant/. A failed
build (any warning: the configs are strict) leaves the previous site/ exactly
as it was. Text files are also written precompressed (.gz) for gzip_static.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from nicheng_report.engines import DEFAULT, ENGINES, EngineMissing, engine_version
from nicheng_report.languages import LANGUAGES, ORIGINAL
from nicheng_report.paths import cache_folder
from nicheng_report.publish import (claim_staging, publishable_modes, release_staging, remove_abandoned_staging,
                                    swap)
from nicheng_report.site_files import fix_translations_404, precompress, write_sitemap

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings (with their explanations for staff), to repeat them if the build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname:<7} -  {record.getMessage()}")


COLLECTED = _Collect()
# The other languages' warnings and errors, sent back from their forked builds: shown once, by
# main(), leaving out those the first language printed already (a mistake in a data file
# every language reads is printed once, not once per language).
SECOND: list[str] = []


def _quiet_console() -> None:
    """In the forked build: no warning or error on the console (they go back to the parent)."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(lambda record: record.levelno < logging.WARNING)


def build_language(config_file: Path, site_dir: Path, *, dirty: bool = False) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def source_date_epoch(root: Path) -> None:
    """Dates from the last commit, not the clock, so two builds of a commit are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                               text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def warm_up(root: Path) -> None:
    """Import once, before the two builds fork: both then start warm.

    jieba's dictionary is loaded here only when the search-terms hook has no
    cuts kept yet (a first build): otherwise neither language may need it."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    if not any((cache_folder(root) / "jieba").glob("*.json")):
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()


def build_languages(root: Path, jobs: list[tuple[Path, Path]]) -> None:
    """Build each language; on a machine with two or more cores, all at once.

    The first language is built here, each other one in a forked child; their messages
    come back through a pipe so that the summary for staff covers every language."""
    from mkdocs.exceptions import MkDocsException

    if len(jobs) < 2 or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or os.environ.get("BUILD_SERIAL"):
        for config_file, site_dir in jobs:
            build_language(config_file, site_dir)
        return
    warm_up(root)
    (first_config, first_dir), *others = jobs
    children = [_fork_build(config_file, site_dir) for config_file, site_dir in others]
    failure: BaseException | None = None
    try:
        build_language(first_config, first_dir)
    except BaseException as error:  # noqa: BLE001 - re-raised after the children are collected
        failure = error
    errors = []
    for pid, read_end in children:
        with os.fdopen(read_end, encoding="utf-8") as pipe:
            report = json.loads(pipe.read() or "{}")
        _, status = os.waitpid(pid, 0)
        SECOND.extend(message for message in report.get("messages", [])
                      if message not in COLLECTED.messages and message not in SECOND)
        if status != 0:
            errors.append(report.get("error", "another language's build failed"))
    if failure is not None:
        raise failure
    if errors:
        raise MkDocsException(errors[0])


def _fork_build(config_file: Path, site_dir: Path) -> tuple[int, int]:
    """Build one language in a forked child: its pid, and the pipe its report comes back on."""
    read_end, write_end = os.pipe()
    sys.stdout.flush(), sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        code, report = 0, {}
        _quiet_console()
        try:
            build_language(config_file, site_dir)
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            code, report = 1, {"error": str(error) or type(error).__name__, "messages": COLLECTED.messages}
        else:
            report = {"messages": COLLECTED.messages}
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            json.dump(report, pipe)
        sys.stdout.flush(), sys.stderr.flush()
        os._exit(code)
    os.close(write_end)
    return pid, read_end


def build_preview(root: Path, staging: Path) -> None:
    """What `make serve` shows: the site as build_all makes it, without .gz files,
    the languages one after the other in this process (forking under the
    live-reload server's threads is not safe), drafts included, under their banner."""
    from nicheng_report.drafts import PREVIEW

    before = os.environ.get(PREVIEW)
    os.environ[PREVIEW] = "1"
    try:
        for language in LANGUAGES:
            build_language(root / language.config, staging / language.folder)
    finally:
        if before is None:
            os.environ.pop(PREVIEW, None)
        else:
            os.environ[PREVIEW] = before
    fix_translations_404(staging)
    write_sitemap(staging)


def build_all(root: Path, out: Path, *, engine: str = DEFAULT) -> None:
    source_date_epoch(root)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_staging(out.parent)
    # Each language gets its own folder: MkDocs empties its site_dir when it starts.
    claims = {language: claim_staging(out.parent) for language in LANGUAGES}
    staging = claims[ORIGINAL][0]
    try:
        jobs = [(root / language.config, folder) for language, (folder, _) in claims.items()]
        if engine == "zensical":
            from nicheng_report.engines.zensical import build_with_zensical

            build_with_zensical(root, jobs)
        else:
            build_languages(root, jobs)
        for language, (folder, _) in claims.items():
            if language.folder:
                folder.rename(staging / language.folder)
        fix_translations_404(staging)
        write_sitemap(staging)
        precompress(staging, cache_folder(root) / "gzip")
        publishable_modes(staging)
        swap(staging, out)  # staging now holds the previous site, or nothing
    finally:
        for folder, lock in claims.values():
            shutil.rmtree(folder, ignore_errors=True)
            release_staging(folder, lock)


def project_argument(value: str) -> Path:
    root = Path(value).resolve()
    if not (root / ORIGINAL.config).is_file():
        raise argparse.ArgumentTypeError(f"{root} has no {ORIGINAL.config}: run this in the project folder, "
                                         f"or name it with --project / 请在项目目录中运行")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nicheng_report build", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=project_argument, default=".", help="the project folder (default: here)")
    parser.add_argument("--out", type=Path, help="where the site goes (default: site/ in the project)")
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or DEFAULT,
                        help=f"the site engine (default: {DEFAULT}; README, 'Site engines')")
    args = parser.parse_args(argv)
    out = (args.out or args.project / "site").resolve()
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        version = engine_version(args.engine)
    except EngineMissing as error:
        print(f"\n构建失败 / BUILD FAILED: {error}", file=sys.stderr)
        return 1
    if args.engine == "properdocs":
        from nicheng_report.engines.properdocs import use_properdocs

        use_properdocs()   # before anything imports mkdocs
    print(f"Engine / 构建引擎: {args.engine} {version}", file=sys.stderr)
    from mkdocs.exceptions import MkDocsException

    from nicheng_report.errors import StaffError

    started = time.perf_counter()
    logging.getLogger("properdocs" if args.engine == "properdocs" else "mkdocs").addHandler(COLLECTED)
    try:
        build_all(args.project, out, engine=args.engine)
    except (MkDocsException, StaffError, SystemExit, OSError) as error:
        for message in SECOND:   # the other builds' own messages (the same ones are not repeated)
            print(message, file=sys.stderr)
        message = str(error)
        if message and not message.startswith("Aborted with"):   # else MkDocs' words: the reasons are printed above
            print(message, file=sys.stderr)
        print(f"\n构建失败：原因见上面的说明。网站目录 {out} 未被改动。\n"
              f"BUILD FAILED: the reasons are above. {out} was not changed.", file=sys.stderr)
        return 1
    print(f"Built {len(LANGUAGES)} editions into {out} with {args.engine} {version} in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
