"""How to call this tool again from where the person is: the commands named in hints
("to continue, type ...") must work there, also when the tool is not on the PATH."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

VIA = "GOEDGENOEG_VIA"  # set by the Makefile: `make run` is how this person starts the tool


def command() -> str:
    """`goedgenoeg` when that name finds this very program, else the program's full path
    (e.g. .venv/bin/goedgenoeg after `make run`)."""
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if program is None or program.stem != "goedgenoeg" or not program.exists():
        return "goedgenoeg"  # run as a module or inside tests: the plain name is the best guess
    found = shutil.which("goedgenoeg")
    try:
        if found and Path(found).resolve() == program.resolve():
            return "goedgenoeg"
    except OSError:
        pass
    return str(program.absolute())


def resume(session_id: str) -> str:
    """The command that continues this session. After `make run`, `make run` itself offers
    the unfinished reflection first."""
    if os.environ.get(VIA) == "make":
        return "make run"
    return f"{command()} resume {session_id}"
