"""Reading a file that anyone may have put in a shared folder: only a regular file, never more
than a limit, and JSON without nesting deep enough to crash the reader. A link to /dev/zero, a
pipe (FIFO) or 100,000 nested brackets is refused with `OddFile`, at once."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Literal

Why = Literal["not_regular", "too_large", "too_deep"]
MB = 1024 * 1024
# A session file larger than this is not one (a long reflection is well under 1 MB): a file of
# that size in a shared folder is refused, not read into memory.
MAX_SESSION_BYTES = 16 * MB


class OddFile(Exception):
    """A file that is not what it should be: not a regular file, too large, nested too deeply."""

    def __init__(self, path: Path, why: Why, limit: int = 0) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why
        self.limit = limit

    def text(self, lang: str) -> str:
        """Why it was left alone, in the user's language."""
        from .texts import t

        return t(lang, _SAID[self.why], mb=max(1, self.limit // MB))


_SAID: dict[Why, str] = {"not_regular": "odd_not_regular", "too_large": "odd_too_large", "too_deep": "odd_too_deep"}


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OddFile for anything else, OSError
    when it cannot be opened. Opened without waiting (a pipe with no writer would block the open)
    and read no further than the limit (a device never ends)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OddFile(Path(path), "not_regular")
        if info.st_size > limit:
            raise OddFile(Path(path), "too_large", limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, MB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:  # it grew while it was read
            raise OddFile(Path(path), "too_large", limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def loads(path: Path, raw: bytes) -> object:
    """JSON from `raw` (UTF-8); ValueError as json.loads raises it, OddFile for nesting too deep
    for the reader (it would raise RecursionError)."""
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise OddFile(Path(path), "too_deep") from None
