"""`resume`: continue a reflection at its first unanswered question."""

from __future__ import annotations

from pathlib import Path

from .common import check_path, directory, echo, needs_terminal, open_session, settings
from .run import RunSettings, walk_and_record


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
    from .. import hints
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, fmt, plain)
    walked = check_path(path, cfg.lang.value)
    folder = directory(cfg)
    session, libs, file = open_session(cfg, folder, session_id)
    needs_terminal("resume", cfg.lang.value)
    if session.finished:
        echo(t(session.lang, "reopened", cmd=hints.command(), id=session.id))
    session.finished = False
    if walked is not None:
        session.path = walked
    run = RunSettings(folder, output, cfg.record_format.value, cfg.plain.value, greeting="resuming", file=file)
    walk_and_record(session, libs, run)
