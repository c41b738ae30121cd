"""A closed terminal or a request to stop (SIGHUP, SIGTERM) ends a reflection cleanly."""

from __future__ import annotations

import signal
from types import FrameType
from typing import NoReturn


class Interrupted(KeyboardInterrupt):
    """The terminal closed or the process was asked to stop (SIGHUP, SIGTERM)."""


def handle_signals() -> None:
    """Turn SIGHUP and SIGTERM into a clean stop; answers are already on disk."""

    def stop(signum: int, frame: FrameType | None) -> NoReturn:
        raise Interrupted()

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):  # SIGHUP does not exist on Windows
            signal.signal(getattr(signal, name), stop)
