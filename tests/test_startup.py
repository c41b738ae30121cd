"""`goedgenoeg --version` answers without importing the heavy libraries. (How fast the commands
start is measured by `make bench`, not here: tests stay fast and deterministic.)"""

import os
import subprocess


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


def _imports(tool, args: list[str]) -> tuple[subprocess.CompletedProcess, set[str]]:
    command = list(tool.argv)
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    done = subprocess.run(command + args, capture_output=True, text=True, env=env, timeout=60)
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    return done, imported


def test_help_imports_no_models_no_yaml_no_rich_and_no_toml_without_a_config_file(tool):
    done, imported = _imports(tool, ["--help"])
    assert done.returncode == 0, done.stderr[-2000:]
    assert "goedgenoeg.cli" in imported, done.stderr[-2000:]
    heavy = sorted(m for m in imported if m.split(".")[0] in ("pydantic", "pydantic_core", "yaml", "rich", "tomllib"))
    heavy += sorted(m for m in imported if m in ("goedgenoeg.models", "goedgenoeg.library", "goedgenoeg.cache"))
    assert heavy == [], f"goedgenoeg --help imported {heavy}"
