"""Counts across many reflections, for a team that wants to learn across cases: what was
decided and with what dissent, which alternatives were weighed, chosen and put in place, what
happened to the earlier steps at a follow-up, which critical notes were left for later, which
perspectives stayed open.

Everything is counted per case: a follow-up belongs to the case of the session it follows, and a
team's separate voices count once. Only counts, prompt ids and prompt texts from the libraries
come out: never a case reference, a session id or an answer's free text. Before anything is
shown or written, the small-count rule turns every count from 1 up to `small` (exclusive) into
"<small" (`hide`), so a count of 1 in a small team cannot point at one known case.

An export (`to_data`) is that hidden overview as JSON with a format marker; `load_dir` reads
exports beside (or instead of) session files and adds them up. A count read from an export may
be a range ("<3" is 1 to 2); ranges add up as ranges.

`count`, `hide`, `to_data`, `to_markdown` are pure; `load_dir` reads the files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar, final

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError, model_validator

from .facts import NOT_ANSWERED, Facts, facts_of
from .library import LibrarySet
from .models import (
    ALTERNATIVE_STATUSES,
    DECISIONS,
    FOLLOWUP_STATUSES,
    STEP_DONE,
    AlternativePrompt,
    Library,
    Section,
    Session,
)
from .texts import has_text, t

if TYPE_CHECKING:
    from rich.table import Table as RichTable

    from .session import SessionError

BAR = "█"

EXPORT_FORMAT = "goedgenoeg-overview"
EXPORT_VERSION = "1"  # a string: no bare 1 in a file where every 1 or 2 is hidden
STANDS = ("taken", "proposed", "postponed", "open")  # the options of the decision_status prompt
DECISION_ROWS = DECISIONS + (NOT_ANSWERED,)
DECISION_COLUMNS = ("cases",) + STANDS + (NOT_ANSWERED, "dissent", "no_dissent")
DISSENT = ("recorded", "not_recorded")
STEP_COLUMNS = ("steps", "cases")
# applied: the cases it applied to; considered and chosen: in any session of the case; the
# statuses: the latest session of the case
ALT_COLUMNS = ("applied", "considered", "chosen") + ALTERNATIVE_STATUSES + (NOT_ANSWERED,)
CONSIDERED = ("feasible", "feasible_not_needed", "not_feasible") + FOLLOWUP_STATUSES
CHOSEN = ("feasible",) + FOLLOWUP_STATUSES
PERSPECTIVE_COLUMNS = ("open", "partly", "applied")  # open: none of its prompts got an answer
PROMPT_COLUMNS = ("open", "applied")
KEY = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")  # what a row or column key in an export may be


def label(lang: str, key: str, **values: object) -> str:
    """The overview's own words live in texts.py with an 'ov_' prefix; other keys are shared."""
    return t(lang, f"ov_{key}", **values) if has_text(f"ov_{key}") else t(lang, key, **values)


# --- counts -----------------------------------------------------------------------


@final  # so a Count is never also a dict of counts (see _Counts)
@dataclass(frozen=True)
class Count:
    """How many: exact (lo == hi), or a range of what it could be (after the small-count rule,
    or read from an export). Ranges add up as ranges."""

    lo: int = 0
    hi: int = 0

    @classmethod
    def of(cls, n: int) -> Count:
        return cls(n, n)

    def __add__(self, other: Count) -> Count:
        return Count(self.lo + other.lo, self.hi + other.hi)

    def hidden(self, small: int) -> Count:
        """Anything that could be a small count becomes the whole range from 1."""
        if self.hi == 0:
            return self
        if self.hi < small:
            return Count(1, small - 1)
        if self.lo < small:
            return Count(1, self.hi)
        return self

    def shown(self, small: int) -> int | str:
        """0, a number, "<3", "≤4" (1 up to 4) or "5-6". Only for a hidden count."""
        if self.hi == 0:
            return 0
        if self.hi < small:
            return f"<{small}"
        if self.lo == self.hi:
            return self.lo
        if self.lo < small:
            return f"≤{self.hi}"
        return f"{self.lo}-{self.hi}"


_RANGE = re.compile(r"^(?:<(\d+)|≤(\d+)|(\d+)-(\d+))$")


def parse_count(cell: int | str) -> Count:
    """A count as `Count.shown` writes it; ValueError for anything else."""
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int):
        if cell < 0:
            raise ValueError(cell)
        return Count.of(cell)
    found = _RANGE.match(cell)
    if not found:
        raise ValueError(cell)
    below, upto, lo, hi = found.groups()
    if below is not None:
        if int(below) < 2:
            raise ValueError(cell)
        return Count(1, int(below) - 1)
    if upto is not None:
        if int(upto) < 1:
            raise ValueError(cell)
        return Count(1, int(upto))
    if int(lo) > int(hi):
        raise ValueError(cell)
    return Count(int(lo), int(hi))


Row = dict[str, Count]
Table = dict[str, Row]
# what a counted field of an Overview holds: a count, or counts one, two or three keys deep
_Counts = TypeVar("_Counts", Count, Row, Table, dict[str, Table])
# the counts as shown (`Count.shown`), at the same depth, and the rest of an export's JSON
Shown = int | str | dict[str, "Shown"]


@dataclass(frozen=True)
class Overview:
    sessions: Count = Count()
    cases: Count = Count()
    followed_up: Count = Count()  # cases with at least one follow-up
    # decision type (or not_answered) -> cases, besluit.stand per case, dissent recorded or not
    decisions: Table = field(default_factory=dict)
    # recorded / not_recorded -> cases
    dissent: Row = field(default_factory=dict)
    # done / partly / not_done -> earlier steps judged so at a follow-up, and the cases
    steps: Table = field(default_factory=dict)
    # alternative prompt key -> ALT_COLUMNS -> cases
    alternatives: Table = field(default_factory=dict)
    # kanttekeningen prompt key -> cases where it was left for later or skipped
    later: Row = field(default_factory=dict)
    # perspective section id -> open (no prompt answered) / partly / applied -> cases
    perspectives: Table = field(default_factory=dict)
    # perspective section id -> prompt key -> open / applied -> cases
    perspective_prompts: dict[str, Table] = field(default_factory=dict)
    unreadable: int = 0  # files that could not be read (files, not cases: never hidden)
    exports: int = 0  # export files added in
    # the period counted: the first and the last date of a session (YYYY-MM-DD; "" when none)
    first: str = ""
    last: str = ""
    # the library versions the counts were made with (library id -> version)
    libraries: Mapping[str, str] = field(default_factory=dict)

    COUNTED = (
        "sessions",
        "cases",
        "followed_up",
        "decisions",
        "dissent",
        "steps",
        "alternatives",
        "later",
        "perspectives",
        "perspective_prompts",
    )


def _merge(a: _Counts, b: _Counts) -> _Counts:
    """Add two nested dicts of counts (or two counts); a's keys first, then b's new ones."""
    if isinstance(a, Count):
        return a + b
    merged = dict(a)
    for key, value in b.items():
        merged[key] = _merge(merged[key], value) if key in merged else value
    return merged


def _map(x: _Counts, fn: Callable[[Count], Count]) -> _Counts:
    return fn(x) if isinstance(x, Count) else {k: _map(v, fn) for k, v in x.items()}


def add(a: Overview, b: Overview) -> Overview:
    """Two overviews added up: their counts, and the period that covers both."""
    values = {name: _merge(getattr(a, name), getattr(b, name)) for name in Overview.COUNTED}
    first = min((d for d in (a.first, b.first) if d), default="")
    last = max(a.last, b.last)
    return Overview(
        **values,
        unreadable=a.unreadable + b.unreadable,
        exports=a.exports + b.exports,
        first=first,
        last=last,
        libraries={**b.libraries, **a.libraries},
    )


def versions(libraries: LibrarySet) -> dict[str, str]:
    """The version of each library counted with (library id -> version)."""
    return {x.library.id: x.library.version for x in libraries.libraries}


def mismatches(export: Overview, libraries: LibrarySet) -> list[tuple[str, str, str]]:
    """The libraries an export was made with in another version than here: (id, the export's
    version, the version here). Its rows of those prompts cannot be added to these."""
    here = versions(libraries)
    return [(k, v, here[k]) for k, v in export.libraries.items() if k in here and here[k] != v]


def hide(overview: Overview, small: int) -> Overview:
    """The small-count rule on every count, then secondary suppression (`_secondary`), so that
    no hidden count can be worked out from a total (idempotent). Everything shown goes through here."""
    hidden = replace(overview, **{name: _map(getattr(overview, name), lambda c: c.hidden(small)) for name in Overview.COUNTED})
    return _secondary(hidden)


# A cell of a count table: its row and its column key.
_Cell = tuple[dict[str, Count], str]


def _sums(o: Overview, total: dict[str, Count]) -> list[tuple[_Cell, list[_Cell]]]:
    """The sums a reader can make: a total and the cells that add up to it. The cases are the
    dissent recorded or not; per decision, its cases are its stands and also its cases with and
    without dissent; over the decisions, the cases, the dissent and the no-dissent columns add up
    to the totals (exactly when each case weighs one decision); an alternative's cases are its statuses."""
    sums: list[tuple[_Cell, list[_Cell]]] = []
    if o.dissent:
        sums.append(((total, "cases"), [(o.dissent, k) for k in DISSENT if k in o.dissent]))
    rows = list(o.decisions.values())
    for row in rows:
        if "cases" in row:
            sums.append(((row, "cases"), [(row, k) for k in (*STANDS, NOT_ANSWERED) if k in row]))
            sums.append(((row, "cases"), [(row, k) for k in ("dissent", "no_dissent") if k in row]))
    for column, whole in (
        ("cases", (total, "cases")),
        ("dissent", (o.dissent, "recorded")),
        ("no_dissent", (o.dissent, "not_recorded")),
    ):
        if rows and whole[1] in whole[0]:
            sums.append((whole, [(row, column) for row in rows if column in row]))
    for row in o.alternatives.values():
        if "applied" in row:
            sums.append(((row, "applied"), [(row, k) for k in (*ALTERNATIVE_STATUSES, NOT_ANSWERED) if k in row]))
    return sums


def _derived(total: Count, cell: Count, others: list[Count]) -> tuple[int, int]:
    """What a reader can work out of a cell from its sum: the range it must lie in."""
    lo = max(cell.lo, total.lo - sum(c.hi for c in others))
    hi = min(cell.hi, total.hi - sum(c.lo for c in others))
    return lo, hi


def _pinned(whole: Count, cells: list[Count], i: int) -> bool:
    lo, hi = _derived(whole, cells[i], cells[:i] + cells[i + 1 :])
    return lo == hi


def _secondary(o: Overview) -> Overview:
    """Secondary suppression, as statistics offices do: wherever a hidden count could be worked
    out from a sum (the only hidden cell of its row, column or total, or pinned to one value by
    the others), another cell of that sum is hidden too: the smallest count shown exactly (as
    "≤" the sum's total, which says nothing a reader did not know), else the total itself (as
    the range its cells allow). Repeated until no sum gives a hidden cell away."""
    o = replace(
        o,
        decisions={k: dict(v) for k, v in o.decisions.items()},
        dissent=dict(o.dissent),
        alternatives={k: dict(v) for k, v in o.alternatives.items()},
    )
    total = {"cases": o.cases}
    sums = _sums(o, total)
    changed = True
    while changed:
        changed = False
        for (whole_row, whole_key), parts in sums:
            whole = whole_row[whole_key]
            cells = [row[key] for row, key in parts]
            hidden = [i for i, c in enumerate(cells) if c.lo != c.hi]
            if whole.lo == whole.hi and not hidden:
                continue
            # a hidden cell pinned to one value by the others, or a hidden total its exact cells add up to
            given_away = not hidden or any(_pinned(whole, cells, i) for i in hidden)
            if not given_away:
                continue
            exact = [i for i, c in enumerate(cells) if c.lo == c.hi and c.hi > 0]
            if exact:
                i = min(exact, key=lambda i: cells[i].hi)
                row, key = parts[i]
                row[key] = Count(1, whole.hi)
            elif whole.lo == whole.hi and whole.hi > 0:
                whole_row[whole_key] = Count(max(1, sum(c.lo for c in cells)), sum(c.hi for c in cells))
            else:
                continue  # nothing left to hide: every cell is already a range
            changed = True
    return replace(o, cases=total["cases"])


# --- counting sessions ------------------------------------------------------------


def _unique(sessions: list[Facts]) -> list[Facts]:
    """One session per id (a copied file counts once): the most recently updated copy."""
    by_id: dict[str, Facts] = {}
    for session in sessions:
        kept = by_id.get(session.id)
        if kept is None or session.updated > kept.updated:
            by_id[session.id] = session
    return list(by_id.values())


def cases(sessions: list[Facts]) -> list[list[Facts]]:
    """The sessions grouped per case, each case oldest first. A follow-up belongs to the case
    of the session it follows (followup_of, along the chain to its first session); where the
    chain's start is not in the folder, to the sessions with the same case reference."""
    by_id = {s.id: s for s in sessions}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    firsts: dict[str, list[str]] = {}  # case reference -> sessions that follow up nothing
    for s in sessions:
        find(s.id)
        if s.followup_of is None and s.case:
            firsts.setdefault(s.case, []).append(s.id)
    for s in sessions:  # a meeting and what its participants prepared for it are one case
        for earlier in s.prepared_from:
            if earlier in by_id:
                union(earlier, s.id)
    for s in sessions:
        if s.followup_of is None:
            continue
        if s.followup_of in by_id:
            union(s.id, s.followup_of)
            continue
        union(s.id, f"\0missing {s.followup_of}")  # follow-ups of the same missing session
        if s.case:
            union(s.id, f"\0case {s.case}")
            for first in firsts.get(s.case, []):
                union(s.id, first)
    groups: dict[str, list[Facts]] = {}
    for s in sessions:
        groups.setdefault(find(s.id), []).append(s)
    ordered = [sorted(g, key=lambda s: (s.created, s.updated, s.id)) for g in groups.values()]
    return sorted(ordered, key=lambda g: (g[0].created, g[0].id))


@dataclass
class _Tally:
    """The count tables being filled, case by case; every row in library order, zero or not."""

    alternatives: dict[str, dict[str, int]] = field(default_factory=dict)
    later: dict[str, int] = field(default_factory=dict)
    perspectives: dict[str, dict[str, int]] = field(default_factory=dict)
    prompts: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    decisions: dict[str, dict[str, int]] = field(
        default_factory=lambda: {d: dict.fromkeys(DECISION_COLUMNS, 0) for d in DECISION_ROWS}
    )
    dissent: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DISSENT, 0))
    steps: dict[str, dict[str, int]] = field(default_factory=lambda: {v: dict.fromkeys(STEP_COLUMNS, 0) for v in STEP_DONE})
    followed_up: int = 0

    @classmethod
    def of(cls, libraries: LibrarySet) -> _Tally:
        """Empty tables with a row for every prompt they count."""
        tally = cls()
        for loaded in libraries.libraries:
            lib = loaded.library
            for section in lib.sections:
                for prompt in section.prompts:
                    tally._row(lib, section, f"{lib.id}.{prompt.id}", isinstance(prompt, AlternativePrompt))
        return tally

    def _row(self, library: Library, section: Section, key: str, alternative: bool) -> None:
        if alternative:
            self.alternatives[key] = dict.fromkeys(ALT_COLUMNS, 0)
        if library.role == "margin_notes":
            self.later[key] = 0
        if section.role == "perspective":
            self.perspectives.setdefault(section.id, dict.fromkeys(PERSPECTIVE_COLUMNS, 0))
            self.prompts.setdefault(section.id, {})[key] = dict.fromkeys(PROMPT_COLUMNS, 0)

    def add_case(self, group: list[Facts]) -> None:
        """One case: its sessions in order, the last one its state."""
        self.followed_up += any(s.followup_of is not None for s in group)
        self._decision(group)
        self._steps(group)
        self._prompts(group)

    def _decision(self, group: list[Facts]) -> None:
        latest = group[-1]
        # a case can weigh several decisions at once (a placement and a measure): it counts for each
        kinds: list[str] = list(latest.decisions) or [NOT_ANSWERED]
        stand = latest.stand
        recorded = any(s.dissent for s in group)
        for kind in kinds:
            row = self.decisions[kind]
            row["cases"] += 1
            row[stand if stand in STANDS else NOT_ANSWERED] += 1
            row["dissent" if recorded else "no_dissent"] += 1
        self.dissent["recorded" if recorded else "not_recorded"] += 1

    def _steps(self, group: list[Facts]) -> None:
        judged: set[str] = set()
        for s in group:
            for value in s.steps_done:
                if value in self.steps:
                    self.steps[value]["steps"] += 1
                    judged.add(value)
        for value in judged:
            self.steps[value]["cases"] += 1

    def _prompts(self, group: list[Facts]) -> None:
        """The alternatives, the notes left for later and the perspectives, over the prompts that
        applied to the case (those of its latest session)."""
        latest = group[-1]
        for key, status in latest.alternatives:
            counts = self.alternatives.get(key)
            if counts is None:
                continue
            # every status the case ever had, also in a first session that is not in the folder
            ever = {status for s in group for status in s.ever.get(key, ())}
            counts["applied"] += 1
            counts["considered"] += bool(ever & set(CONSIDERED))
            counts["chosen"] += bool(ever & set(CHOSEN))
            counts[status] += 1
        for key in latest.later:
            if key in self.later:
                self.later[key] += 1
        open_in: dict[str, list[bool]] = {}
        for section_id, key, open_ in latest.perspectives:
            row = self.prompts.get(section_id, {}).get(key)
            if row is None:
                continue
            row["open"] += open_
            row["applied"] += 1
            open_in.setdefault(section_id, []).append(open_)
        for section_id, opens in open_in.items():
            self.perspectives[section_id]["applied"] += 1
            if all(opens):
                self.perspectives[section_id]["open"] += 1
            elif any(opens):
                self.perspectives[section_id]["partly"] += 1


def count(sessions: list[Session], libraries: LibrarySet, unreadable: int = 0) -> Overview:
    """Count over the cases, each once, and only the prompts that applied to the case."""
    from .session import fit_answers

    facts: list[Facts] = []
    for original in sessions:
        session = original.model_copy(deep=True)
        fit_answers(session, libraries)  # answers that no longer fit are left out, as elsewhere
        facts.append(facts_of(session, libraries))
    return count_facts(facts, libraries, unreadable)


def count_facts(facts: list[Facts], libraries: LibrarySet, unreadable: int = 0) -> Overview:
    """`count` over the facts of each session (fitted to the same libraries)."""
    tally = _Tally.of(libraries)
    unique = _unique(facts)
    groups = cases(unique)
    for group in groups:
        tally.add_case(group)
    return Overview(
        first=min((f.created[:10] for f in unique), default=""),
        last=max((max(f.created, f.updated)[:10] for f in unique), default=""),
        libraries=versions(libraries),
        sessions=Count.of(len(unique)),
        cases=Count.of(len(groups)),
        followed_up=Count.of(tally.followed_up),
        decisions=_exact_table(tally.decisions),
        dissent=_exact_row(tally.dissent),
        steps=_exact_table(tally.steps),
        alternatives=_exact_table(tally.alternatives),
        later=_exact_row(tally.later),
        perspectives=_exact_table(tally.perspectives),
        perspective_prompts={k: _exact_table(v) for k, v in tally.prompts.items()},
        unreadable=unreadable,
    )


def _exact_row(counts: dict[str, int]) -> Row:
    return {k: Count.of(n) for k, n in counts.items()}


def _exact_table(rows: dict[str, dict[str, int]]) -> Table:
    return {k: _exact_row(v) for k, v in rows.items()}


# --- export files -----------------------------------------------------------------

Cell = StrictInt | StrictStr
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TEAM = 80  # a team label is a name, not a text


class Period(BaseModel):
    """The first and the last date of the sessions an export counted."""

    model_config = ConfigDict(extra="forbid")

    first: StrictStr
    last: StrictStr

    @model_validator(mode="after")
    def _dates(self) -> Period:
        if not all(DATE.match(d) for d in (self.first, self.last)) or self.first > self.last:
            raise ValueError("a period is two dates, the first one first")
        return self


CellTree = int | str | Mapping[str, "CellTree"]  # a count as shown, or counts one or more keys deep


class ExportFile(BaseModel):
    """A counts-only file: what `to_data` writes and `load_dir` adds up."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["goedgenoeg-overview"]
    version: Literal["1"]
    small_count: StrictInt
    sessions: Cell
    cases: Cell
    followed_up: Cell
    decisions: dict[str, dict[str, Cell]]
    dissent: dict[str, Cell]
    steps: dict[str, dict[str, Cell]]
    alternatives: dict[str, dict[str, Cell]]
    later: dict[str, Cell]
    perspectives: dict[str, dict[str, Cell]]
    perspective_prompts: dict[str, dict[str, dict[str, Cell]]]
    unreadable_files: StrictInt = 0  # in `--json` output only; not added up
    exports_read: StrictInt = 0
    period: Period | None = None  # none in an export of an empty folder (or from an older version)
    team: StrictStr = ""
    libraries: dict[str, StrictStr] = {}  # library id -> version counted with

    @model_validator(mode="after")
    def _plain_keys_and_counts(self) -> ExportFile:
        def check(x: CellTree) -> None:
            if isinstance(x, Mapping):
                for key, value in x.items():
                    if not KEY.match(key):
                        raise ValueError("a key that is not an id")
                    check(value)
            else:
                parse_count(x)

        for name in Overview.COUNTED:
            check(getattr(self, name))
        if not all(KEY.match(k) and KEY.match(v) for k, v in self.libraries.items()):
            raise ValueError("a library id or version that is not an id")
        if len(self.team) > MAX_TEAM or any(not ch.isprintable() for ch in self.team):
            raise ValueError("a team label is one short line")
        return self

    def overview(self) -> Overview:
        return Overview(
            sessions=parse_count(self.sessions),
            cases=parse_count(self.cases),
            followed_up=parse_count(self.followed_up),
            decisions=_parsed_table(self.decisions),
            dissent=_parsed_row(self.dissent),
            steps=_parsed_table(self.steps),
            alternatives=_parsed_table(self.alternatives),
            later=_parsed_row(self.later),
            perspectives=_parsed_table(self.perspectives),
            perspective_prompts={k: _parsed_table(v) for k, v in self.perspective_prompts.items()},
            exports=1,
            first=self.period.first if self.period else "",
            last=self.period.last if self.period else "",
            libraries=dict(self.libraries),
        )


def _parsed_row(cells: dict[str, Cell]) -> Row:
    return {k: parse_count(cell) for k, cell in cells.items()}


def _parsed_table(rows: dict[str, dict[str, Cell]]) -> Table:
    return {k: _parsed_row(v) for k, v in rows.items()}


def _shown(x: _Counts, small: int) -> Shown:
    return x.shown(small) if isinstance(x, Count) else {k: _shown(v, small) for k, v in x.items()}


def to_data(overview: Overview, small: int, files: bool = False, team: str = "") -> dict[str, Shown]:
    """The hidden counts as JSON data: the export, and with `files` also how many files could
    not be read or were exports (for `overview --json`). It says the period it covers, the
    team it is of (when a label is set) and the library versions it counted with."""
    hidden = hide(overview, small)
    data: dict[str, Shown] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "small_count": small}
    if overview.first:
        data["period"] = {"first": overview.first, "last": overview.last}
    if team:
        data["team"] = team[:MAX_TEAM]
    data["libraries"] = dict(overview.libraries)
    data.update({name: _shown(getattr(hidden, name), small) for name in Overview.COUNTED})
    if files:
        data.update(unreadable_files=overview.unreadable, exports_read=overview.exports)
    return data


def to_json(overview: Overview, small: int, files: bool = False, team: str = "") -> str:
    return json.dumps(to_data(overview, small, files, team), ensure_ascii=False, indent=2) + "\n"


def read_export(data: object) -> Overview | None:
    """An export's counts, or None when `data` is not an export this version can read."""
    try:
        return ExportFile.model_validate(data).overview()
    except ValidationError:
        return None


def load_dir(directory: Path, skipped: list[SessionError] | None = None) -> tuple[list[Session], list[Overview], int]:
    """The sessions and the exports in a folder, and how many files could not be read (never
    what is in them). A file that is not a regular file, too large or nested too deeply is
    refused at once (reading.py); each such file is added to `skipped`, to be named."""
    from .reading import MAX_SESSION_BYTES, OddFile, loads, read_regular
    from .session import SessionError, load

    sessions: list[Session] = []
    exports: list[Overview] = []
    unreadable = 0
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = loads(path, read_regular(path, MAX_SESSION_BYTES))
        except OddFile as odd:
            unreadable += 1
            if skipped is not None:
                skipped.append(SessionError("odd_skipped", path=path, reason=odd))
            continue
        except (OSError, UnicodeDecodeError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("format") == EXPORT_FORMAT:
            found = read_export(data)
            if found is None:
                unreadable += 1
            else:
                exports.append(found)
            continue
        try:
            sessions.append(load(path))
        except SessionError:
            unreadable += 1
    return sessions, exports, unreadable


class Refused(NamedTuple):
    """An export not added up: made with other versions of libraries than here (id, the
    export's version, the version here)."""

    path: Path
    libraries: list[tuple[str, str, str]]


def gather(
    directory: Path,
    libraries: LibrarySet,
    skipped: list[SessionError] | None = None,
    notices: list[str] | None = None,
    refused: list[Refused] | None = None,
) -> Overview:
    """Everything in a folder added up: its sessions counted, its exports added (`skipped`:
    see load_dir). The sessions come through the folder's index (index.py): a file that did
    not change is not read again; `notices` gets the text key of why the index was rebuilt.
    An export made with another version of a library is not added: its rows of that library's
    prompts would be counted as if they asked the same (`refused` names it)."""
    from .index import scan
    from .reading import MAX_SESSION_BYTES, loads, read_regular

    listing = scan(directory, libraries)
    if listing.notice is not None and notices is not None:
        notices.append(listing.notice)
    exports: list[Overview] = []
    unreadable = 0
    for path, err in listing.problems:  # no session: an export, or a file that cannot be read
        if getattr(err, "key", None) == "odd_skipped":
            unreadable += 1
            if skipped is not None:
                skipped.append(err)  # type: ignore[arg-type]  # the SessionError session.load raised
            continue
        try:
            data = loads(path, read_regular(path, MAX_SESSION_BYTES))
        except (OSError, UnicodeDecodeError, ValueError):
            data = None
        found = read_export(data) if isinstance(data, dict) and data.get("format") == EXPORT_FORMAT else None
        if found is None:
            unreadable += 1
        elif differ := mismatches(found, libraries):
            if refused is not None:
                refused.append(Refused(path, differ))
        else:
            exports.append(found)
    total = count_facts([entry.facts for entry in listing.entries], libraries, unreadable=unreadable)
    for export in exports:
        total = add(total, export)
    return total


# --- presenting -------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One table: a title, column headers, and rows of text cells and counts. The second column
    is an id (left out in the terminal). `terminal`: shown in the terminal as well."""

    title: str
    headers: list[str]
    rows: list[list[str | Count]]
    empty: str = ""
    terminal: bool = True


def _texts(libraries: LibrarySet, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    prompts: dict[str, str] = {}
    sections: dict[str, str] = {}
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            if section.role == "perspective":
                sections[section.id] = section.title.get(lang)
            for prompt in section.prompts:
                prompts[f"{loaded.library.id}.{prompt.id}"] = prompt.text.get(lang)
    return prompts, sections


def _n(count: Count, small: int, one: str, many: str, lang: str) -> str:
    shown = count.shown(small)
    return label(lang, one if shown == 1 else many, n=shown)


def summary_lines(overview: Overview, lang: str, small: int) -> list[str]:
    o = hide(overview, small)
    if o.sessions.hi == 0 and not o.exports:
        lines = [label(lang, "counted", n=0)]
    else:
        sessions = _n(o.sessions, small, "sessions_one", "sessions", lang)
        cases = _n(o.cases, small, "cases_one", "cases", lang)
        lines = [label(lang, "counted_cases", sessions=sessions, cases=cases)]
        lines.append(label(lang, "followed_up", n=o.followed_up.shown(small)))
        lines.append(label(lang, "dissent_line", n=o.dissent["recorded"].shown(small), m=o.dissent["not_recorded"].shown(small)))
    if overview.first:
        lines.append(label(lang, "period", first=overview.first, last=overview.last))
    if overview.exports:
        lines.append(label(lang, "exports_one") if overview.exports == 1 else label(lang, "exports", n=overview.exports))
    if overview.unreadable:
        one = overview.unreadable == 1
        lines.append(label(lang, "unreadable_one") if one else label(lang, "unreadable", n=overview.unreadable))
    return lines


def blocks(overview: Overview, libraries: LibrarySet, lang: str, small: int) -> list[Block]:
    """The tables of the overview, from the hidden counts."""
    o = hide(overview, small)
    texts, sections = _texts(libraries, lang)
    perspectives = libraries.section_keys("perspective")
    out: list[Block] = []

    decision_rows: list[list[str | Count]] = [
        [label(lang, f"col_{c}"), c] + [o.decisions.get(d, {}).get(c, Count()) for d in DECISION_ROWS] for c in DECISION_COLUMNS
    ]
    out.append(
        Block(
            label(lang, "decisions"),
            [label(lang, "per_case"), label(lang, "id")] + [label(lang, f"decision_{d}") for d in DECISION_ROWS],
            decision_rows,
        )
    )

    step_rows: list[list[str | Count]] = [
        [label(lang, f"step_{v}"), v] + [o.steps.get(v, {}).get(c, Count()) for c in STEP_COLUMNS] for v in STEP_DONE
    ]
    if not any(c.hi for row in step_rows for c in row[2:] if isinstance(c, Count)):
        step_rows = []
    out.append(
        Block(
            label(lang, "steps"),
            [label(lang, "step"), label(lang, "id"), label(lang, "col_steps"), label(lang, "col_cases")],
            step_rows,
            label(lang, "steps_none"),
        )
    )

    def alt_rows(columns: tuple[str, ...], only_counted: bool) -> list[list[str | Count]]:
        rows: list[list[str | Count]] = []
        for key, counts in o.alternatives.items():
            cells = [counts.get(c, Count()) for c in columns]
            if counts.get("applied", Count()).hi and (not only_counted or any(c.hi for c in cells)):
                rows.append([texts.get(key, key), key, *cells])
        return rows

    weighed = ("applied", "considered", "chosen", "not_considered")
    out.append(
        Block(
            label(lang, "alt_weighed"),
            [label(lang, "alternative"), label(lang, "id")] + [label(lang, f"alt_{c}") for c in weighed],
            alt_rows(weighed, False),
        )
    )
    out.append(
        Block(
            label(lang, "alt_in_place"),
            [label(lang, "alternative"), label(lang, "id")] + [label(lang, f"short_{c}") for c in FOLLOWUP_STATUSES],
            alt_rows(FOLLOWUP_STATUSES, True),
            label(lang, "alt_in_place_none"),
        )
    )
    latest = ALTERNATIVE_STATUSES + (NOT_ANSWERED,)
    out.append(
        Block(
            label(lang, "alt_latest"),
            [label(lang, "alternative"), label(lang, "id")] + [label(lang, c) for c in latest],
            alt_rows(latest, False),
            terminal=False,
        )
    )

    order = list(o.later)
    ranked = sorted((k for k, n in o.later.items() if n.hi), key=lambda k: (-o.later[k].hi, -o.later[k].lo, order.index(k)))
    out.append(
        Block(
            label(lang, "later_title"),
            [label(lang, "note"), label(lang, "id"), label(lang, "later_count")],
            [[texts.get(k, k), k, o.later[k]] for k in ranked],
            label(lang, "later_none"),
        )
    )
    persp_rows: list[list[str | Count]] = [
        [sections.get(sid, sid), perspectives.get(sid, sid)] + [counts.get(c, Count()) for c in PERSPECTIVE_COLUMNS]
        for sid, counts in o.perspectives.items()
    ]
    out.append(
        Block(
            label(lang, "perspectives"),
            [label(lang, "perspective"), label(lang, "id")] + [label(lang, f"persp_{c}") for c in PERSPECTIVE_COLUMNS],
            persp_rows,
        )
    )
    for sid, keys in o.perspective_prompts.items():
        rows: list[list[str | Count]] = [
            [texts.get(k, k), k, c.get("open", Count()), c.get("applied", Count())]
            for k, c in keys.items()
            if c.get("applied", Count()).hi
        ]
        if rows:
            title = f"{label(lang, 'perspectives_prompts')}: {sections.get(sid, sid)}"
            out.append(
                Block(title, [label(lang, "question"), label(lang, "id"), label(lang, "open"), label(lang, "applied")], rows)
            )
    return out


def terminal_tables(overview: Overview, libraries: LibrarySet, lang: str, small: int) -> list[RichTable]:
    """rich Tables for the terminal (rich is imported here, only when the command runs)."""
    from rich.table import Table
    from rich.text import Text

    tables: list[RichTable] = []
    for block in blocks(overview, libraries, lang, small):
        if not block.terminal:
            continue
        table = Table(title=Text(block.title), title_justify="left", min_width=len(block.title))
        for n, header in enumerate(block.headers):
            if n == 1:
                continue  # the id: in the markdown only
            if n == 0:
                table.add_column(Text(header), ratio=1, overflow="fold")
            else:
                table.add_column(Text(header), justify="right", no_wrap=False)
        for row in block.rows:
            table.add_row(*(Text(str(c.shown(small)) if isinstance(c, Count) else c) for n, c in enumerate(row) if n != 1))
        if not block.rows and block.empty:
            table.add_row(Text(block.empty), *([""] * (len(block.headers) - 2)))
        tables.append(table)
    return tables


def bar(n: Count, largest: int, small: int, width: int = 20) -> str:
    """`████████ 8`, scaled to the largest count; a count above zero always gets a block. A
    range is drawn at its top: every "<3" looks the same."""
    if n.hi <= 0 or largest <= 0:
        return "0"
    return f"{BAR * max(1, round(n.hi / largest * width))} {n.shown(small)}"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(overview: Overview, libraries: LibrarySet, lang: str, small: int) -> str:
    lines = [f"# {label(lang, 'title')}", "", *summary_lines(overview, lang, small), "", label(lang, "notice", small=small)]
    for block in blocks(overview, libraries, lang, small):
        lines += ["", f"## {_cell(block.title)}", ""]
        if not block.rows:
            lines.append(block.empty or "-")
            continue
        numbers = [c.hi for row in block.rows for c in row if isinstance(c, Count)]
        largest = max(numbers, default=0)
        columns = len(block.headers) - 2
        lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
        lines.append("|" + "|".join("---:" if isinstance(c, Count) else "---" for c in block.rows[0]) + "|")
        for row in block.rows:
            cells = []
            for i, c in enumerate(row):
                if isinstance(c, Count):
                    cells.append(
                        bar(c, largest, small, 10 if columns > 1 else 20) if columns <= 4 else _cell(str(c.shown(small)))
                    )
                else:
                    cells.append(f"`{c}`" if i == 1 else _cell(c))
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
