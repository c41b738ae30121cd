"""`overview`: counts across all sessions in a folder, to learn across cases."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import directory as sessions_folder, echo, fail, libraries, settings


def overview(
    directory: Path | None,
    output: Path | None,
    export: Path | None,
    group_readable: bool | None,
    as_json: bool,
    force: bool,
    lang: str | None,
    library: list[Path] | None,
    sessions_dir: Path | None,
    plain: bool | None,
) -> None:
    """The counts on the screen (or as JSON), and in a markdown file (--output) and a JSON
    export (--export) when asked; sessions that cannot be read are named on standard error."""
    from .. import overview as ov
    from ..console import make_console
    from ..files import FILE_MODE, GROUP_MODE, write_private
    from ..hints import command as hint
    from ..oserrors import describe
    from ..sanitize import strip_control as clean
    from ..session import SessionError
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, plain=plain)
    lang = cfg.lang.value
    small = cfg.small_count.value
    libs = libraries(cfg)
    folder = directory if directory is not None else sessions_folder(cfg)
    if not folder.is_dir():
        fail(t(lang, "cli_not_sessions", path=folder), 1)
    if export is not None and export.resolve().parent == folder.resolve():
        fail(t(lang, "ov_export_inside", path=export), 1)
    skipped: list[SessionError] = []
    notices: list[str] = []
    refused: list[ov.Refused] = []
    result = ov.gather(folder, libs, skipped, notices, refused)
    for notice in notices:  # the index of the folder was rebuilt
        echo(t(lang, notice), err=True)
    for file, differ in refused:  # an export made with other library versions: named, not added
        theirs, here = (", ".join(f"{k} {v[i]}" for k, *v in differ) for i in (0, 1))
        echo(clean(t(lang, "ov_export_refused", path=file.name, theirs=theirs, here=here)), err=True)
    for odd in skipped:  # named on one line each, the rest counted
        echo(clean(odd.text(lang, hint())), err=True)
    if as_json:
        typer.echo(ov.to_json(result, small, files=True), nl=False)
    else:
        console = make_console(cfg.plain.value)
        for line in ov.summary_lines(result, lang, small):
            console.print(line, markup=False, highlight=False)
        for table in ov.terminal_tables(result, libs, lang, small):
            console.print(table)
    shared = cfg.group_readable.value if group_readable is None else group_readable
    written = [
        (output, ov.to_markdown(result, libs, lang, small), "cli_overview_to", FILE_MODE),
        (export, ov.to_json(result, small, team=cfg.team.value or ""), "ov_export_to", GROUP_MODE if shared else FILE_MODE),
    ]
    for path, text, done, mode in written:
        if path is None:
            continue
        try:
            write_private(path, text.encode("utf-8"), overwrite=force, mode=mode)
        except FileExistsError:
            fail(t(lang, "cli_exists_force", path=path), 1)
        except OSError as err:
            fail(t(lang, "cli_cannot_write", path=path, err=describe(err, lang)), 1)
        typer.echo(t(lang, done, path=path), err=as_json)
        if mode == GROUP_MODE:
            typer.echo(t(lang, "ov_export_group"), err=as_json)
