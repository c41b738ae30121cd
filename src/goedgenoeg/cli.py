"""The command line: commands and options only; the work is done in the other modules.
Heavy modules are imported inside the commands, so `--help` stays quick. Every command takes
`-h` as well as `--help`, and every command that prints a table takes `--plain`."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import typer

from . import __version__, completion
from .helptext import LocalCommand, LocalGroup
from .start import (
    BeforeCommand,
    _check_choice,
    _check_path,
    _choice,
    _directory,
    _echo,
    _fail,
    _libraries,
    _load_session,
    _settings,
)

# Help texts live in helptext.py (Dutch and English); the commands here carry none of their own.
# -h as well as --help, as copier, cookiecutter, llm and pipx take it ("--help" first: the hint
# after a usage error names it).
HELP = {"help_option_names": ["--help", "-h"]}
app = typer.Typer(
    cls=LocalGroup,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings=HELP,
    pretty_exceptions_show_locals=False,  # a crash must never print case data held in variables
)
libraries_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, rich_markup_mode=None, context_settings=HELP)
app.add_typer(libraries_app, name="libraries")
command = partial(app.command, cls=LocalCommand)
libraries_command = partial(libraries_app.command, cls=LocalCommand)

LangOpt = typer.Option(None, "--lang", metavar="nl|en", show_default=False, autocompletion=completion.langs)
LibraryOpt = typer.Option(None, "--library", "-l", metavar="PATH")
PathOpt = typer.Option(None, "--path", metavar="short|full")
FormatOpt = typer.Option(None, "--format", "-f", metavar="md|docx|html", autocompletion=completion.formats)
SessionsDirOpt = typer.Option(None, "--sessions-dir", metavar="DIR")
PlainOpt = typer.Option(None, "--plain/--no-plain", show_default=False)
OutputOpt = typer.Option(None, "--output", "-o", metavar="FILE")
ForceOpt = typer.Option(False, "--force")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"goedgenoeg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
    lang: str | None = LangOpt,
) -> None:
    """goedgenoeg"""
    BeforeCommand.lang = lang  # set on every run: nothing carries over from an earlier one


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
    from .start import reflect as start

    start(lang, library, sessions_dir, answers, output, team, prepared, path, fmt, plain)


@command()
def followup(
    session_id: str = typer.Argument(..., metavar="ID", autocompletion=completion.sessions),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE"),
    output: Path | None = OutputOpt,
    fmt: str | None = FormatOpt,
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """A new reflection for the same case, starting from an earlier one."""
    from .start import followup as start

    start(session_id, library, sessions_dir, answers, output, fmt, lang, plain)


@command()
def resume(
    session_id: str | None = typer.Argument(None, metavar="ID", show_default=False, autocompletion=completion.sessions),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    output: Path | None = OutputOpt,
    path: str | None = PathOpt,
    fmt: str | None = FormatOpt,
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """Continue a reflection at its first unanswered question."""
    from .start import resume as start

    start(session_id, library, sessions_dir, output, path, fmt, lang, plain)


@command("sessions")
def list_sessions(
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
    as_json: bool = typer.Option(False, "--json"),
    older_than: str | None = typer.Option(None, "--older-than", metavar="2y|6m|30d"),
) -> None:
    """List saved reflections."""
    from .folder_commands import sessions

    sessions(lang, library, sessions_dir, plain, as_json, older_than)


@command()
def archive(
    ids: list[str] = typer.Argument(..., metavar="ID...", autocompletion=completion.sessions),
    delete: bool = typer.Option(False, "--delete"),
    yes: bool = typer.Option(False, "--yes"),
    sessions_dir: Path | None = SessionsDirOpt,
    lang: str | None = LangOpt,
) -> None:
    """Move finished reflections into archief/ beside them (or delete them, after a confirmation)."""
    from .folder_commands import archive as start

    start(ids, delete, yes, sessions_dir, lang)


@command()
def record(
    session_id: str = typer.Argument(..., metavar="ID", autocompletion=completion.sessions),
    output: Path | None = OutputOpt,
    force: bool = ForceOpt,
    fmt: str | None = FormatOpt,
    full: bool = typer.Option(False, "--full"),
    audience: str | None = typer.Option(None, "--for", metavar="parents"),
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    lang: str | None = LangOpt,
) -> None:
    """Write the record of a saved reflection."""
    from .oserrors import describe
    from .record import render
    from .record_file import write_new
    from .reflect import write_record
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, fmt)
    lang = cfg.lang.value
    fmt = cfg.record_format.value
    for_parents = _check_choice(audience, "--for", ("parents",), lang) == "parents"
    if for_parents and full:
        _fail(t(lang, "par_not_full"), 2)
    directory = _directory(cfg)
    session, libraries = _load_session(cfg, directory, session_id)
    page: bytes | str | None = None
    if for_parents:
        from . import parents

        try:
            page = parents.render(session, libraries, fmt)
        except parents.NoDecision:
            _fail(t(lang, "par_no_decision", id=session.id), 1)
    if output is None and fmt == "md":
        typer.echo(page if page is not None else render(session, libraries, fmt="md", full=full))
        return
    from .writers import TemplateError

    try:
        if page is not None:
            written = write_new(page, output, parents.suggested_name(session, libraries, fmt), force)
        else:
            written = write_record(session, libraries, output, force=force, fmt=fmt, full=full)
    except FileExistsError:
        _fail(t(lang, "cli_exists_force", path=output), 1)
    except TemplateError as err:
        _fail(str(err), 1)
    except OSError as err:
        _fail(t(lang, "cli_cannot_write", path=output, err=describe(err, lang)), 1)
    typer.echo(t(lang, "cli_record_to", path=written))


@command()
def preview(
    decision: str | None = typer.Option(
        None, "--decision", metavar="placement|measure|report|other", autocompletion=completion.decisions
    ),
    age: str | None = typer.Option(None, "--age", metavar="unborn|under-1|1-3|3-6|6-12|12-18", autocompletion=completion.ages),
    region: str | None = typer.Option(None, "--region", metavar="flanders|netherlands", autocompletion=completion.regions),
    who: str = typer.Option("alone", "--who", metavar="alone|duo|team", autocompletion=completion.who),
    path: str | None = PathOpt,
    people: int = typer.Option(4, "--people", min=1, max=30, metavar="N"),
    as_json: bool = typer.Option(False, "--json"),
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """What a reflection will ask, before you start."""
    import json

    from .models import AGE_BANDS, DECISIONS, WHO
    from .preview import lines, plan
    from .texts import t

    cfg = _settings(lang, library, plain=plain, region=region)
    lang = cfg.lang.value
    # several decisions weighed together: --decision placement,measure
    decisions: list[str] | None = (
        [_choice(d.strip(), "--decision", DECISIONS, lang) for d in decision.split(",")] if decision else None
    )
    given: tuple[tuple[str, str | list[str] | None], ...] = (
        ("decision", decisions),
        ("age", _check_choice(age, "--age", AGE_BANDS, lang)),
        ("region", cfg.region.value),
        ("who", _choice(who, "--who", WHO, lang)),
    )
    context = {key: value for key, value in given if value is not None}
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
    from .sanitize import strip_control as clean
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
        *((key, value.value or t(lang, "cfg_none"), value.origin) for key, value in cfg.people()),
        ("docx_template", str(cfg.docx_template.value or t(lang, "cfg_none")), cfg.docx_template.origin),
        ("team", cfg.team.value or t(lang, "cfg_none"), cfg.team.origin),
        ("group_readable", "true" if cfg.group_readable.value else "false", cfg.group_readable.origin),
    ]
    rows += [("libraries", str(v.value), v.origin) for v in cfg.libraries] or [("libraries", t(lang, "cfg_none"), DEFAULT)]
    for key, value, where in rows:  # values and paths come from files and the environment: no escape codes
        typer.echo(clean(f"  {key:<14} {value}  [{origin(where)}]"))
    typer.echo(t(lang, "cfg_files"))
    for where, file, exists in cfg.files:
        label = t(lang, f"cfg_file_{where.kind}") + (f" ({where.detail})" if where.detail else "")
        typer.echo(clean(f"  {label:<14} {file}  ({t(lang, 'cfg_exists' if exists else 'cfg_absent')})"))


@libraries_command("list")
def libraries_list(
    library: list[Path] | None = LibraryOpt,
    prompts: bool = typer.Option(False, "--prompts"),
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """List the libraries a reflection uses."""
    from .sanitize import strip_control as clean
    from .texts import t

    cfg = _settings(lang, library, plain=plain)
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
    from .start import check as start

    start(paths, lang)


@libraries_command("schema")
def libraries_schema() -> None:
    """Print the JSON Schema of a library file."""
    import json

    from .models import Library

    typer.echo(json.dumps(Library.model_json_schema(), indent=2, ensure_ascii=False))


@libraries_command("sources")
def libraries_sources(library: list[Path] | None = LibraryOpt, plain: bool | None = PlainOpt) -> None:
    """Show, per source and section, the prompts that draw on it."""
    from .coverage import coverage_lines, coverage_table

    cfg = _settings(None, library, plain=plain)
    libraries = _libraries(cfg)
    typer.echo(coverage_lines(libraries) if cfg.plain.value else coverage_table(libraries))


@command()
def overview(
    directory: Path | None = typer.Argument(None, metavar="DIR", show_default=False),
    output: Path | None = OutputOpt,
    export: Path | None = typer.Option(None, "--export", metavar="FILE"),
    group_readable: bool | None = typer.Option(None, "--group-readable/--owner-only", show_default=False),
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
    from .files import FILE_MODE, GROUP_MODE, write_private
    from .oserrors import describe
    from .sanitize import strip_control as clean
    from .session import SessionError
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
    from .hints import command as hint

    skipped: list[SessionError] = []
    notices: list[str] = []
    refused: list[ov.Refused] = []
    result = ov.gather(folder, libraries, skipped, notices, refused)
    for notice in notices:  # the index of the folder was rebuilt
        _echo(t(lang, notice), err=True)
    for file, differ in refused:  # an export made with other library versions: named, not added
        theirs, here = (", ".join(f"{k} {v[i]}" for k, *v in differ) for i in (0, 1))
        _echo(clean(t(lang, "ov_export_refused", path=file.name, theirs=theirs, here=here)), err=True)
    for odd in skipped:  # named on one line each, the rest counted
        _echo(clean(odd.text(lang, hint())), err=True)
    if as_json:
        typer.echo(ov.to_json(result, small, files=True), nl=False)
    else:
        console = make_console(cfg.plain.value)
        for line in ov.summary_lines(result, lang, small):
            console.print(line, markup=False, highlight=False)
        for table in ov.terminal_tables(result, libraries, lang, small):
            console.print(table)
    shared = cfg.group_readable.value if group_readable is None else group_readable
    written = [
        (output, ov.to_markdown(result, libraries, lang, small), "cli_overview_to", FILE_MODE),
        (export, ov.to_json(result, small, team=cfg.team.value or ""), "ov_export_to", GROUP_MODE if shared else FILE_MODE),
    ]
    for path, text, done, mode in written:
        if path is None:
            continue
        try:
            write_private(path, text.encode("utf-8"), overwrite=force, mode=mode)
        except FileExistsError:
            _fail(t(lang, "cli_exists_force", path=path), 1)
        except OSError as err:
            _fail(t(lang, "cli_cannot_write", path=path, err=describe(err, lang)), 1)
        typer.echo(t(lang, done, path=path), err=as_json)
        if mode == GROUP_MODE:
            typer.echo(t(lang, "ov_export_group"), err=as_json)
