"""A scripted asker: drives the walk without a terminal."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from goedgenoeg.library import LibrarySet
from goedgenoeg.models import Answer, Session
from goedgenoeg.privacy import Finding
from goedgenoeg.values import ActionRow
from goedgenoeg.walk import Asker, Position, Reply, Running, SectionProgress, Step


class ScriptedAsker(Asker):
    """Answers from a dict of prompt key -> value; a key mapped to a list of Replies plays
    those replies in turn (for back, skip, later, overview, stop). Unknown prompts: skip.
    It names the Asker protocol it implements, so mypy (`make typecheck`) checks that it
    does all a reflection asks of an asker."""

    def __init__(
        self,
        answers: dict[str, Any] | None = None,
        script: dict[str, list[Reply]] | None = None,
        review: list[int] | None = None,
        overview: list[int] | None = None,
        full: bool = False,
    ):
        self.answers = dict(answers or {})
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.review_choices = list(review or [])
        self.overview_choices = list(overview or [])
        self.asked: list[str] = []  # keys in the order they were asked
        self.previous: dict[str, Answer | None] = {}  # key -> previous Answer shown when asked
        self.full = full  # accept the offer of the full path at the end of the short one
        self.notices: list[str] = []  # what the reflection said between questions
        self.offers: list[tuple[int, int]] = []  # (prompts, minutes) of every offer made
        self.reflection: Running | None = None
        self.sections_seen: list[SectionProgress] = []
        self.open_seen: list[str] = []
        self.privacy_seen: list[tuple[str, list[str]]] = []

    def begin(self, reflection: Running) -> None:
        self.reflection = reflection

    def ask(self, step: Step, position: Position, previous: Answer | None) -> Reply:
        self.asked.append(step.key)
        self.previous[step.key] = previous
        queue = self.script.get(step.key)
        if queue:
            return queue.pop(0)
        if step.key in self.answers:
            return Reply("answer", self.answers[step.key])
        return Reply("skip")

    def overview(self, sections: list[SectionProgress]) -> int | None:
        self.sections_seen = sections
        return self.overview_choices.pop(0) if self.overview_choices else None

    def review(self, open_points: list[tuple[int, Step]], answers: dict[str, Answer]) -> int | None:
        self.open_seen = [s.key for _, s in open_points]
        return self.review_choices.pop(0) if self.review_choices else None

    def offer_full(self, prompts: int, minutes: int) -> bool:
        self.offers.append((prompts, minutes))
        return self.full

    def privacy_review(self, findings: list[tuple[int, Step, list[Finding]]]) -> int | None:
        self.privacy_seen = [(s.key, [f.kind for f in hits]) for _, s, hits in findings]
        return None

    def steps_done(self, rows: list[ActionRow]) -> tuple[list[str], list[str], list[str]]:
        return [], [], []  # not asked: a scripted follow-up keeps every earlier step

    def save_failed(self, err: OSError) -> bool:
        return False  # stop: the earlier answers are on disk

    def notice(self, text: str) -> None:
        self.notices.append(text)


CONTEXT_FLANDERS_BABY = {
    "context.case": "GG-001",
    "context.decision": "placement",
    "context.age": "under-1",
    "context.region": "flanders",
    "context.who": "alone",
    "context.role": "consulent",
}

# mypy checks here that the scripted asker does everything a reflection asks of an asker
# (an abstract method left out of ScriptedAsker fails `make typecheck`)
_AN_ASKER: Asker = ScriptedAsker()


def latest_session_id(runner: CliRunner) -> str:
    """The id of the most recently updated session, as `sessions --json` gives it to scripts."""
    import json

    from goedgenoeg.cli import app

    return str(json.loads(runner.invoke(app, ["sessions", "--json"]).stdout)["sessions"][0]["id"])


def team_session(libraries: LibrarySet, **answers: object) -> Session:
    """A Dutch team weighing a measure for a child of 6-12, with these answers (key: value)."""
    from goedgenoeg.session import new_session

    session = new_session(libraries, "nl")
    context = dict(decision=["measure"], age="6-12", region="netherlands", who="team")
    session.answers.update({f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()})
    session.answers.update({k: Answer(status="answered", value=v) for k, v in answers.items()})
    return session
