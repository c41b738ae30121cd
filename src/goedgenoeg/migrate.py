"""The one-time move of sessions from the old folder (typer's app folder, which on Windows is
the roaming AppData) to the local user data folder."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .files import private_dir


@dataclass(frozen=True)
class Moved:
    old: Path
    count: int
    failed: tuple[tuple[Path, OSError], ...] = ()


def old_sessions_dir() -> Path:
    """Where the first versions kept sessions: typer's `get_app_dir("goedgenoeg")`, worked out
    here as typer does it (tests/test_config.py compares the two), because importing typer to
    ask would cost every start of a reflection some 40 ms (issue 15)."""
    if os.name == "nt":
        folder = os.environ.get("APPDATA")
        return Path(os.path.expanduser("~") if folder is None else folder) / "goedgenoeg" / "sessions"
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Application Support")) / "goedgenoeg" / "sessions"
    return Path(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))) / "goedgenoeg" / "sessions"


def move_old_sessions(new: Path, old: Path | None = None) -> Moved | None:
    """Move every session file from the old folder into `new` (a file already there is left
    alone). None when there was nothing to move. The old folder is removed once empty."""
    old = old_sessions_dir() if old is None else old
    try:
        if not old.is_dir() or old.resolve() == new.resolve():
            return None
        files = sorted(old.glob("*.json"))
    except OSError:
        return None
    if not files:
        return None
    private_dir(new)
    count = 0
    failed = []
    for path in files:
        target = new / path.name
        if target.exists():
            continue
        try:
            shutil.move(str(path), str(target))
            if os.name == "posix":
                os.chmod(target, 0o600)
            count += 1
        except OSError as err:
            failed.append((path, err))
    with contextlib.suppress(OSError):
        old.rmdir()  # only when empty
    return Moved(old, count, tuple(failed))
