"""Session files: where they live, create, save atomically after every answer, list, load."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import ValidationError

from . import __version__
from .answers import AnswerError, normalise, normalise_voices
from .errors import UserError
from .files import private_dir, write_private
from .library import LibrarySet
from .models import SESSION_FORMAT, Answer, LibraryStamp, PromptBase, Session
from .reading import MAX_SESSION_BYTES, OddFile, loads, read_regular
from .session_view import SessionView
from .texts import t

if TYPE_CHECKING:
    from .config import Lang


def now() -> str:
    """The time of an answer or a save: local time with its offset, to the second."""
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


ENV_DIR = "GOEDGENOEG_SESSIONS_DIR"


class SessionError(UserError):
    """A session that cannot be used: the message names the file and what to do. `what`, where
    given, names the text of what is wrong with a damaged file; `cmd` the command the hints name."""

    def text(self, lang: str, cmd: str | None = None) -> str:
        from .hints import command

        values = {name: self.say(value, lang) for name, value in self.values.items()}
        if "what" in values:
            values["what"] = t(lang, str(values["what"]), **{k: v for k, v in values.items() if k != "what"})
        return t(lang, self.key, cmd=command() if cmd is None else cmd, **values)


class SessionBusy(SessionError):
    """The session is open for writing in another window or process."""


def lock_path(path: Path) -> Path:
    return Path(path).with_name(f".{Path(path).name}.lock")


class Held(Protocol):
    """A session held for writing (see `hold`)."""

    def release(self) -> None: ...


class _Flock:
    """A lock file held with flock(2); closing it lets go of the lock."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def hold(path: Path) -> Held:
    """Open a session file for writing in this process only, until release() or the process
    ends. An OS lock (flock, or LockFile on Windows through filelock, which is installed there
    only): the system lets go of it when the process dies, so even a kill -9 cannot leave it
    stuck. Raises SessionBusy if another process holds it."""
    if sys.platform == "win32":
        from filelock import FileLock, Timeout

        lock = FileLock(lock_path(path), timeout=0, mode=0o600, fallback_to_soft=False)
        try:
            lock.acquire()
        except Timeout:
            raise SessionBusy(str(path)) from None
        return lock
    import fcntl

    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(PermissionError):  # a lock file of someone else's: the lock still works
            os.fchmod(fd, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise SessionBusy(str(path)) from None
    except BaseException:
        os.close(fd)
        raise
    return _Flock(fd)


def sessions_dir(given: Path | None = None) -> Path:
    """--sessions-dir, else $GOEDGENOEG_SESSIONS_DIR, else the user's local data folder (the CLI
    uses config.py, which also reads the config files)."""
    if given is not None:
        return Path(given)
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from .config import default_sessions_dir

    return default_sessions_dir()


def new_session(libraries: LibrarySet, lang: Lang) -> Session:
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    created = now()
    return Session(
        id=f"{stamp}-{secrets.token_hex(2)}",
        created=created,
        updated=created,
        tool_version=__version__,
        lang=lang,
        libraries={k: LibraryStamp(**v) for k, v in libraries.stamps().items()},
    )


def path_of(directory: Path, session_id: str) -> Path:
    return directory / f"{session_id}.json"


def clean_leftovers(directory: Path, held: Path | None = None) -> int:
    """Remove the temporary files a save left behind when it was killed halfway
    (.ID.json.XXXX.tmp, each holding every answer), unless their session is open for writing
    in another process right now (`held`: the session this process holds). Returns how many
    were removed."""
    removed = 0
    if not directory.is_dir():
        return 0
    for tmp in directory.glob(".*.json.*.tmp"):
        session_file = directory / (tmp.name[1:].rsplit(".json.", 1)[0] + ".json")
        lock = None
        if held is None or session_file.name != Path(held).name:
            try:
                lock = hold(session_file)
            except (SessionBusy, OSError):
                continue
        try:
            tmp.unlink()
            removed += 1
        except OSError:
            pass
        finally:
            if lock is not None:
                lock.release()
    return removed


def save(session: Session, directory: Path, path: Path | None = None) -> Path:
    """Write the session atomically, owner-only, to `path` (the file it was opened from) or
    else to ID.json in `directory`. Called after every confirmed answer."""
    path = path_of(directory, session.id) if path is None else Path(path)
    private_dir(path.parent)
    session.updated = now()
    data = session.model_dump_json(indent=2).encode("utf-8")
    write_private(path, data)
    return path


def load(path: Path) -> Session:
    """Read a session file; a damaged one raises SessionError and is left as it is. Only a
    regular file of at most MAX_SESSION_BYTES is read (a link to /dev/zero or a pipe in a shared
    folder is refused at once), and nesting too deep for the JSON reader is refused too."""
    try:
        raw = read_regular(path, MAX_SESSION_BYTES)
        if not raw.strip():
            raise SessionError("ses_damaged", path=path, what="ses_what_empty")
        data = loads(path, raw)
    except FileNotFoundError:
        raise SessionError("ses_no_file", path=path) from None
    except OddFile as odd:
        raise SessionError("odd_skipped", path=path, reason=odd) from None
    except OSError as err:
        raise SessionError("ses_unreadable", path=path, err=err) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        line = err.lineno if isinstance(err, json.JSONDecodeError) else None
        raise SessionError(
            "ses_damaged",
            path=path,
            what="ses_what_json_line" if line else "ses_what_json",
            line=line,
        ) from None
    if not isinstance(data, dict):
        raise SessionError("ses_damaged", path=path, what="ses_what_not_session")
    fmt = data.get("format")
    if isinstance(fmt, int) and fmt > SESSION_FORMAT:
        raise SessionError(
            "ses_newer",
            path=path,
            fmt=fmt,
        )
    try:
        return Session.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SessionError(
            "ses_damaged",
            path=path,
            what="ses_what_field",
            field=where,
            msg=first["msg"],
        ) from None


def _misfits(answers: dict[str, Answer], prompts: Mapping[str, PromptBase], lang: str) -> list[tuple[str, str]]:
    """Answers whose prompt is gone or whose value no longer fits it (the others are
    normalised in place), with the reason in the user's language."""
    found = []
    for key, answer in answers.items():
        prompt = prompts.get(key)
        if prompt is None:
            found.append((key, t(lang, "fit_gone")))
        elif answer.given:
            try:
                if answer.voices:
                    answer.voices = normalise_voices(prompt, answer.voices)
                else:
                    answer.value = normalise(prompt, answer.value)
            except AnswerError as err:
                found.append((key, t(lang, "fit_misfit", reason=err.text(lang))))
    return found


def fit_answers(session: Session, libraries: LibrarySet, lang: str | None = None) -> list[str]:
    """Set aside answers whose library or prompt no longer exists, or whose value no longer
    fits the prompt. They stay in the file (under set_aside); returns warnings, in `lang`
    (default: the session's language)."""
    lang = lang or session.lang
    prompts = {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}
    warnings = []
    for key, reason in _misfits(session.answers, prompts, lang):
        session.set_aside[key] = session.answers.pop(key)
        warnings.append(t(lang, "fit_set_aside", prompt=key, reason=reason))
    if session.followup_of is not None:  # the earlier answers compared against: same rule, quietly
        for key, _ in _misfits(session.followup_of.answers, prompts, lang):
            session.followup_of.answers.pop(key)
    for lib_id, stamp in session.libraries.items():
        current = libraries.get(lib_id)
        if current is not None and current.version != stamp.version:
            warnings.append(t(lang, "fit_library_changed", library=lib_id, old=stamp.version, new=current.version))
    return warnings


@dataclass(frozen=True)
class Summary:
    id: str
    path: Path
    case: str
    updated: str
    answered: int
    total: int
    finished: bool
    problem: str = ""
    error: SessionError | None = None  # the problem, to be said in the user's language


def summarise(path: Path, libraries: LibrarySet) -> Summary:
    try:
        session = load(path)
    except SessionError as err:
        return Summary(path.stem, path, "?", "", 0, 0, False, str(err), err)
    fit_answers(session, libraries)
    walk = SessionView.of(session, libraries)
    steps = walk.steps()
    answered = sum(1 for s in steps if s.key in session.answers)
    case = walk.context().get("case", "-")
    return Summary(session.id, path, case, session.updated, answered, len(steps), session.finished)


def list_sessions(directory: Path, libraries: LibrarySet) -> list[Summary]:
    if not directory.is_dir():
        return []
    paths = sorted(directory.glob("*.json"))
    return sorted((summarise(p, libraries) for p in paths), key=lambda s: s.updated, reverse=True)


def find(directory: Path, session_id: str | None) -> Path:
    """The session file for an id (or a unique start of one); without an id the most recent
    unfinished session."""
    if session_id:
        candidate = Path(session_id)
        if candidate.suffix == ".json" and candidate.exists():
            return candidate
        exact = path_of(directory, session_id)
        if exact.is_file():  # 'ID' is ID.json, even beside a copy 'ID (kopie).json'
            return exact
        # the start of an id, taken literally: a * or ? in it is no pattern (issue 25)
        found = directory.glob("*.json") if directory.is_dir() else ()
        matches = sorted(p for p in found if p.name.startswith(session_id))
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise SessionError(
                "ses_no_such",
                id=session_id,
                dir=directory,
            )
        ids = ", ".join(m.stem for m in matches)
        raise SessionError("ses_several", id=session_id, ids=ids)
    paths = sorted(directory.glob("*.json"), key=_mtime, reverse=True) if directory.is_dir() else []
    for path in paths:
        try:
            if not load(path).finished:
                return path
        except SessionError:
            continue
    raise SessionError("ses_no_unfinished", dir=directory)


def _mtime(path: Path) -> float:
    """When a file was last changed; 0 for one that cannot be looked at (a dangling link)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
