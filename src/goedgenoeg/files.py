"""Writing files safely: owner-only, and atomically (old or new file, never a torn one)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

FILE_MODE = 0o600
GROUP_MODE = 0o640  # an overview export asked for a shared drop folder: the group may read it
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Make sure a folder exists. The folders this creates (the folder and any missing parents)
    are readable by their owner only (0700), whatever the umask; a folder that exists already
    keeps its permissions (a shared team folder stays shared)."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():  # a file, or a dangling symlink, in the way
                raise
            continue  # made by someone else at the same moment: not ours
        if os.name == "posix":
            os.chmod(folder, DIR_MODE)
    return path


def write_private(path: Path, data: bytes, overwrite: bool = True, mode: int = FILE_MODE) -> None:
    """Write `data` to `path` through a temporary file in the same folder: flush, fsync, rename.
    The file is 0600 (or `mode`, for an export to a shared folder). With overwrite=False the file is
    created exclusively: if it exists, even
    when another writer made it a moment ago, FileExistsError is raised and it is left alone."""
    path = Path(path)
    if not overwrite and path.exists():
        raise FileExistsError(str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if os.name == "posix":
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            _replace(tmp, path)
        else:
            _create(tmp, path, data, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        try:  # make the rename itself durable
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass


def _replace(tmp: str, path: Path) -> None:
    """os.replace, tried again for a moment while another program (an indexer, OneDrive, a
    virus scanner on Windows) holds the file open."""
    for wait in (0.05, 0.1, 0.2, 0.4, 0.8, 0):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if not wait:
                raise
            time.sleep(wait)


def _create(tmp: str, path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Put the finished temporary file at `path` only if nothing is there: a hard link fails
    when the name exists, atomically (no check-then-rename race). Where links are not possible,
    an exclusive create (O_EXCL) does the same."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as err:
        if (
            err.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS)
            and os.name == "posix"
        ):
            raise
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
        if os.name == "posix":
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    os.unlink(tmp)
