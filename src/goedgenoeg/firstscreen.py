"""The first screen of a new reflection, shown from the cache while the rest of the start runs
(issue 15, docs/performance.md).

Most of a start of `goedgenoeg reflect` goes to importing pydantic and building the models,
before anything can be asked. Yet its first screen (the welcome, the first part, the first
question and its input line) comes out the same every time for the same settings, libraries,
terminal and code. So the first time, the screen is kept in the cache folder as it was written;
on a later start under the same key it is written at once, by a process that has imported
nothing heavy yet, and the rest of the start runs while the person reads the question. Keys
typed meanwhile wait in the terminal, as they always do.

Until the first answer is read, what the start writes is held back and compared with what was
shown. The same (as it should be): the cursor goes back to the start of the input line, which
is drawn again over itself. Different (a change the key did not catch): the real screen follows,
and is kept instead. A message on standard error always passes at once, and such a screen is
not kept.

The key: the tool's version and code (each module's name, size and time), the Python, the
command line and working folder, the environment the look of the screen comes from, the
terminal's size and encoding, the effective settings, and the name and bytes of every library
file. Only a plain new reflection takes this route: on a terminal, on POSIX, with the cache on
(GOEDGENOEG_NO_CACHE=1 switches it off), without an answers file or a meeting, without sessions
in the old folder to move, and without a session in the sessions folder that `reflect` could
offer to continue first. A kept screen is written atomically, 0600 in the cache's 0700 folder;
one that is not the user's own or is writable by others is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import __version__

if TYPE_CHECKING:
    from .config import Config

PREFIX = "screen-"
SUFFIX = ".txt"
MAX_BYTES = 64 * 1024  # a first screen is a few kB; anything larger is not one of ours
# Where the look of the screen comes from, besides the settings and the terminal's size: rich's
# colours and width, the locale, and the folders the settings are found from.
ENVIRONMENT = (
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "PYTHONIOENCODING",
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_CONFIG_DIRS",
    "XDG_DATA_HOME",
)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Stream(io.TextIOBase):
    """Standard output or error while a start runs: what is written is kept, and passed on at
    once (`through`) or held back. Everything else is the real stream's (rich asks whether it is
    a terminal, and its encoding)."""

    def __init__(self, real: TextIO, through: bool, first: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.real = real
        self.through = through
        self.parts: list[str] = []
        self.first = first  # called before the first text is written

    def write(self, text: str) -> int:
        if self.first is not None and text:
            self.first()
            self.first = None
        self.parts.append(text)
        if self.through:
            self.real.write(text)
        return len(text)

    def flush(self) -> None:
        if self.through:
            self.real.flush()

    def isatty(self) -> bool:
        return self.real.isatty()

    def fileno(self) -> int:
        return self.real.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # io.TextIOBase declares it a plain attribute
        return self.real.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]  # the same
        return self.real.errors

    def text(self) -> str:
        return "".join(self.parts)


class _Start:
    """This start's screen: where it is kept, what was shown from there (None: nothing, the start
    is being recorded), and the streams standing in for standard output and error meanwhile."""

    def __init__(self) -> None:
        self.entry: Path | None = None
        self.shown: str | None = None
        self.out: _Stream | None = None
        self.err: _Stream | None = None
        self.keys: list[Any] | None = None  # the terminal's settings while keys are kept quiet

    def stop(self) -> tuple[_Stream, _Stream] | None:
        """Put the real streams and the terminal's settings back; the stand-ins, or None if
        there were none."""
        out, err = self.out, self.err
        if out is None or err is None:
            return None
        sys.stdout, sys.stderr = out.real, err.real
        self.out = self.err = None
        if self.keys is not None:
            import termios

            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, self.keys)  # typed keys stay
            self.keys = None
        return out, err


_START = _Start()


def begin(cfg: Config, arguments: dict[str, object]) -> None:
    """Before `reflect` runs with these settings and arguments: show its first screen at once if
    it was kept under this start's key, else record what the start writes until its first
    answer, to keep it. Nothing for a start that could show something else first."""
    entry = _entry(cfg, arguments)
    if entry is None:
        return
    from .cache import read_own

    raw = read_own(entry)
    shown = None
    if raw and len(raw) <= MAX_BYTES:
        try:
            shown = raw.decode("utf-8")
        except UnicodeDecodeError:
            shown = None
    if shown is not None:
        sys.stdout.write(shown)
        sys.stdout.flush()
        _START.keys = _quiet_keys()
    _START.entry, _START.shown = entry, shown
    real = sys.stdout

    def off_the_input_line() -> None:  # a message (an error, a note) under the shown screen, not behind it
        real.write("\n")
        real.flush()

    _START.out = _Stream(sys.stdout, through=shown is None)
    _START.err = _Stream(sys.stderr, through=True, first=off_the_input_line if shown is not None else None)
    sys.stdout, sys.stderr = _START.out, _START.err


def reached(prompt: str) -> None:
    """At the first answer, just before its input line (PROMPT, as it will be drawn) is drawn:
    stop holding back or recording. See the module's text for what then happens on screen."""
    streams = _START.stop()
    if streams is None:
        return
    out, err = streams
    screen = out.text() + prompt
    quiet = not err.text()
    if _START.shown is not None:
        sys.stdout.write("\r" if screen == _START.shown and quiet else "\n" + out.text())
        sys.stdout.flush()
    if _START.entry is not None and screen != _START.shown:
        if quiet and _one_line(prompt):
            from .cache import keep

            keep(_START.entry, screen.encode("utf-8"))
        elif _START.shown is not None:
            with contextlib.suppress(OSError):
                _START.entry.unlink(missing_ok=True)  # not what this start shows: never again


def release() -> None:
    """Stop holding back or recording before an answer was read (something else is asked first,
    an error, a stop): what was held back and is not on screen yet follows the shown screen."""
    streams = _START.stop()
    if streams is None or _START.shown is None:
        return
    held = streams[0].text()
    same = os.path.commonprefix([held, _START.shown])
    cut = len(held) if same == held else same.rfind("\n") + 1
    sys.stdout.write("\n" + held[cut:])
    sys.stdout.flush()


def _quiet_keys() -> list[Any] | None:
    """While the rest of the start runs under a screen shown from the cache, keys typed are kept
    for the input line but not echoed yet: line editing (readline) shows them on that line once
    it reads them. Echoed at once, a whole answer typed meanwhile would stand on the screen twice,
    and a Ctrl-D would be lost. The terminal's settings as they were, to put back; None where
    there is no line editing or the settings cannot be changed (keys are then echoed as usual)."""
    try:
        import readline  # noqa: F401  (the input line is read with it, see ask.line_editing)
        import termios
    except ImportError:
        return None
    try:
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~(termios.ICANON | termios.ECHO)  # Ctrl-C still stops (ISIG stays)
        quiet[6][termios.VMIN], quiet[6][termios.VTIME] = 1, 0
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except (OSError, ValueError, termios.error):
        return None
    return saved


def _one_line(prompt: str) -> bool:
    """Whether the input line fits on one line of the terminal: only then does going back to
    its start redraw it in place."""
    return "\n" not in prompt and len(_ANSI.sub("", prompt)) < shutil.get_terminal_size().columns


def _entry(cfg: Config, arguments: dict[str, object]) -> Path | None:
    """Where this start's screen is kept, or None if this start does not take this route."""
    if os.name != "posix" or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    if arguments.get("answers") is not None or arguments.get("team") or arguments.get("prepared"):
        return None
    from .cache import cache_dir
    from .libfiles import bundled_dir, yaml_files

    folder = cache_dir()
    if folder is None or _could_offer(cfg.sessions_dir.value) or (cfg.sessions_dir_is_default and _old_sessions()):
        return None
    digest = hashlib.sha256()
    here = Path(__file__).parent
    try:
        given = cfg.library_paths()
        if not all(path.exists() for path in given):
            return None  # the start fails, and says so
        files = [file for path in (bundled_dir(), *given) for file in yaml_files(path)]
        for part in _facts(cfg):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        for module in sorted(os.scandir(here), key=lambda x: x.name):
            if module.name.endswith(".py"):
                info = module.stat()
                digest.update(f"{module.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for file in files:
            digest.update(str(file).encode("utf-8", "surrogateescape") + b"\0" + file.read_bytes() + b"\0")
    except (OSError, ValueError):
        return None
    return folder / f"{PREFIX}{digest.hexdigest()}{SUFFIX}"


def _facts(cfg: Config) -> list[str]:
    """What the screen depends on besides the code and the libraries' bytes."""
    size = shutil.get_terminal_size()
    environment = [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
    goedgenoeg = sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("GOEDGENOEG_"))
    return [
        "goedgenoeg-screen",
        __version__,
        sys.version,
        os.getcwd(),
        repr(sys.argv[1:]),
        repr(cfg),
        f"{size.columns}x{size.lines}",
        str(sys.stdout.encoding),
        *environment,
        *goedgenoeg,
    ]


def _could_offer(directory: Path) -> bool:
    """Whether `reflect` could offer to continue a reflection from this folder before its first
    question (it offers unfinished ones with answers). A file that cannot be read here counts."""
    from .reading import MAX_SESSION_BYTES, OddFile, loads, read_regular

    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return False
    except OSError:
        return True
    for entry in entries:
        if not entry.name.endswith(".json"):
            continue
        try:  # only a regular file, and only so much of it (a link to /dev/zero, a FIFO: counts, unread)
            data = loads(Path(entry.path), read_regular(Path(entry.path), MAX_SESSION_BYTES))
        except (OSError, ValueError, OddFile):
            return True
        if not isinstance(data, dict) or not (data.get("finished") is True or data.get("answers") == {}):
            return True
    return False


def _old_sessions() -> bool:
    """Whether sessions wait in the first versions' folder, to be moved (and said so) first."""
    from .migrate import old_sessions_dir

    try:
        return any(path.suffix == ".json" for path in old_sessions_dir().iterdir())
    except OSError:
        return False
