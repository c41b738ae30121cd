"""Writing a session's record to a file: the name it gets, and never over another file."""

from __future__ import annotations

from pathlib import Path

from .files import write_private
from .library import LibrarySet
from .models import Session


def docx_template(lang: str) -> Path | None:
    """The organisation's Word template (setting docx_template). It is set only in a config file
    or the environment, never on the command line, so it is read here, where a Word record is
    written, rather than passed through every command that may end in one."""
    from .config import ConfigError, load
    from .writers import TemplateError

    try:
        return load().docx_template.value
    except ConfigError as err:  # a config file broken during a walk: the answers are saved
        raise TemplateError(err.key, **err.values) from None


def write_record(
    session: Session, libraries: LibrarySet, output: Path | None, force: bool = False, fmt: str = "md", full: bool = False
) -> Path:
    """Write the record (md, docx or html; the dossier record, or everything when `full`) to
    `output`, or in the current folder under a name made from its own answers (never over an
    existing file unless force). A Word record uses the organisation's template when one is set;
    writers.word.TemplateError (an OSError) when it cannot."""
    from .record import render, suggested_name  # only at the end of a walk: not before the first question

    rendered = render(session, libraries, fmt=fmt, full=full, template=docx_template(session.lang) if fmt == "docx" else None)
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
