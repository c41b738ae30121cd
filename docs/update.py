"""Regenerate the parts of the docs that the tool itself produces (`make docs`):
- the coverage table in docs/content.md (goedgenoeg libraries sources);
- the command reference in README.md: every command's `--help`, in Dutch, as a user sees it;
- the `--help` the package ships (src/goedgenoeg/help/nl.txt and en.txt, see quickhelp.py).
tests/test_docs.py fails when any of them has drifted from the tool."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parent / "README.md"
CONTENT = HERE / "content.md"
HELP_START, HELP_END = "<!-- help:start -->", "<!-- help:end -->"
# what a user's terminal of 80 columns shows, in Dutch, whatever the settings of who runs this
HELP_ENV = {"COLUMNS": "80", "LINES": "50", "NO_COLOR": "1", "GOEDGENOEG_LANG": "nl"}


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group, in the order `--help` lists them: (), ("reflect",), ("libraries",),
    ("libraries", "list") ..."""
    from typer.main import get_command

    from goedgenoeg.cli import app

    def visit(group, path: tuple[str, ...]):
        yield path
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from visit(command, (*path, name))
            else:
                yield (*path, name)

    return list(visit(get_command(app), ()))


def command_help(path: tuple[str, ...]) -> str:
    """What `goedgenoeg ... --help` prints on a terminal of 80 columns (the same as the installed
    command prints; typer's CliRunner would force another width)."""
    import contextlib
    import io
    import os

    from typer.main import get_command

    from goedgenoeg.cli import app

    out = io.StringIO()
    saved = {key: os.environ.get(key) for key in HELP_ENV}
    os.environ.update(HELP_ENV)
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            get_command(app).main([*path, "--help"], prog_name="goedgenoeg", standalone_mode=False)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return "\n".join(line.rstrip() for line in out.getvalue().strip("\n").splitlines())


def typer_help(lang: str) -> str:
    """`goedgenoeg --help` exactly as typer prints it on a terminal of 80 columns or more, in
    LANG: what the package ships in src/goedgenoeg/help/ (see quickhelp.py)."""
    import contextlib
    import io
    import os

    from typer.main import get_command

    from goedgenoeg.cli import app

    out = io.StringIO()
    env = dict(HELP_ENV, GOEDGENOEG_LANG=lang)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            get_command(app).main(["--help"], prog_name="goedgenoeg", standalone_mode=False)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return out.getvalue()


def shipped_help(lang: str) -> str:
    """The file the package ships for `--help` in LANG: a header line, then typer's text."""
    from goedgenoeg import quickhelp

    version = quickhelp.typer_version()
    if version is None:
        raise SystemExit("typer is not installed")
    return quickhelp.shipped_header(version) + "\n" + typer_help(lang)


def update_help() -> None:
    folder = HERE.parent / "src" / "goedgenoeg" / "help"
    folder.mkdir(exist_ok=True)
    for lang in ("nl", "en"):
        (folder / f"{lang}.txt").write_text(shipped_help(lang), encoding="utf-8")


def help_reference() -> str:
    """The README's command reference: each command's help, folded away under its name."""
    parts = []
    for path in command_paths():
        command = " ".join(("goedgenoeg", *path, "--help"))
        parts.append(f"<details>\n<summary><code>{command}</code></summary>\n\n```text\n{command_help(path)}\n```\n\n</details>")
    return "\n".join(parts)


def replace_between(text: str, start: str, end: str, body: str) -> str:
    pattern = re.escape(start) + ".*?" + re.escape(end)
    if not re.search(pattern, text, flags=re.S):
        raise SystemExit(f"{start} ... {end} not found")
    return re.sub(pattern, lambda _: f"{start}\n{body}\n{end}", text, flags=re.S)


def update_content() -> None:
    from goedgenoeg.coverage import coverage_table
    from goedgenoeg.library import load_all

    text = CONTENT.read_text(encoding="utf-8")
    table = coverage_table(load_all())
    block = f"<!-- sources:start -->\n{table}\n<!-- sources:end -->"
    if "<!-- sources:start -->" in text:
        text = re.sub(r"<!-- sources:start -->.*?<!-- sources:end -->", lambda m: block, text, flags=re.S)
    else:
        text = (
            text.rstrip()
            + "\n\n## Coverage of the sources\n\nGenerated by `make docs` from `goedgenoeg libraries sources`:\n\n"
            + block
            + "\n"
        )
    CONTENT.write_text(text, encoding="utf-8")
    print(f"updated {CONTENT}")


def update_readme() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(replace_between(text, HELP_START, HELP_END, help_reference()), encoding="utf-8")
    print(f"updated {README}")


if __name__ == "__main__":
    update_content()
    update_readme()
    update_help()
