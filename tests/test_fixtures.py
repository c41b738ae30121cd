"""The tests' own tools (conftest.py): the pseudo-terminal tests run under a plain pytest, show
what the tool printed when they fail, and wait as long as they are told to."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from goedgenoeg import __version__

INNER = """
import pexpect
from conftest import installed_script


def test_a_failing_pty_test_shows_its_transcript(spawn):
    child = spawn(["--version"])
    child.expect(pexpect.EOF)
    assert False, "failed on purpose"


def test_the_spawn_fixture_is_set_by_the_options(spawn, pytestconfig):
    assert spawn.timeout == float(pytestconfig.getoption("--pty-timeout") or 7)
    script = installed_script()
    if pytestconfig.getoption("--pty-module") or script is None:  # no command installed: python -m
        assert spawn.argv[1:] == ["-m", "goedgenoeg"] and spawn.hint == "goedgenoeg"
    else:
        assert spawn.argv == [str(script)] == [spawn.hint]
    child = spawn(["--version"])
    child.expect(pexpect.EOF)
    assert child.before.strip() == "goedgenoeg {version}"
"""


def run_inner(tmp_path, *options, **env):
    folder = tmp_path / "inner"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "conftest.py", folder / "conftest.py")
    (folder / "test_inner.py").write_text(INNER.format(version=__version__), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", *options, str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=120,
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize("options", [[], ["--pty-module"]], ids=["installed", "module"])
def test_a_failing_pty_test_shows_what_the_tool_printed(tmp_path, options):
    output = run_inner(tmp_path, *options, GOEDGENOEG_PTY_TIMEOUT="7")
    assert "1 failed, 1 passed" in output, output
    report = output.split("failed on purpose", 1)[1]
    assert "pty transcript 1: goedgenoeg --version" in report, output
    assert f"goedgenoeg {__version__}" in report.split("pty transcript 1", 1)[1], output


def test_the_timeout_option_beats_the_environment(tmp_path):
    output = run_inner(tmp_path, "--pty-timeout", "3", GOEDGENOEG_PTY_TIMEOUT="7")
    assert "1 failed, 1 passed" in output, output
