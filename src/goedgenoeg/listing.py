"""The `sessions` command: the saved reflections as a table (case reference first, a header row,
how many answered and how many of those still open, the path still open), as JSON for scripts,
or only those older than a retention period. Read through the index (index.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from .index import Entry, Listing
from .lookup import SeveralCases
from .sanitize import strip_control
from .texts import t

GAP = "  "


def clean(text: str) -> str:
    """A value from a file, safe to show on one line: no control characters, no runs of space."""
    return " ".join(strip_control(text).split())


def state_key(entry: Entry) -> str:
    """finished, in_progress, or short_done (the short path done, the full path still open)."""
    if not entry.finished:
        return "in_progress"
    if entry.path in (None, "short") and entry.kind != "meeting" and entry.more_full > 0:
        return "short_done"
    return "finished"


STATE_TEXT = {"finished": "cli_finished", "in_progress": "cli_in_progress", "short_done": "ls_short_done"}
KIND_TEXT = {"first": "ls_kind_first", "followup": "ls_kind_followup", "meeting": "ls_kind_meeting"}


class Row(NamedTuple):
    case: str
    session: str
    last: str
    answered: str
    state: str


def row_of(entry: Entry, lang: str) -> Row:
    answered = t(lang, "ls_answered_cell", answered=entry.answered, total=entry.total)
    if entry.open:
        answered += " " + t(lang, "ls_open", n=entry.open)
    return Row(
        clean(entry.case)[:40] or t(lang, "ls_no_case"),
        clean(entry.id),
        entry.updated[:16].replace("T", " "),
        answered,
        t(lang, STATE_TEXT[state_key(entry)]),
    )


def table_lines(listing: Listing, lang: str, cmd: str = "goedgenoeg") -> list[str]:
    """A header row and one aligned row per session (most recent first), then one per file that
    is no usable session. Formatted here, not by rich: 2,000 rows in a few milliseconds, and the
    same for a screen reader (--plain) as for the eye."""
    header = Row(*(t(lang, key) for key in ("ls_case", "ls_session", "ls_last", "ls_answered", "ls_state")))
    rows = [header] + [row_of(entry, lang) for entry in listing.entries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [GAP.join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)) + GAP + row[-1] for row in rows]
    for path, err in listing.problems:
        said = err.text(lang, cmd) if hasattr(err, "text") else str(err)
        lines.append(clean(f"{Path(path).stem}{GAP}({t(lang, 'cli_damaged')}: {said})"))
    return lines


def to_json(listing: Listing) -> str:
    """The sessions for scripts: every field of the table, with plain values."""
    sessions = [
        {
            "case": entry.case,
            "id": entry.id,
            "file": entry.name,
            "kind": entry.kind,
            "created": entry.created,
            "updated": entry.updated,
            "answered": entry.answered,
            "open": entry.open,
            "total": entry.total,
            "path": entry.path or "short",
            "status": state_key(entry),
        }
        for entry in listing.entries
    ]
    problems = [{"file": Path(path).name, "problem": str(err)} for path, err in listing.problems]
    return json.dumps({"sessions": sessions, "problems": problems}, ensure_ascii=False, indent=2) + "\n"


def several_text(several: SeveralCases, lang: str) -> str:
    """The sessions a case reference fits, one line each: id, date, kind and status."""
    lines = [t(lang, "ses_case_several", case=clean(several.given), n=len(several.entries))]
    for entry in several.entries:
        state = t(lang, STATE_TEXT[state_key(entry)])
        lines.append(f"  {clean(entry.id)}  {entry.created[:10]}  {t(lang, KIND_TEXT[entry.kind])}  {state}")
    return "\n".join(lines)
