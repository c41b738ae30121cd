"""`goedgenoeg --version` answers without importing the heavy libraries. (How fast the commands
start is measured by `make bench`, not here: tests stay fast and deterministic.)"""

import os
import subprocess

import pytest


def test_version_imports_none_of_pydantic_yaml_and_rich(tool):
    # The installed console script, exactly as a user runs it; `python -m goedgenoeg` where it
    # is not installed (the `tool` fixture in conftest).
    command = list(tool.argv)
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")  # every import is logged on stderr
    done = subprocess.run(command + ["--version"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("goedgenoeg ")
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    assert "goedgenoeg.__main__" in imported or "goedgenoeg" in imported, done.stderr[-2000:]
    heavy = sorted(m for m in imported if m.split(".")[0] in ("pydantic", "pydantic_core", "yaml", "rich"))
    assert heavy == [], f"goedgenoeg --version imported {heavy}"


def _imports(tool, args: list[str], **extra: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    command = list(tool.argv)
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1", **extra)
    done = subprocess.run(command + args, capture_output=True, text=True, env=env, timeout=60)
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    return done, imported


def test_help_imports_no_models_no_yaml_no_rich_and_no_toml_without_a_config_file(tool, tmp_path):
    # on a terminal under 80 columns the first --help (nothing kept yet) is typer's; the next one
    # is the kept text, without typer
    narrow = {"GOEDGENOEG_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "70"}
    done, imported = _imports(tool, ["--help"], **narrow)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "goedgenoeg.cli" in imported, done.stderr[-2000:]
    heavy = sorted(m for m in imported if m.split(".")[0] in ("pydantic", "pydantic_core", "yaml", "rich", "tomllib"))
    heavy += sorted(m for m in imported if m in ("goedgenoeg.models", "goedgenoeg.library"))
    assert heavy == [], f"goedgenoeg --help imported {heavy}"
    again, imported = _imports(tool, ["--help"], **narrow)
    assert again.returncode == 0 and again.stdout == done.stdout
    heavy = sorted(m for m in imported if m.split(".")[0] in ("typer", "pydantic", "pydantic_core", "yaml", "rich", "tomllib"))
    assert heavy == [] and "goedgenoeg.cli" not in imported, f"goedgenoeg --help (kept) imported {heavy}"


def test_the_first_help_on_a_terminal_of_80_columns_is_the_shipped_one_without_typer(tool, tmp_path):
    """The package ships typer's --help for 80 columns or more, in Dutch and English (made by
    `make docs`; tests/test_docs.py checks it against typer): the very first --help after an
    install needs no typer, also with the cache off."""
    from goedgenoeg.quickhelp import shipped

    for lang, columns in (("nl", "80"), ("en", "200")):
        env = {"GOEDGENOEG_NO_CACHE": "1", "GOEDGENOEG_LANG": lang, "COLUMNS": columns}
        done, imported = _imports(tool, ["--help"], **env)
        assert done.returncode == 0, done.stderr[-2000:]
        assert not any(m.split(".")[0] in ("typer", "rich", "pydantic") for m in imported), lang
        assert "goedgenoeg.cli" not in imported
        assert done.stdout == shipped(lang) and done.stdout.startswith("Gebruik:" if lang == "nl" else "Usage:")
    assert not (tmp_path / "cache").exists()


def test_a_shipped_help_made_with_another_typer_or_other_sources_is_not_used(monkeypatch):
    from goedgenoeg import quickhelp

    monkeypatch.setenv("COLUMNS", "80")
    assert quickhelp.shipped("nl") is not None
    with monkeypatch.context() as patch:
        patch.setattr(quickhelp, "typer_version", lambda: "0.0.1")
        assert quickhelp.shipped("nl") is None
    with monkeypatch.context() as patch:
        patch.setattr(quickhelp, "sources_digest", lambda: "0" * 64)
        assert quickhelp.shipped("nl") is None
    monkeypatch.setenv("COLUMNS", "79")  # click would wrap at 77: typer's, then kept
    assert quickhelp.shipped("nl") is None


def _help(tool, cache, **extra: str) -> str:
    command = list(tool.argv)
    env = dict(os.environ, GOEDGENOEG_CACHE_DIR=str(cache), **extra)
    done = subprocess.run(command + ["--help"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_kept_help_is_the_help_typer_prints_for_the_same_language_and_width(tool, tmp_path):
    # a terminal of 70 columns: no shipped help fits (that is for 80 or more), typer's is kept
    cache = tmp_path / "cache"
    typers = _help(tool, cache, GOEDGENOEG_NO_CACHE="1", COLUMNS="70")
    assert typers.startswith("Gebruik: goedgenoeg") and not cache.exists()  # the cache switched off: nothing kept
    assert _help(tool, cache, COLUMNS="70") == typers  # typer's, and kept
    entries = list(cache.glob("help-*.txt"))
    assert len(entries) == 1
    if os.name == "posix":
        assert entries[0].stat().st_mode & 0o777 == 0o600 and cache.stat().st_mode & 0o777 == 0o700
    assert _help(tool, cache, COLUMNS="70") == typers  # the kept one
    # another language or width is another help, never the one kept for Dutch at 70 columns
    english = _help(tool, cache, GOEDGENOEG_LANG="en", COLUMNS="70")
    assert english.startswith("Usage: goedgenoeg") and english == _help(
        tool, cache, GOEDGENOEG_LANG="en", GOEDGENOEG_NO_CACHE="1", COLUMNS="70"
    )
    narrow = _help(tool, cache, COLUMNS="60")
    assert narrow != typers and narrow == _help(tool, cache, COLUMNS="60", GOEDGENOEG_NO_CACHE="1")
    assert len(list(cache.glob("help-*.txt"))) == 3
    # an entry someone else could have written is not trusted
    if os.name == "posix":
        for entry in cache.glob("help-*.txt"):
            entry.write_text("Vals\n", encoding="utf-8")
            entry.chmod(0o666)
        assert _help(tool, cache, COLUMNS="70") == typers


# --- `goedgenoeg reflect` and `resume` without typer (issue 15: the first question sooner) -----


@pytest.mark.parametrize(
    "fast, typers, says, code",
    [
        (["reflect", "--lang", "en"], ["reflect", "--lang", "en", "-fmd"], "needs a terminal", 2),
        (["resume", "NOPE", "--lang", "en"], ["resume", "--lang", "en", "-fmd", "NOPE"], "NOPE", 1),
        # "--" is typer's to read: the same check through typer
        (
            ["libraries", "check", "nope.yaml", "--lang", "en"],
            ["libraries", "check", "--lang", "en", "--", "nope.yaml"],
            "nope.yaml",
            1,
        ),
        (["libraries", "check"], ["libraries", "check", "--"], "", 0),
    ],
)
def test_reflect_and_resume_are_read_without_typer_and_say_the_same_as_through_typer(tool, tmp_path, fast, typers, says, code):
    """The usual `goedgenoeg reflect`, `resume` and `libraries check` run without importing typer;
    what they say and how they end are those of the typer route (here: no terminal, no such
    session, no such library file, the bundled libraries in order)."""
    env = dict(os.environ, GOEDGENOEG_SESSIONS_DIR=str(tmp_path / "s"), GOEDGENOEG_CACHE_DIR=str(tmp_path / "c"))
    env.pop("GOEDGENOEG_FORCE_INTERACTIVE", None)
    command = list(tool.argv)
    results = {}
    for route, args in (("fast", fast), ("typer", typers)):
        done = subprocess.run(
            command + args,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=dict(env, PYTHONPROFILEIMPORTTIME="1"),
            timeout=60,
        )
        imported = {
            line.rsplit("|", 1)[1].strip()
            for line in done.stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2
        }
        said = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("import time:"))
        results[route] = (done.returncode, done.stdout, said, imported)
    assert results["fast"][:3] == results["typer"][:3]
    assert results["fast"][0] == code and says in results["fast"][2]
    assert "typer" in results["typer"][3] and "goedgenoeg.start" in results["fast"][3]
    assert not any(m.split(".")[0] == "typer" for m in results["fast"][3])


def test_the_reading_without_typer_takes_the_options_of_cli_and_leaves_the_rest_to_typer():
    from pathlib import Path

    import typer.main

    from goedgenoeg import cli
    from goedgenoeg.start import COMMANDS, command_arguments

    group = typer.main.get_command(cli.app)
    for name, (options, positional) in COMMANDS.items():
        found = group
        for word in name.split():  # "libraries check": a command of a group
            found = found.commands[word]
        params = {p.name: p for p in found.params}
        declared = {opt: p.name for p in params.values() if p.param_type_name == "option" for opt in (*p.opts, *p.secondary_opts)}
        assert {opt: key for opt, (key, _) in options.items()} == declared, name
        for opt, (key, how) in options.items():
            assert params[key].multiple == (how in ("paths", "texts")), opt
            assert params[key].is_flag == (how in ("flag", "off")), opt
        arguments = [p.name for p in params.values() if p.param_type_name == "argument"]
        assert arguments == ([positional] if positional else []), name

    def reflect(args):
        return command_arguments("reflect", args)

    assert reflect([]) == {}
    assert reflect(["--lang", "en", "-l", "a", "--library=b", "--no-plain", "--team", "-o", "r.md"]) == {
        "lang": "en",
        "library": [Path("a"), Path("b")],
        "plain": False,
        "team": True,
        "output": Path("r.md"),
    }
    assert reflect(["--prepared", "An=1", "--prepared", "Bo=2", "--path", "full", "-f", "docx"]) == {
        "prepared": ["An=1", "Bo=2"],
        "path": "full",
        "fmt": "docx",
    }
    assert command_arguments("libraries check", ["a.yaml", "--lang", "en", "b"]) == {
        "paths": [Path("a.yaml"), Path("b")],
        "lang": "en",
    }
    assert command_arguments("libraries check", ["--", "a.yaml"]) is None
    assert command_arguments("resume", ["--path", "full", "20261129-1900-3f99", "--plain"]) == {
        "path": "full",
        "session_id": "20261129-1900-3f99",
        "plain": True,
    }
    # typer's: help, unknown or glued options, a missing value, a value that looks like an option,
    # an argument where there is none or a second one
    for args in (["--help"], ["--langs", "en"], ["-fmd"], ["--lang"], ["--lang", "--team"], ["--team=1"], ["extra"]):
        assert reflect(args) is None, args
    for args in (["A", "B"], ["--team"], ["--answers", "x.yaml"], ["A", "--help"]):
        assert command_arguments("resume", args) is None, args
    assert command_arguments("sessions", []) is None


def test_the_first_question_comes_without_typer_filelock_or_the_emoji_table(tool, tmp_path):
    """What issue 15 took off the way to the first question stays off it."""
    import shlex

    import pexpect

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
    assert "goedgenoeg.models" in imported and "rich.console" in imported
    unwanted = sorted(m for m in imported if m.split(".")[0] in ("typer", "filelock") or m == "rich._emoji_codes")
    assert unwanted == [], f"before the first question: {unwanted}"
