"""Installed with pip into a fresh virtual environment outside the repository, the command
finds its bundled libraries from any folder."""

import subprocess
import sys
import venv

from conftest import REPO
from goedgenoeg import __version__


def test_fresh_install_outside_the_repo_finds_the_bundled_libraries(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(wheels.glob("goedgenoeg-*.whl"))
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", "--disable-pip-version-check", str(wheel)], check=True, cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = env_dir / "bin" / "goedgenoeg"
    listed = subprocess.run([str(command), "libraries", "list"], capture_output=True, text=True, cwd=elsewhere)
    assert listed.returncode == 0, listed.stderr
    assert "kanttekeningen" in listed.stdout and str(env_dir) in listed.stdout
    # reflect runs from another folder too (scripted, so no terminal is needed)
    answers = elsewhere / "a.yaml"
    answers.write_text("context.case: GG-INSTALL\ncontext.region: flanders\n", encoding="utf-8")
    env = {"GOEDGENOEG_SESSIONS_DIR": str(tmp_path / "s"), "GOEDGENOEG_CACHE_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [str(command), "reflect", "--answers", str(answers)], capture_output=True, text=True, cwd=elsewhere, env=env
    )
    assert done.returncode == 0, done.stderr
    assert list(elsewhere.glob("reflectie-GG-INSTALL-*.md"))
    version = subprocess.run([str(env_dir / "bin" / "python"), "-m", "goedgenoeg", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("goedgenoeg ")
    # the README's install without make: the command by itself, from another folder
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"goedgenoeg {__version__}"
    # its dependencies came with it (platformdirs for the config and data folders)
    env = dict(env, XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_DIRS=str(tmp_path / "o"))
    shown = subprocess.run([str(command), "config"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert shown.returncode == 0, shown.stderr
    assert f"{tmp_path / 'c' / 'goedgenoeg' / 'config.toml'}" in shown.stdout
    helped = subprocess.run([str(command), "--help"], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert helped.stdout.startswith("Gebruik: goedgenoeg ")


def test_the_readme_installs_without_make():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    without = readme.split("### Without make", 1)[1].split("\n## ", 1)[0]
    assert "pipx install ." in without and "py -m venv" in without and "python -m pip install ." in without
    assert "goedgenoeg reflect" in without
