"""Tab completion of what a person cannot remember: session ids and case references after
`record`, `resume`, `followup` and `archive`, and the fixed values of --decision, --age,
--region, --who, --format and --lang. Quick and quiet: no session file is read and no library
loaded (ids are the file names; case references come from the index, only for files that did
not change since), and nothing is ever printed but the candidates."""

from __future__ import annotations

from pathlib import Path

import typer

MAX = 200  # more candidates than this help nobody


def _sessions_dir(ctx: typer.Context) -> Path | None:
    given = ctx.params.get("sessions_dir")
    if given:
        return Path(given)
    try:
        from .config import Options, load

        return load(Options(None, None, (), None, None, None)).sessions_dir.value
    except Exception:  # a broken config file: its problem is said when the command runs, not here
        return None


def _printable(text: str) -> bool:
    return bool(text) and text.isprintable()


def sessions(ctx: typer.Context, incomplete: str) -> list[str]:
    """The case references and session ids that start with what was typed, most recent first
    (as typed: typer keeps only the candidates that start with it)."""
    from .index import cached_entries, session_files

    directory = _sessions_dir(ctx)
    if directory is None:
        return []
    try:
        entries = cached_entries(directory)
        names = session_files(directory)
    except OSError:
        return []
    found: list[str] = []
    for entry in sorted(entries, key=lambda e: e.updated, reverse=True):  # newest first
        case = " ".join(entry.case.split())
        if _printable(case) and case.startswith(incomplete) and case not in found:
            found.append(case)
    ids = sorted((name[: -len(".json")] for name, _, _ in names), reverse=True)
    found += [i for i in ids if i.startswith(incomplete) and _printable(i) and i not in found]
    return found[:MAX]


def _starting(allowed: tuple[str, ...], incomplete: str) -> list[str]:
    return [word for word in allowed if word.startswith(incomplete)]


def decisions(incomplete: str) -> list[str]:
    """One decision, or the next after a comma (--decision placement,measure)."""
    from .vocab import DECISIONS

    done, _, last = incomplete.rpartition(",")
    chosen = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [prefix + word for word in DECISIONS if word.startswith(last) and word not in chosen]


def ages(incomplete: str) -> list[str]:
    from .vocab import AGE_BANDS

    return _starting(AGE_BANDS, incomplete)


def regions(incomplete: str) -> list[str]:
    from .vocab import REGIONS

    return _starting(REGIONS, incomplete)


def who(incomplete: str) -> list[str]:
    from .vocab import WHO

    return _starting(WHO, incomplete)


def formats(incomplete: str) -> list[str]:
    from .vocab import FORMATS

    return _starting(FORMATS, incomplete)


def langs(incomplete: str) -> list[str]:
    return _starting(("nl", "en"), incomplete)
