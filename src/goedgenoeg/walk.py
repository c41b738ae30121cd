"""Navigation through the prompts of a session (the view of it in session_view.py). No I/O here: the asking
side is an `Asker` (the terminal in ask.py, scripted answers in tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .answers import is_open
from .library import CONTEXT_LIBRARY, LibrarySet
from .models import ActionsPrompt, Answer, Baseline, Library, Section, TablePrompt, reading_seconds
from .session import now
from .session_view import SessionView, Step as Step, effective_path as effective_path, ordered_sections as ordered_sections
from .values import ActionRow
from .vocab import CONDITION_KEYS, Action, AnswerStatus, PathName, WalkEnd

if TYPE_CHECKING:
    from .privacy import Finding


# In a case meeting a shared question is also talked over: estimated half as long again.
TEAM_TALK = 1.5


def round_up_to_five(minutes_: int) -> int:
    return -(-minutes_ // 5) * 5


@dataclass(frozen=True)
class _Layout:
    """What positions are worked out from that changes only with the steps and the people."""

    parts: tuple[PartProgress, ...]
    sections: tuple[tuple[int, int], ...]  # each section's first index and number of steps, in order
    seconds: tuple[int, ...]  # each step's estimated seconds
    part_sections: dict[str, tuple[str, ...]]  # phase -> its library.section keys, in order


@dataclass(frozen=True)
class Position:
    """Where a step stands: which part of how many, its place in its section, and the
    estimated seconds still to go (the unanswered prompts of the walk, this one included)."""

    index: int
    total: int
    part_number: int
    part_count: int
    phase: str
    in_section: int
    section_size: int
    seconds_left: int
    part_box: int | None = None  # the part's time box in minutes (every part in a team)
    part_sections: tuple[str, ...] = ()  # library.section keys of the part (for the time spent)


@dataclass(frozen=True)
class PartProgress:
    """One part (phase) of the walk: its steps and the estimated seconds they take."""

    phase: str
    first_index: int
    prompts: int
    seconds: int
    box_minutes: int | None  # the sum of its sections' time boxes, if any has one


@dataclass(frozen=True)
class SectionProgress:
    library: Library
    section: Section
    first_index: int
    answered: int
    total: int


@dataclass(frozen=True)
class Reply:
    """What the asking side returns: an answer, or a navigation command."""

    action: Action
    value: Any = None
    voices: dict[str, Any] | None = None  # a team's separate answers, by participant
    stop: bool = False  # save this answer, then stop (Ctrl-C while typing several lines)
    # a follow-up: what was confirmed as still so ('='): the names of voices, or "*" for the answer
    confirmed: tuple[str, ...] = ()


def minutes(seconds: int) -> int:
    """Estimated seconds as whole minutes, rounded up (1 at the least when there is anything)."""
    return -(-seconds // 60)


class Walk(SessionView):
    """Where each prompt of a session stands while it is walked: the view of the session
    (session_view.py) with the answers of a follow-up's earlier session as defaults, and the
    positions, parts and estimated time of the steps."""

    def __init__(
        self,
        libraries: LibrarySet,
        answers: dict[str, Answer],
        baseline: dict[str, Answer] | None = None,
        path: PathName | None = None,
        people: int | None = None,
    ):
        super().__init__(libraries, answers, path)
        self._people = people  # for a plan: how many take part (else the participants given)
        self.baseline = baseline or {}  # a follow-up's earlier answers, shown as defaults
        self._layouts: tuple[tuple[Any, ...], _Layout] | None = None

    def previous(self, key: str) -> Answer | None:
        return self.answers.get(key) or self.baseline.get(key)

    def people(self) -> int:
        """How many answer each per-person prompt: the participants of a team, else one."""
        if self._people is not None:
            return self._people
        return max(1, len(self.voices()))

    def seconds(self, step: Step) -> int:
        """Estimated seconds for one step: a per-person prompt once for every participant; in a
        team, a shared question is also talked over."""
        return self._seconds(step, self.team(), self.people)

    def _seconds(self, step: Step, team: bool, people: Callable[[], int]) -> int:
        """`seconds`, with whether this is a team worked out once for all the steps summed (it
        reads the context: for every step, that was most of an answer's time; issue 15)."""
        if getattr(step.prompt, "per_person", False):  # read once, answered by each person
            return step.prompt.reading() + step.prompt.answering() * people()
        if team and step.library.id != CONTEXT_LIBRARY:
            return round(step.prompt.estimate() * TEAM_TALK)
        return step.prompt.estimate()

    def context_given(self) -> bool:
        """Whether the questions that decide what is asked have been through (answered or
        skipped): only then is an estimate of the time left worth showing."""
        return all(f"{CONTEXT_LIBRARY}.{key}" in self.answers for key in CONDITION_KEYS)

    def step_seconds(self) -> tuple[int, ...]:
        """Estimated seconds of each step, in walk order, the reading of intros included."""
        return self._layout().seconds

    def total_seconds(self) -> int:
        """Estimated seconds for every prompt of this walk, reading and answering."""
        return sum(self._layout().seconds)

    def seconds_left(self) -> int:
        """Estimated seconds for the prompts of this walk that have no answer yet."""
        steps, layout = self.steps(), self._layout()
        return sum(seconds for step, seconds in zip(steps, layout.seconds, strict=True) if step.key not in self.answers)

    def parts(self) -> list[PartProgress]:
        """The parts (phases) that have prompts, in order, with their estimated seconds and, in a
        case meeting, their time box: the boxes of its sections that have one, plus the estimate
        for the rest, rounded up to five minutes."""
        return list(self._layout().parts)

    def _layout(self) -> _Layout:
        """The parts, sections and seconds of the steps, worked out once for the same steps and
        people: a position is asked for at every answer, and working them out anew each time
        was most of an answer's time (issue 15)."""
        steps = self.steps()
        team, people = self.team(), self.people()
        key = (self._steps[0] if self._steps is not None else None, team, people)
        if self._layouts is not None and self._layouts[0] == key:
            return self._layouts[1]
        seconds = [self._seconds(step, team, lambda: people) for step in steps]
        # what is read once: a library's intro and a section's title and intro, at their first
        # step; the alternatives a table prompt offers, at that prompt
        for index, step in enumerate(steps):
            before = steps[index - 1] if index else None
            if before is None or step.library is not before.library:
                seconds[index] += reading_seconds(step.library.intro)
            if before is None or step.section is not before.section:
                seconds[index] += reading_seconds(step.section.title, step.section.intro)
            if isinstance(step.prompt, TablePrompt):
                seconds[index] += reading_seconds(*(s.prompt.text for s in self.offered()))
        rows: list[PartProgress] = []
        boxes: dict[str, dict[int, int]] = {}  # phase -> id(section) -> its time box
        unboxed: dict[str, int] = {}  # phase -> estimated seconds of the steps without a box
        sections: list[tuple[int, int]] = []
        part_sections: dict[str, dict[str, None]] = {}
        for index, (step, time) in enumerate(zip(steps, seconds, strict=True)):
            phase = step.section.phase
            part_sections.setdefault(phase, {})[f"{step.library.id}.{step.section.id}"] = None
            if step.section.minutes:
                boxes.setdefault(phase, {})[id(step.section)] = step.section.minutes
            else:
                unboxed[phase] = unboxed.get(phase, 0) + time
            if rows and rows[-1].phase == phase:
                last = rows[-1]
                rows[-1] = PartProgress(phase, last.first_index, last.prompts + 1, last.seconds + time, None)
            else:
                rows.append(PartProgress(phase, index, 1, time, None))
            if index and step.section is steps[index - 1].section:
                sections[-1] = (sections[-1][0], sections[-1][1] + 1)
            else:
                sections.append((index, 1))

        def box(phase: str) -> int | None:
            if not team:  # time boxes belong to a case meeting
                return None
            return round_up_to_five(sum(boxes.get(phase, {}).values()) + minutes(unboxed.get(phase, 0)))

        parts = tuple(PartProgress(r.phase, r.first_index, r.prompts, r.seconds, box(r.phase)) for r in rows)
        layout = _Layout(parts, tuple(sections), tuple(seconds), {k: tuple(v) for k, v in part_sections.items()})
        self._layouts = (key, layout)
        return layout

    def part_at(self, index: int) -> PartProgress:
        return next(p for p in reversed(self.parts()) if p.first_index <= index)

    def sections(self) -> list[SectionProgress]:
        rows: list[SectionProgress] = []
        for index, step in enumerate(self.steps()):
            done = 0 if is_open(step.prompt, self.answers.get(step.key)) else 1
            if rows and rows[-1].section is step.section:
                last = rows[-1]
                rows[-1] = SectionProgress(last.library, last.section, last.first_index, last.answered + done, last.total + 1)
            else:
                rows.append(SectionProgress(step.library, step.section, index, done, 1))
        return rows

    def position(self, index: int) -> Position:
        steps = self.steps()
        layout = self._layout()
        first, size = next(section for section in reversed(layout.sections) if section[0] <= index)
        part = max(n for n, p in enumerate(layout.parts) if p.first_index <= index)
        phase = layout.parts[part].phase
        return Position(
            index,
            len(steps),
            part + 1,
            len(layout.parts),
            phase,
            index - first + 1,
            size,
            self.seconds_left() if self.context_given() else 0,
            layout.parts[part].box_minutes,
            layout.part_sections[phase],
        )

    def first_open(self) -> int | None:
        for index, step in enumerate(self.steps()):
            answer = self.answers.get(step.key)
            if answer is None:
                return index
        return None


def earlier_steps(baseline: Baseline, libraries: LibrarySet) -> list[ActionRow]:
    """The next steps (actions prompts) of the reflection a follow-up starts from."""
    rows: list[ActionRow] = []
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            for prompt in section.prompts:
                answer = baseline.answers.get(f"{loaded.library.id}.{prompt.id}")
                if isinstance(prompt, ActionsPrompt) and answer is not None and answer.given and answer.value:
                    rows += prompt.parse(answer.value)
    return rows


class Running(Protocol):
    """What an asker may use of the reflection it asks for (reflection.Reflection): its walk,
    whether it is a follow-up, keeping an answer at once, and the time spent."""

    walk: Walk

    @property
    def followup(self) -> bool: ...

    def keep(self, step: Step, value: Any) -> None: ...

    def keep_draft(self, step: Step, value: Any) -> None: ...

    def spent(self, step: Step, seconds: float) -> None: ...

    def seconds_in(self, sections: tuple[str, ...]) -> float: ...


class Asker(Protocol):
    """Everything a reflection asks of its asking side (the terminal in ask.py, scripted answers
    in tests). A walk that starts tells it of itself first (`begin`)."""

    def begin(self, reflection: Running) -> None:
        """The reflection about to be walked: its walk (participants, children, list items),
        whether it is a follow-up, `keep` (save an answer before asking about personal data found
        in it) and `spent` (time on a question)."""
        ...

    def ask(self, step: Step, position: Position, previous: Answer | None) -> Reply:
        """One prompt: an answer, or a navigation command."""
        ...

    def overview(self, sections: list[SectionProgress]) -> int | None:
        """The parts and how far each is: the index of the prompt to go to, or None (go on)."""
        ...

    def review(self, open_points: list[tuple[int, Step]], answers: dict[str, Answer]) -> int | None:
        """The open points at the end: the index of one to answer, or None (done)."""
        ...

    def offer_full(self, prompts: int, minutes: int) -> bool:
        """At the end of the short path: go on with the full path?"""
        ...

    def privacy_review(self, findings: list[tuple[int, Step, list[Finding]]]) -> int | None:
        """Likely personal data over the whole session: the index of the prompt to change, or
        None (keep what is there)."""
        ...

    def steps_done(self, rows: list[ActionRow]) -> tuple[list[str], list[str], list[str]]:
        """A follow-up: for each earlier next step, whether it was done (done, partly, not_done
        or ""), why not, and what it produced; three empty lists if this asker does not ask it."""
        ...

    def save_failed(self, err: OSError) -> bool:
        """Saving failed: try again (True) or stop (False)."""
        ...

    def notice(self, text: str) -> None:
        """Something the reflection says between questions (at a follow-up: who left), in the
        asker's language already."""
        ...


def apply(walk: Walk, step: Step, reply: Reply, save: Callable[[], None]) -> bool:
    """Store an answer, a skip or a 'later' and save; False for navigation replies."""
    if reply.action == "answer":
        given = Answer(status="answered", value=reply.value, voices=reply.voices, at=now())
        walk.answers[step.key] = still_carried(walk.previous(step.key), given, reply.confirmed)
    elif reply.action in ("skip", "later"):
        earlier = walk.previous(step.key)  # one's own, a colleague's preparation, or last time's
        if earlier is not None and earlier.given:
            # passing or marking for later never deletes a given answer: '>' keeps it as it is,
            # 'later' keeps it and marks it open (issue 22)
            status: AnswerStatus = earlier.status if reply.action == "skip" else "later"
            walk.answers[step.key] = earlier.model_copy(update={"status": status, "at": now()})
        else:
            walk.answers[step.key] = Answer(status="skipped" if reply.action == "skip" else "later", at=now())
    else:
        return False
    save()
    return True


def still_carried(earlier: Answer | None, given: Answer, confirmed: tuple[str, ...]) -> Answer:
    """A follow-up's answer given again as it was, and not confirmed ('='), stays marked as
    carried over: for a team, each voice that is the same as before and not confirmed."""
    if earlier is None or not earlier.carried:
        return given
    if given.voices:
        old = earlier.voices or {}
        was = set(earlier.carried_voices or old)
        same = [n for n, v in given.voices.items() if n in was and old.get(n) == v and n not in confirmed]
        return given.model_copy(update={"carried": earlier.carried if same else "", "carried_voices": same})
    if given.value == earlier.value and not earlier.voices and "*" not in confirmed:
        return given.model_copy(update={"carried": earlier.carried})
    return given


def next_open_in_section(walk: Walk, index: int) -> int:
    """After a prompt opened from the review: the next open prompt of the same part, or the
    review again (an index past the end)."""
    steps = walk.steps()
    for later, step in walk.open_points():
        if later > index and step.section is steps[index].section:
            return later
    return len(steps)


def run(
    walk: Walk,
    asker: Asker,
    save: Callable[[], None],
    start: int = 0,
    revisit: bool = False,
    visit: Callable[[Step], None] | None = None,
) -> WalkEnd:
    """Walk the prompts from `start` until the asker finishes the review ("done") or stops
    ("stopped"). `save` is called after every change, before the next prompt appears. Going
    forward passes over answers given before this walk, unless `revisit` (a follow-up goes
    over every earlier answer again); `visit` hears of every prompt asked."""
    index = start
    from_review = False  # a prompt opened from the review returns to the review
    offered = False  # the full path is offered once, at the end of the short path
    asked: set[str] = set()

    def forward(i: int, steps: list[Step]) -> int:
        """The next prompt: answers given before this walk (a resumed session, a pre-filled
        context) are passed over when going forward; '<' and the overview still reach them."""
        i += 1
        while not revisit and i < len(steps) and steps[i].key in walk.answers and steps[i].key not in asked:
            i += 1
        return i

    while True:
        steps = walk.steps()
        if index >= len(steps) and walk.path == "short" and not offered and not walk.team():  # a meeting ends with it
            offered = True
            more = Walk(walk.libraries, walk.answers, path="full")
            extra = [s for s in more.steps() if s.key not in walk.answers]
            if extra and asker.offer_full(len(extra), minutes(sum(more.seconds(s) for s in extra))):
                walk.path_choice = "full"
                save()  # the choice of path is part of the session
                asked.clear()  # going forward passes over everything answered on the short path
                first = walk.first_open()
                index = len(walk.steps()) if first is None else first
                continue
        if index >= len(steps):
            target = asker.review(walk.open_points(), walk.answers)
            if target is None:
                return "done"
            index, from_review = target, True
            continue
        step = steps[index]
        asked.add(step.key)
        if visit is not None:
            visit(step)
        reply = asker.ask(step, walk.position(index), walk.previous(step.key))
        if apply(walk, step, reply, save):
            if reply.stop:
                return "stopped"
            index = next_open_in_section(walk, index) if from_review else forward(index, walk.steps())
        elif reply.action == "back":
            index = max(0, index - 1)
        elif reply.action == "overview":
            target = asker.overview(walk.sections())
            if target is not None:
                index, from_review = target, False
        elif reply.action == "stop":
            return "stopped"
        else:  # pragma: no cover - a programming error in an asker
            raise ValueError(f"unknown reply {reply.action}")
