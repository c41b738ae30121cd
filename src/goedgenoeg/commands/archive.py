"""`archive`: move finished reflections into archief/ beside them (or delete them, after a
confirmation)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .common import directory, echo, fail, libraries, settings

if TYPE_CHECKING:
    from ..config import Config


def archive(ids: list[str], delete: bool, yes: bool, sessions_dir: Path | None, lang: str | None) -> None:
    """Move finished sessions into archief/ (or delete them, after a confirmation). Exit 0 when
    every one given was moved or deleted, 1 when one stayed (each said with its reason), 2 when
    --delete has no terminal to ask in and no --yes."""
    from ..housekeeping import ARCHIVE, archive as move
    from ..index import forget
    from ..interactive import interactive_allowed
    from ..sanitize import strip_control
    from ..texts import t
    from ..vocab import YES_WORDS

    cfg = settings(lang, None, sessions_dir)
    lang = cfg.lang.value
    folder = directory(cfg)
    if delete and not yes and not interactive_allowed():
        fail(t(lang, "hk_needs_yes"), 2)
    paths = _paths(cfg, folder, ids, delete)
    if delete and not yes:
        names = ", ".join(strip_control(p.stem) for p in paths)
        try:
            answer = input(t(lang, "hk_confirm", n=len(paths), ids=names) + ": ").strip().lower()
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer not in YES_WORDS:
            fail(t(lang, "hk_nothing_deleted"), 1)
    outcome = move(paths, delete=delete)
    for session_id, why, err in outcome.kept:
        key = {"not_finished": "hk_not_finished", "exists": "hk_exists", "busy": "hk_busy", "failed": "hk_failed"}[why]
        echo(strip_control(t(lang, key, id=session_id, dir=folder / ARCHIVE, err=err)), err=True)
    for place in {p.parent for p in paths}:
        forget(place, [p.name for p in paths if p.parent == place and p.name in outcome.done])
    if outcome.done or not outcome.kept:
        done = "hk_deleted" if delete else "hk_archived"
        echo(t(lang, done, n=len(outcome.done), dir=folder if delete else folder / ARCHIVE))
    if outcome.kept:
        raise SystemExit(1)


def _paths(cfg: Config, folder: Path, ids: list[str], delete: bool) -> list[Path]:
    """The session files given by id, start of an id or case reference (for --delete also in
    archief/); a clear exit (1) for one that fits none or several."""
    from ..housekeeping import ARCHIVE
    from ..listing import several_text
    from ..lookup import SeveralCases, locate
    from ..session import SessionError

    lang = cfg.lang.value
    libs = libraries(cfg)
    paths: list[Path] = []
    folders = (folder, folder / ARCHIVE) if delete else (folder,)
    for given in ids:
        for place in folders:
            try:
                path = locate(place, given, libs).path
            except SeveralCases as several:
                fail(several_text(several, lang), 1)
            except SessionError:
                if place != folders[-1]:
                    continue  # perhaps archived already
                raise  # said at the edge (cli.py)
            if path not in paths:
                paths.append(path)
            break
    return paths
