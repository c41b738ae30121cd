"""What a reflection will ask, before it starts: its parts, their prompts and estimated minutes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

from .library import CONTEXT_LIBRARY, LibrarySet
from .models import Answer, TablePrompt
from .texts import t
from .vocab import PathName
from .walk import Walk, effective_path, minutes


class PromptJson(TypedDict, total=False):
    id: str  # library.prompt
    kind: str
    seconds: int  # reading and answering, as the plan counts it (a per-person prompt for everyone)
    per_person: bool
    offers: list[str]  # a prompt that chooses which prompts follow: the ones it offers


class PartJson(TypedDict):
    phase: str
    title: str
    prompts: list[PromptJson]
    minutes: int
    box: int | None


class PlanJson(TypedDict):
    """What `preview --json` prints."""

    path: str
    prompts: int
    voices: int
    minutes: int
    parts: list[PartJson]


@dataclass(frozen=True)
class PromptPlan:
    key: str
    kind: str
    seconds: int
    per_person: bool
    offers: tuple[str, ...] = ()

    def as_json(self) -> PromptJson:
        row: PromptJson = {"id": self.key, "kind": self.kind, "seconds": self.seconds, "per_person": self.per_person}
        if self.offers:
            row["offers"] = list(self.offers)
        return row


@dataclass(frozen=True)
class PartPlan:
    phase: str
    title: str
    prompts: int
    minutes: int
    box: int | None  # a team's time box for the part: the sum of its sections' boxes
    asked: tuple[PromptPlan, ...] = ()  # its prompts, in walk order


@dataclass(frozen=True)
class Plan:
    path: str
    prompts: int
    minutes: int
    parts: list[PartPlan]
    voices: int = 0  # a team's answers to the per-person prompts: one per person each
    per_person: int = 0  # the prompts each person answers

    def as_json(self) -> PlanJson:
        return {
            "path": self.path,
            "prompts": self.prompts,
            "voices": self.voices,
            "minutes": self.minutes,
            "parts": [
                {
                    "phase": p.phase,
                    "title": p.title,
                    "prompts": [a.as_json() for a in p.asked],
                    "minutes": p.minutes,
                    "box": p.box,
                }
                for p in self.parts
            ],
        }


def plan(
    libraries: LibrarySet, context: Mapping[str, str | list[str]], path: PathName | None, lang: str, people: int = 1
) -> Plan:
    """The prompts a walk with this context asks (the context prompts included: they are still
    asked), grouped by part. A per-person prompt counts once for each of `people`. A context
    value is a word, or a list of them where several can be given (decision)."""
    answers = {f"{CONTEXT_LIBRARY}.{k}": Answer(status="answered", value=v) for k, v in context.items()}
    walk = Walk(libraries, answers, path=path, people=people)
    steps = walk.steps()
    seconds = walk.step_seconds()
    offered = tuple(s.key for s in walk.offered())
    asked = [
        PromptPlan(
            step.key,
            step.prompt.kind,
            time,
            bool(getattr(step.prompt, "per_person", False)),
            offered if isinstance(step.prompt, TablePrompt) else (),
        )
        for step, time in zip(steps, seconds, strict=True)
    ]
    parts = [
        PartPlan(
            part.phase,
            t(lang, f"part_{part.phase}"),
            part.prompts,
            minutes(part.seconds),
            part.box_minutes,
            tuple(asked[part.first_index : part.first_index + part.prompts]),
        )
        for part in walk.parts()
    ]
    own = [s for s in steps if getattr(s.prompt, "per_person", False)] if walk.team() else []
    return Plan(effective_path(path), len(steps), minutes(walk.total_seconds()), parts, len(own) * people, len(own))


def lines(result: Plan, lang: str, team: bool) -> list[str]:
    """The plan as plain lines for the terminal."""
    if team and result.path == "short":
        boxes = sum(p.box or 0 for p in result.parts)
        head = t(lang, "preview_meeting", n=result.prompts, m=result.minutes, b=boxes, k=result.per_person, v=result.voices)
    else:
        head = t(lang, f"preview_{result.path}", n=result.prompts, m=result.minutes)
    out = [head, ""]
    width = max(len(p.title) for p in result.parts) if result.parts else 0
    for n, part in enumerate(result.parts, 1):
        count = t(lang, "preview_prompt" if part.prompts == 1 else "preview_prompts", n=f"{part.prompts:>2}")
        row = f"{n:>2}. {part.title:<{width}}  {count:<9}  ± {part.minutes:>3} min"
        if team:
            row += "  " + (t(lang, "preview_box", m=part.box) if part.box else t(lang, "preview_no_box"))
        out.append(row)
    return out
