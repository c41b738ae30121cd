"""Typed answer values, and checking loose input (an answers file, an old session) against them.

Where raw JSON turns into typed values: a session stores every answer as plain JSON
(`Answer.value`, a team's `Answer.voices`), exactly as it always has. A prompt kind's
`check(raw)` turns loose input into its typed value or raises AnswerError; its `parse(raw)`
reads a stored (already checked) value into the typed value without checking again; and
`to_json(value)` writes a typed value back in the stored form, its keys in the stored order.
Code that reads an answer asks the prompt to parse it; nothing else reads the dicts."""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar, cast

from .errors import UserError
from .vocab import (
    AGE_BANDS,
    ALTERNATIVE_STATUSES,
    GUIDING_STATUSES,
    MEETING_ROLES,
    NO_WORDS,
    REFLECTION_RESPONSES,
    YES_WORDS,
    AgeBand,
    AlternativeStatus,
    GuidingStatus,
    MeetingRole,
    ReflectionResponse,
)


class AnswerError(UserError, ValueError):
    """An answer value that does not fit its prompt. It carries a text key (texts.py) and its
    values, and is said in the user's language where it is shown (`text(lang)`); str() is English.
    A ValueError, so that pydantic reports it where a model checks a value."""


# --- the typed values ------------------------------------------------------------------------
# Named tuples: immutable, typed, and quick to define (the first question waits for this module).


class ReflectionValue(NamedTuple):
    """A reflection prompt's answer: recognised or not (or later), with an optional note."""

    response: ReflectionResponse
    note: str = ""


class ChoiceNote(NamedTuple):
    """A choice with a short note (a choice prompt that names a `note`): quicker than a text,
    and still says why."""

    choice: str
    note: str = ""


class AlternativeValue(NamedTuple):
    """An alternative's status, with a note (the reason, when it is not feasible)."""

    status: AlternativeStatus
    note: str = ""


class PersonRow(NamedTuple):
    """A meaningful person in the network; `risk`: a worry or a risk (missing in older sessions:
    no); `worry`: what the worry is and who sees it (missing in older sessions: empty)."""

    who: str
    relation: str = ""
    meaning: str = ""
    risk: bool = False
    worry: str = ""

    @property
    def worried(self) -> bool:
        """A worry was named about this person (a reason alone counts as one too)."""
        return self.risk or bool(self.worry)


class ActionRow(NamedTuple):
    """A next step: who does what, by when, and what the result looks like."""

    who: str = ""
    what: str = ""
    when: str = ""
    result: str = ""


class ChildRow(NamedTuple):
    """A child of the case: a pseudonym of its own and an age band."""

    name: str
    age: AgeBand


class ParticipantRow(NamedTuple):
    """A participant of a team reflection and their meeting role."""

    name: str
    organisation: str = ""
    role: str = ""
    meeting_role: MeetingRole = "member"
    voice: bool = True  # answers the per-person questions (a chair only when she wants to)


class GuidingRow(NamedTuple):
    """A guiding question gone back over: answered, partly or not, and where."""

    question: str
    status: GuidingStatus
    where: str = ""


Row = PersonRow | ActionRow | ChildRow | ParticipantRow | GuidingRow
R = TypeVar("R")
T = TypeVar("T")


def fields_of(kind: type[Any]) -> tuple[str, ...]:
    """The fields of a typed value, in their stored order."""
    fields: tuple[str, ...] = kind._fields
    return fields


def to_json(value: object) -> Any:
    """A typed value in its stored form: rows and pairs as dicts (keys in field order), lists as
    lists, text as it is."""
    if isinstance(value, ParticipantRow) and value.voice:  # stored as before the chair's voice was asked
        return {k: v for k, v in value._asdict().items() if k != "voice"}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return value._asdict()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def stored_rows(kind: type[R], raw: Any) -> list[R]:
    """Stored rows (a list of dicts) as typed rows; a field missing in an older session takes its default."""
    names = fields_of(kind)
    return [kind(**{k: v for k, v in row.items() if k in names}) for row in raw or [] if isinstance(row, dict)]


def stored_pair(kind: type[T], key: str, raw: Any) -> T:
    """A stored reflection or alternative answer (a dict; a bare string in hand-written input)."""
    if isinstance(raw, str):
        return kind(**{key: raw})
    return kind(**{k: v for k, v in raw.items() if k in fields_of(kind)})


# --- checking loose input ---------------------------------------------------------------------

_YES = ("true", *YES_WORDS)
_NO = ("false", "", *NO_WORDS)


def text(value: Any, what: str = "ans_answer_text", **where: object) -> str:
    """A piece of text (a number is read as text); nothing is empty text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise AnswerError(what, **where)
    return str(value).strip()


def flag(value: Any, n: int, field: str) -> bool:
    """A yes/no field: true/false, ja/nee/neen, yes/no, j/n, y (missing: no)."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _YES + _NO:
        return value.strip().lower() in _YES
    raise AnswerError("ans_entry_flag", n=n, field=field)


def one_of(value: Any, allowed: tuple[T, ...], key: str, **where: object) -> T:
    """A value from a fixed list, or an AnswerError naming the list."""
    if value not in allowed:
        raise AnswerError(key, allowed=", ".join(map(str, allowed)), **where)
    return cast(T, value)


def rows(value: Any, kind: type[Row], required: str) -> list[dict[str, Any]]:
    """Loose rows checked field by field: a list of mappings with only the fields of `kind`,
    each text (a bool field yes/no), `required` given. Returns them as clean dicts, every field set."""
    names = fields_of(kind)
    flags = {name for name, default in kind._field_defaults.items() if isinstance(default, bool)}  # yes/no fields
    if not isinstance(value, list):
        raise AnswerError("ans_rows_list", fields=", ".join(names))
    clean_rows = []
    for n, row in enumerate(value, 1):
        if not isinstance(row, dict):
            raise AnswerError("ans_row_mapping", n=n, fields=", ".join(names))
        unknown = set(row) - set(names)
        if unknown:
            raise AnswerError("ans_row_unknown", n=n, unknown=", ".join(sorted(map(str, unknown))), fields=", ".join(names))
        clean = {f: flag(row.get(f), n, f) if f in flags else text(row.get(f), "ans_entry_text", n=n, field=f) for f in names}
        if not clean[required]:
            raise AnswerError("ans_row_needs", n=n, field=required)
        clean_rows.append(clean)
    return clean_rows


def check_people(value: Any) -> list[PersonRow]:
    return [PersonRow(**r) for r in rows(value, PersonRow, "who")]


def check_actions(value: Any) -> list[ActionRow]:
    return [ActionRow(**r) for r in rows(value, ActionRow, "what")]


def _unique(names: list[str], key: str) -> None:
    if len(set(names)) != len(names):
        raise AnswerError(key)


def check_children(value: Any) -> list[ChildRow]:
    """The children of a case: each a pseudonym of its own and an age band."""
    given = rows(value, ChildRow, "name")
    checked = [ChildRow(r["name"], one_of(r["age"], AGE_BANDS, "ans_child_age", n=n)) for n, r in enumerate(given, 1)]
    _unique([c.name for c in checked], "ans_children_unique")
    return checked


def check_participants(value: Any) -> list[ParticipantRow]:
    """The participants of a meeting: each a name of its own and a meeting role."""
    checked = []
    for n, r in enumerate(rows(value, ParticipantRow, "name"), 1):
        role = one_of(r["meeting_role"] or "member", MEETING_ROLES, "ans_meeting_role", n=n)
        # a chair can say she wants no voice of her own (voice: nee); without it, as before, she has one
        said = isinstance(value[n - 1], dict) and "voice" in value[n - 1]
        checked.append(
            ParticipantRow(r["name"], r["organisation"], r["role"], role, r["voice"] if role == "chair" and said else True)
        )
    _unique([p.name for p in checked], "ans_participants_unique")
    return checked


def check_guiding(value: Any) -> list[GuidingRow]:
    checked = []
    for n, r in enumerate(rows(value, GuidingRow, "question"), 1):
        checked.append(GuidingRow(r["question"], one_of(r["status"], GUIDING_STATUSES, "ans_guiding_status", n=n), r["where"]))
    return checked


def _pair(value: Any, key: str, shape: str) -> tuple[Any, str]:
    """The fixed answer and the note of a reflection or an alternative (a bare string: no note)."""
    if isinstance(value, str):
        value = {key: value}
    if not isinstance(value, dict) or set(value) - {key, "note"}:
        raise AnswerError(shape)
    return value.get(key), text(value.get("note"), "ans_note_text")


def check_reflection(value: Any) -> ReflectionValue:
    response, note = _pair(value, "response", "ans_reflection_shape")
    return ReflectionValue(one_of(response, REFLECTION_RESPONSES, "ans_reflection_response"), note)


def check_alternative(value: Any) -> AlternativeValue:
    status, note = _pair(value, "status", "ans_alternative_shape")
    checked = AlternativeValue(one_of(status, ALTERNATIVE_STATUSES, "ans_alternative_status"), note)
    if checked.status == "not_feasible" and not note:
        raise AnswerError("ans_not_feasible_note")
    return checked
