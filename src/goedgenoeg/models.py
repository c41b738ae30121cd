"""Pydantic models of a prompt library and of a reflection session."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

# The values a condition (`when`) may name. The context library asks exactly these.
DECISIONS = ("placement", "measure", "report", "other")
AGE_BANDS = ("unborn", "under-1", "1-3", "3-6", "6-12", "12-18")
REGIONS = ("flanders", "netherlands")
WHO = ("alone", "duo", "team")
LANGS = ("nl", "en")

Decision = Literal["placement", "measure", "report", "other"]
AgeBand = Literal["unborn", "under-1", "1-3", "3-6", "6-12", "12-18"]
Region = Literal["flanders", "netherlands"]
Who = Literal["alone", "duo", "team"]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]

# The fixed answers of reflection and alternative prompts.
REFLECTION_RESPONSES = ("recognise", "not_recognise", "dont_know", "later")
# An alternative is weighed (the first four); at a follow-up it can also have been put in place.
WEIGHED_STATUSES = ("feasible", "not_feasible", "not_considered", "not_applicable")
FOLLOWUP_STATUSES = ("started", "running", "completed")  # ingezet, loopt, afgerond
ALTERNATIVE_STATUSES = WEIGHED_STATUSES + FOLLOWUP_STATUSES
PERSON_FIELDS = ("who", "relation", "meaning", "risk")  # risk: a yes/no flag, the others text
PERSON_FLAGS = ("risk",)  # missing in older sessions: no
ACTION_FIELDS = ("who", "what", "when", "result")
PARTICIPANT_FIELDS = ("name", "organisation", "role", "meeting_role")
CHILD_FIELDS = ("name", "age")  # a child of the case: a pseudonym and an age band
MEETING_ROLES = ("presenter", "chair", "timekeeper", "advocate", "member")
GUIDING_STATUSES = ("answered", "partly", "not_answered")
STEP_DONE = ("done", "partly", "not_done")

# The parts of a walk, in order: SAVE's windows (the people, the facts, the weighing, the next
# steps) with the context before and the closing check after. Every section belongs to one.
PHASES = ("context", "people", "facts", "weighing", "decision", "steps", "close")
Phase = Literal["context", "people", "facts", "weighing", "decision", "steps", "close"]
# The two paths: the short one asks the prompts marked `short: true`; the full one asks all.
PATHS = ("short", "full")
PathName = Literal["short", "full"]
# What a prompt's answer is, for the summary at the top of the dossier record.
SUMMARY_SLOTS = (
    "decision",
    "grounds",
    "facts",
    "interpretations",
    "safety",
    "risks_intervening",
    "risks_not_intervening",
    "change_mind",
    "dissent",
    "plan_b",
    "next_steps",
    "informing",
    "review",
    "consulted",
)
SummarySlot = Literal[
    "decision",
    "grounds",
    "facts",
    "interpretations",
    "safety",
    "risks_intervening",
    "risks_not_intervening",
    "change_mind",
    "dissent",
    "plan_b",
    "next_steps",
    "informing",
    "review",
    "consulted",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built inside Library (issue 15)


class Text(Strict):
    """A text in several languages; Dutch is required."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)] | None = None

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" else None) or self.nl


class When(Strict):
    """A declarative condition: every key given must match; any listed value matches."""

    decision: list[Decision] | None = None
    age: list[AgeBand] | None = None
    region: list[Region] | None = None
    who: list[Who] | None = None

    def matches(self, context: dict[str, Any]) -> bool:
        for key in ("decision", "age", "region", "who"):
            allowed = getattr(self, key)
            value = context.get(key)
            # A context value not yet answered does not hide anything; several values (decisions
            # weighed together, the ages of several children) match when any of them does.
            values = value if isinstance(value, list) else [value]
            if allowed is not None and value is not None and values and not any(v in allowed for v in values):
                return False
        return True


class Option(Strict):
    id: Id
    label: Text


class PromptBase(Strict):
    id: Id
    text: Text
    help: Text
    source: Annotated[str, Field(min_length=1)]
    when: When | None = None
    short: bool = False  # on the short path (every prompt is on the full path)
    dossier: bool = True  # false: the professional's own reflection, left out of the dossier record
    summary: SummarySlot | None = None  # where the answer goes in the record's summary

    # Estimated seconds to answer, per kind (tuned by walking the paths with a stopwatch).
    SECONDS: ClassVar[int] = 60

    def estimate(self) -> int:
        """Estimated seconds one person needs for this prompt."""
        return self.SECONDS


class TextPrompt(PromptBase):
    kind: Literal["text"]
    long: bool = False
    per_person: bool = False  # in a team reflection, every participant answers
    SECONDS: ClassVar[int] = 60

    def estimate(self) -> int:
        return 90 if self.long else self.SECONDS


class ReflectionPrompt(PromptBase):
    kind: Literal["reflection"]
    SECONDS: ClassVar[int] = 25
    counter: Text | None = None
    per_person: bool = False


class ChoicePrompt(PromptBase):
    kind: Literal["choice"]
    SECONDS: ClassVar[int] = 15
    options: Annotated[list[Option], Field(min_length=2)]


class MultiPrompt(PromptBase):
    kind: Literal["multi"]
    SECONDS: ClassVar[int] = 20
    options: Annotated[list[Option], Field(min_length=2)]


class AlternativePrompt(PromptBase):
    kind: Literal["alternative"]
    SECONDS: ClassVar[int] = 40
    description: Text
    fits: Text
    region: Annotated[list[Region], Field(min_length=1)]


class PeoplePrompt(PromptBase):
    kind: Literal["people"]
    SECONDS: ClassVar[int] = 120
    diagram: bool = False  # draw the people as a network diagram in the record


class ChildrenPrompt(PromptBase):
    """The children a decision is about, each by pseudonym and age band (the child's prompts
    are then asked for each child)."""

    kind: Literal["children"]
    SECONDS: ClassVar[int] = 45


class ActionsPrompt(PromptBase):
    kind: Literal["actions"]
    SECONDS: ClassVar[int] = 120


class ParticipantsPrompt(PromptBase):
    """Who takes part in a team reflection, and their meeting role."""

    kind: Literal["participants"]
    SECONDS: ClassVar[int] = 120


class ListPrompt(PromptBase):
    """A repeatable list of short texts (e.g. the guiding questions of a case meeting)."""

    kind: Literal["list"]
    SECONDS: ClassVar[int] = 60


class GuidingPrompt(PromptBase):
    """Go back over the items of a list prompt: answered, partly or not, and where."""

    kind: Literal["guiding"]
    SECONDS: ClassVar[int] = 60
    # a list prompt: its id in the same library, or library.prompt
    of: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$")]


Prompt = Annotated[
    TextPrompt
    | ReflectionPrompt
    | ChoicePrompt
    | MultiPrompt
    | AlternativePrompt
    | PeoplePrompt
    | ChildrenPrompt
    | ActionsPrompt
    | ParticipantsPrompt
    | ListPrompt
    | GuidingPrompt,
    Field(discriminator="kind"),
]


class Section(Strict):
    id: Id
    title: Text
    intro: Text | None = None
    when: When | None = None
    phase: Phase = "weighing"  # the part of the walk it belongs to
    per_child: bool = False  # the child's own prompts: asked for each child of several
    order: int | None = None  # its place within the part (default: the library's order)
    minutes: Annotated[int, Field(gt=0, le=600)] | None = None  # an optional time box
    prompts: Annotated[list[Prompt], Field(min_length=1)]


class Library(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=False)
    id: Id
    version: Annotated[str, Field(min_length=1)]
    order: int = 50
    title: Text
    intro: Text | None = None
    sections: Annotated[list[Section], Field(min_length=1)]


class Source(Strict):
    id: Id
    title: str
    organisation: str
    year: int
    region: Literal["flanders", "netherlands", "both"]
    kind: Literal["primary", "secondary", "tool"]


class Bibliography(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=False)
    sources: list[Source]


# --- sessions -----------------------------------------------------------------

SESSION_FORMAT = 1


class Answer(BaseModel):
    """One prompt's answer. `value` depends on the prompt kind (see answers.py)."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["answered", "skipped", "later"]
    value: Any = None
    voices: dict[str, Any] | None = None  # a team's separate answers, by participant
    at: str = ""


class LibraryStamp(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    sha256: str
    path: str = ""  # the file of a library that is not bundled, to load it again for a record


class PrivacyCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    done: bool = False
    at: str = ""
    kept: list[str] = []  # "prompt key: kind" for findings left in on purpose


class Baseline(BaseModel):
    """The reflection a follow-up starts from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    date: str
    answers: dict[str, Answer] = {}
    steps_done: list[str] = []  # per earlier next step: done, partly, not_done (or "")
    steps_why: list[str] = []  # per earlier next step: why it was done partly or not (or "")


class Session(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int = SESSION_FORMAT
    id: str
    created: str
    updated: str
    tool_version: str
    lang: Literal["nl", "en"] = "nl"
    libraries: dict[str, LibraryStamp] = {}
    answers: dict[str, Answer] = {}
    set_aside: dict[str, Answer] = {}  # answers that no longer fit a prompt, kept not used
    privacy: PrivacyCheck = PrivacyCheck()
    timings: dict[str, float] = {}  # seconds spent per section (library.section)
    last: str = ""  # the prompt asked last (a follow-up resumes there)
    path: PathName | None = None  # None: the short path (for a team: the meeting path)
    followup_of: Baseline | None = None
    # a meeting's starting point: what participants prepared alone, as each one's voice (shown
    # as the default at each question; Enter keeps it)
    prepared: dict[str, Answer] = {}
    prepared_from: list[str] = []  # the ids of those prepared reflections (they belong to this case)
    finished: bool = False
