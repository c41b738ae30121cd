"""What the overview counts of one session (`Facts`, made by `facts_of`): which decisions it
weighs and how they stand, whether a dissent is recorded, what became of each alternative and
each earlier step, which critical notes were left for later, which perspectives stayed open.
Only ids, keys and statuses, never an answer's free text. The index of a sessions folder
(index.py) keeps them per file as JSON, and the overview (overview.py) counts them per case:
both import them from here, and neither imports the other for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from .answers import is_open
from .library import LibrarySet
from .models import ALTERNATIVE_STATUSES, DECISIONS, AlternativePrompt, Answer, Session
from .session_view import SessionView

if TYPE_CHECKING:
    from .models import Prompt

NOT_ANSWERED = "not_answered"  # an alternative without a status (and, in the overview, a decision without a stand)
# a team whose voices differ: the case counts once, under the status furthest along
STATUS_PRIORITY = (
    "completed",
    "running",
    "started",
    "feasible",
    "feasible_not_needed",
    "not_feasible",
    "not_applicable",
    "not_considered",
)
# Dissent is a team's: who disagreed with the decision (alone or as a duo, 'who was consulted and
# who argued the other side' is not a dissent with the decision). The prompts are found by their
# role: agreement (each person: do you stand behind the decision?) and dissent (who disagreed).
DISAGREE = ("partly", "no")


def _values(answer: Answer | None) -> list[object]:
    """The answer's value, or each voice of a team answer; nothing when not given."""
    if answer is None or not answer.given:
        return []
    return list(answer.voices.values()) if answer.voices else [answer.value]


def _decisions(answer: Answer | None) -> list[str]:
    """The decisions a case weighs: a list (several at once), or one from before that was a choice."""
    if answer is None or not answer.given:
        return []
    found: list[str] = []
    for value in _values(answer):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item not in found:
                found.append(item)
    return found


def _single(answer: Answer | None) -> str | None:
    """A choice's value; for a team, the value its voices agree on (else None)."""
    values = {v for v in _values(answer) if isinstance(v, str)}
    return values.pop() if len(values) == 1 else None


def _statuses(answer: Answer | None) -> set[str]:
    """The statuses an alternative got in one session, from every voice."""
    found = {v.get("status") for v in _values(answer) if isinstance(v, dict)}
    return {status for status in ALTERNATIVE_STATUSES if status in found}


def _latest_status(answer: Answer | None) -> str:
    statuses = _statuses(answer)
    return next((s for s in STATUS_PRIORITY if s in statuses), NOT_ANSWERED)


def _left_for_later(prompt: Prompt, answer: Answer | None) -> bool:
    if answer is None:
        return False
    if answer.status in ("later", "skipped"):
        return True
    return any(prompt.says_later(v) for v in _values(answer))


def _dissent(session: Session, libraries: LibrarySet) -> bool:
    """A dissent is recorded: someone in the meeting did not (wholly) stand behind the decision
    (the agreement prompt: yes, partly or no, each person's own). Only a session from before that
    question counts the text of who disagreed (the dissent prompt) instead."""
    agreed = [v for key in libraries.prompt_keys("agreement") for v in _values(session.answers.get(key))]
    if agreed:
        return any(v in DISAGREE for v in agreed)
    dissent = libraries.prompt_keys("dissent")
    return any(any(isinstance(v, str) and v.strip() for v in _values(session.answers.get(k))) for k in dissent)


def _case_ref(session: Session) -> str | None:
    value = _single(session.answers.get("context.case"))
    return value.strip() if value and value.strip() else None


class Facts(BaseModel):
    """What the overview counts of one session, its answers fitted to the libraries: small, and
    kept in the index of a sessions folder (index.py), so a folder of 2,000 sessions is not read
    and walked again for every overview. Never an answer's free text: ids, keys and statuses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    created: str
    updated: str
    case: str | None = None
    followup_of: str | None = None  # the id of the session it follows up
    prepared_from: list[str] = []
    steps_done: list[str] = []  # a follow-up: what became of each earlier step
    decisions: list[str] = []
    stand: str | None = None
    dissent: bool = False
    ever: dict[str, list[str]] = {}  # alternative key -> its statuses here and in the session it follows up
    # the prompts that apply to it, for when it is the latest of its case
    alternatives: list[tuple[str, str]] = []  # alternative key -> its status now
    later: list[str] = []  # kanttekeningen left for later or skipped
    perspectives: list[tuple[str, str, bool]] = []  # (section id, prompt key, still open)


def facts_of(session: Session, libraries: LibrarySet, view: SessionView | None = None) -> Facts:
    """The facts of a session whose answers are already fitted to `libraries`."""
    ever: dict[str, list[str]] = {}
    alternatives: list[tuple[str, str]] = []
    later: list[str] = []
    perspectives: list[tuple[str, str, bool]] = []
    for step in (view or SessionView.of(session, libraries)).steps():
        key, prompt = step.key, step.prompt
        answer = session.answers.get(key)
        if isinstance(prompt, AlternativePrompt):
            alternatives.append((key, _latest_status(answer)))
        if step.library.role == "margin_notes" and _left_for_later(prompt, answer):
            later.append(key)
        if step.section.role == "perspective":
            perspectives.append((step.section.id, key, is_open(prompt, answer)))
    earlier = [session.answers] + ([session.followup_of.answers] if session.followup_of else [])
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            for prompt in section.prompts:
                if isinstance(prompt, AlternativePrompt):
                    key = f"{loaded.library.id}.{prompt.id}"
                    statuses = set().union(*(_statuses(answers.get(key)) for answers in earlier))
                    if statuses:
                        ever[key] = [s for s in ALTERNATIVE_STATUSES if s in statuses]
    return Facts(
        id=session.id,
        created=session.created,
        updated=session.updated,
        case=_case_ref(session),
        followup_of=session.followup_of.id if session.followup_of else None,
        prepared_from=list(session.prepared_from),
        steps_done=list(session.followup_of.steps_done) if session.followup_of else [],
        decisions=[d for d in _decisions(session.answers.get("context.decision")) if d in DECISIONS],
        stand=next((_single(session.answers.get(k)) for k in libraries.prompt_keys("decision_status")), None),
        dissent=_dissent(session, libraries),
        ever=ever,
        alternatives=alternatives,
        later=later,
        perspectives=perspectives,
    )
