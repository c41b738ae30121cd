"""The command line: commands and options only; the work is done in the other modules.
Heavy modules are imported inside the commands, so `--help` stays quick."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import __version__

app = typer.Typer(
    help=(
        "goedgenoeg: a reflection before a heavy decision about a child (an out-of-home placement, "
        "a child-protection measure, a report). It asks critical questions, perspective-taking "
        "questions and the alternatives, saves every answer at once, and writes a markdown record "
        "for the case file. It never gives a score or a verdict.\n\n"
        "Examples:\n\n"
        "  goedgenoeg reflect                 start a reflection (in Dutch)\n\n"
        "  goedgenoeg reflect --lang en       start one in English\n\n"
        "  goedgenoeg resume                  continue the last unfinished reflection\n\n"
        "  goedgenoeg sessions                list saved reflections\n\n"
        "  goedgenoeg record ID -o r.md       write the record of a reflection"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,  # a crash must never print case data held in variables
)
libraries_app = typer.Typer(help="List, check and document the prompt libraries.", no_args_is_help=True)
app.add_typer(libraries_app, name="libraries")

LangOpt = typer.Option("nl", "--lang", metavar="nl|en", help="Language of the questions and the record: nl or en.")
LibraryOpt = typer.Option(
    None, "--library", "-l", metavar="PATH", help="An extra library file or folder (repeatable); a library with the same id replaces the bundled one."
)
PathOpt = typer.Option(
    None,
    "--path",
    metavar="short|full",
    help="short: the heart of the reflection, about 30 minutes; full: every question. Default: short alone or as a duo, full for a team.",
)
FormatOpt = typer.Option("md", "--format", "-f", metavar="md|docx|html", help="Format of the record: md (markdown), docx (Word) or html (print to PDF).")
SessionsDirOpt = typer.Option(
    None, "--sessions-dir", envvar="GOEDGENOEG_SESSIONS_DIR", metavar="DIR", help="Where sessions are saved (default: your application folder)."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"goedgenoeg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and stop."),
) -> None:
    """goedgenoeg"""


def _fail(message: str, code: int = 1) -> None:
    from .sanitize import strip_control

    typer.echo(strip_control(message), err=True)
    raise typer.Exit(code)


def _libraries(library: Optional[list[Path]]):
    from .library import LibraryError, load_all

    try:
        return load_all(library or [])
    except LibraryError as err:
        _fail("\n".join(err.problems) + "\nFix the library (or leave out --library) and try again.", 2)


def _open_session(directory: Path, session_id: Optional[str], libraries):
    """A saved session and the file it came from, with a note for each answer that no longer
    fits; a clear exit if not."""
    from . import session as sessions

    try:
        path = sessions.find(directory, session_id)
        session = sessions.load(path)
    except sessions.SessionError as err:
        _fail(str(err), 1)
    for warning in sessions.fit_answers(session, libraries):
        typer.echo(f"note: {warning}", err=True)
    return session, path


def _load_session(directory: Path, session_id: Optional[str], libraries):
    return _open_session(directory, session_id, libraries)[0]


def _check_lang(lang: str) -> str:
    if lang not in ("nl", "en"):
        _fail(f"Unknown language '{lang}': use --lang nl or --lang en.", 2)
    return lang


def _check_choice(value: Optional[str], option: str, allowed: tuple[str, ...]) -> Optional[str]:
    if value is not None and value not in allowed:
        _fail(f"Unknown value '{value}' for {option}: use one of {', '.join(allowed)}.", 2)
    return value


def _check_path(path: Optional[str]) -> Optional[str]:
    return _check_choice(path, "--path", ("short", "full"))


def _check_format(fmt: str) -> str:
    return _check_choice(fmt, "--format", ("md", "docx", "html")) or "md"


# The OS locks on the sessions this process writes: held until the process ends.
_HELD: list = []


def _walk_and_record(
    session,
    libraries,
    directory: Path,
    output: Optional[Path],
    greeting: Optional[str] = "welcome",
    fmt: str = "md",
    file: Optional[Path] = None,
) -> None:
    from rich.console import Console

    from . import session as sessions
    from .ask import TerminalAsker
    from .files import private_dir
    from .reflect import NotSaved, handle_signals, walk_session, write_record
    from .sanitize import strip_control
    from .texts import t

    console = Console()
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
        console.print(t(lang, "resuming", id=session.id, case=case_ref), markup=False, highlight=False)
    elif greeting == "welcome":
        console.print(t(lang, "welcome"), style="bold", highlight=False)
    try:
        result = walk_session(session, libraries, TerminalAsker(console, lang), directory, file)
    except NotSaved:
        result = "not_saved"
    except KeyboardInterrupt:
        result = "stopped"
    if result in ("stopped", "not_saved"):
        console.print()
        console.print(t(lang, "stopped" if result == "stopped" else "stopped_unsaved"), style="bold")
        # a copy ('ID (kopie).json') is resumed by its file, not by the id it shares with the original
        again = session.id if file == sessions.path_of(directory, session.id) else f'"{file}"'
        console.print(t(lang, "resume_with", id=again), highlight=False, markup=False)
        raise typer.Exit(130)
    try:
        path = write_record(session, libraries, output, fmt=fmt)
    except OSError as err:  # the answers are saved; only the record could not be written
        _fail(f"The record could not be written ({err}). Your answers are saved: goedgenoeg record {session.id} -o FILE", 1)
    from .walk import Walk

    walk = Walk(libraries, session.answers, path=session.path)
    console.rule()
    console.print(t(lang, "record_written", path=path), style="bold green", markup=False, highlight=False)
    console.print(t(lang, "end_summary", done=len(walk.steps()) - len(walk.open_points()), open=len(walk.open_points())), highlight=False)
    if walk.path == "short":
        more = len(Walk(libraries, session.answers, path="full").open_points()) - len(walk.open_points())
        if more > 0:
            console.print(t(lang, "end_full", id=session.id, n=more), markup=False, highlight=False)
    console.print(t(lang, "end_again", id=session.id), style="dim", markup=False, highlight=False)


@app.command()
def reflect(
    lang: str = LangOpt,
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
    answers: Optional[Path] = typer.Option(
        None, "--answers", metavar="FILE", help="Fill the reflection from a YAML file of prompt ids to answers, without asking."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Where to write the record (default: reflectie-CASE-DATE.md here)."
    ),
    team: bool = typer.Option(
        False, "--team", help="A team reflection in a case meeting: participants and roles, separate voices, check-in and check-out."
    ),
    path: Optional[str] = PathOpt,
    fmt: str = FormatOpt,
) -> None:
    """Start a new reflection. Every answer is saved at once; stop any time with Ctrl-C or !stop.
    Alone or as a duo it follows the short path (about 30 minutes) and then offers the full one.

    Examples:

      goedgenoeg reflect

      goedgenoeg reflect --path full --format docx

      goedgenoeg reflect --team

      goedgenoeg reflect --lang en --library ./our-prompts/

      goedgenoeg reflect --answers prepared.yaml -o record.md
    """
    from . import session as sessions
    from .reflect import interactive_allowed, team_session

    lang = _check_lang(lang)
    path = _check_path(path)
    fmt = _check_format(fmt)
    libraries = _libraries(library)
    directory = sessions.sessions_dir(sessions_dir)
    if answers is None and not interactive_allowed():
        _fail(
            "goedgenoeg reflect asks questions and needs a terminal, but standard input is not one.\n"
            "Run it in a terminal, or fill it from a file: goedgenoeg reflect --answers FILE.yaml",
            2,
        )
    session = sessions.new_session(libraries, lang)
    session.path = path
    if team:
        team_session(session)
    _fill_or_walk(session, libraries, directory, answers, output, fmt=fmt)


def _fill_or_walk(
    session,
    libraries,
    directory: Path,
    answers: Optional[Path],
    output: Optional[Path],
    greeting: Optional[str] = "welcome",
    fmt: str = "md",
) -> None:
    from . import session as sessions
    from .reflect import fill_from_file, write_record

    if answers is not None:
        problems = fill_from_file(session, libraries, answers)
        if problems:
            _fail("\n".join(problems) + "\nNothing was saved. Fix the answers file and try again.", 2)
        sessions.save(session, directory)
        for item in session.privacy.kept:
            typer.echo(f"warning: possible personal data in {item}", err=True)
        try:
            path = write_record(session, libraries, output, fmt=fmt)
        except FileExistsError:
            _fail(f"{output} already exists; choose another --output.", 1)
        except OSError as err:
            _fail(f"The record could not be written ({err}). The session is saved: goedgenoeg record {session.id} -o FILE", 1)
        typer.echo(f"Session {session.id} saved; record written to {path}")
        return
    _walk_and_record(session, libraries, directory, output, greeting, fmt)


@app.command()
def followup(
    session_id: str = typer.Argument(..., metavar="ID", help="The earlier reflection of this case (id or its start)."),
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
    answers: Optional[Path] = typer.Option(None, "--answers", metavar="FILE", help="Change earlier answers from a YAML file, without asking."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Where to write the record."),
    fmt: str = FormatOpt,
) -> None:
    """A new reflection for the same case, starting from an earlier one: earlier answers are
    shown and kept with Enter, and the record lists what changed since then.

    Examples:

      goedgenoeg followup 20261122-0915

      goedgenoeg followup 20261122-0915 --answers changes.yaml -o vervolg.md
    """
    from . import session as sessions
    from .reflect import interactive_allowed, start_followup

    fmt = _check_format(fmt)
    libraries = _libraries(library)
    directory = sessions.sessions_dir(sessions_dir)
    if answers is None and not interactive_allowed():
        _fail("goedgenoeg followup asks questions and needs a terminal; or give --answers FILE.", 2)
    previous = _load_session(directory, session_id, libraries)
    session = start_followup(previous, libraries)
    if answers is None:
        from .texts import t

        typer.echo(t(session.lang, "followup_from", date=previous.updated[:10], id=previous.id))
    _fill_or_walk(session, libraries, directory, answers, output, greeting=None, fmt=fmt)


@app.command()
def resume(
    session_id: Optional[str] = typer.Argument(None, metavar="ID", help="Session id (or its start); default: the last unfinished one."),
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Where to write the record."),
    path: Optional[str] = typer.Option(None, "--path", metavar="short|full", help="Switch path: full goes on with every question."),
    fmt: str = FormatOpt,
) -> None:
    """Continue a reflection at its first unanswered question.

    Examples:

      goedgenoeg resume

      goedgenoeg resume 20261122-0915 --path full
    """
    from . import session as sessions
    from .reflect import interactive_allowed

    path = _check_path(path)
    fmt = _check_format(fmt)
    libraries = _libraries(library)
    directory = sessions.sessions_dir(sessions_dir)
    if not interactive_allowed():
        _fail("goedgenoeg resume needs a terminal, but standard input is not one.", 2)
    session, file = _open_session(directory, session_id, libraries)
    if session.finished:
        from .texts import t

        typer.echo(t(session.lang, "reopened", id=session.id))
    session.finished = False
    if path is not None:
        session.path = path
    _walk_and_record(session, libraries, directory, output, "resuming", fmt, file=file)


@app.command("sessions")
def list_sessions(
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
) -> None:
    """List saved reflections: id, case reference, last change and progress."""
    from . import session as sessions

    libraries = _libraries(library)
    directory = sessions.sessions_dir(sessions_dir)
    rows = sessions.list_sessions(directory, libraries)
    if not rows:
        typer.echo(f"No sessions in {directory}. Start one with: goedgenoeg reflect")
        return
    from .sanitize import strip_control as clean

    for row in rows:
        if row.problem:
            typer.echo(clean(f"{row.id:<22} (damaged: {row.problem})"))
            continue
        state = "finished" if row.finished else "in progress"
        case = " ".join(clean(str(row.case)).split())
        typer.echo(clean(f"{row.id:<22} {case[:24]:<24} {row.updated[:16].replace('T', ' ')}  {row.answered}/{row.total}  {state}"))


@app.command()
def record(
    session_id: str = typer.Argument(..., metavar="ID", help="Session id (or its start), or a session file."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file instead of standard output."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
    fmt: str = FormatOpt,
    full: bool = typer.Option(
        False, "--full", help="Everything, the professionals' own reflection included, marked as internal: not for the case file."
    ),
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
) -> None:
    """Write the record of a saved reflection (again, later, as often as needed). By default the
    dossier record: the case, without the professionals' own feelings, doubts and beliefs.

    Examples:

      goedgenoeg record 20261122-0915 -o reflectie.md

      goedgenoeg record 20261122-0915 --format docx

      goedgenoeg record 20261122-0915 --format html -o reflectie.html

      goedgenoeg record 20261122-0915 --full -o intern.md
    """
    from . import session as sessions
    from .record import render
    from .reflect import write_record

    fmt = _check_format(fmt)
    libraries = _libraries(library)
    directory = sessions.sessions_dir(sessions_dir)
    session = _load_session(directory, session_id, libraries)
    if output is None and fmt == "md":
        typer.echo(render(session, libraries, fmt="md", full=full))
        return
    try:
        written = write_record(session, libraries, output, force=force, fmt=fmt, full=full)
    except FileExistsError:
        _fail(f"{output} already exists. Use --force to overwrite it, or choose another file.", 1)
    except OSError as err:
        _fail(f"Cannot write {output}: {err.strerror or err}.", 1)
    typer.echo(f"Record written to {written}")


@app.command()
def preview(
    decision: Optional[str] = typer.Option(None, "--decision", metavar="placement|measure|report|other", help="The decision on the table."),
    age: Optional[str] = typer.Option(None, "--age", metavar="unborn|under-1|1-3|3-6|6-12|12-18", help="The child's age band."),
    region: Optional[str] = typer.Option(None, "--region", metavar="flanders|netherlands", help="Where you work."),
    who: str = typer.Option("alone", "--who", metavar="alone|duo|team", help="Who reflects."),
    path: Optional[str] = PathOpt,
    people: int = typer.Option(4, "--people", min=1, max=30, help="For a team: how many take part (questions everyone answers count once each)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: path, prompts, minutes and the parts."),
    lang: str = LangOpt,
    library: Optional[list[Path]] = LibraryOpt,
) -> None:
    """What a reflection will ask, before you start: its parts, their number of questions and
    the estimated minutes (and each part's time box for a team). Nothing is saved.

    Examples:

      goedgenoeg preview --decision placement --age under-1 --region flanders

      goedgenoeg preview --decision measure --age 6-12 --region netherlands --who team --people 5

      goedgenoeg preview --decision report --age 3-6 --region netherlands --who duo --path full --json
    """
    import json

    from .models import AGE_BANDS, DECISIONS, REGIONS, WHO
    from .preview import lines, plan

    lang = _check_lang(lang)
    context = {
        key: value
        for key, value in (
            ("decision", _check_choice(decision, "--decision", DECISIONS)),
            ("age", _check_choice(age, "--age", AGE_BANDS)),
            ("region", _check_choice(region, "--region", REGIONS)),
            ("who", _check_choice(who, "--who", WHO)),
        )
        if value is not None
    }
    missing = [f"--{k}" for k in ("decision", "age", "region") if k not in context]
    if missing:
        _fail(f"preview needs {', '.join(missing)}: what is asked depends on them. Example: goedgenoeg preview --decision placement --age under-1 --region flanders", 2)
    result = plan(_libraries(library), context, _check_path(path), lang, people if who == "team" else 1)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
        return
    from .sanitize import strip_control

    for line in lines(result, lang, team=who == "team"):
        typer.echo(strip_control(line))


@libraries_app.command("list")
def libraries_list(
    library: Optional[list[Path]] = LibraryOpt,
    prompts: bool = typer.Option(False, "--prompts", help="Also list every prompt id (for --answers files)."),
) -> None:
    """List the libraries a reflection uses, in walk order."""
    from .sanitize import strip_control as clean

    libraries = _libraries(library)
    for loaded in libraries.libraries:
        lib = loaded.library
        count = sum(len(s.prompts) for s in lib.sections)
        typer.echo(clean(f"{lib.id:<16} {lib.version:<8} {count:>4} prompts  {lib.title.nl}  ({loaded.path})"))
        if prompts:
            for section in lib.sections:
                for prompt in section.prompts:
                    typer.echo(clean(f"    {lib.id}.{prompt.id:<40} {prompt.kind}"))


@libraries_app.command("check")
def libraries_check(
    paths: Optional[list[Path]] = typer.Argument(None, metavar="PATH", help="Library files or folders (default: the bundled libraries)."),
) -> None:
    """Check library files; every problem is shown as file:line: message.

    Examples:

      goedgenoeg libraries check

      goedgenoeg libraries check our-prompts/
    """
    from .library import bundled_dir, check_paths

    passed, problems = check_paths(paths or [bundled_dir()])
    from .sanitize import strip_control

    for problem in problems:
        typer.echo(strip_control(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) found; {passed} librar{'y' if passed == 1 else 'ies'} passed.", err=True)
        raise typer.Exit(1)
    typer.echo(f"{passed} librar{'y' if passed == 1 else 'ies'} checked, no problems.")


@libraries_app.command("schema")
def libraries_schema() -> None:
    """Print the JSON Schema of a library file, for completion and checks in your editor."""
    import json

    from .models import Library

    typer.echo(json.dumps(Library.model_json_schema(), indent=2, ensure_ascii=False))


@libraries_app.command("sources")
def libraries_sources(library: Optional[list[Path]] = LibraryOpt) -> None:
    """Show, per source and section, the prompts that draw on it (a coverage table in markdown)."""
    from .coverage import coverage_table

    typer.echo(coverage_table(_libraries(library)))


@app.command()
def overview(
    directory: Optional[Path] = typer.Argument(None, metavar="DIR", show_default=False, help="A folder of sessions (default: the sessions folder)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Also write the overview as markdown with bar charts to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
    lang: str = LangOpt,
    library: Optional[list[Path]] = LibraryOpt,
    sessions_dir: Optional[Path] = SessionsDirOpt,
) -> None:
    """Counts across all sessions in a folder, to learn across cases: how often each alternative
    was weighed, which critical notes were left for later, how often the child's and the parents'
    perspectives stayed open. No case references and no answers are shown.

    Examples:

      goedgenoeg overview

      goedgenoeg overview team-sessions/ -o overzicht.md
    """
    from rich.console import Console

    from . import overview as ov
    from .files import write_private
    from .session import sessions_dir as default_dir

    lang = _check_lang(lang)
    libraries = _libraries(library)
    folder = directory if directory is not None else default_dir(sessions_dir)
    if not folder.is_dir():
        _fail(f"{folder} is not a folder of sessions.", 1)
    found, unreadable = ov.load_dir(folder)
    result = ov.count(found, libraries, unreadable=unreadable)
    console = Console()
    for line in ov.summary_lines(result, lang):
        console.print(line, markup=False, highlight=False)
    for table in ov.terminal_tables(result, libraries, lang):
        console.print(table)
    if output is not None:
        try:
            write_private(output, ov.to_markdown(result, libraries, lang).encode("utf-8"), overwrite=force)
        except FileExistsError:
            _fail(f"{output} already exists. Use --force to overwrite it, or choose another file.", 1)
        except OSError as err:
            _fail(f"Cannot write {output}: {err.strerror}.", 1)
        typer.echo(f"Overview written to {output}")
