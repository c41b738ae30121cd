"""Which files the libraries are read from: the folder shipped inside the package, and the
YAML files of a folder given. Apart from library.py, and importing nothing heavy, because the
first screen's key (firstscreen.py) needs the same list before pydantic is imported."""

from __future__ import annotations

from pathlib import Path


def bundled_dir() -> Path:
    """The folder of the libraries shipped inside the package; in a checkout run from `src/`
    (the tests), the checkout's own `prompts/`, so a test sees the libraries as they are now."""
    shipped = Path(__file__).parent / "prompts"
    checkout = Path(__file__).parent.parent.parent / "prompts"
    return shipped if shipped.is_dir() or not checkout.is_dir() else checkout


def yaml_files(path: Path) -> list[Path]:
    """The library files of a folder (its .yaml and .yml files, sorted), or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]
