"""`reflect`: start a new reflection (an unfinished one is offered first), alone, as a team, or
as a meeting that starts from what its participants prepared."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from .common import check_path, directory, echo, fail, libraries, needs_terminal, not_open_elsewhere, open_session, settings
from .run import RunSettings, fill_or_walk

if TYPE_CHECKING:
    from rich.console import Console

    from ..config import Config
    from ..library import LibrarySet
    from ..models import Author, Session


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
    from .. import session as sessions
    from ..console import make_console
    from ..meeting import team_session
    from ..models import Answer
    from ..session import now
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, fmt, plain)
    lang = cfg.lang.value
    walked = check_path(path, lang)
    libs = libraries(cfg)
    folder = directory(cfg)
    region = cfg.region.value
    defaults = {"context.region": Answer(status="answered", value=region, at=now())} if region else {}
    pairs = _prepared(prepared, cfg, folder, team) if prepared else []
    run = RunSettings(folder, output, cfg.record_format.value, cfg.plain.value, defaults=defaults, answers=answers)
    console = None
    if answers is None:
        needs_terminal("reflect", lang)
        console = make_console(cfg.plain.value)
        chosen = None if team else _offer_unfinished(cfg, folder, libs, console)
        if chosen is not None:
            session, libs, file = open_session(cfg, folder, chosen)
            if walked is not None:
                session.path = walked
            resumed = RunSettings(folder, output, cfg.record_format.value, greeting="resuming", file=file)
            fill_or_walk(session, libs, resumed, console)
            return
    session = sessions.new_session(libs, lang)
    session.path = walked
    if cfg.author_unknown and console is not None:  # the welcome first, then who writes the records
        console.print(t(lang, "welcome"), style="bold", highlight=False)
        run = dataclasses.replace(run, greeting=None)
    session.author = _author(cfg, console)
    if team:
        team_session(session)
    if pairs:
        _bring_in(session, pairs, libs, lang)
    fill_or_walk(session, libs, run)


def _offer_unfinished(cfg: Config, folder: Path, libs: LibrarySet, console: Console) -> str | None:
    """The unfinished reflections (with at least one answer), most recent first; the id of the
    one the person picks, or None for a new reflection."""
    from ..listing import clean
    from ..texts import t
    from .common import listing

    lang = cfg.lang.value
    found = listing(cfg, folder, libs)  # through the index: no session file read that did not change
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
    from ..numbers import number

    while True:
        try:
            typed = console.input(t(lang, "cli_unfinished_pick") + ": ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            raise SystemExit(130) from None
        if not typed:  # a tired Enter continues what was there, it does not start a duplicate
            return rows[0].id
        if typed.lower() in ("n", "nieuw", "new"):
            return None
        place = number(typed, len(rows))
        if place is not None:
            return rows[place].id
        console.print(t(lang, "invalid_range", n=len(rows)), highlight=False)


def _author(cfg: Config, console: Console | None) -> Author | None:
    """Who makes this reflection, from the settings. Never given: asked once in the terminal
    (Enter leaves a line empty) and kept in the user's config file, so the record says who
    wrote it; a file that cannot be written is said, and the walk goes on."""
    from .. import config
    from ..models import Author
    from ..sanitize import strip_control
    from ..texts import t

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
    return author_of_settings(cfg)


def author_of_settings(cfg: Config) -> Author | None:
    """Who makes this reflection, as the settings say (None when they say nothing)."""
    from ..models import Author

    name, function, service = (v.value or "" for _, v in cfg.people())
    return Author(name=name, function=function, service=service) if name or function or service else None


def _prepared(prepared: list[str], cfg: Config, folder: Path, team: bool) -> list[tuple[str, Session]]:
    """The participants' prepared reflections, from NAME=ID each (checked before anything is asked)."""
    from ..texts import t

    lang = cfg.lang.value
    if not team:
        fail(t(lang, "cli_prepared_team"), 2)
    pairs: list[tuple[str, Session]] = []
    for item in prepared:
        name, _, session_id = item.partition("=")
        if not name.strip() or not session_id.strip():
            fail(t(lang, "cli_prepared_form", value=item), 2)
        earlier, _, file = open_session(cfg, folder, session_id.strip())
        not_open_elsewhere(file, lang)
        pairs.append((name.strip(), earlier))
    return pairs


def _bring_in(session: Session, pairs: list[tuple[str, Session]], libraries: LibrarySet, lang: str) -> None:
    """Start a meeting from its participants' prepared reflections."""
    from ..meeting import bring_in_prepared
    from ..texts import t

    bring_in_prepared(session, pairs, libraries)  # a PreparedError is said at the edge (cli.py)
    echo(t(lang, "cli_prepared_in", names=", ".join(name for name, _ in pairs)))
