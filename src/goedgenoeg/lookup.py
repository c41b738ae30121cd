"""Finding a session by what a person remembers: its id, the start of its id, or its case
reference (OCJ-LIM-0412). A reference is matched literally (a * or ? is a character, not a
pattern), ignoring case and runs of spaces; one that fits several sessions opens none of them."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .index import Entry, Listing, Notice, scan
from .library import LibrarySet
from .session import SessionError, find


class SeveralCases(Exception):
    """A case reference that fits several sessions (a follow-up, a meeting): none is opened."""

    def __init__(self, given: str, entries: list[Entry]) -> None:
        super().__init__(f"'{given}' fits {len(entries)} sessions")
        self.given = given
        self.entries = entries


class Found(NamedTuple):
    path: Path
    notice: Notice | None  # the index was rebuilt (to be said on one line)


def same_case(given: str, case: str) -> bool:
    return " ".join(given.split()).casefold() == " ".join(case.split()).casefold()


def locate(directory: Path, given: str | None, libraries: LibrarySet) -> Found:
    """The session file for an id, a unique start of one, or a case reference that fits one
    session; without anything the most recent unfinished session. SessionError when nothing
    fits, SeveralCases when a case reference fits several sessions."""
    try:
        return Found(find(directory, given), None)
    except SessionError as err:
        if not given or err.key != "ses_no_such":
            raise
    listing = scan(directory, libraries)
    matches = [entry for entry in listing.entries if entry.case and same_case(given, entry.case)]
    if len(matches) == 1:
        return Found(directory / matches[0].name, listing.notice)
    if matches:
        raise SeveralCases(given, sorted(matches, key=lambda e: (e.created, e.id)))
    raise SessionError(
        "ses_no_such",
        id=given,
        dir=directory,
    )


def full_path_offer(listing: Listing) -> Entry | None:
    """The latest session, when it is done on the short path and the full path still has
    questions open for it (`resume` offers that instead of 'no unfinished session')."""
    if not listing.entries:
        return None
    latest = listing.entries[0]
    if latest.finished and latest.path in (None, "short") and latest.more_full > 0:
        return latest
    return None
