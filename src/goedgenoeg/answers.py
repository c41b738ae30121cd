"""An answer as its prompt kind reads it: the kinds themselves (models.py) check, describe and
list the free text of a value; these functions add what every kind shares (no answer yet, a
team's separate voices)."""

from __future__ import annotations

from typing import Any

from .models import Answer, PromptBase
from .values import AnswerError

__all__ = [
    "AnswerError",
    "answer_texts",
    "describe",
    "describe_answer",
    "free_texts",
    "is_open",
    "normalise",
    "normalise_voices",
]


def normalise(prompt: PromptBase, value: Any) -> Any:
    """Return the canonical stored form of `value` for `prompt`, or raise AnswerError."""
    return prompt.normalise(value)


def normalise_voices(prompt: PromptBase, voices: Any) -> dict[str, Any]:
    """Separate answers of a team, by participant name."""
    if not isinstance(voices, dict) or not voices:
        raise AnswerError("ans_voices")
    return {str(name): prompt.normalise(value) for name, value in voices.items()}


def is_open(prompt: PromptBase, answer: Answer | None) -> bool:
    """Whether a prompt still asks for attention: unanswered, skipped, later, or an answer
    that itself says 'later' or 'not considered' (for a team: every voice says so)."""
    if answer is None or answer.status != "answered":
        return True
    if answer.voices:
        return all(prompt.is_open_value(v) for v in answer.voices.values())
    return prompt.is_open_value(answer.value)


def free_texts(prompt: PromptBase, value: Any) -> list[str]:
    """Every piece of free text inside an answer value (for the privacy check)."""
    return [] if value is None else prompt.free_texts(value)


def answer_texts(prompt: PromptBase, answer: Answer | None) -> list[str]:
    """Free text of an answer (one marked for later with its answer kept too), its voices included."""
    if answer is None or not answer.given:
        return []
    texts = free_texts(prompt, answer.value)
    for value in (answer.voices or {}).values():
        texts += free_texts(prompt, value)
    return texts


def describe_answer(prompt: PromptBase, answer: Answer, lang: str) -> str:
    """An answer, its voices included ("An: ...; Bo: ...")."""
    if answer.voices:
        return "; ".join(f"{name}: {describe(prompt, v, lang)}" for name, v in answer.voices.items())
    return describe(prompt, answer.value, lang)


def describe(prompt: PromptBase, value: Any, lang: str) -> str:
    """An answer value as one readable line (for 'previous answer' and the record)."""
    return "" if value is None else prompt.describe(value, lang)
