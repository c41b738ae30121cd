"""What a valid answer value is for each prompt kind, and turning loose input into one."""

from __future__ import annotations

from typing import Any

from .models import (
    ACTION_FIELDS,
    ALTERNATIVE_STATUSES,
    PERSON_FIELDS,
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


def _rows(value: Any, fields: tuple[str, ...], required: str) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise AnswerError(f"expected a list of entries with {', '.join(fields)}")
    rows = []
    for n, row in enumerate(value, 1):
        if not isinstance(row, dict):
            raise AnswerError(f"entry {n} must be a mapping with {', '.join(fields)}")
        unknown = set(row) - set(fields)
        if unknown:
            raise AnswerError(f"entry {n} has unknown field(s) {', '.join(sorted(map(str, unknown)))}; use {', '.join(fields)}")
        clean = {f: _text(row.get(f), f"entry {n} '{f}'") for f in fields}
        if not clean[required]:
            raise AnswerError(f"entry {n} needs '{required}'")
        rows.append(clean)
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
        return _rows(value, PERSON_FIELDS, "who")
    if kind == "actions":
        return _rows(value, ACTION_FIELDS, "what")
    raise AnswerError(f"unknown prompt kind {kind}")  # pragma: no cover


def is_open(prompt, answer) -> bool:
    """Whether a prompt still asks for attention: unanswered, skipped, later, or an answer
    that itself says 'later' or 'not considered'."""
    if answer is None or answer.status != "answered":
        return True
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
    if prompt.kind in ("people", "actions"):
        return [v for row in value for v in row.values() if v]
    return []


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
        chosen = [value] if kind == "choice" else value
        return "; ".join(labels[c] for c in chosen) or "-"
    if kind == "people":
        return "; ".join(" - ".join(v for v in (r["who"], r["relation"], r["meaning"]) if v) for r in value)
    if kind == "actions":
        return "; ".join(" - ".join(v for v in (r["who"], r["what"], r["when"], r["result"]) if v) for r in value)
    return str(value)  # pragma: no cover
