"""The command line: commands and options only; each command calls the public function of its
module in commands/. Heavy modules are imported inside the commands, so `--help` stays quick. Every command takes
`-h` as well as `--help`, and every command that prints a table takes `--plain`."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from . import __version__, completion
from .commands.common import BeforeCommand, say_error
from .errors import UserError
from .helptext import LocalCommand, LocalGroup

if TYPE_CHECKING:
    from typer._click.core import Context  # typer carries its own click


class Group(LocalGroup):
    """The edge of every command: a UserError that rises out of one is said here, once, in the
    user's language, with its exit code."""

    def invoke(self, ctx: Context) -> Any:  # typer's own: what the command returns
        try:
            return super().invoke(ctx)
        except UserError as err:
            say_error(err)


# Help texts live in helptext.py (Dutch and English); the commands here carry none of their own.
# -h as well as --help, as copier, cookiecutter, llm and pipx take it ("--help" first: the hint
# after a usage error names it).
HELP = {"help_option_names": ["--help", "-h"]}
app = typer.Typer(
    cls=Group,
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
    BeforeCommand.said = None


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
    from .commands.reflect import reflect as run

    run(lang, library, sessions_dir, answers, output, team, prepared, path, fmt, plain)


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
    from .commands.followup import followup as run

    run(session_id, library, sessions_dir, answers, output, fmt, lang, plain)


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
    from .commands.resume import resume as run

    run(session_id, library, sessions_dir, output, path, fmt, lang, plain)


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
    from .commands.sessions import sessions

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
    from .commands.archive import archive as run

    run(ids, delete, yes, sessions_dir, lang)


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
    from .commands.record import record as run

    run(session_id, output, force, fmt, full, audience, library, sessions_dir, lang)


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
    from .commands.preview import preview as run

    run(decision, age, region, who, path, people, as_json, lang, library, plain)


@command("config")
def show_config(
    lang: str | None = LangOpt,
    library: list[Path] | None = LibraryOpt,
    sessions_dir: Path | None = SessionsDirOpt,
    fmt: str | None = FormatOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """Show every effective setting and where it came from."""
    from .commands.config import show_config as run

    run(lang, library, sessions_dir, fmt, plain)


@libraries_command("list")
def libraries_list(
    library: list[Path] | None = LibraryOpt,
    prompts: bool = typer.Option(False, "--prompts"),
    lang: str | None = LangOpt,
    plain: bool | None = PlainOpt,
) -> None:
    """List the libraries a reflection uses."""
    from .commands.libraries import list_libraries

    list_libraries(library, prompts, lang, plain)


@libraries_command("check")
def libraries_check(
    paths: list[Path] | None = typer.Argument(None, metavar="PATH", show_default=False),
    lang: str | None = LangOpt,
) -> None:
    """Check library files."""
    from .commands.libraries import check

    check(paths, lang)


@libraries_command("schema")
def libraries_schema() -> None:
    """Print the JSON Schema of a library file."""
    from .commands.libraries import schema

    schema()


@libraries_command("sources")
def libraries_sources(library: list[Path] | None = LibraryOpt, plain: bool | None = PlainOpt) -> None:
    """Show, per source and section, the prompts that draw on it."""
    from .commands.libraries import sources

    sources(library, plain)


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
    from .commands.overview import overview as run

    run(directory, output, export, group_readable, as_json, force, lang, library, sessions_dir, plain)
