"""Filling a session from an answers file (YAML: prompt keys to answers), without questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .answers import AnswerError, normalise, normalise_voices
from .library import LibraryError, LibrarySet, read_yaml
from .models import Answer, AnyPrompt, Session
from .privacy_review import mark_reviewed, privacy_findings
from .session import now
from .texts import t
from .vocab import STEP_DONE


def fill_from_file(session: Session, libraries: LibrarySet, path: Path) -> list[str]:
    """Fill a session from a YAML file of prompt keys (library.prompt) to answers.
    Returns the problems (unknown keys, values that do not fit); fills nothing if any."""
    try:
        data, lines, _ = read_yaml(path, as_typed=True)
    except LibraryError as err:
        return err.lines(session.lang)
    if not isinstance(data, dict):
        return [f"{path}:1: {t(session.lang, 'af_not_mapping')}"]
    problems = _steps_done(session, data, path, lines.get(("steps_done",), 1))
    answers, wrong = _answers(session, libraries, data, path, lines)
    problems += wrong
    if not problems:
        session.answers.update(answers)
        mark_reviewed(session, privacy_findings(session, libraries))
        session.finished = True
    return problems


def _steps_done(session: Session, data: dict[Any, Any], path: Path, line: int) -> list[str]:
    """A follow-up's 'steps_done' and 'steps_why' (taken out of `data`): what became of the
    earlier next steps."""
    steps_done = data.pop("steps_done", None)
    steps_why = data.pop("steps_why", None)
    steps_result = data.pop("steps_result", None)
    if steps_done is None:
        return []
    if session.followup_of is None:
        return [f"{path}:{line}: {t(session.lang, 'af_steps_done_not_followup')}"]
    if not isinstance(steps_done, list) or any(d not in STEP_DONE for d in steps_done):
        return [f"{path}:{line}: {t(session.lang, 'af_steps_done_values', values=', '.join(STEP_DONE))}"]
    if steps_result is not None and not isinstance(steps_result, list):
        return [f"{path}:{line}: {t(session.lang, 'af_steps_result')}"]
    session.followup_of.steps_done = list(steps_done)
    session.followup_of.steps_why = [str(w) for w in steps_why or []]
    session.followup_of.steps_result = [str(r) for r in steps_result or []]
    return []


def _answers(
    session: Session, libraries: LibrarySet, data: dict[Any, Any], path: Path, lines: dict[tuple[Any, ...], int]
) -> tuple[dict[str, Answer], list[str]]:
    """Each answer of the file checked against its prompt; the problems, each with its line."""
    prompts: dict[str, AnyPrompt] = {
        f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts
    }
    problems: list[str] = []
    answers: dict[str, Answer] = {}
    for key, value in data.items():
        line = lines.get((key,), 1)
        prompt = prompts.get(str(key))
        if prompt is None:
            problems.append(f"{path}:{line}: {t(session.lang, 'af_unknown_prompt', prompt=key)}")
            continue
        try:
            if isinstance(value, dict) and set(value) == {"voices"}:
                answers[key] = Answer(status="answered", voices=normalise_voices(prompt, value["voices"]), at=now())
            else:
                answers[key] = Answer(status="answered", value=normalise(prompt, value), at=now())
        except AnswerError as err:
            problems.append(f"{path}:{line}: {key}: {err.text(session.lang)}")
    return answers, problems
