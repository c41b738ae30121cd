"""`goedgenoeg --help` without typer. typer builds the help anew on every run, from the
signatures of some thirty command functions, after importing itself; so the text it prints is
printed from a file instead, when one fits (issue 15):

- Shipped: `help/nl.txt` and `help/en.txt` in the package hold the help as typer prints it on a
  terminal of 80 columns or more (click wraps at 78 there), made by `make docs`
  (docs/update.py) and checked against typer by tests/test_docs.py. Each starts with a line
  naming the typer it was made with and a hash of cli.py and helptext.py: another typer, or
  edited sources, and it is not used.
- Kept: for any other width (or if the shipped one does not fit), the text typer printed is
  kept in the library cache's folder. The entry's name is a hash of everything the text depends
  on: the tool version, the language (helptext.py works it out from --lang, GOEDGENOEG_LANG and
  the config files), the width click wraps at, the bytes of cli.py and helptext.py, and which
  typer is installed. Like the libraries' entries, a help entry is written atomically, 0600, in
  a 0700 folder, and one that is not the user's own or is writable by others is ignored;
  GOEDGENOEG_NO_CACHE=1 switches the kept help off (not the shipped one, which is no cache).
"""

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


SHIPPED_WIDTH = 78  # what click wraps at on a terminal of 80 columns or more


def _width() -> int:
    """The width click wraps the help at (typer's formatter: the terminal, at most 80, at least 50)."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def sources_digest() -> str:
    """A hash of the files the help is made from (cli.py, helptext.py); OSError if unreadable."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def typer_version() -> str | None:
    """The installed typer's version, read from its __init__.py without importing it."""
    import re

    path = _typer_file()
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            found = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", handle.read(), re.M)
    except (OSError, UnicodeDecodeError):
        return None
    return found.group(1) if found else None


def shipped_header(version: str) -> str:
    """The first line of a shipped help: the typer it was made with, and the sources' hash."""
    return f"typer {version} sources {sources_digest()}"


def shipped(lang: str) -> str | None:
    """The help shipped with the package for this language, if it is what typer would print
    here: a terminal of 80 columns or more, the same typer, the same sources."""
    if _width() != SHIPPED_WIDTH or lang not in ("nl", "en"):
        return None
    try:
        raw = (Path(__file__).parent / "help" / f"{lang}.txt").read_text(encoding="utf-8")
        header, text = raw.split("\n", 1)
        version = typer_version()
        if version is None or header != shipped_header(version):
            return None
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return text or None


def _key(lang: str) -> str | None:
    """The name of the entry for this help, or None if what it depends on cannot be read."""
    digest = hashlib.sha256(f"goedgenoeg-help\n{__version__}\n{lang}\n{_width()}\n".encode())
    try:
        digest.update(sources_digest().encode())
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


def _entry(lang: str) -> Path | None:
    from .cache import cache_dir

    folder = cache_dir()
    key = _key(lang) if folder is not None else None
    return None if folder is None or key is None else folder / f"{PREFIX}{key}{SUFFIX}"


def cached() -> str | None:
    """The help as typer prints it for these settings, shipped or kept; None if neither fits."""
    from .config import lang_hint

    lang = lang_hint([])
    text = shipped(lang)
    if text is not None:
        return text
    entry = _entry(lang)
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
    from .config import lang_hint

    entry = _entry(lang_hint([]))
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
            from .cache import keep

            keep(entry, text.encode("utf-8"))
