"""Writing a session's record to a file: the name it gets, and never over another file."""

from __future__ import annotations

from pathlib import Path

from .files import write_private
from .library import LibrarySet
from .models import Session


def write_record(
    session: Session, libraries: LibrarySet, output: Path | None, force: bool = False, fmt: str = "md", full: bool = False
) -> Path:
    """Write the record (md, docx or html; the dossier record, or everything when `full`) to
    `output`, or in the current folder under a name made from its own answers (never over an
    existing file unless force)."""
    from .record import render, suggested_name  # only at the end of a walk: not before the first question

    rendered = render(session, libraries, fmt=fmt, full=full)
    return write_new(rendered, output, suggested_name(session, libraries, fmt=fmt, full=full), force)


def write_new(rendered: bytes | str, output: Path | None, suggested: str, force: bool = False) -> Path:
    """Write a rendered record or page to `output`, or in the current folder under the name
    suggested (never over an existing file unless force)."""
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    if output is not None:
        write_private(output, data, overwrite=force)
        return output
    name = Path(suggested)
    candidate, n = name, 2
    while candidate.exists():
        candidate = name.with_stem(f"{name.stem}-{n}")
        n += 1
    write_private(candidate, data, overwrite=False)
    return candidate
