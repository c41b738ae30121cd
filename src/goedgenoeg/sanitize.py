"""Make user text safe to show: no terminal control sequences, no control characters."""

from __future__ import annotations

import re

# An escape sequence (CSI, OSC and the like) as a whole, then any other C0/C1 control
# character or DEL. Line breaks and tabs are kept; the caller decides what they become.
_ESCAPES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_])"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """The text without escape sequences and control characters (line breaks and tabs stay;
    a lone carriage return becomes a line break)."""
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)
