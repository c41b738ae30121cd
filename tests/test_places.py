"""Where sessions live: the local (never roaming) user data folder, with the sessions of the old
folder moved there once; and hints that name a command that works where the person is."""

import json
import os
import stat
from pathlib import Path

from goedgenoeg import hints
from goedgenoeg.cli import app
from goedgenoeg.config import default_sessions_dir


def test_sessions_live_in_the_local_user_data_folder_never_the_roaming_one(tmp_path, monkeypatch):
    assert default_sessions_dir() == tmp_path / "home-data" / "goedgenoeg" / "sessions"
    asked = {}

    def user_data_path(*args, **kwargs):
        asked.update(kwargs)
        return tmp_path / "x"

    monkeypatch.setattr("platformdirs.user_data_path", user_data_path)
    default_sessions_dir()
    assert asked.get("roaming") is False  # on Windows: Local AppData, not Roaming


def test_sessions_in_the_old_folder_are_moved_once_with_a_message(tmp_path, monkeypatch, runner):
    old = tmp_path / "home-config" / "goedgenoeg" / "sessions"  # typer's app folder, as before
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-OLD\ncontext.region: flanders\n", encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_SESSIONS_DIR", str(old))
    assert runner.invoke(app, ["reflect", "--answers", str(answers), "-o", "r.md"]).exit_code == 0
    (session_file,) = old.glob("*.json")
    monkeypatch.delenv("GOEDGENOEG_SESSIONS_DIR")

    first = runner.invoke(app, ["sessions"])
    new = tmp_path / "home-data" / "goedgenoeg" / "sessions"
    assert first.exit_code == 0 and "GG-OLD" in first.output
    assert f"Bewaarde reflecties verplaatst: 1, van {old} naar {new}" in first.stderr
    moved = new / session_file.name
    assert json.loads(moved.read_text())["id"] == session_file.stem and not old.exists()
    if os.name == "posix":
        assert stat.S_IMODE(moved.stat().st_mode) == 0o600 and stat.S_IMODE(new.stat().st_mode) == 0o700

    again = runner.invoke(app, ["sessions"])
    assert "verplaatst" not in again.stderr and "GG-OLD" in again.output


def test_a_chosen_sessions_folder_takes_nothing_from_the_old_one(tmp_path, monkeypatch, runner):
    old = tmp_path / "home-config" / "goedgenoeg" / "sessions"
    old.mkdir(parents=True)
    (old / "20260101-0000-abcd.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["sessions"])  # GOEDGENOEG_SESSIONS_DIR is set by conftest
    assert "verplaatst" not in result.stderr and (old / "20260101-0000-abcd.json").exists()


def test_the_hint_names_make_run_after_make_and_the_full_path_off_the_path(tmp_path, monkeypatch):
    program = tmp_path / "venv" / "bin" / "goedgenoeg"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setattr("sys.argv", [str(program), "reflect"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert hints.command() == str(program)
    assert hints.resume("ID") == f"{program} resume ID"
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}/usr/bin")
    assert hints.resume("ID") == "goedgenoeg resume ID"
    monkeypatch.setenv("GOEDGENOEG_VIA", "make")
    assert hints.resume("ID") == "make run"


def test_the_makefile_tells_the_tool_it_runs_through_make():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "GOEDGENOEG_VIA=make" in run and "reflect" in run
