"""Which prompts draw on which source and section: a coverage table for reviewers."""

from __future__ import annotations

import re

from .library import LibrarySet


def _section_key(section: str) -> list[int | str]:
    """Sort '§3.10' after '§3.9', names after numbers."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", section)]


def coverage(libraries: LibrarySet) -> dict[str, dict[str, list[str]]]:
    """source id -> section -> prompt keys (library.prompt)."""
    table: dict[str, dict[str, list[str]]] = {}
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            for prompt in section.prompts:
                for ref in prompt.source.split(";"):
                    source_id, _, where = ref.strip().partition(" ")
                    table.setdefault(source_id, {}).setdefault(where.strip() or "-", []).append(
                        f"{loaded.library.id}.{prompt.id}"
                    )
    return table


def coverage_table(libraries: LibrarySet) -> str:
    lines = ["| source | section | prompts |", "|---|---|---|"]
    titles = {s.id: s.title for s in libraries.sources.sources} if libraries.sources else {}
    found = coverage(libraries)
    order = list(titles) + sorted(set(found) - set(titles))
    for source_id in order:
        sections = found.get(source_id, {})
        if not sections:
            lines.append(f"| {source_id} | - | (no prompt yet) |")
        for where in sorted(sections, key=_section_key):
            keys = sections[where]
            lines.append(f"| {source_id} | {where} | {len(keys)}: {', '.join(keys)} |")
    return "\n".join(lines)
