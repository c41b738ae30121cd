"""Whether questions can be asked here: a terminal on standard input (or a test that says so)."""

from __future__ import annotations

import os
import sys


def interactive_allowed() -> bool:
    return sys.stdin.isatty() or os.environ.get("GOEDGENOEG_FORCE_INTERACTIVE") == "1"
