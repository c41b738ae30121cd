"""`sessions`: the saved reflections of the sessions folder, through its index (a table, JSON,
or those older than a period)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .common import directory, echo, fail, libraries, listing, settings


def sessions(
    lang: str | None,
    library: list[Path] | None,
    sessions_dir: Path | None,
    plain: bool | None,
    as_json: bool,
    older_than: str | None,
) -> None:
    """The sessions as a table or JSON; with --older-than only the finished ones older than the period."""
    from .. import hints, listing as table
    from ..housekeeping import older, parse_period
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, plain=plain)
    lang = cfg.lang.value
    period = None
    if older_than is not None:
        period = parse_period(older_than)
        if period is None:
            fail(t(lang, "hk_bad_period", value=older_than), 2)
    folder = directory(cfg)
    found = listing(cfg, folder, libraries(cfg))
    if period is not None:
        cutoff = period.before(datetime.now().astimezone())
        found = found._replace(entries=older(found.entries, cutoff), problems=[])
    if as_json:
        echo(table.to_json(found).rstrip("\n"))
        return
    if period is not None:
        date = cutoff.strftime("%Y-%m-%d")
        if not found.entries:
            echo(t(lang, "hk_older_none", period=period.text(lang), date=date))
            return
        for line in table.table_lines(found, lang, hints.command()):
            echo(line)
        echo()
        echo(t(lang, "hk_older", n=len(found.entries), date=date, period=period.text(lang), cmd=hints.command()))
        return
    if not found.entries and not found.problems:
        echo(t(lang, "cli_no_sessions", dir=folder, cmd=hints.command()))
        return
    for line in table.table_lines(found, lang, hints.command()):
        echo(line)
