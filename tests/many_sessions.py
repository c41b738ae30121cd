"""A folder of many generated session files, written as JSON directly (fast, nothing stored in
the repo): a team's year. Used by tests/test_index.py and by bench/run.py.

Every session is cut from a real one (tests/data/20261129-2000-main.json, every prompt kind
answered): the first `answers` answers, its own id, case reference and dates. One in four is
unfinished, one in five a follow-up of the one before it (the same case), and one in seven
answered on the full path."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "data" / "20261129-2000-main.json"
START = datetime(2025, 1, 6, 9, 0)


def case_of(n: int) -> str:
    """The case reference of the n-th generated session (a follow-up shares its case)."""
    base = n - 1 if n % 5 == 4 else n
    return f"OCJ-GEN-{base:04d}"


def id_of(n: int) -> str:
    when = START + timedelta(hours=4 * n)
    return f"{when:%Y%m%d-%H%M}-{n:04x}"


def write_sessions(folder: Path, count: int, answers: int = 12, first: int = 0) -> list[Path]:
    """`count` session files in `folder` (made owner-only); returns their paths in order."""
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    keys = list(template["answers"])[: max(answers, 6)]
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = []
    for n in range(first, first + count):
        when = (START + timedelta(hours=4 * n)).strftime("%Y-%m-%dT%H:%M:00+01:00")
        data = dict(template)
        data.update(id=id_of(n), created=when, updated=when, finished=n % 4 != 3, path="full" if n % 7 == 0 else None)
        data["answers"] = {k: template["answers"][k] for k in keys}
        data["answers"]["context.case"] = dict(template["answers"]["context.case"], value=case_of(n))
        data["answers"]["context.who"] = dict(template["answers"]["context.who"], value="alone")
        if n % 5 == 4:
            data["followup_of"] = {
                "id": id_of(n - 1),
                "date": when,
                "answers": {},
                "steps_done": [],
                "steps_why": [],
            }
        path = folder / f"{data['id']}.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        path.chmod(0o600)
        written.append(path)
    return written
