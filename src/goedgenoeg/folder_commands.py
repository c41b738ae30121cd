"""What `sessions` and `archive` do once cli.py has read the command line: the settings, the
sessions folder through its index, and the messages and exit codes on the way."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .start import _directory, _echo, _fail, _libraries, _settings

if TYPE_CHECKING:
    from .config import Config
    from .index import Listing
    from .library import LibrarySet


def listing(cfg: Config, directory: Path, libraries: LibrarySet) -> Listing:
    """The sessions of a folder through its index; one line on standard error when the index
    had to be rebuilt."""
    from .index import scan
    from .texts import t

    found = scan(directory, libraries)
    if found.notice is not None:
        _echo(t(cfg.lang.value, found.notice), err=True)
    return found


def sessions(
    lang: str | None,
    library: list[Path] | None,
    sessions_dir: Path | None,
    plain: bool | None,
    as_json: bool,
    older_than: str | None,
) -> None:
    from . import hints, listing as table
    from .housekeeping import older, parse_period
    from .texts import t

    cfg = _settings(lang, library, sessions_dir, plain=plain)
    lang = cfg.lang.value
    period = None
    if older_than is not None:
        period = parse_period(older_than)
        if period is None:
            _fail(t(lang, "hk_bad_period", value=older_than), 2)
    directory = _directory(cfg)
    found = listing(cfg, directory, _libraries(cfg))
    if period is not None:
        cutoff = period.before(datetime.now().astimezone())
        found = found._replace(entries=older(found.entries, cutoff), problems=[])
    if as_json:
        _echo(table.to_json(found).rstrip("\n"))
        return
    if period is not None:
        date = cutoff.strftime("%Y-%m-%d")
        if not found.entries:
            _echo(t(lang, "hk_older_none", period=period.text(lang), date=date))
            return
        for line in table.table_lines(found, lang, hints.command()):
            _echo(line)
        _echo()
        _echo(t(lang, "hk_older", n=len(found.entries), date=date, period=period.text(lang), cmd=hints.command()))
        return
    if not found.entries and not found.problems:
        _echo(t(lang, "cli_no_sessions", dir=directory, cmd=hints.command()))
        return
    for line in table.table_lines(found, lang, hints.command()):
        _echo(line)


def archive(ids: list[str], delete: bool, yes: bool, sessions_dir: Path | None, lang: str | None) -> None:
    """Move finished sessions into archief/ (or delete them, after a confirmation). Exit 0 when
    every one given was moved or deleted, 1 when one stayed (each said with its reason), 2 when
    --delete has no terminal to ask in and no --yes."""
    from .housekeeping import ARCHIVE, archive as move
    from .index import forget
    from .interactive import interactive_allowed
    from .sanitize import strip_control
    from .texts import t

    cfg = _settings(lang, None, sessions_dir)
    lang = cfg.lang.value
    directory = _directory(cfg)
    if delete and not yes and not interactive_allowed():
        _fail(t(lang, "hk_needs_yes"), 2)
    paths = _paths(cfg, directory, ids, delete)
    if delete and not yes:
        names = ", ".join(strip_control(p.stem) for p in paths)
        try:
            answer = input(t(lang, "hk_confirm", n=len(paths), ids=names) + ": ").strip().lower()
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer not in ("j", "ja", "y", "yes"):
            _fail(t(lang, "hk_nothing_deleted"), 1)
    outcome = move(paths, delete=delete)
    for session_id, why, err in outcome.kept:
        key = {"not_finished": "hk_not_finished", "exists": "hk_exists", "busy": "hk_busy", "failed": "hk_failed"}[why]
        _echo(strip_control(t(lang, key, id=session_id, dir=directory / ARCHIVE, err=err)), err=True)
    for folder in {p.parent for p in paths}:
        forget(folder, [p.name for p in paths if p.parent == folder and p.name in outcome.done])
    if outcome.done or not outcome.kept:
        done = "hk_deleted" if delete else "hk_archived"
        _echo(t(lang, done, n=len(outcome.done), dir=directory if delete else directory / ARCHIVE))
    if outcome.kept:
        raise SystemExit(1)


def _paths(cfg: Config, directory: Path, ids: list[str], delete: bool) -> list[Path]:
    """The session files given by id, start of an id or case reference (for --delete also in
    archief/); a clear exit (1) for one that fits none or several."""
    from . import hints
    from .housekeeping import ARCHIVE
    from .listing import several_text
    from .lookup import SeveralCases, locate
    from .session import SessionError

    lang = cfg.lang.value
    libraries = _libraries(cfg)
    paths: list[Path] = []
    folders = (directory, directory / ARCHIVE) if delete else (directory,)
    for given in ids:
        for folder in folders:
            try:
                path = locate(folder, given, libraries).path
            except SeveralCases as several:
                _fail(several_text(several, lang), 1)
            except SessionError as err:
                if folder != folders[-1]:
                    continue  # perhaps archived already
                _fail(err.text(lang, hints.command()), 1)
            if path not in paths:
                paths.append(path)
            break
    return paths
