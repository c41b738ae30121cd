"""The privacy review at the end of a walk: likely personal data and the names of the people
involved, over the whole session, each shown where it was typed, to change or to keep."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .answers import answer_texts
from .library import LibrarySet
from .models import ActionsPrompt, AnyPrompt, ParticipantsPrompt, PeoplePrompt, Session
from .privacy import Finding, find_personal_data, name_words
from .session import now
from .session_view import SessionView
from .walk import Asker, Step, Walk, apply

# One prompt's findings: its index in the full walk, the step, what was found in its answer.
Found = tuple[int, Step, list[Finding]]


def known_names(session: Session, libraries: LibrarySet, participants: bool = True, view: SessionView | None = None) -> list[str]:
    """The names typed in the network (people) and, unless not wanted, the participants lists."""
    names: list[str] = []
    for step in (view or SessionView.of(session, libraries)).on("full").steps():
        answer = session.answers.get(step.key)
        if answer is None or not answer.given:
            continue
        for value in [answer.value, *(answer.voices or {}).values()]:
            names += _names_in(step.prompt, value, participants)
    return name_words(names)


def _names_in(prompt: AnyPrompt, value: Any, participants: bool) -> list[str]:
    """The names in a network (who) or, when wanted, a participants list (name)."""
    if isinstance(prompt, PeoplePrompt):
        return [row.who for row in prompt.parse(value)]
    if participants and isinstance(prompt, ParticipantsPrompt):
        return [row.name for row in prompt.parse(value)]
    return []


def privacy_findings(session: Session, libraries: LibrarySet) -> list[Found]:
    """Likely personal data per prompt, and where the names of the network and the participants
    appear in free text (not in the lists where they were typed)."""
    view = SessionView.of(session, libraries).on("full")
    names = known_names(session, libraries, view=view)
    family = known_names(session, libraries, participants=False, view=view)
    found: list[Found] = []
    for index, step in enumerate(view.steps()):
        answer = session.answers.get(step.key)
        # where the professionals name each other by design (a library marked names_exempt: who
        # disagreed, who does what; and the next steps) their names are not pointed out; a
        # family's names (the network) still are
        professionals_named = step.library.role == "names_exempt" or isinstance(step.prompt, ActionsPrompt)
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
