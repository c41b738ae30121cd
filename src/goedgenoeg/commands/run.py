"""Running a reflection once its session is open (for `reflect`, `resume` and `followup`):
walked in the terminal or filled from an answers file, saved, and its record written, with the
messages and exit codes on the way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .common import echo, fail

if TYPE_CHECKING:
    from rich.console import Console

    from ..library import LibrarySet
    from ..models import Answer, Session
    from ..session import Held
    from ..vocab import WalkEnd

Greeting = Literal["welcome", "resuming"] | None


@dataclass(frozen=True)
class RunSettings:
    """How one reflection runs: the sessions folder, the record's file and form, the screen,
    the first line said, the answers offered where none was given yet (e.g. the configured
    region), the session's own file (a copy is saved into itself) and an answers file that
    fills it instead of the terminal."""

    directory: Path
    output: Path | None = None
    fmt: str = "md"
    plain: bool = False
    greeting: Greeting = "welcome"
    defaults: Mapping[str, Answer] = field(default_factory=dict)
    file: Path | None = None
    answers: Path | None = None


# The OS locks on the sessions this process writes: held until the process ends.
_HELD: list[Held] = []


def fill_or_walk(session: Session, libraries: LibrarySet, run: RunSettings, console: Console | None = None) -> None:
    """Fill the session from the answers file, if one is given, else walk it in the terminal;
    then write its record."""
    if run.answers is not None:
        _fill(session, libraries, run, run.answers)
    else:
        walk_and_record(session, libraries, run, console)


def _fill(session: Session, libraries: LibrarySet, run: RunSettings, answers: Path) -> None:
    from .. import hints, session as sessions
    from ..answers_file import fill_from_file
    from ..oserrors import describe
    from ..record_file import write_record
    from ..texts import t

    lang = session.lang
    prepared_case = session.answers.get("context.case") if session.prepared_from else None
    problems = fill_from_file(session, libraries, answers)
    if problems:
        fail("\n".join(problems) + "\n" + t(lang, "cli_answers_problems"), 2)
    case = session.answers.get("context.case")
    if prepared_case is not None and case is not None and str(case.value).strip() != str(prepared_case.value).strip():
        fail(t(lang, "cli_prepared_other_case", given=case.value, prepared=prepared_case.value), 2)
    for key, answer in run.defaults.items():  # a configured default where the file gives none
        session.answers.setdefault(key, answer)
    try:  # as the walk says it: the folder cannot be used, nothing saved (the answers file is only read)
        sessions.save(session, run.directory)
    except OSError as err:
        fail(t(lang, "dir_unusable", dir=run.directory, err=describe(err, lang)), 1)
    for item in session.privacy.kept:
        echo(t(lang, "cli_privacy_warning", item=item), err=True)
    try:
        path = write_record(session, libraries, run.output, fmt=run.fmt)
    except FileExistsError:
        fail(t(lang, "cli_exists_choose", path=run.output), 1)
    except OSError as err:
        fail(t(lang, "cli_record_failed", err=describe(err, lang), cmd=hints.command(), id=session.id), 1)
    echo(t(lang, "cli_saved_written", id=session.id, path=path))


def walk_and_record(session: Session, libraries: LibrarySet, run: RunSettings, console: Console | None = None) -> None:
    """Walk the session in the terminal, saving every answer, then write its record and say
    what is still open. Stopped (Ctrl-C, or a save that failed): say how to resume, exit 130."""
    from .. import session as sessions
    from ..ask import TerminalAsker
    from ..console import make_console
    from ..reflection import NotSaved, walk_session
    from ..signals import handle_signals

    console = console or make_console(run.plain)
    file = sessions.path_of(run.directory, session.id) if run.file is None else run.file
    _hold(file, session.lang)
    handle_signals()
    _greet(console, session, run.greeting)
    result: WalkEnd | Literal["not_saved"]
    try:
        asker = TerminalAsker(console, session.lang)
        result = walk_session(session, libraries, asker, run.directory, file, defaults=dict(run.defaults) or None)
    except NotSaved:
        result = "not_saved"
    except KeyboardInterrupt:
        result = "stopped"
    if result in ("stopped", "not_saved"):
        _stopped(console, session, run, file, saved=result == "stopped")
    _record_and_close(console, session, libraries, run)


def _hold(file: Path, lang: str) -> None:
    """One window at a time writes a session: its lock is held until the process ends."""
    from .. import session as sessions
    from ..files import private_dir
    from ..oserrors import describe
    from ..texts import t

    try:
        private_dir(file.parent)
        _HELD.append(sessions.hold(file))
        sessions.clean_leftovers(file.parent, held=file)
    except sessions.SessionBusy:
        fail(t(lang, "session_busy", path=file), 1)
    except OSError as err:
        fail(t(lang, "dir_unusable", dir=file.parent, err=describe(err, lang)), 1)


def _greet(console: Console, session: Session, greeting: Greeting) -> None:
    from ..sanitize import strip_control
    from ..texts import t

    lang = session.lang
    if greeting == "resuming":
        case = session.answers.get("context.case")
        case_ref = strip_control(str(case.value)) if case and case.value else "-"
        console.print(
            t(lang, "resuming", id=strip_control(session.id), case=case_ref), markup=False, highlight=False, soft_wrap=True
        )
    elif greeting == "welcome":
        console.print(t(lang, "welcome"), style="bold", highlight=False)


def _stopped(console: Console, session: Session, run: RunSettings, file: Path, saved: bool) -> None:
    """Stopped before the end: a fresh session with nothing in it is let go, else say how to resume."""
    from .. import hints, session as sessions
    from ..texts import t

    lang = session.lang
    console.print()
    # only a session begun now, with nothing in it, is let go: a resumed file, or one that holds
    # answers set aside (a library not mounted now), is never deleted (issue 22)
    fresh = run.greeting != "resuming" and not session.set_aside and not session.prepared
    if fresh and set(session.answers) <= {"context.who"} and session.followup_of is None:
        file.unlink(missing_ok=True)  # nothing to come back to
        console.print(t(lang, "cli_nothing_kept"), style="bold")
        raise SystemExit(130)
    console.print(t(lang, "stopped" if saved else "stopped_unsaved"), style="bold")
    # a copy ('ID (kopie).json') is resumed by its file, not by the id it shares with the original
    again = session.id if file == sessions.path_of(run.directory, session.id) else f'"{file}"'
    console.print(t(lang, "resume_with", cmd=hints.resume(again)), markup=False, highlight=False, soft_wrap=True)
    raise SystemExit(130)


def _record_and_close(console: Console, session: Session, libraries: LibrarySet, run: RunSettings) -> None:
    """The record written, and the closing lines: the case, where the record is, what is done and open."""
    from .. import hints
    from ..oserrors import describe
    from ..record_file import write_record
    from ..sanitize import strip_control
    from ..session_view import SessionView
    from ..texts import t

    lang = session.lang
    cmd = hints.command()
    try:
        path = write_record(session, libraries, run.output, fmt=run.fmt)
    except OSError as err:  # the answers are saved; only the record could not be written
        fail(t(lang, "cli_record_failed", err=describe(err, lang), cmd=cmd, id=session.id), 1)
    walk = SessionView.of(session, libraries)
    console.rule()
    case_answer = session.answers.get("context.case")
    case_ref = " ".join(strip_control(str(case_answer.value)).split()) if case_answer and case_answer.value else "-"
    console.print(t(lang, "end_case", case=case_ref, id=session.id), style="bold", markup=False, highlight=False)
    console.print(t(lang, "record_written", path=path), style="bold green", markup=False, highlight=False, soft_wrap=True)
    open_points = walk.open_points()
    own = sum(1 for _, step in open_points if not step.prompt.dossier)  # not in the dossier record
    done = len(walk.steps()) - len(open_points)
    if own:
        console.print(t(lang, "end_summary_own", done=done, open=len(open_points) - own, own=own), highlight=False)
    elif open_points:
        console.print(t(lang, "end_summary", done=done, open=len(open_points)), highlight=False)
    else:  # "0 open (listed under 'Open points')" pointed at a list that is not there
        console.print(t(lang, "end_summary_all", done=done), highlight=False)
    if walk.path == "short" and not walk.team():  # a meeting followed the meeting path
        more = len(walk.on("full").open_points()) - len(walk.open_points())
        if more > 0:
            console.print(t(lang, "end_full", cmd=cmd, id=session.id, n=more), markup=False, highlight=False, soft_wrap=True)
    console.print(t(lang, "end_again", cmd=cmd, id=session.id), style="dim", markup=False, highlight=False, soft_wrap=True)
