"""Build both languages into a temporary folder; replace site/ only on success.

    python scripts/build.py [--out site] [--serve-dir DIR]

The Chinese site is built at the root and the English one under en/. A failed
build (any warning: the configs are strict) leaves the previous site/ exactly
as it was. Text files are also written precompressed (.gz) for gzip_static.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = (("zh", ROOT / "mkdocs.yml", ""), ("en", ROOT / "mkdocs.en.yml", "en"))
COMPRESS = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".map"}

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_language(config_file: Path, site_dir: Path, *, dirty: bool = False) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def precompress(folder: Path) -> int:
    """Write NAME.gz beside each text file, byte-identical across builds (mtime 0)."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in COMPRESS:
            data = path.read_bytes()
            with open(path.with_name(path.name + ".gz"), "wb") as raw:
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
                    gz.write(data)
            count += 1
    return count


def build_all(out: Path) -> None:
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=out.parent))
    try:
        for lang, config_file, sub in CONFIGS:
            build_language(config_file, staging / sub if sub else staging)
        precompress(staging)
        swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap(new: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    try:
        build_all(args.out.resolve())
    except (MkDocsException, SystemExit) as error:
        message = str(error) or "see the messages above"
        print(f"\nBUILD FAILED / 构建失败: {message}\n"
              f"{args.out} was not changed / 网站目录未被改动。", file=sys.stderr)
        return 1
    print(f"Built both languages into {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
