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


def _rows(libraries: LibrarySet) -> list[tuple[str, str, str]]:
    """(source, section, prompts) in the bibliography's order, then any source it does not list."""
    titles = {s.id: s.title for s in libraries.sources.sources} if libraries.sources else {}
    found = coverage(libraries)
    rows = []
    for source_id in list(titles) + sorted(set(found) - set(titles)):
        sections = found.get(source_id, {})
        if not sections:
            rows.append((source_id, "-", "(no prompt yet)"))
        for where in sorted(sections, key=_section_key):
            keys = sections[where]
            rows.append((source_id, where, f"{len(keys)}: {', '.join(keys)}"))
    return rows


def coverage_table(libraries: LibrarySet) -> str:
    """The coverage as a markdown table (docs/content.md holds it)."""
    lines = ["| source | section | prompts |", "|---|---|---|"]
    lines += [f"| {source} | {where} | {prompts} |" for source, where, prompts in _rows(libraries)]
    return "\n".join(lines)


def coverage_lines(libraries: LibrarySet) -> str:
    """The same as lines of text without the table's bars, for --plain (a screen reader)."""
    return "\n".join(f"{source} {where}: {prompts}" for source, where, prompts in _rows(libraries))
