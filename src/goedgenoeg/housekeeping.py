"""Keeping the tool's own sessions folder tidy: which sessions a retention rule would remove
(`sessions --older-than 2y`), and moving finished ones into an `archief/` folder beside them
(`archive ID...`). Nothing is ever deleted without `--delete` and a confirmation. Keeping the
case file itself belongs to the case system, not to this tool."""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, NamedTuple

from .index import Entry

ARCHIVE = "archief"
_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([ymd])\s*$", re.IGNORECASE)


class Period(NamedTuple):
    n: int
    unit: Literal["y", "m", "d"]

    def text(self, lang: str) -> str:
        from .texts import t

        return t(lang, {"y": "hk_years", "m": "hk_months", "d": "hk_days"}[self.unit], n=self.n)

    def before(self, now: datetime) -> datetime:
        """The moment this period before `now` (a month back from the 31st is the month's last day)."""
        if self.unit == "d":
            return now - timedelta(days=self.n)
        months = self.n * (12 if self.unit == "y" else 1)
        year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
        month += 1
        for day in range(now.day, 27, -1):  # the 31st, 30th, 29th that the month may not have
            with contextlib.suppress(ValueError):
                return now.replace(year=year, month=month, day=day)
        return now.replace(year=year, month=month, day=min(now.day, 28))


def parse_period(text: str) -> Period | None:
    """2y, 6m or 30d (years, months, days); None for anything else."""
    found = _PERIOD.match(text)
    if not found or int(found.group(1)) == 0:
        return None
    unit = found.group(2).lower()
    assert unit in ("y", "m", "d")
    return Period(int(found.group(1)), unit)  # type: ignore[arg-type]  # checked just above


def _when(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


def older(entries: list[Entry], cutoff: datetime) -> list[Entry]:
    """The sessions last updated before `cutoff` (one whose date cannot be read is left out)."""
    found = []
    for entry in entries:
        when = _when(entry.updated)
        if when is not None and when < cutoff:
            found.append(entry)
    return found


Why = Literal["not_finished", "exists", "busy", "failed"]


class Outcome(NamedTuple):
    done: list[str]  # the file names moved or deleted
    kept: list[tuple[str, Why, str]]  # (session id, why it stayed, the OS error if any)


def _move(path: Path, target: Path) -> None:
    """Move without ever replacing a file: a hard link that fails if the target exists, then the
    original removed (a rename where the file system has no hard links)."""
    try:
        os.link(path, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.rename(path, target)
        return
    os.unlink(path)


def archive(paths: list[Path], delete: bool = False) -> Outcome:
    """Move finished sessions into archief/ beside them (made owner-only), or with `delete`
    remove them; a session that is not finished, already archived, or open for writing in
    another window stays where it is, with the reason."""
    from .files import private_dir
    from .session import SessionBusy, SessionError, hold, load

    done: list[str] = []
    kept: list[tuple[str, Why, str]] = []
    for path in paths:
        try:
            session = load(path)
        except SessionError as err:
            kept.append((path.stem, "failed", str(err)))
            continue
        if not session.finished:
            kept.append((session.id, "not_finished", ""))
            continue
        try:
            held = hold(path)
        except SessionBusy:
            kept.append((session.id, "busy", ""))
            continue
        except OSError as err:
            kept.append((session.id, "failed", err.strerror or str(err)))
            continue
        try:
            if delete:
                path.unlink()
            else:
                folder = path.parent if path.parent.name == ARCHIVE else path.parent / ARCHIVE
                _move(path, private_dir(folder) / path.name)
            done.append(path.name)
        except FileExistsError:
            kept.append((session.id, "exists", ""))
        except OSError as err:
            kept.append((session.id, "failed", err.strerror or str(err)))
        finally:
            held.release()
            with contextlib.suppress(OSError):
                if path.name in done:
                    Path(path).with_name(f".{path.name}.lock").unlink()
    return Outcome(done, kept)
