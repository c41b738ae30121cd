"""The package's modules do not import each other in a circle of two (issue 24): every import of
one module by another is read from the source, at any level (inside a function, or only for
mypy), so a circle hidden in a function-level import is found too."""

import ast
from pathlib import Path

import goedgenoeg

ROOT = Path(goedgenoeg.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The package's modules one file imports (its relative imports, dotted from the package)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                found.add(".".join([*base, node.module]))
            else:  # from . import cache
                found.update(".".join([*base, alias.name]) for alias in node.names)
    return found


def test_no_two_modules_import_each_other():
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts): imports_of(p) for p in ROOT.rglob("*.py")}
    assert "index" in modules["overview"] and "cache" in modules["index"]  # function-level imports are read
    circles = sorted({tuple(sorted((a, b))) for a, deps in modules.items() for b in deps if a in modules.get(b, set())})
    assert circles == []  # index <-> overview was one: both now take the facts of a session from facts.py
