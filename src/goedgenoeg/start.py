"""What `reflect`, `resume` and `followup` do once cli.py has read the command line: the
settings, the libraries, the sessions folder, the walk and the record, and the messages and exit
codes on the way; and `libraries check`. It prints with `_echo` and ends with SystemExit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn, TypeVar

if TYPE_CHECKING:
    from rich.console import Console

    from .config import Config, Options
    from .library import LibrarySet
    from .models import Answer, Author, Session
    from .session import Held, SessionError
    from .vocab import PathName, WalkEnd

# One of the words an option allows (allowed: a tuple of a Literal's values, as vocab.py has them).
W = TypeVar("W", bound=str)


class BeforeCommand:
    """Options given before the command (`goedgenoeg --lang en sessions`), for every command."""

    lang: str | None = None


def _echo(message: str = "", err: bool = False) -> None:
    """A line on standard output (or error), as typer.echo writes it."""
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{message}\n")
    stream.flush()


def _fail(message: str, code: int = 1) -> NoReturn:
    from .sanitize import strip_control

    _echo(strip_control(message), err=True)
    raise SystemExit(code)


def _settings(
    lang: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    fmt: str | None = None,
    plain: bool | None = None,
    region: str | None = None,
) -> Config:
    """The effective settings (command line > environment > user file > organisation file).
    --lang after the command beats --lang before it."""
    from . import config

    options = _options(lang, library, sessions_dir, fmt, plain, region)
    try:
        return config.load(options)
    except config.ConfigError as err:
        guess = options.lang if options.lang in config.LANGS else config.lang_hint([])
        _fail(err.text(guess), 2)


def _options(
    lang: str | None,
    library: list[Path] | None,
    sessions_dir: Path | None,
    fmt: str | None,
    plain: bool | None,
    region: str | None = None,
) -> Options:
    """What the command line gives the settings. --lang after the command beats --lang before it."""
    from .config import Options

    return Options(BeforeCommand.lang if lang is None else lang, region, tuple(library or ()), sessions_dir, fmt, plain)


def _libraries(cfg: Config, extra: tuple[Path, ...] = ()) -> LibrarySet:
    from .library import LibraryError, load_all
    from .texts import t

    try:
        return load_all(cfg.library_paths() + list(extra))
    except LibraryError as err:
        _fail("\n".join(err.lines(cfg.lang.value)) + "\n" + t(cfg.lang.value, "cli_fix_library"), 2)


def _directory(cfg: Config) -> Path:
    """The sessions folder; the default one takes over the sessions of the old (roaming) folder once."""
    from .oserrors import describe
    from .texts import t

    directory = cfg.sessions_dir.value
    if cfg.sessions_dir_is_default:
        from .migrate import move_old_sessions

        moved = move_old_sessions(directory)
        if moved is not None:
            lang = cfg.lang.value
            if moved.count:
                _echo(t(lang, "cli_moved", n=moved.count, old=moved.old, new=directory), err=True)
            for path, err in moved.failed:
                _echo(t(lang, "cli_move_failed", path=path, err=describe(err, lang)), err=True)
    return directory


def _session_error(err: SessionError, lang: str) -> str:
    from .hints import command as cmd

    return err.text(lang, cmd())


def _open_session(cfg: Config, directory: Path, session_id: str | None) -> tuple[Session, LibrarySet, Path]:
    """A saved session, the libraries it was made with (those of the settings, plus any it
    names that can still be found) and the file it came from (a copy is saved into itself); a
    note for each library missing and each answer that no longer fits; a clear exit if there
    is no such session."""
    from . import session as sessions
    from .texts import t

    lang = cfg.lang.value
    libraries = _libraries(cfg)
    path = _locate(cfg, directory, session_id, libraries)
    try:
        session = sessions.load(path)
    except sessions.SessionError as err:
        _fail(_session_error(err, lang), 1)
    loaded = {x.library.id for x in libraries.libraries}
    again = tuple(
        Path(stamp.path)
        for key, stamp in session.libraries.items()
        if key not in loaded and stamp.path and Path(stamp.path).exists()
    )
    if again:
        libraries = _libraries(cfg, again)
        loaded = {x.library.id for x in libraries.libraries}
    missing = sorted(key for key in session.libraries if key not in loaded)
    if missing:
        _echo(t(lang, "cli_libraries_missing", ids=", ".join(missing)), err=True)
    for warning in sessions.fit_answers(session, libraries, lang):
        _echo(t(lang, "cli_note", text=warning), err=True)
    return session, libraries, path


def _locate(cfg: Config, directory: Path, given: str | None, libraries: LibrarySet) -> Path:
    """The session file for an id, the start of one or a case reference (lookup.py); when a
    case reference fits several sessions they are listed and none is opened (exit 1, as for an
    id that fits several or none: the command could not do what was asked). `resume` without
    an id after a finished short path offers the full path."""
    from . import hints, session as sessions
    from .listing import clean, several_text
    from .lookup import SeveralCases, full_path_offer, locate
    from .texts import t

    lang = cfg.lang.value
    try:
        found = locate(directory, given, libraries)
    except SeveralCases as several:
        _fail(several_text(several, lang), 1)
    except sessions.SessionError as err:
        if given is None and err.key == "ses_no_unfinished":
            from .index import scan

            offer = full_path_offer(scan(directory, libraries))
            if offer is not None:
                case = clean(offer.case) or "-"
                _fail(t(lang, "ses_offer_full", case=case, id=offer.id, n=offer.more_full, cmd=hints.command()), 1)
        _fail(_session_error(err, lang), 1)
    if found.notice is not None:
        _echo(t(lang, found.notice), err=True)
    return found.path


def _load_session(cfg: Config, directory: Path, session_id: str | None) -> tuple[Session, LibrarySet]:
    """A saved session and the libraries it was made with."""
    session, libraries, _ = _open_session(cfg, directory, session_id)
    return session, libraries


def _choice(value: str, option: str, allowed: tuple[W, ...], lang: str = "nl") -> W:
    """VALUE as the word of ALLOWED it is (typed as one of them), or a clear exit (code 2)."""
    from .texts import t

    for word in allowed:
        if value == word:
            return word
    _fail(t(lang, "cli_unknown_value", value=value, option=option, allowed=", ".join(allowed)), 2)


def _check_choice(value: str | None, option: str, allowed: tuple[W, ...], lang: str = "nl") -> W | None:
    """An option that may be left out: None if it was, else as `_choice`."""
    return None if value is None else _choice(value, option, allowed, lang)


def _check_path(path: str | None, lang: str) -> PathName | None:
    from .vocab import PATHS

    return _check_choice(path, "--path", PATHS, lang)


def _needs_terminal(name: str, lang: str) -> None:
    from .reflect import interactive_allowed
    from .texts import t

    if not interactive_allowed():
        _fail(t(lang, "cli_needs_terminal", command=name), 2)


# The OS locks on the sessions this process writes: held until the process ends.
_HELD: list[Held] = []


def _walk_and_record(
    session: Session,
    libraries: LibrarySet,
    directory: Path,
    output: Path | None,
    greeting: str | None = "welcome",
    fmt: str = "md",
    plain: bool = False,
    defaults: dict[str, Answer] | None = None,
    console: Console | None = None,
    file: Path | None = None,
) -> None:
    from . import hints, session as sessions
    from .ask import TerminalAsker
    from .console import make_console
    from .files import private_dir
    from .oserrors import describe
    from .reflect import NotSaved, handle_signals, walk_session, write_record
    from .sanitize import strip_control
    from .texts import t

    console = console or make_console(plain)
    lang = session.lang
    file = sessions.path_of(directory, session.id) if file is None else file
    try:
        private_dir(file.parent)
        _HELD.append(sessions.hold(file))  # one window at a time writes a session
        sessions.clean_leftovers(file.parent, held=file)
    except sessions.SessionBusy:
        _fail(t(lang, "session_busy", path=file), 1)
    except OSError as err:
        _fail(t(lang, "dir_unusable", dir=file.parent, err=describe(err, lang)), 1)
    handle_signals()
    if greeting == "resuming":
        case = session.answers.get("context.case")
        case_ref = strip_control(str(case.value)) if case and case.value else "-"
        console.print(
            t(lang, "resuming", id=strip_control(session.id), case=case_ref), markup=False, highlight=False, soft_wrap=True
        )
    elif greeting == "welcome":
        console.print(t(lang, "welcome"), style="bold", highlight=False)
    result: WalkEnd | Literal["not_saved"]
    try:
        result = walk_session(session, libraries, TerminalAsker(console, lang), directory, file, defaults=defaults)
    except NotSaved:
        result = "not_saved"
    except KeyboardInterrupt:
        result = "stopped"
    if result in ("stopped", "not_saved"):
        console.print()
        # only a session begun now, with nothing in it, is let go: a resumed file, or one that holds
        # answers set aside (a library not mounted now), is never deleted (issue 22)
        fresh = greeting != "resuming" and not session.set_aside and not session.prepared
        if fresh and set(session.answers) <= {"context.who"} and session.followup_of is None:
            file.unlink(missing_ok=True)  # nothing to come back to
            console.print(t(lang, "cli_nothing_kept"), style="bold")
            raise SystemExit(130)
        console.print(t(lang, "stopped" if result == "stopped" else "stopped_unsaved"), style="bold")
        # a copy ('ID (kopie).json') is resumed by its file, not by the id it shares with the original
        again = session.id if file == sessions.path_of(directory, session.id) else f'"{file}"'
        console.print(t(lang, "resume_with", cmd=hints.resume(again)), markup=False, highlight=False, soft_wrap=True)
        raise SystemExit(130)
    cmd = hints.command()
    try:
        path = write_record(session, libraries, output, fmt=fmt)
    except OSError as err:  # the answers are saved; only the record could not be written
        _fail(t(lang, "cli_record_failed", err=describe(err, lang), cmd=cmd, id=session.id), 1)
    from .walk import Walk

    walk = Walk(libraries, session.answers, path=session.path)
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
        more = len(Walk(libraries, session.answers, path="full").open_points()) - len(walk.open_points())
        if more > 0:
            console.print(t(lang, "end_full", cmd=cmd, id=session.id, n=more), markup=False, highlight=False, soft_wrap=True)
    console.print(t(lang, "end_again", cmd=cmd, id=session.id), style="dim", markup=False, highlight=False, soft_wrap=True)


def _offer_unfinished(cfg: Config, directory: Path, libraries: LibrarySet, console: Console) -> str | None:
    """The unfinished reflections (with at least one answer), most recent first; the id of the
    one the person picks, or None for a new reflection."""
    from .index import scan
    from .listing import clean
    from .texts import t

    lang = cfg.lang.value
    found = scan(directory, libraries)  # through the index: no session file read that did not change
    if found.notice is not None:
        _echo(t(lang, found.notice), err=True)
    rows = [e for e in found.entries if not e.finished and e.answered > 0][:9]
    if not rows:
        return None
    console.print(t(lang, "cli_unfinished_title"), style="bold", highlight=False)
    for n, row in enumerate(rows, 1):
        updated = row.updated[:16].replace("T", " ")
        case = clean(row.case) or "-"
        console.print(
            t(lang, "cli_unfinished_row", n=n, case=case, answered=row.answered, total=row.total, updated=updated),
            markup=False,
            highlight=False,
        )
    while True:
        try:
            choice = console.input(t(lang, "cli_unfinished_pick") + ": ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            raise SystemExit(130) from None
        if not choice:  # a tired Enter continues what was there, it does not start a duplicate
            return rows[0].id
        if choice.lower() in ("n", "nieuw", "new"):
            return None
        if choice.isdigit() and 1 <= int(choice) <= len(rows):
            return rows[int(choice) - 1].id
        console.print(t(lang, "invalid_range", n=len(rows)), highlight=False)


def _author(cfg: Config, console: Console | None) -> Author | None:
    """Who makes this reflection, from the settings. Never given: asked once in the terminal
    (Enter leaves a line empty) and kept in the user's config file, so the record says who
    wrote it; a file that cannot be written is said, and the walk goes on."""
    from . import config
    from .models import Author
    from .sanitize import strip_control
    from .texts import t

    if cfg.author_unknown and console is not None:
        lang = cfg.lang.value
        console.print(t(lang, "author_ask"), highlight=False)
        given: dict[str, str] = {}
        for key in config.AUTHOR_KEYS:
            try:
                typed = console.input(t(lang, f"author_{key}") + ": ")
            except (KeyboardInterrupt, EOFError):
                console.print()
                raise SystemExit(130) from None
            given[key] = " ".join(strip_control(typed).split())[: config.MAX_TEXT]
        try:
            where = config.remember(given)
            console.print(t(lang, "author_kept", path=where), markup=False, highlight=False, soft_wrap=True)
        except OSError as err:
            console.print(t(lang, "author_not_kept", err=err.strerror or err), markup=False, highlight=False)
        return Author(name=given["author"], function=given["function"], service=given["service"])
    name, function, service = (v.value or "" for _, v in cfg.people())
    return Author(name=name, function=function, service=service) if name or function or service else None


def reflect(
    lang: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    answers: Path | None = None,
    output: Path | None = None,
    team: bool = False,
    prepared: list[str] | None = None,
    path: str | None = None,
    fmt: str | None = None,
    plain: bool | None = None,
) -> None:
    """Start a new reflection (an unfinished one is offered first)."""
    from . import session as sessions
    from .console import make_console
    from .models import Answer
    from .reflect import team_session
    from .walk import now

    cfg = _settings(lang, library, sessions_dir, fmt, plain)
    lang = cfg.lang.value
    path = _check_path(path, lang)
    libraries = _libraries(cfg)
    directory = _directory(cfg)
    region = cfg.region.value
    defaults = {"context.region": Answer(status="answered", value=region, at=now())} if region else None
    pairs = _prepared(prepared, cfg, directory, team) if prepared else []
    if answers is None:
        _needs_terminal("reflect", lang)
        console = make_console(cfg.plain.value)
        chosen = None if team else _offer_unfinished(cfg, directory, libraries, console)
        if chosen is not None:
            session, libraries, file = _open_session(cfg, directory, chosen)
            if path is not None:
                session.path = path
            _walk_and_record(
                session, libraries, directory, output, "resuming", cfg.record_format.value, console=console, file=file
            )
            return
    session = sessions.new_session(libraries, lang)
    session.path = path
    session.author = _author(cfg, console if answers is None else None)
    if team:
        team_session(session)
    if pairs:
        _bring_in(session, pairs, lang)
    _fill_or_walk(
        session, libraries, directory, answers, output, fmt=cfg.record_format.value, plain=cfg.plain.value, defaults=defaults
    )


def followup(
    session_id: str,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    answers: Path | None = None,
    output: Path | None = None,
    fmt: str | None = None,
    lang: str | None = None,
    plain: bool | None = None,
) -> None:
    """A new reflection for the same case, starting from an earlier one."""
    from .reflect import start_followup
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt, plain)
    directory = _directory(cfg)
    if answers is None:
        _needs_terminal("followup", cfg.lang.value)
    previous, libraries, file = _open_session(cfg, directory, session_id)
    _not_open_elsewhere(file, cfg.lang.value)
    session = start_followup(previous, libraries)
    session.author = _author(cfg, None)  # whoever runs the follow-up, from the settings
    if answers is None:
        _echo(t(session.lang, "followup_from", date=previous.updated[:10], id=previous.id))
    _fill_or_walk(
        session, libraries, directory, answers, output, greeting=None, fmt=cfg.record_format.value, plain=cfg.plain.value
    )


def resume(
    session_id: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    output: Path | None = None,
    path: str | None = None,
    fmt: str | None = None,
    lang: str | None = None,
    plain: bool | None = None,
) -> None:
    """Continue a reflection at its first unanswered question."""
    from . import hints
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt, plain)
    path = _check_path(path, cfg.lang.value)
    directory = _directory(cfg)
    session, libraries, file = _open_session(cfg, directory, session_id)
    _needs_terminal("resume", cfg.lang.value)
    if session.finished:
        _echo(t(session.lang, "reopened", cmd=hints.command(), id=session.id))
    session.finished = False
    if path is not None:
        session.path = path
    _walk_and_record(session, libraries, directory, output, "resuming", cfg.record_format.value, plain=cfg.plain.value, file=file)


def check(paths: list[Path] | None = None, lang: str | None = None) -> None:
    """Check library files (the bundled ones when none are given): every problem on its line,
    then how many were found; exit 1 when there were any."""
    from .library import bundled_dir, check_paths
    from .sanitize import strip_control
    from .texts import t

    lang = _settings(lang).lang.value
    passed, problems = check_paths(paths or [bundled_dir()])
    for problem in problems:
        _echo(strip_control(problem.text(lang)), err=True)
    if problems:
        _fail(t(lang, "cli_check_problems", n=len(problems), passed=passed), 1)
    _echo(t(lang, "cli_check_ok", passed=passed))


def _prepared(prepared: list[str], cfg: Config, directory: Path, team: bool) -> list[tuple[str, Session]]:
    """The participants' prepared reflections, from NAME=ID each (checked before anything is asked)."""
    from .texts import t

    lang = cfg.lang.value
    if not team:
        _fail(t(lang, "cli_prepared_team"), 2)
    pairs: list[tuple[str, Session]] = []
    for item in prepared:
        name, _, session_id = item.partition("=")
        if not name.strip() or not session_id.strip():
            _fail(t(lang, "cli_prepared_form", value=item), 2)
        earlier, _, file = _open_session(cfg, directory, session_id.strip())
        _not_open_elsewhere(file, lang)
        pairs.append((name.strip(), earlier))
    return pairs


def _not_open_elsewhere(file: Path, lang: str) -> None:
    """A preparation or the source of a follow-up is read whole: not while it is still being
    answered in another window (its last answers would be missing)."""
    from . import session as sessions
    from .texts import t

    try:
        sessions.hold(file).release()
    except sessions.SessionBusy:
        _fail(t(lang, "cli_source_busy", path=file), 1)
    except OSError:  # a folder that cannot hold a lock file: reading it is still fine
        pass


def _bring_in(session: Session, pairs: list[tuple[str, Session]], lang: str) -> None:
    """Start a meeting from its participants' prepared reflections."""
    from .reflect import PreparedError, bring_in_prepared
    from .texts import t

    try:
        bring_in_prepared(session, pairs)
    except PreparedError as err:
        _fail(t(lang, err.args[0], detail=err.args[1]), 2)
    _echo(t(lang, "cli_prepared_in", names=", ".join(name for name, _ in pairs)))


def _fill_or_walk(
    session: Session,
    libraries: LibrarySet,
    directory: Path,
    answers: Path | None,
    output: Path | None,
    greeting: str | None = "welcome",
    fmt: str = "md",
    plain: bool = False,
    defaults: dict[str, Answer] | None = None,
) -> None:
    from . import hints, session as sessions
    from .oserrors import describe
    from .reflect import fill_from_file, write_record
    from .texts import t

    lang = session.lang
    if answers is not None:
        prepared_case = session.answers.get("context.case") if session.prepared_from else None
        problems = fill_from_file(session, libraries, answers)
        if problems:
            _fail("\n".join(problems) + "\n" + t(lang, "cli_answers_problems"), 2)
        case = session.answers.get("context.case")
        if prepared_case is not None and case is not None and str(case.value).strip() != str(prepared_case.value).strip():
            _fail(t(lang, "cli_prepared_other_case", given=case.value, prepared=prepared_case.value), 2)
        for key, answer in (defaults or {}).items():  # a configured default where the file gives none
            session.answers.setdefault(key, answer)
        try:  # as the walk says it: the folder cannot be used, nothing saved (the answers file is only read)
            sessions.save(session, directory)
        except OSError as err:
            _fail(t(lang, "dir_unusable", dir=directory, err=describe(err, lang)), 1)
        for item in session.privacy.kept:
            _echo(t(lang, "cli_privacy_warning", item=item), err=True)
        try:
            path = write_record(session, libraries, output, fmt=fmt)
        except FileExistsError:
            _fail(t(lang, "cli_exists_choose", path=output), 1)
        except OSError as err:
            _fail(t(lang, "cli_record_failed", err=describe(err, lang), cmd=hints.command(), id=session.id), 1)
        _echo(t(lang, "cli_saved_written", id=session.id, path=path))
        return
    _walk_and_record(session, libraries, directory, output, greeting, fmt, plain=plain, defaults=defaults)
