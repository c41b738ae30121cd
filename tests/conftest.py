import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
PTY_TIMEOUT = 20.0  # seconds a pseudo-terminal test waits for the tool's next output


def pytest_addoption(parser):
    group = parser.getgroup("goedgenoeg")
    group.addoption(
        "--pty-timeout",
        type=float,
        default=None,
        help=f"seconds a pseudo-terminal test waits for the tool's output (default {PTY_TIMEOUT:g}, "
        "or GOEDGENOEG_PTY_TIMEOUT); raise it on a slow machine",
    )
    group.addoption(
        "--pty-module",
        action="store_true",
        help="start the tool as 'python -m goedgenoeg' even where its command is installed",
    )


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory):
    """One library cache for the whole run (as a user has one), never the user's real cache."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, shared_cache):
    """Every test gets its own sessions folder and working folder (records are written there)."""
    sessions = tmp_path / "sessions"
    monkeypatch.setenv("GOEDGENOEG_SESSIONS_DIR", str(sessions))
    monkeypatch.delenv("GOEDGENOEG_FORCE_INTERACTIVE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # no config file, language or old folder of the person running the tests leaks in
    for var in (
        "GOEDGENOEG_CONFIG",
        "GOEDGENOEG_LANG",
        "GOEDGENOEG_REGION",
        "GOEDGENOEG_LIBRARIES",
        "GOEDGENOEG_RECORD_FORMAT",
        "GOEDGENOEG_PLAIN",
        "GOEDGENOEG_DOCX_TEMPLATE",
        "GOEDGENOEG_VIA",
        "GOEDGENOEG_FUNCTION",
        "GOEDGENOEG_SERVICE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("GOEDGENOEG_NO_CACHE", raising=False)
    # who writes the records is known, so a new reflection does not ask it first (tests of the
    # asking itself take this away)
    monkeypatch.setenv("GOEDGENOEG_AUTHOR", "T. Tester")
    monkeypatch.setenv("GOEDGENOEG_CACHE_DIR", str(shared_cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    monkeypatch.chdir(tmp_path)
    return sessions


@pytest.fixture
def libraries():
    from goedgenoeg.library import load_all

    return load_all()


@pytest.fixture
def runner():
    """typer's CliRunner: a command run in-process; `result.stdout` and `result.stderr` apart."""
    return CliRunner()


# --- the installed tool, in a pseudo-terminal or a subprocess --------------------------------


def installed_script() -> Path | None:
    """The `goedgenoeg` command installed with the package under test: in the scripts folder of
    the Python running the tests (a virtual environment's bin/), else on the PATH if it was
    installed for this very Python. None when there is none (e.g. a plain `pytest` on src/)."""
    name = "goedgenoeg.exe" if os.name == "nt" else "goedgenoeg"
    own = Path(sysconfig.get_path("scripts")) / name
    if own.is_file() and os.access(own, os.X_OK):
        return own
    found = shutil.which("goedgenoeg")
    if found:
        try:
            first = Path(found).read_bytes()[:512].split(b"\n", 1)[0].decode(errors="replace")
        except OSError:
            return None
        if first.startswith("#!") and first[2:].strip() == sys.executable:
            return Path(found)
    return None


@dataclass(frozen=True)
class Tool:
    """How the tests start the tool, and the command it then names in its hints ("Verder gaan: ...")."""

    argv: tuple[str, ...]
    hint: str
    script: Path | None

    def env(self, extra: dict[str, str]) -> dict[str, str]:
        """The environment of a started tool. The script's own folder is left off the PATH, as
        after `make run` (.venv/bin is not on it): the hints then name the script by its full path,
        whether or not the person running the tests activated the virtual environment."""
        env = dict(os.environ, NO_COLOR="1", **extra)
        env.pop("GOEDGENOEG_FORCE_INTERACTIVE", None)
        if self.script is not None:
            folder = str(self.script.parent)
            env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and p != folder)
        return env


@pytest.fixture(scope="session")
def tool(pytestconfig) -> Tool:
    """The installed `goedgenoeg` command, exactly as a user runs it; `python -m goedgenoeg` where
    it is not installed (or with --pty-module), so no test is skipped under a plain `pytest`."""
    script = None if pytestconfig.getoption("--pty-module") else installed_script()
    if script is not None:
        return Tool((str(script),), str(script), script)
    # run as a module, the tool cannot know its command: it names the plain `goedgenoeg`
    return Tool((sys.executable, "-m", "goedgenoeg"), "goedgenoeg", None)


@pytest.fixture(scope="session")
def pty_timeout(pytestconfig) -> float:
    option = pytestconfig.getoption("--pty-timeout")
    return float(option if option is not None else os.environ.get("GOEDGENOEG_PTY_TIMEOUT", PTY_TIMEOUT))


TRANSCRIPTS = pytest.StashKey[list]()
TRANSCRIPT_TAIL = 6000  # characters of each transcript shown when a test fails


class Spawn:
    """Starts the tool in a pseudo-terminal (pexpect) and keeps what it printed, which is shown
    with the test's report when the test fails."""

    def __init__(self, tool: Tool, timeout: float, transcripts: list):
        self.tool = tool
        self.timeout = timeout
        self.transcripts = transcripts

    @property
    def argv(self) -> list[str]:
        return list(self.tool.argv)

    @property
    def hint(self) -> str:
        """The command the tool names in "to continue, type ..." (see hints.py)."""
        return self.tool.hint

    def __call__(self, args, sessions=None, *, term="dumb", size=(50, 250), **env) -> pexpect.spawn:
        extra = dict(env, TERM=term)
        if sessions is not None:
            extra["GOEDGENOEG_SESSIONS_DIR"] = str(sessions)
        log = io.StringIO()
        program, *before = self.tool.argv
        child = pexpect.spawn(
            program, [*before, *args], env=self.tool.env(extra), dimensions=size, encoding="utf-8", timeout=self.timeout
        )
        child.logfile_read = log
        self.transcripts.append((" ".join(["goedgenoeg", *args]), log))
        return child

    def run(self, args, sessions=None, **kwargs) -> subprocess.Popen:
        """The tool without a terminal, its output in pipes (a Popen: wait or communicate)."""
        extra = {} if sessions is None else {"GOEDGENOEG_SESSIONS_DIR": str(sessions)}
        return subprocess.Popen(
            [*self.tool.argv, *args],
            env=self.tool.env(extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kwargs,
        )


@pytest.fixture
def spawn(request, tool, pty_timeout) -> Spawn:
    """`spawn(args, sessions)` starts the installed tool in a pseudo-terminal (see Spawn)."""
    transcripts: list = []
    request.node.stash[TRANSCRIPTS] = transcripts
    return Spawn(tool, pty_timeout, transcripts)


def readable(text: str) -> str:
    """A transcript as it looked on screen: line ends kept, other control characters shown."""
    text = text.replace("\r\n", "\n")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed pseudo-terminal test shows what each started tool printed (and echoed of what was typed)."""
    report = yield
    if report.failed:
        for n, (title, log) in enumerate(item.stash.get(TRANSCRIPTS, []), start=1):
            text = log.getvalue()
            cut = len(text) > TRANSCRIPT_TAIL
            shown = readable(text[-TRANSCRIPT_TAIL:])
            header = f"pty transcript {n}: {title}" + (f" (the last {TRANSCRIPT_TAIL} characters)" if cut else "")
            report.sections.append((header, shown))
    return report
