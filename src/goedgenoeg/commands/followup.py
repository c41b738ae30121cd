"""`followup`: a new reflection for the same case, starting from an earlier one."""

from __future__ import annotations

from pathlib import Path

from .common import directory, echo, needs_terminal, not_open_elsewhere, open_session, settings
from .reflect import author_of_settings
from .run import RunSettings, fill_or_walk


def followup(
    session_id: str,
    library: list[Path] | None = None,
    sessions_dir: Path | None = None,
    answers: Path | None = None,
    output: Path | None = None,
    fmt: str | None = None,
    lang: str | None = None,
    plain: bool | None = None,
) -> None:
    """A new reflection for the same case, starting from an earlier one."""
    from ..followup import start_followup
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, fmt, plain)
    folder = directory(cfg)
    if answers is None:
        needs_terminal("followup", cfg.lang.value)
    previous, libs, file = open_session(cfg, folder, session_id)
    not_open_elsewhere(file, cfg.lang.value)
    session = start_followup(previous, libs)
    session.author = author_of_settings(cfg)  # whoever runs the follow-up, from the settings
    if answers is None:
        echo(t(session.lang, "followup_from", date=previous.updated[:10], id=previous.id))
    run = RunSettings(folder, output, cfg.record_format.value, cfg.plain.value, greeting=None, answers=answers)
    fill_or_walk(session, libs, run)
