"""A cache of validated libraries, so a start does not parse and validate YAML that did not change.

One file per library version: its name is a hash of the file's content hash, the tool version,
the cache format and the bibliography's ids (a library's `source` is checked against them).
A changed file has another content hash and so another key: a cache entry is never served for
text it was not made from. The entry is JSON, never pickle (a cache file someone else could
write must not be able to run code), in three lines: a header (the key, the version, the hash
of the third line), the library as pydantic dumped it (read back with `model_validate_json`, so
it is validated again), and the line map. The line map is larger than the library and only a
problem report needs it (a cached library has none), so it is decoded when first used.
A damaged entry, one from another version, or one that is not the user's own is ignored (and
replaced). Only libraries without problems are cached; a library with problems is read and
reported in full every time.

GOEDGENOEG_CACHE_DIR points the cache elsewhere; GOEDGENOEG_NO_CACHE=1 switches it off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .models import Library

ENV_DIR = "GOEDGENOEG_CACHE_DIR"
ENV_OFF = "GOEDGENOEG_NO_CACHE"
FORMAT = 2  # raise when the layout of an entry changes
SUFFIX = ".json"
KEEP_DAYS = 30  # an entry not written again for this long is removed when another is written

# A place in a library's YAML: the keys and list indexes that lead to it, e.g. ("sections", 0, "id").
LinePath = tuple[str | int, ...]


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off or the folder is not to be
    trusted (`trusted`: then this is said once, and the tool runs without the cache)."""
    if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    given = os.environ.get(ENV_DIR, "").strip()
    if given:
        folder = Path(given)
    else:
        from platformdirs import user_cache_path

        folder = user_cache_path("goedgenoeg", appauthor=False) / "libraries"
    return folder if trusted(folder) else None


_UNTRUSTED: set[Path] = set()  # the folders already said to be untrusted in this process


def trusted(folder: Path) -> bool:
    """Whether a cache folder may be used: it does not exist yet (it is then made 0700), or it
    is the user's own and neither group- nor world-writable, so nobody else could have put an
    entry or a kept screen in it. A folder that fails is said once on standard error."""
    if os.name != "posix":
        return True
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # cannot be looked at: not used, and writing there would fail anyway
    if info.st_uid == os.getuid() and not info.st_mode & 0o022:
        return True
    if folder not in _UNTRUSTED:
        _UNTRUSTED.add(folder)
        _say_untrusted(folder)
    return False


def _say_untrusted(folder: Path) -> None:
    import sys

    from .config import lang_hint
    from .sanitize import strip_control
    from .texts import t

    try:
        lang = lang_hint(sys.argv[1:])
    except Exception:  # the settings are read later, and their problem said there
        lang = "nl"
    sys.stderr.write(strip_control(t(lang, "cache_untrusted", dir=folder)) + "\n")
    sys.stderr.flush()


def read_own(path: Path) -> bytes | None:
    """The bytes of a file in the cache, or None if it cannot be read or is not to be trusted:
    not the user's own, or writable by others (someone else could have put anything there)."""
    try:
        with open(path, "rb") as handle:
            if os.name == "posix":
                info = os.fstat(handle.fileno())
                if info.st_uid != os.getuid() or info.st_mode & 0o022:
                    return None
            return handle.read()
    except OSError:
        return None


def entry_key(digest: str, source_ids: set[str] | None) -> str:
    """The key of one library's entry: everything its validated form depends on."""
    ids = "\n".join(sorted(source_ids)) if source_ids is not None else "\0none"
    text = f"goedgenoeg-cache\n{FORMAT}\n{__version__}\n{digest}\n{ids}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of new objects is built. None of
    it is garbage yet, but every few hundred new objects the collector would walk the growing
    tree again: on a 5,000-prompt file that took longer than the parsing itself, and made
    loading grow faster than the file (bench/run.py, docs/performance.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class LineMap(Mapping[LinePath, int]):
    """The line of every path of a cached library, decoded from its JSON when first used."""

    def __init__(self, encoded: bytes) -> None:
        self._encoded = encoded
        self._lines: dict[LinePath, int] | None = None

    def _decoded(self) -> dict[LinePath, int]:
        if self._lines is None:
            with gc_paused():
                self._lines = {tuple(entry[:-1]): entry[-1] for entry in json.loads(self._encoded)}
            self._encoded = b""
        return self._lines

    def __getitem__(self, path: LinePath) -> int:
        return self._decoded()[path]

    def __iter__(self) -> Iterator[LinePath]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())


def get(digest: str, source_ids: set[str] | None) -> tuple[Library, LineMap] | None:
    """(library, lines) from the cache, or None when there is no usable entry."""
    folder = cache_dir()
    if folder is None:
        return None
    key = entry_key(digest, source_ids)
    raw = read_own(folder / (key + SUFFIX))
    if raw is None:
        return None
    from pydantic import ValidationError

    from .models import Library

    try:
        head, body, lines = raw.split(b"\n")
        header = json.loads(head)
        if header.get("key") != key or header.get("version") != __version__ or header.get("format") != FORMAT:
            return None
        if header.get("lines") != hashlib.sha256(lines).hexdigest():
            return None  # cut off or changed
        with gc_paused():
            library = Library.model_validate_json(body)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, ValidationError):
        return None  # damaged: read the YAML instead (and write a good entry)
    return library, LineMap(lines)


def put(digest: str, source_ids: set[str] | None, library: Library, lines: Mapping[tuple[object, ...], int]) -> None:
    """Store a validated library. A cache that cannot be written is no problem: it is skipped."""
    folder = cache_dir()
    if folder is None:
        return
    if not all(isinstance(part, (str, int)) and not isinstance(part, bool) for path in lines for part in path):
        return  # the line map must come back exactly as it was
    key = entry_key(digest, source_ids)
    with gc_paused():
        encoded = json.dumps([[*path, line] for path, line in lines.items()], separators=(",", ":")).encode("utf-8")
        header = {"format": FORMAT, "version": __version__, "key": key, "lines": hashlib.sha256(encoded).hexdigest()}
        data = b"\n".join((json.dumps(header).encode("ascii"), library.model_dump_json().encode("utf-8"), encoded))
    keep(folder / (key + SUFFIX), data)


def keep(path: Path, data: bytes) -> None:
    """Write a file of the cache: atomically, 0600, in a folder made 0700, and let go of old
    entries. A cache that cannot be written is no problem."""
    from .files import private_dir, write_private

    with contextlib.suppress(OSError):
        write_private(private_dir(path.parent) / path.name, data)
        prune_once(path.parent)


_PRUNED: set[Path] = set()  # the folders pruned in this process (and, after a fork, its parent)


def prune_once(folder: Path) -> None:
    """Prune a folder at most once per run: a check of 10,000 files writes 10,000 entries, and
    pruning after each would read the whole folder each time (time growing with the square of
    the files)."""
    if folder not in _PRUNED:
        _PRUNED.add(folder)
        with contextlib.suppress(OSError):
            _prune(folder)


def _prune(folder: Path) -> None:
    """Remove old entries (of changed libraries, of earlier versions) and leftovers of an
    interrupted write, so the folder does not grow with every edit. Only on a write, which is
    rare: an entry still in use is simply written again after a miss. (.txt: the help and first
    screens earlier versions kept here.)"""
    import time

    oldest = time.time() - KEEP_DAYS * 24 * 3600
    for entry in os.scandir(folder):
        if entry.name.endswith((SUFFIX, ".txt")) or (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < oldest:
                    os.unlink(entry.path)
