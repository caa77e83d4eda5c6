"""Build both languages into a temporary folder; replace site/ only on success.

    python scripts/build.py [--out site] [--serve-dir DIR]

The Chinese site is built at the root and the English one under en/. A failed
build (any warning: the configs are strict) leaves the previous site/ exactly
as it was. Text files are also written precompressed (.gz) for gzip_static.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import fcntl
import gzip
import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "hooks"))  # appended: the hooks' helper modules shadow nothing
from build_cache import cache_folder  # noqa: E402 - the one rule for where caches live

CONFIGS = (("zh", ROOT / "mkdocs.yml", ""), ("en", ROOT / "mkdocs.en.yml", "en"))
COMPRESS = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".map"}

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# MkDocs' own messages, explained for staff in Chinese and English with the fix.
EXPLAIN = (
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the target '(?P<target>[^']+)' is not found"),
     "页面 {file} 第{line}行的链接 {href} 指向不存在的页面或文件 / the link {href} in {file}, line {line}, points to a file that does not exist.",
     "改正链接路径（相对于本页面，写 .md 文件名），或删除该链接 / correct the path (relative to this page, to the .md file) or remove the link."),
    (re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<href>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'"),
     "页面 {file} 第{line}行的链接 {href} 指向的标题 id 不存在 / the link {href} in {file}, line {line}, names a heading id that the target page does not have.",
     "使用目标页面标题后 {{ #id }} 中的 id / use an id written as {{ #id }} after a heading of the target page."),
    (re.compile(r"pages exist in the docs directory, but are not included in the \"nav\" configuration:\s*(?P<pages>.+)", re.S),
     "以下页面没有列入导航：{pages} / these pages are not in the navigation: {pages}.",
     "在 mkdocs.yml 和 mkdocs.en.yml 的 nav: 中加入该页面，或删除该文件 / add the page to nav: in mkdocs.yml and mkdocs.en.yml, or delete the file."),
    (re.compile(r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not found"),
     "导航 nav: 中的 {ref} 不存在 / nav: lists {ref}, which does not exist.",
     "改正 nav: 中的文件名，或补上该页面 / correct the file name in nav:, or add the page."),
)


def explain(message: str) -> str | None:
    for pattern, problem, fix in EXPLAIN:
        match = pattern.search(message)
        if not match:
            continue
        fields = {k: v.strip() for k, v in match.groupdict().items()}
        fields.setdefault("file", ""), fields.setdefault("line", "?")
        if "src" in fields:
            fields["file"], fields["line"] = _locate(fields["src"], fields.get("href", ""))
        return f"  问题 / Problem: {problem.format(**fields)}\n  修改 / Fix: {fix.format(**fields)}"
    return None


def _locate(src: str, needle: str) -> tuple[str, str]:
    """Which language folder holds the page, and the line of `needle` in it."""
    for lang in ("zh", "en"):
        path = ROOT / "docs" / lang / src
        if path.exists() and needle in path.read_text(encoding="utf-8"):
            text = path.read_text(encoding="utf-8")
            return f"docs/{lang}/{src}", str(text[: text.index(needle)].count("\n") + 1)
    return f"docs/*/{src}", "?"


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings, to explain them for staff if the build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


COLLECTED = _Collect()


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
    """Write NAME.gz beside each text file, byte-identical across builds (mtime 0).

    Both languages carry the same theme files: each distinct content is
    compressed once, and kept in .cache/gzip (by content) for the next build, where
    most files (the theme's above all) are unchanged. Source maps are for
    developers' tools and are left alone."""
    cache = cache_folder(ROOT) / "gzip"
    done: dict[str, bytes] = {}
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in COMPRESS and path.suffix != ".map":
            data = path.read_bytes()
            key = hashlib.sha256(data).hexdigest()
            if key not in done:
                done[key] = _gzip_cached(data, key, cache)
            path.with_name(path.name + ".gz").write_bytes(done[key])
            count += 1
    if cache.is_dir():
        for stale in cache.glob("*.gz"):  # keep only this build's contents
            if stale.stem not in done:
                try:
                    stale.unlink(missing_ok=True)
                except OSError:
                    pass
    return count


def _gzip_cached(data: bytes, key: str, cache: Path) -> bytes:
    kept = cache / f"{key}.gz"
    try:
        stored = kept.read_bytes()
        # A gzip file ends with the CRC-32 and length of its content: a damaged entry is not used.
        if stored[-8:] == struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF):
            return stored
    except OSError:
        pass
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, kept)
    except OSError:  # a cache never fails a build
        pass
    return buffer.getvalue()


def source_date_epoch() -> None:
    """Dates from the last commit, not the clock, so two builds of a commit are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                               text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def write_sitemap(site: Path) -> None:
    """One sitemap for both languages, each page with its hreflang alternates.

    Absolute URLs need SITE_URL; without it the locations are relative to the
    site root (fine for checking, to be set for search engines)."""
    base = os.environ.get("SITE_URL", "").rstrip("/")
    base = base + "/" if base else ""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if p.relative_to(site).parts[0] != "en")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        zh = "" if page == "." else page + "/"
        twins = {"zh-CN": base + zh or "./", "en": base + "en/" + zh, "x-default": base + zh or "./"}
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{url}"/>' for lang, url in twins.items())
        for lang in ("zh-CN", "en"):
            if (site / twins[lang].removeprefix(base).removeprefix("./") / "index.html").exists():
                lines.append(f"<url><loc>{twins[lang]}</loc>{alternates}</url>")
    lines.append("</urlset>")
    (site / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (site / "en" / "sitemap.xml").unlink(missing_ok=True)
    robots = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {base}sitemap.xml"] if base else [])
    (site / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")


def fix_english_404(site: Path) -> None:
    """en/404.html is served for any missing English address, so MkDocs writes it
    with absolute links from the site root; but the English site lives in en/.
    With SITE_URL, hooks/i18n.py gives the English build its own site_url
    (SITE_URL + en/), and the links are right already."""
    page = site / "en" / "404.html"
    if not page.exists() or os.environ.get("SITE_URL"):
        return
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'(\b(?:href|src|data-md-scope|data-md-base)=")/', r"\g<1>/en/", html)
    html = html.replace('"base": "/"', '"base": "/en/"').replace('"base":"/"', '"base":"/en/"')
    page.write_text(html, encoding="utf-8")


def warm_up() -> None:
    """Import once, before the two builds fork: both then start warm.

    jieba's dictionary is loaded here only when hooks/search_terms.py has no
    cuts kept yet (a first build): otherwise neither language may need it."""
    import jieba
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    if not any((cache_folder(ROOT) / "jieba").glob("*.json")):
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()


def build_languages(jobs: list[tuple[Path, Path]]) -> None:
    """Build each language; on a machine with two or more cores, the two at once.

    The second build runs in a forked child; its messages come back through a
    pipe so that the explanation for staff covers both languages."""
    from mkdocs.exceptions import MkDocsException

    if len(jobs) != 2 or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or os.environ.get("BUILD_SERIAL"):
        for config_file, site_dir in jobs:
            build_language(config_file, site_dir)
        return
    warm_up()
    (first_config, first_dir), (second_config, second_dir) = jobs
    read_end, write_end = os.pipe()
    sys.stdout.flush(), sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: the second language
        os.close(read_end)
        code, report = 0, {}
        try:
            build_language(second_config, second_dir)
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            code, report = 1, {"error": str(error) or type(error).__name__, "messages": COLLECTED.messages}
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            json.dump(report, pipe)
        sys.stdout.flush(), sys.stderr.flush()
        os._exit(code)
    os.close(write_end)
    failure: BaseException | None = None
    try:
        build_language(first_config, first_dir)
    except BaseException as error:  # noqa: BLE001 - re-raised after the child is collected
        failure = error
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        report = json.loads(pipe.read() or "{}")
    _, status = os.waitpid(pid, 0)
    if failure is not None:
        raise failure
    if status != 0:
        COLLECTED.messages.extend(report.get("messages", []))
        raise MkDocsException(report.get("error", "the second language's build failed"))


def build_preview(staging: Path) -> None:
    """What `make serve` shows: the site as build_all makes it, without .gz files,
    the languages one after the other in this process (forking under the
    live-reload server's threads is not safe)."""
    for _, config_file, sub in CONFIGS:
        build_language(config_file, staging / sub if sub else staging)
    fix_english_404(staging)
    write_sitemap(staging)


def build_all(out: Path) -> None:
    source_date_epoch()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned_staging(out.parent)
    # Each language gets its own folder: MkDocs empties its site_dir when it starts.
    claims = {lang: claim_staging(out.parent) for lang, _, _ in CONFIGS}
    folders = {lang: folder for lang, (folder, _) in claims.items()}
    staging = folders["zh"]
    try:
        build_languages([(config_file, folders[lang]) for lang, config_file, _ in CONFIGS])
        for lang, _, sub in CONFIGS:
            if sub:
                folders[lang].rename(staging / sub)
        fix_english_404(staging)
        write_sitemap(staging)
        precompress(staging)
        publishable_modes(staging)
        swap(staging, out)  # staging now holds the previous site, or nothing
    finally:
        for folder, lock in claims.values():
            shutil.rmtree(folder, ignore_errors=True)
            release_staging(folder, lock)


def publishable_modes(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask: the staging folder is made
    private (0700) and a web server's workers run as another user (www-data, nobody)."""
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), 0o755)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


# --- Staging folders: a killed build's is removed by the next build -----------------
#
# Each staging folder NAME has a lock file NAME.lock, locked (flock) for as long as
# its build runs: it is locked under another name (NAME.claim) and then renamed, so
# a NAME.lock is never seen unlocked while its build lives. The kernel drops the
# lock when the process ends, even by SIGKILL: the next build removes exactly the
# folders whose builds are gone, and never one of a build running beside it.

STAGING = ".site-staging-"


def claim_staging(parent: Path) -> tuple[Path, int]:
    descriptor, claim = tempfile.mkstemp(prefix=STAGING, suffix=".claim", dir=parent)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    folder = Path(claim.removesuffix(".claim"))
    os.rename(claim, f"{folder}.lock")
    folder.mkdir(mode=0o755)
    return folder, descriptor


def release_staging(folder: Path, descriptor: int) -> None:
    Path(f"{folder}.lock").unlink(missing_ok=True)
    os.close(descriptor)


def remove_abandoned_staging(parent: Path) -> None:
    for lock in parent.glob(f"{STAGING}*.lock"):
        try:
            descriptor = os.open(lock, os.O_RDWR)
        except OSError:
            continue  # removed meanwhile by another build
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # its build is running
        else:
            shutil.rmtree(str(lock).removesuffix(".lock"), ignore_errors=True)
            lock.unlink(missing_ok=True)
        finally:
            os.close(descriptor)
    for path in parent.glob(f"{STAGING}*"):
        if path.is_dir() and not Path(f"{path}.lock").exists():  # the lock comes first, the folder after
            shutil.rmtree(path, ignore_errors=True)
        elif path.suffix == ".claim" and time.time() - path.stat().st_mtime > 60:  # killed between two steps
            path.unlink(missing_ok=True)


RENAME_EXCHANGE = 2  # linux/fs.h


def swap(new: Path, out: Path) -> None:
    """Put `new` in the place of `out` in one step: at every moment `out` is the whole
    old site or the whole new one. Afterwards `new` holds the old site, if any."""
    if out.exists() and _exchange(new, out):
        return
    old = out.with_name(out.name + ".old")  # no atomic exchange here: two renames
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE); False where the system or file system has none."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100  # AT_FDCWD
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    collected = COLLECTED
    logging.getLogger("mkdocs").addHandler(collected)
    try:
        build_all(args.out.resolve())
    except (MkDocsException, SystemExit, OSError) as error:
        message = str(error) or "see the messages above"
        hints = [hint for hint in map(explain, collected.messages) if hint]
        print(f"\nBUILD FAILED / 构建失败: {message}", file=sys.stderr)
        if hints:
            print("\n".join(["What to fix / 如何修改:", *hints]), file=sys.stderr)
        print(f"{args.out} was not changed / 网站目录未被改动。", file=sys.stderr)
        return 1
    print(f"Built both languages into {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
