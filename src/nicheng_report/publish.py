"""Publishing a build: site/ is replaced in one step, and only by a whole site.

A build writes into staging folders beside site/; when both languages are
built, the tree gets ordinary modes and is exchanged with site/ atomically.
A killed build leaves at most its staging folder, which the next build removes.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path


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
