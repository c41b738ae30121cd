"""One way into every command: typer (cli.py). `-h` is `--help` everywhere, `--plain` is taken by
every command that prints a table, `--version` names the package, and the first question comes
without filelock (POSIX holds a session with flock). How fast the commands start is measured by
`make bench`, not here: tests stay fast and deterministic."""

import os
import re
import shlex
import subprocess

import pexpect
import pytest
from typer.main import get_command

from goedgenoeg.cli import app

BOX = re.compile("[\u2500-\u257f]")  # the box-drawing block


def commands(group, path=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name)


ALL = [(), ("libraries",), *commands(get_command(app))]


def _imports(tool, args: list[str]) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")  # every import is logged on stderr
    done = subprocess.run(list(tool.argv) + args, capture_output=True, text=True, env=env, timeout=60)
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    return done, imported


def test_version_and_help_go_through_typer_and_load_no_library_or_session_code(tool):
    """The installed console script, exactly as a user runs it: --version and --help are typer's
    (no second reading of the command line, no kept or shipped help). The models, libraries and
    sessions are imported inside the commands: --help loads none of them, nor pydantic, YAML or
    rich (a command's own help is read by typer, which converts its parameters with pydantic)."""
    for args in (["--version"], ["--help"], ["reflect", "-h"]):
        done, imported = _imports(tool, args)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "goedgenoeg.cli" in imported and "typer" in imported, args
        heavy = sorted(m for m in imported if m.split(".")[0] in ("yaml", "rich", "docx"))
        heavy += sorted(m for m in imported if m in ("goedgenoeg.models", "goedgenoeg.library", "goedgenoeg.session"))
        if args != ["reflect", "-h"]:
            heavy += sorted(m for m in imported if m.split(".")[0] in ("pydantic", "pydantic_core"))
        assert heavy == [], f"goedgenoeg {' '.join(args)} imported {heavy}"
    assert _imports(tool, ["--version"])[0].stdout.startswith("goedgenoeg ")


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "goedgenoeg")
def test_dash_h_is_dash_dash_help_on_every_command(runner, path):
    long = runner.invoke(app, [*path, "--help"], prog_name="goedgenoeg")
    short = runner.invoke(app, [*path, "-h"], prog_name="goedgenoeg")
    assert long.exit_code == 0 and short.exit_code == 0, short.output
    assert short.output == long.output and "Gebruik: goedgenoeg" in short.output


TABLES = [
    ["sessions"],
    ["preview", "--decision", "placement", "--age", "under-1", "--region", "flanders"],
    ["overview"],
    ["config"],
    ["libraries", "list"],
    ["libraries", "sources"],
]


@pytest.mark.parametrize("args", TABLES, ids=lambda a: " ".join(a[:2]))
def test_every_command_that_prints_a_table_takes_plain_and_draws_no_box_or_bars(runner, tmp_path, args):
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-PLAIN\ncontext.region: flanders\n", encoding="utf-8")
    assert runner.invoke(app, ["reflect", "--answers", str(answers), "-o", "r.md"]).exit_code == 0
    plain = runner.invoke(app, [*args, "--plain"], env={"COLUMNS": "200"})
    assert plain.exit_code == 0, plain.output
    assert plain.stdout.strip() and not BOX.search(plain.stdout) and "|" not in plain.stdout


def test_libraries_sources_plain_says_what_the_table_says_without_its_bars(runner):
    table = runner.invoke(app, ["libraries", "sources"]).stdout
    plain = runner.invoke(app, ["libraries", "sources", "--plain"]).stdout
    assert table.startswith("| source | section | prompts |") and "|" not in plain
    rows = [line.strip("| ").split(" | ") for line in table.splitlines()[2:]]
    assert plain.splitlines() == [f"{source} {where}: {prompts}" for source, where, prompts in rows]


def test_the_first_question_comes_without_filelock_or_the_emoji_table(tool, tmp_path):
    """On POSIX a session is held with flock (filelock is installed on Windows only), and rich's
    table of emoji codes is not loaded."""
    log = tmp_path / "imports.txt"
    env = dict(
        os.environ,
        GOEDGENOEG_SESSIONS_DIR=str(tmp_path / "s"),
        GOEDGENOEG_CACHE_DIR=str(tmp_path / "c"),
        NO_COLOR="1",
        TERM="dumb",
        PYTHONPROFILEIMPORTTIME="1",
    )
    env.pop("GOEDGENOEG_FORCE_INTERACTIVE", None)
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"exec {shlex.join(tool.argv)} reflect 2>{shlex.quote(str(log))}"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"Je antwoord[^:\n]*: ")  # the first question
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    imported = {line.rsplit("|", 1)[1].strip() for line in log.read_text().splitlines() if line.count("|") == 2}
    assert "goedgenoeg.models" in imported and "goedgenoeg.cli" in imported
    unwanted = sorted(m for m in imported if m.split(".")[0] == "filelock" or m == "rich._emoji_codes")
    assert unwanted == [], f"before the first question: {unwanted}"


def test_the_install_asks_for_filelock_on_windows_only_and_for_phonenumbers_without_its_geodata():
    import tomllib

    from conftest import REPO

    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert [d for d in deps if d.startswith("filelock")] == ["filelock>=4.3.1; sys_platform == 'win32'"]
    assert any(d.startswith("phonenumberslite") for d in deps) and not any(d.startswith("phonenumbers>") for d in deps)
    [typer] = [d for d in deps if d.startswith("typer")]
    assert "<0.30" in typer  # helptext.py uses typer's private modules
