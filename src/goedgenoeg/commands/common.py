"""What several commands share once cli.py has read the command line: the settings, the
libraries, the sessions folder and opening a saved session, the checks of an option's words,
and the messages and exit codes on the way. It prints with `echo` and ends with SystemExit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

if TYPE_CHECKING:
    from ..config import Config, Options
    from ..errors import UserError
    from ..index import Listing
    from ..library import LibrarySet
    from ..models import Session
    from ..vocab import PathName

# One of the words an option allows (allowed: a tuple of a Literal's values, as vocab.py has them).
W = TypeVar("W", bound=str)


class BeforeCommand:
    """Options given before the command (`goedgenoeg --lang en sessions`), for every command;
    `said`: the language messages are said in, once the settings are known (or guessed)."""

    lang: str | None = None
    said: str | None = None


def say_error(err: UserError) -> NoReturn:
    """The one way a UserError ends a command (cli.py calls it): its message in the language of
    the settings (guessed from the command line and the environment before they are read), on
    standard error, and its exit code."""
    from ..config import lang_hint

    fail(err.text(BeforeCommand.said or lang_hint([])), err.exit_code)


def echo(message: str = "", err: bool = False) -> None:
    """A line on standard output (or error), as typer.echo writes it."""
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{message}\n")
    stream.flush()


def fail(message: str, code: int = 1) -> NoReturn:
    from ..sanitize import strip_control

    echo(strip_control(message), err=True)
    raise SystemExit(code)


def settings(
    lang: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    fmt: str | None = None,
    plain: bool | None = None,
    region: str | None = None,
) -> Config:
    """The effective settings (command line > environment > user file > organisation file).
    --lang after the command beats --lang before it."""
    from .. import config

    options = _options(lang, library, sessions_dir, fmt, plain, region)
    BeforeCommand.said = options.lang if options.lang in config.LANGS else config.lang_hint([])  # a ConfigError's
    cfg = config.load(options)
    BeforeCommand.said = cfg.lang.value
    return cfg


def _options(
    lang: str | None,
    library: list[Path] | None,
    sessions_dir: Path | None,
    fmt: str | None,
    plain: bool | None,
    region: str | None = None,
) -> Options:
    """What the command line gives the settings. --lang after the command beats --lang before it."""
    from ..config import Options

    return Options(BeforeCommand.lang if lang is None else lang, region, tuple(library or ()), sessions_dir, fmt, plain)


def libraries(cfg: Config, extra: tuple[Path, ...] = ()) -> LibrarySet:
    """The libraries of the settings (and EXTRA), or a clear exit (code 2) naming what is wrong."""
    from ..library import LibraryError, load_all
    from ..texts import t

    try:
        return load_all(cfg.library_paths() + list(extra))
    except LibraryError as err:
        fail("\n".join(err.lines(cfg.lang.value)) + "\n" + t(cfg.lang.value, "cli_fix_library"), 2)


def directory(cfg: Config) -> Path:
    """The sessions folder; the default one takes over the sessions of the old (roaming) folder once."""
    from ..oserrors import describe
    from ..texts import t

    folder = cfg.sessions_dir.value
    if cfg.sessions_dir_is_default:
        from ..migrate import move_old_sessions

        moved = move_old_sessions(folder)
        if moved is not None:
            lang = cfg.lang.value
            if moved.count:
                echo(t(lang, "cli_moved", n=moved.count, old=moved.old, new=folder), err=True)
            for path, err in moved.failed:
                echo(t(lang, "cli_move_failed", path=path, err=describe(err, lang)), err=True)
    return folder


def listing(cfg: Config, folder: Path, libs: LibrarySet) -> Listing:
    """The sessions of a folder through its index; one line on standard error when the index
    had to be rebuilt."""
    from ..index import scan
    from ..texts import t

    found = scan(folder, libs)
    if found.notice is not None:
        echo(t(cfg.lang.value, found.notice), err=True)
    return found


def open_session(cfg: Config, folder: Path, session_id: str | None) -> tuple[Session, LibrarySet, Path]:
    """A saved session, the libraries it was made with (those of the settings, plus any it
    names that can still be found) and the file it came from (a copy is saved into itself); a
    note for each library missing and each answer that no longer fits; a clear exit if there
    is no such session."""
    from .. import session as sessions
    from ..texts import t

    lang = cfg.lang.value
    libs = libraries(cfg)
    path = _locate(cfg, folder, session_id, libs)
    session = sessions.load(path)  # a SessionError is said at the edge (cli.py)
    loaded = {x.library.id for x in libs.libraries}
    again = tuple(
        Path(stamp.path)
        for key, stamp in session.libraries.items()
        if key not in loaded and stamp.path and Path(stamp.path).exists()
    )
    if again:
        libs = libraries(cfg, again)
        loaded = {x.library.id for x in libs.libraries}
    missing = sorted(key for key in session.libraries if key not in loaded)
    if missing:
        echo(t(lang, "cli_libraries_missing", ids=", ".join(missing)), err=True)
    for warning in sessions.fit_answers(session, libs, lang):
        echo(t(lang, "cli_note", text=warning), err=True)
    return session, libs, path


def _locate(cfg: Config, folder: Path, given: str | None, libs: LibrarySet) -> Path:
    """The session file for an id, the start of one or a case reference (lookup.py); when a
    case reference fits several sessions they are listed and none is opened (exit 1, as for an
    id that fits several or none: the command could not do what was asked). `resume` without
    an id after a finished short path offers the full path."""
    from .. import hints, session as sessions
    from ..listing import clean, several_text
    from ..lookup import SeveralCases, full_path_offer, locate
    from ..texts import t

    lang = cfg.lang.value
    try:
        found = locate(folder, given, libs)
    except SeveralCases as several:
        fail(several_text(several, lang), 1)
    except sessions.SessionError as err:
        if given is None and err.key == "ses_no_unfinished":
            from ..index import scan

            offer = full_path_offer(scan(folder, libs))
            if offer is not None:
                case = clean(offer.case) or "-"
                fail(t(lang, "ses_offer_full", case=case, id=offer.id, n=offer.more_full, cmd=hints.command()), 1)
        raise
    if found.notice is not None:
        echo(t(lang, found.notice), err=True)
    return found.path


def choice(value: str, option: str, allowed: tuple[W, ...], lang: str = "nl") -> W:
    """VALUE as the word of ALLOWED it is (typed as one of them), or a clear exit (code 2)."""
    from ..texts import t

    for word in allowed:
        if value == word:
            return word
    fail(t(lang, "cli_unknown_value", value=value, option=option, allowed=", ".join(allowed)), 2)


def check_choice(value: str | None, option: str, allowed: tuple[W, ...], lang: str = "nl") -> W | None:
    """An option that may be left out: None if it was, else as `choice`."""
    return None if value is None else choice(value, option, allowed, lang)


def check_path(path: str | None, lang: str) -> PathName | None:
    from ..vocab import PATHS

    return check_choice(path, "--path", PATHS, lang)


def needs_terminal(name: str, lang: str) -> None:
    """A clear exit (code 2) for a command that asks questions where no one can answer them."""
    from ..interactive import interactive_allowed
    from ..texts import t

    if not interactive_allowed():
        fail(t(lang, "cli_needs_terminal", command=name), 2)


def not_open_elsewhere(file: Path, lang: str) -> None:
    """A preparation or the source of a follow-up is read whole: not while it is still being
    answered in another window (its last answers would be missing)."""
    from .. import session as sessions
    from ..texts import t

    try:
        sessions.hold(file).release()
    except sessions.SessionBusy:
        fail(t(lang, "cli_source_busy", path=file), 1)
    except OSError:  # a folder that cannot hold a lock file: reading it is still fine
        pass
