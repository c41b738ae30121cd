"""`config`: every effective setting and where it came from."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import settings


def show_config(
    lang: str | None, library: list[Path] | None, sessions_dir: Path | None, fmt: str | None, plain: bool | None
) -> None:
    """Every effective setting with its origin, then the settings files and whether each exists."""
    from ..config import DEFAULT, Origin
    from ..sanitize import strip_control as clean
    from ..texts import t

    cfg = settings(lang, library, sessions_dir, fmt, plain)
    lang = cfg.lang.value

    def origin(o: Origin) -> str:
        return t(lang, "cfg_from_default") if o == DEFAULT else t(lang, f"cfg_from_{o.kind}", detail=o.detail)

    typer.echo(t(lang, "cfg_title"))
    rows = [
        ("lang", cfg.lang.value, cfg.lang.origin),
        ("region", cfg.region.value or t(lang, "cfg_region_none"), cfg.region.origin),
        ("sessions_dir", str(cfg.sessions_dir.value), cfg.sessions_dir.origin),
        ("record_format", cfg.record_format.value, cfg.record_format.origin),
        ("plain", "true" if cfg.plain.value else "false", cfg.plain.origin),
        ("small_count", str(cfg.small_count.value), cfg.small_count.origin),
        *((key, value.value or t(lang, "cfg_none"), value.origin) for key, value in cfg.people()),
        ("docx_template", str(cfg.docx_template.value or t(lang, "cfg_none")), cfg.docx_template.origin),
        ("team", cfg.team.value or t(lang, "cfg_none"), cfg.team.origin),
        ("group_readable", "true" if cfg.group_readable.value else "false", cfg.group_readable.origin),
    ]
    rows += [("libraries", str(v.value), v.origin) for v in cfg.libraries] or [("libraries", t(lang, "cfg_none"), DEFAULT)]
    for key, value, where in rows:  # values and paths come from files and the environment: no escape codes
        typer.echo(clean(f"  {key:<14} {value}  [{origin(where)}]"))
    typer.echo(t(lang, "cfg_files"))
    for where, file, exists in cfg.files:
        label = t(lang, f"cfg_file_{where.kind}") + (f" ({where.detail})" if where.detail else "")
        typer.echo(clean(f"  {label:<14} {file}  ({t(lang, 'cfg_exists' if exists else 'cfg_absent')})"))
