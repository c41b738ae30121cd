"""The privacy review at the end of a walk: likely personal data and the names of the people
involved, over the whole session, each shown where it was typed, to change or to keep."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .answers import answer_texts
from .library import LibrarySet
from .models import ActionsPrompt, AnyPrompt, ParticipantsPrompt, PeoplePrompt, Session
from .privacy import Finding, find_personal_data, fold, name_words
from .session import now
from .session_view import SessionView
from .walk import Asker, Step, Walk, apply

# One prompt's findings: its index in the full walk, the step, what was found in its answer.
Found = tuple[int, Step, list[Finding]]


# A relation that names a professional, not the family: in a meeting such a name is meant to be
# on the record. Dutch compounds end in the profession (huisarts, gezinsvoogd, jeugdverpleegkundige).
_PROFESSIONAL = re.compile(
    r"(?:arts|dokter|leerkracht|leraar|lerares|juf|meester|mentor|docent|zorgco[oö]rdinator|intern begeleider|"
    r"ib'er|consulent|gezinsvoogd|jeugdbeschermer|casemanager|regisseur|regiehouder|hulpverlener|begeleider|"
    r"werker|medewerker|therapeut|psycholoog|psychiater|orthopedagoog|pedagoog|agent|politie|verpleegkundige|"
    r"coach|clb|teacher|doctor|gp|nurse|worker|therapist|psychologist|psychiatrist|officer|counsell?or|"
    r"case manager|paediatrician|pediatrician)\b"
)


def is_professional(relation: str) -> bool:
    """The relation names a professional (the child's teacher, the GP, the family guardian)."""
    return _PROFESSIONAL.search(relation.casefold()) is not None


def known_names(
    session: Session,
    libraries: LibrarySet,
    participants: bool = True,
    professionals: bool = True,
    view: SessionView | None = None,
) -> list[str]:
    """The names typed in the network (people) and, unless not wanted, the participants lists
    and the network's professionals."""
    names: list[str] = []
    for step in (view or SessionView.of(session, libraries)).on("full").steps():
        answer = session.answers.get(step.key)
        if answer is None or not answer.given:
            continue
        for value in [answer.value, *(answer.voices or {}).values()]:
            names += _names_in(step.prompt, value, participants, professionals)
    return name_words(names)


def family_names(session: Session, libraries: LibrarySet, view: SessionView | None = None) -> list[str]:
    """The names of the family and others around the child who are no professionals: the
    network without its professionals, and without a word of a participant's name."""
    view = (view or SessionView.of(session, libraries)).on("full")
    own = {fold(w) for w in name_words(p.name for p in view.participants())}
    family = known_names(session, libraries, participants=False, professionals=False, view=view)
    return [w for w in family if fold(w) not in own]


def _names_in(prompt: AnyPrompt, value: Any, participants: bool, professionals: bool = True) -> list[str]:
    """The names in a network (who; its professionals only when wanted) or, when wanted, a
    participants list (name)."""
    if isinstance(prompt, PeoplePrompt):
        return [row.who for row in prompt.parse(value) if professionals or not is_professional(row.relation)]
    if participants and isinstance(prompt, ParticipantsPrompt):
        return [row.name for row in prompt.parse(value)]
    return []


def privacy_findings(session: Session, libraries: LibrarySet) -> list[Found]:
    """Likely personal data per prompt, and where the names of the network and the participants
    appear in free text (not in the lists where they were typed). In a meeting the names of the
    participants and of the network's professionals are meant to be there: only the family's
    names are pointed out."""
    view = SessionView.of(session, libraries).on("full")
    meeting = bool(view.participants())
    names = known_names(session, libraries, view=view)
    family = family_names(session, libraries, view) if meeting else known_names(session, libraries, participants=False, view=view)
    found: list[Found] = []
    for index, step in enumerate(view.steps()):
        answer = session.answers.get(step.key)
        # where the professionals name each other by design (a library marked names_exempt: who
        # disagreed, who does what; and the next steps) their names are not pointed out; a
        # family's names (the network) still are; in a meeting, nowhere
        exempt = step.library.role == "names_exempt" or isinstance(step.prompt, ActionsPrompt)
        professionals_named = meeting or exempt
        lists_names = isinstance(step.prompt, PeoplePrompt | ParticipantsPrompt)  # where the names are typed
        words = () if lists_names else family if professionals_named else names
        hits = [f for text in answer_texts(step.prompt, answer) for f in find_personal_data(text, words)]
        if hits:
            found.append((index, step, hits))
    return found


def kept(findings: list[Found]) -> list[str]:
    """What was left in on purpose, for the record: prompt key and kinds, never the text."""
    return [f"{step.key}: {', '.join(sorted({f.kind for f in hits}))}" for _, step, hits in findings]


def mark_reviewed(session: Session, findings: list[Found]) -> None:
    """The review is over: what is still found was kept on purpose."""
    session.privacy.kept = kept(findings)
    session.privacy.done = True
    session.privacy.at = now()


def privacy_review(session: Session, libraries: LibrarySet, asker: Asker, save: Callable[[], None]) -> None:
    """Show the findings until the asker changes nothing more (or nothing is found); an answer
    changed from the review is saved like any other (`save`). Stopping there stops the walk."""
    walk = Walk(libraries, session.answers, path="full")
    while True:
        findings = privacy_findings(session, libraries)
        target = asker.privacy_review(findings) if findings else None
        if target is None:
            mark_reviewed(session, findings)
            return
        step = walk.steps()[target]
        reply = asker.ask(step, walk.position(target), session.answers.get(step.key))
        if reply.action == "stop":
            raise KeyboardInterrupt
        apply(walk, step, reply, save)
