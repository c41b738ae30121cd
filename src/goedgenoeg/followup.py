"""A follow-up: a new reflection for the same case that starts from an earlier one, and its
next steps that start from what is still to do."""

from __future__ import annotations

from . import session as sessions
from .library import LibrarySet
from .models import Baseline, Session
from .values import to_json
from .walk import earlier_steps


def start_followup(previous: Session, libraries: LibrarySet) -> Session:
    """A new session for the same case that starts from `previous`: every earlier answer about
    the case is carried over (nothing is lost by jumping ahead) and shown again to keep or
    change; the professionals' own reflection (dossier: false) starts empty."""
    session = sessions.new_session(libraries, previous.lang)
    # the professionals' own feelings, check-in and check-out start empty: they are of today
    own = {f"{x.library.id}.{p.id}" for x in libraries.libraries for s in x.library.sections for p in s.prompts if not p.dossier}
    session.answers = {k: v.model_copy(deep=True) for k, v in previous.answers.items() if k not in own}
    session.followup_of = Baseline(id=previous.id, date=previous.updated[:10], answers=previous.answers)
    return session


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
