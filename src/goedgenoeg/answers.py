"""What a valid answer value is for each prompt kind, and turning loose input into one."""

from __future__ import annotations

from typing import Any

from .models import (
    ACTION_FIELDS,
    AGE_BANDS,
    ALTERNATIVE_STATUSES,
    CHILD_FIELDS,
    GUIDING_STATUSES,
    MEETING_ROLES,
    PARTICIPANT_FIELDS,
    PERSON_FIELDS,
    PERSON_FLAGS,
    REFLECTION_RESPONSES,
)


class AnswerError(ValueError):
    """An answer value that does not fit its prompt."""


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise AnswerError(f"{what} must be text")
    return str(value).strip()


_YES = ("true", "yes", "ja", "j", "y")
_NO = ("false", "no", "nee", "n", "")


def _flag(value: Any, what: str) -> bool:
    """A yes/no field: true/false, ja/nee, yes/no (missing: no)."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _YES + _NO:
        return value.strip().lower() in _YES
    raise AnswerError(f"{what} must be true or false (ja/nee, yes/no)")


def _rows(value: Any, fields: tuple[str, ...], required: str, flags: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise AnswerError(f"expected a list of entries with {', '.join(fields)}")
    rows = []
    for n, row in enumerate(value, 1):
        if not isinstance(row, dict):
            raise AnswerError(f"entry {n} must be a mapping with {', '.join(fields)}")
        unknown = set(row) - set(fields)
        if unknown:
            raise AnswerError(f"entry {n} has unknown field(s) {', '.join(sorted(map(str, unknown)))}; use {', '.join(fields)}")
        clean = {
            f: _flag(row.get(f), f"entry {n} '{f}'") if f in flags else _text(row.get(f), f"entry {n} '{f}'") for f in fields
        }
        if not clean[required]:
            raise AnswerError(f"entry {n} needs '{required}'")
        rows.append(clean)
    return rows


def _children(value: Any) -> list[dict[str, Any]]:
    """The children of a case: each a pseudonym of its own and an age band."""
    rows = _rows(value, CHILD_FIELDS, "name")
    for n, row in enumerate(rows, 1):
        if row["age"] not in AGE_BANDS:
            raise AnswerError(f"entry {n}: age must be one of {', '.join(AGE_BANDS)}")
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise AnswerError("every child needs a different pseudonym")
    return rows


def _participants(value: Any) -> list[dict[str, Any]]:
    """The participants of a meeting: each a name of its own and a meeting role."""
    rows = _rows(value, PARTICIPANT_FIELDS, "name")
    for n, row in enumerate(rows, 1):
        row["meeting_role"] = row["meeting_role"] or "member"
        if row["meeting_role"] not in MEETING_ROLES:
            raise AnswerError(f"entry {n}: meeting_role must be one of {', '.join(MEETING_ROLES)}")
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise AnswerError("every participant needs a different name (or pseudonym)")
    return rows


def normalise(prompt, value: Any) -> Any:
    """Return the canonical stored form of `value` for `prompt`, or raise AnswerError."""
    kind = prompt.kind
    if kind == "text":
        text = _text(value, "the answer")
        if not text:
            raise AnswerError("the answer is empty")
        return text
    if kind == "reflection":
        if isinstance(value, str):
            value = {"response": value}
        if not isinstance(value, dict) or set(value) - {"response", "note"}:
            raise AnswerError("expected 'response' (and optionally 'note')")
        response = value.get("response")
        if response not in REFLECTION_RESPONSES:
            raise AnswerError(f"response must be one of {', '.join(REFLECTION_RESPONSES)}")
        return {"response": response, "note": _text(value.get("note"), "note")}
    if kind == "alternative":
        if isinstance(value, str):
            value = {"status": value}
        if not isinstance(value, dict) or set(value) - {"status", "note"}:
            raise AnswerError("expected 'status' (and optionally 'note')")
        status = value.get("status")
        if status not in ALTERNATIVE_STATUSES:
            raise AnswerError(f"status must be one of {', '.join(ALTERNATIVE_STATUSES)}")
        note = _text(value.get("note"), "note")
        if status == "not_feasible" and not note:
            raise AnswerError("'not_feasible' needs a note saying why")
        return {"status": status, "note": note}
    if kind == "choice":
        ids = [o.id for o in prompt.options]
        if value not in ids:
            raise AnswerError(f"choose one of {', '.join(ids)}")
        return value
    if kind == "multi":
        ids = [o.id for o in prompt.options]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(v not in ids for v in value):
            raise AnswerError(f"choose from {', '.join(ids)}")
        return [i for i in ids if i in value]  # option order, no duplicates
    if kind == "people":
        return _rows(value, PERSON_FIELDS, "who", PERSON_FLAGS)
    if kind == "children":
        return _children(value)
    if kind == "actions":
        return _rows(value, ACTION_FIELDS, "what")
    if kind == "participants":
        return _participants(value)
    if kind == "list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise AnswerError("expected a list of short texts")
        items = [_text(v, "an item") for v in value]
        return [i for i in items if i]
    if kind == "guiding":
        rows = _rows(value, ("question", "status", "where"), "question")
        for n, row in enumerate(rows, 1):
            if row["status"] not in GUIDING_STATUSES:
                raise AnswerError(f"entry {n}: status must be one of {', '.join(GUIDING_STATUSES)}")
        return rows
    raise AnswerError(f"unknown prompt kind {kind}")  # pragma: no cover


def normalise_voices(prompt, voices) -> dict:
    """Separate answers of a team, by participant name."""
    if not isinstance(voices, dict) or not voices:
        raise AnswerError("voices must map participant names to answers")
    return {str(name): normalise(prompt, value) for name, value in voices.items()}


def _value_open(prompt, value) -> bool:
    if prompt.kind == "reflection":
        return value.get("response") == "later"
    if prompt.kind == "alternative":
        return value.get("status") == "not_considered"
    return False


def is_open(prompt, answer) -> bool:
    """Whether a prompt still asks for attention: unanswered, skipped, later, or an answer
    that itself says 'later' or 'not considered' (for a team: every voice says so)."""
    if answer is None or answer.status != "answered":
        return True
    if answer.voices:
        return all(_value_open(prompt, v) for v in answer.voices.values())
    value = answer.value
    if prompt.kind == "reflection":
        return value.get("response") == "later"
    if prompt.kind == "alternative":
        return value.get("status") == "not_considered"
    return False


def free_texts(prompt, value: Any) -> list[str]:
    """Every piece of free text inside an answer value (for the privacy check)."""
    if value is None:
        return []
    if prompt.kind == "text":
        return [value]
    if prompt.kind in ("reflection", "alternative"):
        return [value.get("note", "")] if value.get("note") else []
    if prompt.kind in ("people", "actions", "participants", "guiding"):
        return [v for row in value for v in row.values() if isinstance(v, str) and v]
    if prompt.kind == "children":
        return [row["name"] for row in value]
    if prompt.kind == "list":
        return list(value)
    return []


def answer_texts(prompt, answer) -> list[str]:
    """Free text of an answer, its voices included."""
    if answer is None or answer.status != "answered":
        return []
    texts = free_texts(prompt, answer.value)
    for value in (answer.voices or {}).values():
        texts += free_texts(prompt, value)
    return texts


def describe_answer(prompt, answer, lang: str) -> str:
    """An answer, its voices included ("An: ...; Bo: ...")."""
    if answer.voices:
        return "; ".join(f"{name}: {describe(prompt, v, lang)}" for name, v in answer.voices.items())
    return describe(prompt, answer.value, lang)


def describe(prompt, value: Any, lang: str) -> str:
    """An answer value as one readable line (for 'previous answer' and the record)."""
    from .texts import t

    if value is None:
        return ""
    kind = prompt.kind
    if kind == "text":
        return value
    if kind == "reflection":
        label = t(lang, value["response"])
        return f"{label}: {value['note']}" if value.get("note") else label
    if kind == "alternative":
        label = t(lang, value["status"])
        return f"{label}: {value['note']}" if value.get("note") else label
    if kind in ("choice", "multi"):
        labels = {o.id: o.label.get(lang) for o in prompt.options}
        chosen = [value] if isinstance(value, str) else value  # a single choice (or one kept from before)
        return "; ".join(labels.get(c, c) for c in chosen) or "-"
    if kind == "people":
        return "; ".join(
            " - ".join(v for v in (r["who"], r["relation"], r["meaning"], t(lang, "rec_risk") if r.get("risk") else "") if v)
            for r in value
        )
    if kind == "actions":
        return "; ".join(" - ".join(v for v in (r["who"], r["what"], r["when"], r["result"]) if v) for r in value)
    if kind == "participants":
        return "; ".join(f"{r['name']} ({t(lang, 'role_' + r['meeting_role'])})" for r in value)
    if kind == "children":
        return "; ".join(f"{r['name']} ({t(lang, 'age_' + r['age'])})" for r in value)
    if kind == "list":
        return "; ".join(value)
    if kind == "guiding":
        return "; ".join(f"{r['question']}: {t(lang, 'guiding_' + r['status'])}" for r in value)
    return str(value)  # pragma: no cover
