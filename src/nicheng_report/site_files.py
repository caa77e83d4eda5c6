"""Files made for the whole site after both languages are built: the sitemap and
robots.txt, the English 404 page's links, and precompressed .gz copies for
nginx's gzip_static."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import struct
import zlib
from pathlib import Path

from nicheng_report.languages import LANGUAGES, ORIGINAL

COMPRESS = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".map"}


def precompress(folder: Path, cache: Path) -> int:
    """Write NAME.gz beside each text file, byte-identical across builds (mtime 0).

    Both languages carry the same theme files: each distinct content is
    compressed once, and kept in .cache/gzip (by content) for the next build, where
    most files (the theme's above all) are unchanged. Source maps are for
    developers' tools and are left alone. `cache`: the folder of kept .gz files."""
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


def write_sitemap(site: Path) -> None:
    """One sitemap for every language, each page with its hreflang alternates.

    Absolute URLs need SITE_URL; without it the locations are relative to the
    site root (fine for checking, to be set for search engines)."""
    base = os.environ.get("SITE_URL", "").rstrip("/")
    base = base + "/" if base else ""
    translations = [language for language in LANGUAGES if language.folder]
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html")
                   if not any(path.relative_to(site).as_posix().startswith(t.folder) for t in translations))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        path = "" if page == "." else page + "/"
        twins = {language.hreflang: base + language.folder + path or "./" for language in LANGUAGES}
        twins["x-default"] = base + ORIGINAL.folder + path or "./"
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{url}"/>' for lang, url in twins.items())
        for language in LANGUAGES:
            if (site / language.folder / path / "index.html").exists():
                lines.append(f"<url><loc>{twins[language.hreflang]}</loc>{alternates}</url>")
    lines.append("</urlset>")
    (site / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for language in translations:
        (site / language.folder / "sitemap.xml").unlink(missing_ok=True)
        (site / language.folder / "sitemap.xml.gz").unlink(missing_ok=True)   # MkDocs writes it too: empty, stale
    robots = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {base}sitemap.xml"] if base else [])
    (site / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")


def fix_translations_404(site: Path) -> None:
    """A translation's 404.html (en/404.html) is served for any missing address under
    its folder, so MkDocs writes it with absolute links from the site root; but that
    site lives in en/. With SITE_URL, hooks/i18n.py gives each translation its own
    site_url (SITE_URL + en/), and the links are right already."""
    if os.environ.get("SITE_URL"):
        return
    for language in LANGUAGES:
        page = site / language.folder / "404.html"
        if not language.folder or not page.exists():
            continue
        folder = "/" + language.folder
        html = page.read_text(encoding="utf-8")
        html = re.sub(r'(\b(?:href|src|data-md-scope|data-md-base)=")/', rf"\g<1>{folder}", html)
        for key in ("base", "search"):   # Material's config: the site's root and its own search worker
            html = re.sub(rf'"{key}":(\s?)"/', rf'"{key}":\g<1>"{folder}', html)
        page.write_text(html, encoding="utf-8")
