"""A team reflection, and a case meeting that starts from what its participants prepared alone."""

from __future__ import annotations

from .errors import UserError
from .library import LibrarySet
from .models import Answer, Session
from .session import now
from .values import ParticipantRow, to_json
from .vocab import CONTEXT_KEYS


def team_session(session: Session) -> None:
    """A team reflection: the context's 'who' is the team."""
    session.answers["context.who"] = Answer(status="answered", value="team", at=now())


class PreparedError(UserError):
    """Prepared reflections that cannot start one meeting (exit code 2); `detail` names them."""

    exit_code = 2


def bring_in_prepared(session: Session, prepared: list[tuple[str, Session]], libraries: LibrarySet) -> None:
    """Start a meeting from what its participants prepared alone: the case and its context
    from their reflections, their names as the participants, and every answer as that
    person's voice, offered at each question (Enter keeps it). Nothing is asked twice that
    someone already answered, and nobody's view stands for the team's."""
    cases = {p.answers["context.case"].value for _, p in prepared if "context.case" in p.answers}
    if len(cases) > 1:
        raise PreparedError("cli_prepared_cases", detail=", ".join(sorted(cases)))
    names = [name for name, _ in prepared]
    if len(set(names)) < len(names):
        raise PreparedError("cli_prepared_names", detail=", ".join(names))
    ids = [p.id for _, p in prepared]
    twice = [name for (name, p) in prepared if ids.count(p.id) > 1]
    if twice:  # one person's reflection cannot be two people's voices
        raise PreparedError("cli_prepared_twice", detail=", ".join(twice))
    for key in (k for k in CONTEXT_KEYS if k not in ("who", "role")):  # who: the team; role: each one's own
        for _, earlier in prepared:
            answer = earlier.answers.get(f"context.{key}")
            if answer is not None and answer.given:
                session.answers[f"context.{key}"] = answer.model_copy()
                break
    session.prepared_from = [earlier.id for _, earlier in prepared]
    rows = [to_json(ParticipantRow(name)) for name in names]
    # the names go to the prompt marked `role: participants` (without one, no names are carried)
    session.prepared = {key: Answer(status="answered", value=rows, at=now()) for key in libraries.prompt_keys("participants")}
    keys = dict.fromkeys(k for _, p in prepared for k in p.answers if not k.startswith("context."))
    for key in keys:
        voices = {
            name: p.answers[key].value
            for name, p in prepared
            if key in p.answers and p.answers[key].given and p.answers[key].value is not None
        }
        if voices:
            session.prepared[key] = Answer(status="answered", voices=voices, at=now())
