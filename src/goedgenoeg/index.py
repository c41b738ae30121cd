"""An index of a sessions folder: per session file its id, case reference, dates, status,
counts and what the overview counts of it, so `sessions`, `overview`, the start of `reflect` and a
look-up by case reference do not read every session file each time.

It is a cache and never trusted over the files: a file whose size or time of change differs from
what the index holds, or that is new, is read again (through session.load, so through reading.py's
safe reads); an entry whose file is gone is dropped. An index that is damaged, not the user's own,
from another version of the tool or made for another folder is rebuilt from the files, and
`Listing.notice` says so (one line). Losing it loses nothing.

It lives in the user's LOCAL cache folder (GOEDGENOEG_CACHE_DIR, else platformdirs' user cache),
owner-only, one JSON file per sessions folder named by a hash of the folder's resolved path:
never beside a shared sessions folder (a team's folder on a network drive). JSON, not SQLite:
the whole index is read on every use, and one pydantic parse of one file was faster than sqlite3
(docs/performance.md). GOEDGENOEG_NO_CACHE=1 switches it off (every file is read, as before).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__
from .facts import Facts, facts_of
from .library import LibrarySet

FORMAT: Literal[1] = 1  # raise when the layout of an entry changes (and the Literal of _IndexFile.format)
FOLDER = "sessions-index"

Kind = Literal["first", "followup", "meeting"]
Notice = Literal["idx_damaged", "idx_foreign", "idx_version", "idx_missing"]


class Entry(BaseModel):
    """One usable session file, as it was when it was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str  # the file's name in the folder
    mtime_ns: int
    size: int
    id: str
    case: str  # the case reference as given ("" when there is none)
    created: str
    updated: str
    finished: bool
    answered: int  # the prompts that apply with an answer (skipped and 'later' count as answered)
    total: int  # the prompts that apply
    open: int  # answered but still open (skipped, later, not considered)
    path: str | None  # the path chosen (None: short, or a team's meeting path)
    more_full: int  # a finished short path: the questions the full path still has open
    kind: Kind
    facts: Facts


class _IndexFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal[1]
    version: str
    folder: str
    libraries: str
    entries: list[Entry]


class Listing(NamedTuple):
    entries: list[Entry]  # the usable sessions, most recently updated first
    problems: list[tuple[Path, Exception]]  # files that are no usable session (read every time)
    notice: Notice | None  # why the index was rebuilt, to be said on one line (texts.py key)
    read: int  # how many files were read this time


def index_path(directory: Path) -> Path | None:
    """Where the index of a sessions folder lives, or None when there is none to be kept: the
    cache switched off, its folder not to be trusted, or inside the sessions folder itself."""
    from . import cache

    if os.environ.get(cache.ENV_OFF, "").strip() not in ("", "0"):
        return None
    given = os.environ.get(cache.ENV_DIR, "").strip()
    if given:
        root = Path(given)
    else:
        from platformdirs import user_cache_path

        root = user_cache_path("goedgenoeg", appauthor=False)
    folder = root / FOLDER
    resolved = _resolved(directory)
    with contextlib.suppress(OSError, RuntimeError):
        if folder.resolve() == resolved or folder.resolve().is_relative_to(resolved):
            return None  # never beside (or inside) the sessions folder
    if not cache.trusted(folder):
        return None
    return folder / (hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:40] + ".json")


def _resolved(directory: Path) -> Path:
    try:
        return Path(directory).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(directory))


def libraries_key(libraries: LibrarySet) -> str:
    """What the counts of an entry depend on besides the file: the libraries and their content."""
    stamps = sorted((x.library.id, x.library.version, x.sha256) for x in libraries.libraries)
    return hashlib.sha256(json.dumps(stamps).encode("utf-8")).hexdigest()


def session_files(directory: Path) -> list[tuple[str, int, int]]:
    """(name, mtime_ns, size) of every *.json file in the folder that is not hidden; a file that
    cannot be looked at (a dangling link) with -1, so it is read and its problem said."""
    found: list[tuple[str, int, int]] = []
    try:
        with os.scandir(directory) as listing:
            for item in listing:
                if not item.name.endswith(".json") or item.name.startswith("."):
                    continue
                try:
                    info = item.stat()
                    found.append((item.name, info.st_mtime_ns, info.st_size))
                except OSError:
                    found.append((item.name, -1, -1))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(found)


def _read_index(path: Path, folder: str, key: str) -> tuple[dict[str, Entry], Notice | None]:
    """The entries of an index file by file name, and why it is not used if it is not."""
    try:
        with open(path, "rb") as handle:
            if os.name == "posix":
                info = os.fstat(handle.fileno())
                if info.st_uid != os.getuid() or info.st_mode & 0o022:
                    return {}, "idx_foreign"
            raw = handle.read()
    except FileNotFoundError:
        return {}, None
    except OSError:
        return {}, "idx_damaged"
    try:
        index = _IndexFile.model_validate_json(raw)
    except ValidationError:
        try:
            data = json.loads(raw)
        except ValueError:
            return {}, "idx_damaged"
        if isinstance(data, dict) and (data.get("format") != FORMAT or data.get("version") != __version__):
            return {}, "idx_version"
        return {}, "idx_damaged"
    if index.version != __version__:
        return {}, "idx_version"
    if index.folder != folder:
        return {}, "idx_damaged"
    if index.libraries != key:
        return {}, None  # other libraries: other counts, made again without a word
    return {entry.name: entry for entry in index.entries}, None


def _write_index(path: Path, folder: str, key: str, entries: list[Entry]) -> None:
    from . import cache

    index = _IndexFile(format=FORMAT, version=__version__, folder=folder, libraries=key, entries=entries)
    cache.keep(path, index.model_dump_json().encode("utf-8"))


def entry_of(path: Path, mtime_ns: int, size: int, libraries: LibrarySet) -> Entry:
    """Read one session file (session.load: safe reads) and sum it up; SessionError if it
    cannot be used."""
    from . import session as sessions
    from .answers import is_open
    from .session_view import SessionView

    session = sessions.load(path)
    sessions.fit_answers(session, libraries)
    walk = SessionView.of(session, libraries)
    steps = walk.steps()
    given = [s for s in steps if s.key in session.answers]
    still_open = sum(1 for s in given if is_open(s.prompt, session.answers[s.key]))
    more = 0
    if walk.path == "short" and not walk.team():
        more = max(0, len(walk.on("full").open_points()) - len(walk.open_points()))
    case = session.answers.get("context.case")
    kind: Kind = "followup" if session.followup_of is not None else "meeting" if walk.team() else "first"
    return Entry(
        name=path.name,
        mtime_ns=mtime_ns,
        size=size,
        id=session.id,
        case=str(case.value) if case is not None and case.given and case.value else "",
        created=session.created,
        updated=session.updated,
        finished=session.finished,
        answered=len(given),
        total=len(steps),
        open=still_open,
        path=session.path,
        more_full=more,
        kind=kind,
        facts=facts_of(session, libraries, walk),
    )


def scan(directory: Path, libraries: LibrarySet) -> Listing:
    """Every session file in a folder, from the index where the file did not change, read
    where it did (or where there is no index); the index is written again when anything changed."""
    from .session import SessionError

    directory = Path(directory)
    files = session_files(directory)
    where = index_path(directory)
    folder = str(_resolved(directory))
    key = libraries_key(libraries)
    known, notice = _read_index(where, folder, key) if where is not None else ({}, None)
    entries: list[Entry] = []
    problems: list[tuple[Path, Exception]] = []
    read = fresh = 0
    names = set()
    for name, mtime_ns, size in files:
        names.add(name)
        cached = known.get(name)
        if cached is not None and cached.mtime_ns == mtime_ns and cached.size == size and mtime_ns >= 0:
            entries.append(cached)
            continue
        read += 1
        try:
            entries.append(entry_of(directory / name, mtime_ns, size, libraries))
            fresh += 1
        except SessionError as err:
            problems.append((directory / name, err))
    gone = [name for name in known if name not in names]
    if gone and notice is None:
        notice = "idx_missing"
    if where is not None and (fresh or gone or notice):
        _write_index(where, folder, key, entries)
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return Listing(entries, problems, notice, read)


def forget(directory: Path, names: list[str]) -> None:
    """Drop the entries of files this tool moved or removed itself (no notice for them later)."""
    where = index_path(directory)
    if where is None or not where.exists():
        return
    from . import cache

    raw = cache.read_own(where)
    if raw is None:
        return
    try:
        index = _IndexFile.model_validate_json(raw)
    except ValidationError:
        return
    kept = [entry for entry in index.entries if entry.name not in set(names)]
    _write_index(where, index.folder, index.libraries, kept)


def cached_entries(directory: Path) -> list[Entry]:
    """The entries of the index whose file is still as it was, without reading any session file
    or loading the libraries (for tab completion, which must be quick and quiet)."""
    where = index_path(directory)
    if where is None:
        return []
    from . import cache

    raw = cache.read_own(where)
    if raw is None:
        return []
    try:
        index = _IndexFile.model_validate_json(raw)
    except ValidationError:
        return []
    now = {name: (mtime_ns, size) for name, mtime_ns, size in session_files(directory)}
    return [e for e in index.entries if now.get(e.name) == (e.mtime_ns, e.size)]
