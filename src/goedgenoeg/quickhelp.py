"""`goedgenoeg --help` from the cache. typer builds the help anew on every run, from the
signatures of some thirty command functions, after importing itself; so the text it printed is
kept in the library cache's folder and printed again without typer (issue 15). The entry's name
is a hash of everything the text depends on: the tool version, the language (helptext.py
works it out from --lang, GOEDGENOEG_LANG and the config files), the width click wraps at, the
bytes of cli.py and helptext.py, and which typer is installed. So a changed text, setting or
terminal width never shows an old help. Like the libraries' entries, a help entry is written
atomically, 0600, in a 0700 folder, and one that is not the user's own or is writable by
others is ignored; GOEDGENOEG_NO_CACHE=1 switches it off."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__

PREFIX = "help-"
SUFFIX = ".txt"
SOURCES = ("cli.py", "helptext.py")  # the commands, options and texts the help shows


def _key(lang: str) -> str | None:
    """The name of the entry for this help, or None if what it depends on cannot be read."""
    # the width click wraps the help at (typer's formatter: the terminal, at most 80, at least 50)
    width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
    digest = hashlib.sha256(f"goedgenoeg-help\n{__version__}\n{lang}\n{width}\n".encode())
    here = Path(__file__).parent
    try:
        for name in SOURCES:
            digest.update((here / name).read_bytes())
        typer = _typer_file()
        if typer is None:
            return None
        info = os.stat(typer)
    except (OSError, ValueError):
        return None
    digest.update(f"{typer}\n{info.st_size}\n{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _typer_file() -> str | None:
    """Where typer would be imported from (without importing it or importlib.util)."""
    for folder in sys.path:
        candidate = os.path.join(folder or os.curdir, "typer", "__init__.py")
        if os.path.isfile(candidate):
            return candidate
    return None


def _entry() -> Path | None:
    from .cache import cache_dir
    from .config import lang_hint

    folder = cache_dir()
    key = _key(lang_hint([])) if folder is not None else None
    return None if folder is None or key is None else folder / f"{PREFIX}{key}{SUFFIX}"


def cached() -> str | None:
    """The help as typer printed it for these settings, or None (not kept yet, cache off)."""
    entry = _entry()
    if entry is None:
        return None
    from .cache import read_own

    raw = read_own(entry)
    if not raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Run typer's --help inside this: what it prints is shown and, if it ends well, kept."""
    entry = _entry()
    if entry is None:
        yield
        return
    printed = io.StringIO()
    ended_well = False
    try:
        with contextlib.redirect_stdout(printed):
            yield
        ended_well = True
    except SystemExit as done:
        ended_well = done.code in (0, None)
        raise
    finally:
        text = printed.getvalue()
        sys.stdout.write(text)
        sys.stdout.flush()
        if ended_well and text:
            from .cache import _prune
            from .files import private_dir, write_private

            with contextlib.suppress(OSError):
                write_private(private_dir(entry.parent) / entry.name, text.encode("utf-8"))
                _prune(entry.parent)
