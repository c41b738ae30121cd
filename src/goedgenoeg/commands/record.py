"""`record`: write the record of a saved reflection (for the case file, everything with
--full, or a page for the parents with --for parents)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import check_choice, directory, fail, open_session, settings


def record(
    session_id: str,
    output: Path | None = None,
    force: bool = False,
    fmt: str | None = None,
    full: bool = False,
    audience: str | None = None,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    lang: str | None = None,
) -> None:
    """Write the record of a saved reflection: on standard output (markdown without --output),
    else to a file, never over another without --force."""
    from .. import parents
    from ..oserrors import describe
    from ..record import render
    from ..record_file import write_new, write_record
    from ..texts import t
    from ..writers import TemplateError

    cfg = settings(lang, library, sessions_dir, fmt)
    lang = cfg.lang.value
    form = cfg.record_format.value
    for_parents = check_choice(audience, "--for", ("parents",), lang) == "parents"
    if for_parents and full:
        fail(t(lang, "par_not_full"), 2)
    session, libs, _ = open_session(cfg, directory(cfg), session_id)
    page: bytes | str | None = None
    if for_parents:
        try:
            page = parents.render(session, libs, form)
        except parents.NoDecision:
            fail(t(lang, "par_no_decision", id=session.id), 1)
    if output is None and form == "md":
        typer.echo(page if page is not None else render(session, libs, fmt="md", full=full))
        return
    try:
        if page is not None:
            written = write_new(page, output, parents.suggested_name(session, libs, form), force)
        else:
            written = write_record(session, libs, output, force=force, fmt=form, full=full)
    except FileExistsError:
        fail(t(lang, "cli_exists_force", path=output), 1)
    except TemplateError as err:
        fail(err.text(lang), 1)
    except OSError as err:
        fail(t(lang, "cli_cannot_write", path=output, err=describe(err, lang)), 1)
    typer.echo(t(lang, "cli_record_to", path=written))
