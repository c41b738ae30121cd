from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin" / "goedgenoeg"


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
        "GOEDGENOEG_VIA",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("GOEDGENOEG_NO_CACHE", raising=False)
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
