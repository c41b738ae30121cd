"""A follow-up: a new reflection for the same case that starts from an earlier one, and its
next steps that start from what is still to do."""

from __future__ import annotations

from . import session as sessions
from .library import LibrarySet
from .models import Answer, Baseline, Session
from .values import to_json
from .walk import Walk, earlier_steps


def start_followup(previous: Session, libraries: LibrarySet) -> Session:
    """A new session for the same case that starts from `previous`: every earlier answer about
    the case is carried over (nothing is lost by jumping ahead) and shown again to keep or
    change; the professionals' own reflection (dossier: false) starts empty."""
    session = sessions.new_session(libraries, previous.lang)
    # the professionals' own feelings, check-in and check-out start empty: they are of today
    own = {f"{x.library.id}.{p.id}" for x in libraries.libraries for s in x.library.sections for p in s.prompts if not p.dossier}
    date = previous.updated[:10]
    session.answers = {k: carried(v, date) for k, v in previous.answers.items() if k not in own}
    session.followup_of = Baseline(id=previous.id, date=date, answers=previous.answers)
    return session


def carried(answer: Answer, date: str) -> Answer:
    """An earlier answer as a follow-up holds it until it is confirmed or changed: marked as
    carried over from `date` (for a team, each voice)."""
    return answer.model_copy(deep=True, update={"carried": date, "carried_voices": list(answer.voices or {})})


def _names(answers: dict[str, Answer], libraries: LibrarySet) -> list[str]:
    return [p.name for p in Walk(libraries, answers, path="full").participants()]


def departed(session: Session, libraries: LibrarySet) -> list[str]:
    """The participants of the earlier reflection who are no longer among this one's."""
    baseline = session.followup_of
    if baseline is None:
        return []
    now = _names(session.answers, libraries)
    return [n for n in _names(baseline.answers, libraries) if now and n not in now]


def _without(answer: Answer, gone: list[str]) -> Answer | None:
    """An answer without the voices of those who left (None when nobody's voice is left)."""
    if not answer.voices or not any(n in answer.voices for n in gone):
        return answer
    voices = {n: v for n, v in answer.voices.items() if n not in gone}
    if not voices:
        return None
    kept = [n for n in answer.carried_voices if n not in gone]
    return answer.model_copy(update={"voices": voices, "carried_voices": kept})


def drop_departed(session: Session, libraries: LibrarySet) -> list[str]:
    """Leave out the voices of people no longer among the participants (an answer that held
    only theirs is asked anew). Returns who left."""
    gone = departed(session, libraries)
    if gone:
        for key, answer in list(session.answers.items()):
            left = _without(answer, gone)
            if left is None:
                del session.answers[key]
            else:
                session.answers[key] = left
    return gone


def followup_baseline(session: Session, libraries: LibrarySet) -> dict[str, Answer]:
    """The earlier answers a follow-up offers as defaults: marked as carried over, without the
    voices of people who are no longer there."""
    baseline = session.followup_of
    if baseline is None:
        return {}
    gone = departed(session, libraries)
    offered: dict[str, Answer] = {}
    for key, answer in baseline.answers.items():
        left = _without(carried(answer, baseline.date), gone)
        if left is not None:
            offered[key] = left
    return offered


def drop_done_steps(session: Session, libraries: LibrarySet) -> None:
    """A follow-up's next steps start from what is still to do: an earlier step done is not
    carried over as a new one (what became of it is in the record's summary)."""
    baseline = session.followup_of
    if baseline is None:
        return
    done = {
        tuple(sorted(to_json(row).items()))
        for row, status in zip(earlier_steps(baseline, libraries), baseline.steps_done, strict=False)
        if status == "done"
    }
    for key, answer in list(session.answers.items()):
        carried = key in baseline.answers and baseline.answers[key].value == answer.value
        if answer.given and carried and isinstance(answer.value, list):
            kept = [r for r in answer.value if not (isinstance(r, dict) and tuple(sorted(r.items())) in done)]
            if not kept:
                del session.answers[key]  # asked anew
            else:
                answer.value = kept
