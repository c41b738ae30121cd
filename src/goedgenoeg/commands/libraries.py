"""`libraries list`, `libraries check`, `libraries schema` and `libraries sources`: the
libraries a reflection uses, checked, described and traced to their sources."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import echo, fail, libraries, settings


def list_libraries(library: list[Path] | None, prompts: bool, lang: str | None, plain: bool | None) -> None:
    """One line per library (id, version, number of prompts, title, file); with --prompts, its prompts."""
    from ..sanitize import strip_control as clean
    from ..texts import t

    cfg = settings(lang, library, plain=plain)
    word = t(cfg.lang.value, "cli_prompts")
    for loaded in libraries(cfg).libraries:
        lib = loaded.library
        count = sum(len(s.prompts) for s in lib.sections)
        title = lib.title.en if cfg.lang.value == "en" else lib.title.nl
        typer.echo(clean(f"{lib.id:<16} {lib.version:<8} {count:>4} {word}  {title}  ({loaded.path})"))
        if prompts:
            for section in lib.sections:
                for prompt in section.prompts:
                    typer.echo(clean(f"    {lib.id}.{prompt.id:<40} {prompt.kind}"))


def check(paths: list[Path] | None = None, lang: str | None = None) -> None:
    """Check library files (the bundled ones when none are given): every problem on its line,
    then how many were found; exit 1 when there were any."""
    from ..library import bundled_dir, check_paths
    from ..sanitize import strip_control
    from ..texts import t

    lang = settings(lang).lang.value
    passed, problems = check_paths(paths or [bundled_dir()])
    for problem in problems:
        echo(strip_control(problem.text(lang)), err=True)
    if problems:
        fail(t(lang, "cli_check_problems", n=len(problems), passed=passed), 1)
    echo(t(lang, "cli_check_ok", passed=passed))


def schema() -> None:
    """The JSON Schema of a library file."""
    import json

    from ..models import Library

    typer.echo(json.dumps(Library.model_json_schema(), indent=2, ensure_ascii=False))


def sources(library: list[Path] | None, plain: bool | None) -> None:
    """Per source and section, the prompts that draw on it (a table, or lines with --plain)."""
    from ..coverage import coverage_lines, coverage_table

    cfg = settings(None, library, plain=plain)
    libs = libraries(cfg)
    typer.echo(coverage_lines(libs) if cfg.plain.value else coverage_table(libs))
