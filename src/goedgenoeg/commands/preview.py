"""`preview`: what a reflection will ask, before you start."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import check_choice, check_path, choice, fail, libraries, settings


def preview(
    decision: str | None,
    age: str | None,
    region: str | None,
    who: str,
    path: str | None,
    people: int,
    as_json: bool,
    lang: str | None,
    library: list[Path] | None,
    plain: bool | None,
) -> None:
    """The prompts of a reflection for a context (decision, age, region, who), as lines or JSON."""
    import json

    from ..models import AGE_BANDS, DECISIONS, WHO
    from ..preview import lines, plan
    from ..sanitize import strip_control
    from ..texts import t

    cfg = settings(lang, library, plain=plain, region=region)
    lang = cfg.lang.value
    # several decisions weighed together: --decision placement,measure
    decisions: list[str] | None = (
        [choice(d.strip(), "--decision", DECISIONS, lang) for d in decision.split(",")] if decision else None
    )
    given: tuple[tuple[str, str | list[str] | None], ...] = (
        ("decision", decisions),
        ("age", check_choice(age, "--age", AGE_BANDS, lang)),
        ("region", cfg.region.value),
        ("who", choice(who, "--who", WHO, lang)),
    )
    context = {key: value for key, value in given if value is not None}
    missing = [f"--{k}" for k in ("decision", "age", "region") if k not in context]
    if missing:
        fail(t(lang, "cli_preview_needs", missing=", ".join(missing)), 2)
    result = plan(libraries(cfg), context, check_path(path, lang), lang, people if who == "team" else 1)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
        return
    for line in lines(result, lang, team=who == "team"):
        typer.echo(strip_control(line))
