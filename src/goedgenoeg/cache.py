"""A cache of validated libraries, so a start does not parse and validate YAML that did not change.

One file per library version: its name is a hash of the file's content hash, the tool version,
the cache format and the bibliography's ids (a library's `source` is checked against them).
A changed file has another content hash and so another key: a cache entry is never served for
text it was not made from. The entry is JSON, never pickle (a cache file someone else could
write must not be able to run code): a header line with the key and the line map, then the
library as pydantic dumped it, read back with `model_validate_json`, so it is validated again.
A damaged entry, one from another version, or one that is not the user's own is ignored (and
replaced). Only libraries without problems are cached; a library with problems is read and
reported in full every time.

GOEDGENOEG_CACHE_DIR points the cache elsewhere; GOEDGENOEG_NO_CACHE=1 switches it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from . import __version__

ENV_DIR = "GOEDGENOEG_CACHE_DIR"
ENV_OFF = "GOEDGENOEG_NO_CACHE"
FORMAT = 1  # raise when the layout of an entry changes
SUFFIX = ".json"


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    given = os.environ.get(ENV_DIR, "").strip()
    if given:
        return Path(given)
    from platformdirs import user_cache_path

    return user_cache_path("goedgenoeg", appauthor=False) / "libraries"


def entry_key(digest: str, source_ids: set[str] | None) -> str:
    """The key of one library's entry: everything its validated form depends on."""
    ids = "\n".join(sorted(source_ids)) if source_ids is not None else "\0none"
    text = f"goedgenoeg-cache\n{FORMAT}\n{__version__}\n{digest}\n{ids}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get(digest: str, source_ids: set[str] | None):
    """(library, lines) from the cache, or None when there is no usable entry."""
    folder = cache_dir()
    if folder is None:
        return None
    key = entry_key(digest, source_ids)
    try:
        with open(folder / (key + SUFFIX), "rb") as handle:
            if os.name == "posix":
                info = os.fstat(handle.fileno())
                if info.st_uid != os.getuid() or info.st_mode & 0o022:
                    return None  # not the user's own, or writable by others: not trusted
            raw = handle.read()
    except OSError:
        return None
    from pydantic import ValidationError

    from .models import Library

    try:
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if header.get("key") != key or header.get("version") != __version__ or header.get("format") != FORMAT:
            return None
        lines = {tuple(entry[:-1]): entry[-1] for entry in header["lines"]}
        library = Library.model_validate_json(body)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, ValidationError):
        return None  # damaged: read the YAML instead (and write a good entry)
    return library, lines


def put(digest: str, source_ids: set[str] | None, library, lines: dict[tuple, int]) -> None:
    """Store a validated library. A cache that cannot be written is no problem: it is skipped."""
    folder = cache_dir()
    if folder is None:
        return
    if not all(isinstance(part, (str, int)) and not isinstance(part, bool) for path in lines for part in path):
        return  # the line map must come back exactly as it was
    key = entry_key(digest, source_ids)
    header = {
        "format": FORMAT,
        "version": __version__,
        "key": key,
        "lines": [[*path, line] for path, line in lines.items()],
    }
    data = (
        json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n" + library.model_dump_json().encode()
    )
    from .files import private_dir, write_private

    with contextlib.suppress(OSError):
        write_private(private_dir(folder) / (key + SUFFIX), data)
