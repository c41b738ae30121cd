"""The command line: commands and options only; the work is done in the other modules.
Heavy modules are imported inside the commands, so `--help` stays quick."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import typer

from . import __version__
from .helptext import LocalCommand, LocalGroup

# Help texts live in helptext.py (Dutch and English); the commands here carry none of their own.
app = typer.Typer(
    cls=LocalGroup,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,  # a crash must never print case data held in variables
)
libraries_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(libraries_app, name="libraries")
command = partial(app.command, cls=LocalCommand)
libraries_command = partial(libraries_app.command, cls=LocalCommand)

LangOpt = typer.Option(None, "--lang", metavar="nl|en", show_default=False)
LibraryOpt = typer.Option(None, "--library", "-l", metavar="PATH")
PathOpt = typer.Option(None, "--path", metavar="short|full")
FormatOpt = typer.Option(None, "--format", "-f", metavar="md|docx|html")
SessionsDirOpt = typer.Option(None, "--sessions-dir", metavar="DIR")
PlainOpt = typer.Option(None, "--plain/--no-plain", show_default=False)
OutputOpt = typer.Option(None, "--output", "-o", metavar="FILE")
ForceOpt = typer.Option(False, "--force")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"goedgenoeg {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True)) -> None:
    """goedgenoeg"""


def _fail(message: str, code: int = 1) -> None:
    from .sanitize import strip_control

    typer.echo(strip_control(message), err=True)
    raise typer.Exit(code)


def _settings(
    lang: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    fmt: str | None = None,
    plain: bool | None = None,
    region: str | None = None,
):
    """The effective settings (command line > environment > user file > organisation file)."""
    from . import config
    from .texts import t

    try:
        return config.load(config.Options(lang, region, tuple(library or ()), sessions_dir, fmt, plain))
    except config.ConfigError as err:
        guess = lang if lang in config.LANGS else config.lang_hint([])
        _fail(t(guess, err.key, **err.values), 2)


def _libraries(cfg, extra: tuple[Path, ...] = ()):
    from .library import LibraryError, load_all
    from .texts import t

    try:
        return load_all(cfg.library_paths() + list(extra))
    except LibraryError as err:
        _fail("\n".join(err.lines(cfg.lang.value)) + "\n" + t(cfg.lang.value, "cli_fix_library"), 2)


def _directory(cfg) -> Path:
    """The sessions folder; the default one takes over the sessions of the old (roaming) folder once."""
    from .texts import t

    directory = cfg.sessions_dir.value
    if cfg.sessions_dir_is_default:
        from .migrate import move_old_sessions

        moved = move_old_sessions(directory)
        if moved is not None:
            lang = cfg.lang.value
            if moved.count:
                typer.echo(t(lang, "cli_moved", n=moved.count, old=moved.old, new=directory), err=True)
            for path, err in moved.failed:
                typer.echo(t(lang, "cli_move_failed", path=path, err=err), err=True)
    return directory


def _session_error(err, lang: str) -> str:
    from .hints import command as cmd
    from .texts import t

    return t(lang, err.key, cmd=cmd(), **err.values) if err.key else str(err)


def _open_session(cfg, directory: Path, session_id: str | None):
    """A saved session, the libraries it was made with (those of the settings, plus any it
    names that can still be found) and the file it came from (a copy is saved into itself); a
    note for each library missing and each answer that no longer fits; a clear exit if there
    is no such session."""
    from . import session as sessions
    from .texts import t

    lang = cfg.lang.value
    try:
        path = sessions.find(directory, session_id)
        session = sessions.load(path)
    except sessions.SessionError as err:
        _fail(_session_error(err, lang), 1)
    libraries = _libraries(cfg)
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
        typer.echo(t(lang, "cli_libraries_missing", ids=", ".join(missing)), err=True)
    for warning in sessions.fit_answers(session, libraries):
        typer.echo(t(lang, "cli_note", text=warning), err=True)
    return session, libraries, path


def _load_session(cfg, directory: Path, session_id: str | None):
    """A saved session and the libraries it was made with."""
    session, libraries, _ = _open_session(cfg, directory, session_id)
    return session, libraries


def _check_choice(value: str | None, option: str, allowed: tuple[str, ...], lang: str = "nl") -> str | None:
    from .texts import t

    if value is not None and value not in allowed:
        _fail(t(lang, "cli_unknown_value", value=value, option=option, allowed=", ".join(allowed)), 2)
    return value


def _check_path(path: str | None, lang: str) -> str | None:
    return _check_choice(path, "--path", ("short", "full"), lang)


def _needs_terminal(name: str, lang: str) -> None:
    from .reflect import interactive_allowed
    from .texts import t

    if not interactive_allowed():
        _fail(t(lang, "cli_needs_terminal", command=name), 2)


# The OS locks on the sessions this process writes: held until the process ends.
_HELD: list = []


def _walk_and_record(
    session,
    libraries,
    directory: Path,
    output: Path | None,
    greeting: str | None = "welcome",
    fmt: str = "md",
    plain: bool = False,
    defaults=None,
    console=None,
    file: Path | None = None,
) -> None:
    from . import hints
    from . import session as sessions
    from .ask import TerminalAsker
    from .console import make_console
    from .files import private_dir
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
        _fail(t(lang, "dir_unusable", dir=file.parent, err=err.strerror or err), 1)
    handle_signals()
    if greeting == "resuming":
        case = session.answers.get("context.case")
        case_ref = strip_control(str(case.value)) if case and case.value else "-"
        console.print(t(lang, "resuming", id=session.id, case=case_ref), markup=False, highlight=False, soft_wrap=True)
    elif greeting == "welcome":
        console.print(t(lang, "welcome"), style="bold", highlight=False)
    try:
        result = walk_session(session, libraries, TerminalAsker(console, lang), directory, file, defaults=defaults)
    except NotSaved:
        result = "not_saved"
    except KeyboardInterrupt:
        result = "stopped"
    if result in ("stopped", "not_saved"):
        console.print()
        if set(session.answers) <= {"context.who"} and session.followup_of is None:
            file.unlink(missing_ok=True)  # nothing to come back to
            console.print(t(lang, "cli_nothing_kept"), style="bold")
            raise typer.Exit(130)
        console.print(t(lang, "stopped" if result == "stopped" else "stopped_unsaved"), style="bold")
        # a copy ('ID (kopie).json') is resumed by its file, not by the id it shares with the original
        again = session.id if file == sessions.path_of(directory, session.id) else f'"{file}"'
        console.print(t(lang, "resume_with", cmd=hints.resume(again)), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(130)
    cmd = hints.command()
    try:
        path = write_record(session, libraries, output, fmt=fmt)
    except OSError as err:  # the answers are saved; only the record could not be written
        _fail(t(lang, "cli_record_failed", err=err, cmd=cmd, id=session.id), 1)
    from .walk import Walk

    walk = Walk(libraries, session.answers, path=session.path)
    console.rule()
    console.print(t(lang, "record_written", path=path), style="bold green", markup=False, highlight=False, soft_wrap=True)
    open_points = walk.open_points()
    own = sum(1 for _, step in open_points if not step.prompt.dossier)  # not in the dossier record
    done = len(walk.steps()) - len(open_points)
    if own:
        console.print(t(lang, "end_summary_own", done=done, open=len(open_points) - own, own=own), highlight=False)
    else:
        console.print(t(lang, "end_summary", done=done, open=len(open_points)), highlight=False)
    if walk.path == "short" and not walk.team():  # a meeting followed the meeting path
        more = len(Walk(libraries, session.answers, path="full").open_points()) - len(walk.open_points())
        if more > 0:
            console.print(t(lang, "end_full", cmd=cmd, id=session.id, n=more), markup=False, highlight=False, soft_wrap=True)
    console.print(t(lang, "end_again", cmd=cmd, id=session.id), style="dim", markup=False, highlight=False, soft_wrap=True)


def _offer_unfinished(cfg, directory: Path, libraries, console) -> str | None:
    """The unfinished reflections (with at least one answer), most recent first; the id of the
    one the person picks, or None for a new reflection."""
    from . import session as sessions
    from .texts import t

    lang = cfg.lang.value
    rows = [r for r in sessions.list_sessions(directory, libraries) if not r.finished and not r.problem and r.answered > 0][:9]
    if not rows:
        return None
    console.print(t(lang, "cli_unfinished_title"), style="bold", highlight=False)
    for n, row in enumerate(rows, 1):
        updated = row.updated[:16].replace("T", " ")
        console.print(
            t(lang, "cli_unfinished_row", n=n, case=row.case, answered=row.answered, total=row.total, updated=updated),
            markup=False,
            highlight=False,
        )
    while True:
        try:
            choice = console.input(t(lang, "cli_unfinished_pick") + ": ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            raise typer.Exit(130) from None
        if not choice:  # a tired Enter continues what was there, it does not start a duplicate
            return rows[0].id
        if choice.lower() in ("n", "nieuw", "new"):
            return None
        if choice.isdigit() and 1 <= int(choice) <= len(rows):
            return rows[int(choice) - 1].id
        console.print(t(lang, "invalid_range", n=len(rows)), highlight=False)


@command()
def reflect(
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE"),
    output: Path | None = OutputOpt,
    team: bool = typer.Option(False, "--team"),
    prepared: list[str] | None = typer.Option(None, "--prepared", metavar="NAME=ID"),
    path: str | None = PathOpt,
    fmt: str | None = FormatOpt,
    plain: bool | None = PlainOpt,
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
    if team:
        team_session(session)
    if pairs:
        _bring_in(session, pairs, lang)
    _fill_or_walk(
        session, libraries, directory, answers, output, fmt=cfg.record_format.value, plain=cfg.plain.value, defaults=defaults
    )


def _prepared(prepared: list[str], cfg, directory: Path, team: bool) -> list:
    """The participants' prepared reflections, from NAME=ID each (checked before anything is asked)."""
    from .texts import t

    lang = cfg.lang.value
    if not team:
        _fail(t(lang, "cli_prepared_team"), 2)
    pairs = []
    for item in prepared:
        name, _, session_id = item.partition("=")
        if not name.strip() or not session_id.strip():
            _fail(t(lang, "cli_prepared_form", value=item), 2)
        earlier, _ = _load_session(cfg, directory, session_id.strip())
        pairs.append((name.strip(), earlier))
    return pairs


def _bring_in(session, pairs: list, lang: str) -> None:
    """Start a meeting from its participants' prepared reflections."""
    from .reflect import PreparedError, bring_in_prepared
    from .texts import t

    try:
        bring_in_prepared(session, pairs)
    except PreparedError as err:
        _fail(t(lang, err.args[0], detail=err.args[1]), 2)
    typer.echo(t(lang, "cli_prepared_in", names=", ".join(name for name, _ in pairs)))


def _fill_or_walk(
    session,
    libraries,
    directory: Path,
    answers: Path | None,
    output: Path | None,
    greeting: str | None = "welcome",
    fmt: str = "md",
    plain: bool = False,
    defaults=None,
) -> None:
    from . import hints
    from . import session as sessions
    from .reflect import fill_from_file, write_record
    from .texts import t

    lang = session.lang
    if answers is not None:
        problems = fill_from_file(session, libraries, answers)
        if problems:
            _fail("\n".join(problems) + "\n" + t(lang, "cli_answers_problems"), 2)
        for key, answer in (defaults or {}).items():  # a configured default where the file gives none
            session.answers.setdefault(key, answer)
        sessions.save(session, directory)
        for item in session.privacy.kept:
            typer.echo(t(lang, "cli_privacy_warning", item=item), err=True)
        try:
            path = write_record(session, libraries, output, fmt=fmt)
        except FileExistsError:
            _fail(t(lang, "cli_exists_choose", path=output), 1)
        except OSError as err:
            _fail(t(lang, "cli_record_failed", err=err, cmd=hints.command(), id=session.id), 1)
        typer.echo(t(lang, "cli_saved_written", id=session.id, path=path))
        return
    _walk_and_record(session, libraries, directory, output, greeting, fmt, plain=plain, defaults=defaults)


@command()
def followup(
    session_id: str = typer.Argument(..., metavar="ID"),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE"),
    output: Path | None = OutputOpt,
    fmt: str | None = FormatOpt,
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """A new reflection for the same case, starting from an earlier one."""
    from .reflect import start_followup
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt, plain)
    directory = _directory(cfg)
    if answers is None:
        _needs_terminal("followup", cfg.lang.value)
    previous, libraries = _load_session(cfg, directory, session_id)
    session = start_followup(previous, libraries)
    if answers is None:
        typer.echo(t(session.lang, "followup_from", date=previous.updated[:10], id=previous.id))
    _fill_or_walk(
        session, libraries, directory, answers, output, greeting=None, fmt=cfg.record_format.value, plain=cfg.plain.value
    )


@command()
def resume(
    session_id: str | None = typer.Argument(None, metavar="ID", show_default=False),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    output: Path | None = OutputOpt,
    path: str | None = PathOpt,
    fmt: str | None = FormatOpt,
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
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
        typer.echo(t(session.lang, "reopened", cmd=hints.command(), id=session.id))
    session.finished = False
    if path is not None:
        session.path = path
    _walk_and_record(session, libraries, directory, output, "resuming", cfg.record_format.value, plain=cfg.plain.value, file=file)


@command("sessions")
def list_sessions(
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    lang: str | None = LangOpt,
) -> None:
    """List saved reflections."""
    from . import hints
    from . import session as sessions
    from .texts import t

    cfg = _settings(lang, library, sessions_dir)
    lang = cfg.lang.value
    libraries = _libraries(cfg)
    directory = _directory(cfg)
    rows = sessions.list_sessions(directory, libraries)
    if not rows:
        typer.echo(t(lang, "cli_no_sessions", dir=directory, cmd=hints.command()))
        return
    from .sanitize import strip_control as clean

    for row in rows:
        if row.problem:
            typer.echo(clean(f"{row.id:<22} ({t(lang, 'cli_damaged')}: {row.problem})"))
            continue
        state = t(lang, "cli_finished" if row.finished else "cli_in_progress")
        case = " ".join(clean(str(row.case)).split())
        typer.echo(
            clean(f"{row.id:<22} {case[:24]:<24} {row.updated[:16].replace('T', ' ')}  {row.answered}/{row.total}  {state}")
        )


@command()
def record(
    session_id: str = typer.Argument(..., metavar="ID"),
    output: Path | None = OutputOpt,
    force: bool = ForceOpt,
    fmt: str | None = FormatOpt,
    full: bool = typer.Option(False, "--full"),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    lang: str | None = LangOpt,
) -> None:
    """Write the record of a saved reflection."""
    from .record import render
    from .reflect import write_record
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt)
    lang = cfg.lang.value
    fmt = cfg.record_format.value
    directory = _directory(cfg)
    session, libraries = _load_session(cfg, directory, session_id)
    if output is None and fmt == "md":
        typer.echo(render(session, libraries, fmt="md", full=full))
        return
    try:
        written = write_record(session, libraries, output, force=force, fmt=fmt, full=full)
    except FileExistsError:
        _fail(t(lang, "cli_exists_force", path=output), 1)
    except OSError as err:
        _fail(t(lang, "cli_cannot_write", path=output, err=err.strerror or err), 1)
    typer.echo(t(lang, "cli_record_to", path=written))


@command()
def preview(
    decision: str | None = typer.Option(None, "--decision", metavar="placement|measure|report|other"),
    age: str | None = typer.Option(None, "--age", metavar="unborn|under-1|1-3|3-6|6-12|12-18"),
    region: str | None = typer.Option(None, "--region", metavar="flanders|netherlands"),
    who: str = typer.Option("alone", "--who", metavar="alone|duo|team"),
    path: str | None = PathOpt,
    people: int = typer.Option(4, "--people", min=1, max=30, metavar="N"),
    as_json: bool = typer.Option(False, "--json"),
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
) -> None:
    """What a reflection will ask, before you start."""
    import json

    from .models import AGE_BANDS, DECISIONS, WHO
    from .preview import lines, plan
    from .texts import t

    cfg = _settings(lang, library, region=region)
    lang = cfg.lang.value
    # several decisions weighed together: --decision placement,measure
    decisions = [_check_choice(d.strip(), "--decision", DECISIONS, lang) for d in decision.split(",")] if decision else None
    context = {
        key: value
        for key, value in (
            ("decision", decisions),
            ("age", _check_choice(age, "--age", AGE_BANDS, lang)),
            ("region", cfg.region.value),
            ("who", _check_choice(who, "--who", WHO, lang)),
        )
        if value is not None
    }
    missing = [f"--{k}" for k in ("decision", "age", "region") if k not in context]
    if missing:
        _fail(t(lang, "cli_preview_needs", missing=", ".join(missing)), 2)
    result = plan(_libraries(cfg), context, _check_path(path, lang), lang, people if who == "team" else 1)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
        return
    from .sanitize import strip_control

    for line in lines(result, lang, team=who == "team"):
        typer.echo(strip_control(line))


@command("config")
def show_config(
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    fmt: str | None = FormatOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """Show every effective setting and where it came from."""
    from .config import DEFAULT, Origin
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt, plain)
    lang = cfg.lang.value

    def origin(o: Origin) -> str:
        return t(lang, "cfg_from_default") if o == DEFAULT else t(lang, f"cfg_from_{o.kind}", detail=o.detail)

    typer.echo(t(lang, "cfg_title"))
    rows = [
        ("lang", cfg.lang.value, cfg.lang.origin),
        ("region", cfg.region.value or t(lang, "cfg_region_none"), cfg.region.origin),
        ("sessions_dir", str(cfg.sessions_dir.value), cfg.sessions_dir.origin),
        ("record_format", cfg.record_format.value, cfg.record_format.origin),
        ("plain", "true" if cfg.plain.value else "false", cfg.plain.origin),
        ("small_count", str(cfg.small_count.value), cfg.small_count.origin),
    ]
    rows += [("libraries", str(v.value), v.origin) for v in cfg.libraries] or [("libraries", t(lang, "cfg_none"), DEFAULT)]
    for key, value, where in rows:
        typer.echo(f"  {key:<14} {value}  [{origin(where)}]")
    typer.echo(t(lang, "cfg_files"))
    for where, file, exists in cfg.files:
        label = t(lang, f"cfg_file_{where.kind}") + (f" ({where.detail})" if where.detail else "")
        typer.echo(f"  {label:<14} {file}  ({t(lang, 'cfg_exists' if exists else 'cfg_absent')})")


@libraries_command("list")
def libraries_list(
    library: list[Path] | None = LibraryOpt,
    prompts: bool = typer.Option(False, "--prompts"),
    lang: str | None = LangOpt,
) -> None:
    """List the libraries a reflection uses."""
    from .sanitize import strip_control as clean
    from .texts import t

    cfg = _settings(lang, library)
    libraries = _libraries(cfg)
    word = t(cfg.lang.value, "cli_prompts")
    for loaded in libraries.libraries:
        lib = loaded.library
        count = sum(len(s.prompts) for s in lib.sections)
        title = lib.title.en if cfg.lang.value == "en" else lib.title.nl
        typer.echo(clean(f"{lib.id:<16} {lib.version:<8} {count:>4} {word}  {title}  ({loaded.path})"))
        if prompts:
            for section in lib.sections:
                for prompt in section.prompts:
                    typer.echo(clean(f"    {lib.id}.{prompt.id:<40} {prompt.kind}"))


@libraries_command("check")
def libraries_check(
    paths: list[Path] | None = typer.Argument(None, metavar="PATH", show_default=False),
    lang: str | None = LangOpt,
) -> None:
    """Check library files."""
    from .library import bundled_dir, check_paths
    from .texts import t

    lang = _settings(lang).lang.value
    passed, problems = check_paths(paths or [bundled_dir()])
    from .sanitize import strip_control

    for problem in problems:
        typer.echo(strip_control(problem.text(lang)), err=True)
    if problems:
        typer.echo(t(lang, "cli_check_problems", n=len(problems), passed=passed), err=True)
        raise typer.Exit(1)
    typer.echo(t(lang, "cli_check_ok", passed=passed))


@libraries_command("schema")
def libraries_schema() -> None:
    """Print the JSON Schema of a library file."""
    import json

    from .models import Library

    typer.echo(json.dumps(Library.model_json_schema(), indent=2, ensure_ascii=False))


@libraries_command("sources")
def libraries_sources(library: list[Path] | None = LibraryOpt) -> None:
    """Show, per source and section, the prompts that draw on it."""
    from .coverage import coverage_table

    typer.echo(coverage_table(_libraries(_settings(None, library))))


@command()
def overview(
    directory: Path | None = typer.Argument(None, metavar="DIR", show_default=False),
    output: Path | None = OutputOpt,
    export: Path | None = typer.Option(None, "--export", metavar="FILE"),
    as_json: bool = typer.Option(False, "--json"),
    force: bool = ForceOpt,
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """Counts across all sessions in a folder, to learn across cases."""
    from . import overview as ov
    from .console import make_console
    from .files import write_private
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, plain=plain)
    lang = cfg.lang.value
    small = cfg.small_count.value
    libraries = _libraries(cfg)
    folder = directory if directory is not None else _directory(cfg)
    if not folder.is_dir():
        _fail(t(lang, "cli_not_sessions", path=folder), 1)
    if export is not None and export.resolve().parent == folder.resolve():
        _fail(t(lang, "ov_export_inside", path=export), 1)
    result = ov.gather(folder, libraries)
    if as_json:
        typer.echo(ov.to_json(result, small, files=True), nl=False)
    else:
        console = make_console(cfg.plain.value)
        for line in ov.summary_lines(result, lang, small):
            console.print(line, markup=False, highlight=False)
        for table in ov.terminal_tables(result, libraries, lang, small):
            console.print(table)
    written = [
        (output, ov.to_markdown(result, libraries, lang, small), "cli_overview_to"),
        (export, ov.to_json(result, small), "ov_export_to"),
    ]
    for path, text, done in written:
        if path is None:
            continue
        try:
            write_private(path, text.encode("utf-8"), overwrite=force)
        except FileExistsError:
            _fail(t(lang, "cli_exists_force", path=path), 1)
        except OSError as err:
            _fail(t(lang, "cli_cannot_write", path=path, err=err.strerror), 1)
        typer.echo(t(lang, done, path=path), err=as_json)
