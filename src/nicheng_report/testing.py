"""What the tests, the screenshots and the benchmark share: Debian's Chromium as
they launch it, a local static server, a free port, and nginx running the
project's own deploy/nginx.conf.

Debian's Chromium runs as root here, with no background traffic to the closed
network; Playwright drives it (never a browser download).

nginx (Debian's /usr/sbin/nginx) runs deploy/nginx.conf with only the
machine-specific lines substituted: pid, logs, listen, root, nginx's temporary
folders, and under a sub-path the two 404 paths (as deploy/README.md says).
Started as root it keeps the shipped `user www-data;` (nobody where there is no
www-data): its workers read the site as an unprivileged user, as on any
distribution's nginx. When the file no longer has one of those lines, or nginx
does not start, NginxError says so: there is no fallback configuration.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import pwd
import re
import socket
import stat
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nicheng_report.languages import LANGUAGES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
NGINX = "/usr/sbin/nginx"
NGINX_TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def free_port() -> int:
    """A local port no one listens on now (for nginx and `make serve` in the tests and the bench)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    """A plain static server for `folder` on a free local port, in a thread; no headers of our own."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- nginx with deploy/nginx.conf ----------------------------------------------------------

class NginxError(RuntimeError):
    """deploy/nginx.conf cannot be adapted to this machine, or nginx did not start."""


def nginx_worker_user() -> str | None:
    """Who nginx's workers run as: the shipped `user www-data;` when started as root,
    as Linux distributions run nginx (nobody where there is no www-data); without
    root nginx cannot switch users, and its workers are the caller's own user."""
    if os.geteuid() != 0:
        return None
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise NginxError("neither www-data nor nobody exists: nginx's workers need an unprivileged user")


def _substitute(conf: Path, text: str, pattern: str, replacement: str) -> str:
    """Replace the one line of `conf` that `pattern` matches."""
    new, count = re.subn(pattern, lambda match: match.expand(replacement), text, flags=re.M)
    if count != 1:
        raise NginxError(f"{conf}: expected one line matching {pattern!r}, found {count}. The tests and "
                         "`make bench` run this file with only its machine-specific lines substituted: "
                         "update nginx_config() in src/nicheng_report/testing.py to the file's new lines.")
    return new


def nginx_config(conf: Path, tmp: Path, webroot: Path, port: int, mount: str = "/", *,
                 access_log_format: str | None = None, csp: bool = True) -> str:
    """`conf` (deploy/nginx.conf) for this machine: logs, pid and temporary files in `tmp`,
    127.0.0.1:`port`, `webroot` as root; for a sub-path `mount`, the 404 paths prefixed.

    access_log_format: an nginx log_format for the access log (the bench counts bytes in it).
    csp=False drops the Content-Security-Policy header, for a site that is not ours
    (the bench's plain Material site, whose inline scripts the policy blocks)."""
    text = conf.read_text(encoding="utf-8")
    sub = functools.partial(_substitute, conf)
    user = nginx_worker_user()
    text = sub(text, r"^user www-data;$", f"user {user};" if user else "")
    text = sub(text, r"^pid .*;$", f"pid {tmp}/nginx.pid;")
    text = sub(text, r"^error_log /var/log/nginx/error\.log", f"error_log {tmp}/error.log")
    if access_log_format is None:
        text = sub(text, r"^(\s*)access_log /var/log/nginx/access\.log;", rf"\1access_log {tmp}/access.log;")
    else:
        text = sub(text, r"^(\s*)access_log /var/log/nginx/access\.log;",
                   rf"\1log_format measured '{access_log_format}';\n\1access_log {tmp}/access.log measured;")
    text = sub(text, r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};")
    text = sub(text, r"^\s*listen \[::\]:80;.*\n", "")
    text = sub(text, r"^(\s*)root /srv/nicheng-report/site;", rf"\1root {webroot};")
    temp_paths = "".join(f"    {name}_temp_path {tmp}/{name};\n" for name in NGINX_TEMP_PATHS)
    text = sub(text, r"^http \{\n", "http {\n" + temp_paths)
    if mount != "/":
        for language in LANGUAGES:   # each translation's own 404 page
            if language.folder:
                folder = re.escape(language.folder)
                text = sub(text, rf'"~\^/{folder}"(\s+)/{folder}404\.html;',
                           rf'"~^{mount}{language.folder}"\1{mount}{language.folder}404.html;')
        text = sub(text, r"^(\s*)default(\s+)/404\.html;", rf"\1default\2{mount}404.html;")
    if not csp:
        text = sub(text, r"^\s*add_header Content-Security-Policy .*\n", "")
    return text


def _check_workers_can_enter(folder: Path, user: str | None) -> None:
    """Workers running as another user need the execute bit for others on every folder above
    the site (mkdtemp makes folders 0700). Inside the site nothing is checked: a page the
    workers may not read must show as a 403, as it would on a server."""
    if user is None:
        return
    uid = pwd.getpwnam(user).pw_uid
    for parent in folder.resolve().parents:
        mode = parent.stat()
        if mode.st_uid != uid and not mode.st_mode & stat.S_IXOTH:
            raise NginxError(f"nginx's workers run as {user} and cannot enter {parent} "
                             f"(mode {stat.filemode(mode.st_mode)}): serve the site from a folder anyone may enter")


@dataclass
class Nginx:
    process: subprocess.Popen
    url: str        # http://127.0.0.1:PORT/mount/
    folder: Path    # its configuration, pid, logs (access.log, error.log) and temporary files


def start_nginx(site: Path, tmp: Path, conf: Path, mount: str = "/", **options) -> Nginx:
    """nginx with `conf` (deploy/nginx.conf) serving `site` at `mount` on a free port; its
    files in `tmp`. Returns once it accepts connections; raises NginxError otherwise.
    `options`: access_log_format, csp (see nginx_config)."""
    if not Path(NGINX).exists():
        raise NginxError(f"{NGINX} is missing: Debian's nginx (scripts/system-packages.sh installs it)")
    if mount == "/":
        webroot = site
    else:  # the site copied (here: linked) into <root>/fzzf/report/
        webroot = tmp / "www"
        (webroot / mount.strip("/")).parent.mkdir(parents=True, mode=0o755)
        (webroot / mount.strip("/")).symlink_to(site, target_is_directory=True)
    for folder in {site, webroot}:
        _check_workers_can_enter(folder, nginx_worker_user())
    port = free_port()
    config = tmp / "nginx.conf"
    config.write_text(nginx_config(conf, tmp, webroot, port, mount, **options), encoding="utf-8")
    command = [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(config)]
    check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if check.returncode != 0:
        raise NginxError(f"nginx -t rejected {config} (from {conf}): {check.stderr.strip()}")
    with open(tmp / "stderr.log", "wb") as stderr:
        process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + 10
    while True:
        if process.poll() is not None:
            logs = [(tmp / name).read_text(errors="replace") for name in ("stderr.log", "error.log")
                    if (tmp / name).exists()]
            raise NginxError(f"nginx stopped: {' '.join(logs)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                stop_nginx(process)
                raise NginxError("nginx did not start listening within 10 s") from None
            time.sleep(0.02)
    return Nginx(process, f"http://127.0.0.1:{port}{mount}", tmp)


def stop_nginx(process: subprocess.Popen) -> None:
    process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_nginx(site: Path, tmp: Path, conf: Path, mount: str = "/", **options) -> Iterator[Nginx]:
    """start_nginx() for the length of a `with` block."""
    server = start_nginx(site, tmp, conf, mount, **options)
    try:
        yield server
    finally:
        stop_nginx(server.process)
