"""Pydantic models of a prompt library and of a reflection session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from .texts import t
from .values import (
    ActionRow,
    AlternativeValue,
    AnswerError,
    ChildRow,
    ChoiceNote,
    GuidingRow,
    ParticipantRow,
    PersonRow,
    ReflectionValue,
    check_actions,
    check_alternative,
    check_children,
    check_guiding,
    check_participants,
    check_people,
    check_reflection,
    one_of,
    stored_pair,
    stored_rows,
    text,
    to_json,
)

# the fixed words, importable from here as they always were (explicit re-exports)
from .vocab import (
    AGE_BANDS as AGE_BANDS,
    ALTERNATIVE_STATUSES as ALTERNATIVE_STATUSES,
    CONDITION_KEYS as CONDITION_KEYS,
    DECISIONS as DECISIONS,
    FOLLOWUP_STATUSES as FOLLOWUP_STATUSES,
    GUIDING_STATUSES as GUIDING_STATUSES,
    LANGS as LANGS,
    MEETING_ROLES as MEETING_ROLES,
    PATHS as PATHS,
    PHASES as PHASES,
    REFLECTION_RESPONSES as REFLECTION_RESPONSES,
    REGIONS as REGIONS,
    STEP_DONE as STEP_DONE,
    SUMMARY_SLOTS as SUMMARY_SLOTS,
    WEIGHED_STATUSES as WEIGHED_STATUSES,
    WHO as WHO,
    AgeBand as AgeBand,
    AnswerStatus as AnswerStatus,
    Decision as Decision,
    Lang as Lang,
    LibraryRole as LibraryRole,
    PathName as PathName,
    Phase as Phase,
    PromptRole as PromptRole,
    Region as Region,
    SectionRole as SectionRole,
    SummarySlot as SummarySlot,
    Who as Who,
)

if TYPE_CHECKING:  # the record's document is imported when a record is built, not before the first question
    from .document import Block

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]


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
        for key in CONDITION_KEYS:
            allowed = getattr(self, key)
            value = context.get(key)
            # A context value not yet answered does not hide anything; several values (decisions
            # weighed together, the ages of several children) match when any of them does.
            values = value if isinstance(value, list) else [value]
            if allowed is not None and value is not None and values and not any(v in allowed for v in values):
                return False
        return True


def _every_decision_in(when: When, context: dict[str, Any]) -> bool:
    """For a short-path condition: every decision weighed is one it names (a condition on the
    decision holds for that decision's own short path, not when others are weighed with it,
    which would take the short path past 30 minutes)."""
    decisions = context.get("decision")
    if when.decision is None or decisions is None:
        return True
    return all(d in when.decision for d in (decisions if isinstance(decisions, list) else [decisions]))


class Option(Strict):
    id: Id
    label: Text


# --- the prompt kinds -------------------------------------------------------------------------
# Each kind is one class: its fields (what a library author writes), and what its answer is:
# `check` turns loose input into the typed value (or raises AnswerError), `parse` reads a stored
# value (values.py says where JSON becomes typed), and `describe`, `free_texts`, `is_open_value`
# and `blocks` (its part of the record document) work on a stored value. Asking it in the
# terminal is one function in questions.py's `ASKERS`. A new kind: one class here, one asking function.


READ_WPM = 180  # words a minute a tired professional reads on a screen


def reading_seconds(*texts: Text | None) -> int:
    """Seconds to read these texts (their Dutch words) at READ_WPM."""
    words = sum(len(text.nl.split()) for text in texts if text is not None)
    return round(words * 60 / READ_WPM)


class PromptBase(Strict):
    id: Id
    text: Text
    help: Text
    source: Annotated[str, Field(min_length=1)]
    when: When | None = None
    # on the short path (every prompt is on the full path); "alone": only when it is the one
    # decision weighed (a report's own framework steps, when a placement or measure is weighed too);
    # a list of conditions: only in a context one of them matches (haast for a child over three,
    # where the 1000-days note takes its place for a younger one); a condition on the decision
    # holds only when every decision weighed is one it names
    short: bool | Literal["alone"] | list[When] = False
    dossier: bool = True  # false: the professional's own reflection, left out of the dossier record
    summary: SummarySlot | None = None  # where the answer goes in the record's summary
    role: PromptRole | None = None  # what the tool itself does with it (vocab.PromptRole)
    # estimated seconds, where the kind's estimate does not fit (a case code is no 60-second text)
    seconds: Annotated[int, Field(ge=5, le=600)] | None = None

    # Estimated seconds to answer, per kind (tuned by walking the paths with a stopwatch).
    SECONDS: ClassVar[int] = 60
    # Asked once for a whole team, never per participant.
    TEAM_WIDE: ClassVar[bool] = False

    def estimate(self) -> int:
        """Estimated seconds a tired person needs for this prompt: reading every word it shows
        (READ_WPM words a minute), then answering (its own `seconds`, else its kind's)."""
        return self.reading() + self.answering()

    def answering(self) -> int:
        """Seconds to answer, once read."""
        return self.seconds if self.seconds is not None else self.kind_seconds()

    def reading(self) -> int:
        """Seconds to read what the prompt shows (in Dutch, the default and the longer)."""
        return reading_seconds(*self.shown())

    def shown(self) -> list[Text]:
        """The texts a prompt shows on the screen with its question."""
        return [self.text]

    def kind_seconds(self) -> int:
        """The estimate of a prompt of this kind."""
        return self.SECONDS

    def applies(self, context: dict[str, Any]) -> bool:
        """Whether the prompt is asked in this context."""
        return self.when is None or self.when.matches(context)

    def on_short_path(self, context: dict[str, Any]) -> bool:
        """Whether the short path asks it in this context (`short: alone`: not when several
        decisions are weighed together, which would take the short path past 30 minutes)."""
        if self.short == "alone":
            decisions = context.get("decision")
            return not (isinstance(decisions, list) and len(decisions) > 1)
        if isinstance(self.short, list):
            return any(when.matches(context) and _every_decision_in(when, context) for when in self.short)
        return self.short is True

    def check(self, raw: Any) -> object:
        """The typed value of loose input (an answers file, an old session), or AnswerError."""
        raise NotImplementedError  # pragma: no cover - every kind has its own

    def parse(self, raw: Any) -> object:
        """A stored value as the typed value (not checked again)."""
        return raw

    def normalise(self, raw: Any) -> Any:
        """The canonical stored form of loose input, or AnswerError."""
        return to_json(self.check(raw))

    def describe(self, raw: Any, lang: str) -> str:
        """A stored value as one readable line (for 'previous answer' and the record)."""
        return str(raw)  # pragma: no cover - every kind has its own

    def free_texts(self, raw: Any) -> list[str]:
        """Every piece of free text in a stored value (for the privacy check)."""
        return []

    def is_open_value(self, raw: Any) -> bool:
        """Whether the value itself still asks for attention ('later', 'not considered')."""
        return False

    def says_later(self, raw: Any) -> bool:
        """Whether the value leaves the question for later."""
        return False

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        """The value's part of the record document."""
        from .document import Paragraph

        return [Paragraph(self.describe(raw, lang))]


class TextPrompt(PromptBase):
    kind: Literal["text"]
    long: bool = False
    per_person: bool = False  # in a team reflection, every participant answers
    SECONDS: ClassVar[int] = 75  # a tired person's one to three sentences

    def kind_seconds(self) -> int:
        return 120 if self.long else self.SECONDS

    def check(self, raw: Any) -> str:
        value = text(raw)
        if not value:
            raise AnswerError("ans_empty")
        return value

    def parse(self, raw: Any) -> str:
        return str(raw)

    def describe(self, raw: Any, lang: str) -> str:
        return self.parse(raw)

    def free_texts(self, raw: Any) -> list[str]:
        return [self.parse(raw)]


def _note_line(label: str, note: str) -> str:
    return f"{label}: {note}" if note else label


class ReflectionPrompt(PromptBase):
    kind: Literal["reflection"]
    SECONDS: ClassVar[int] = 20  # a choice, and now and then a short note
    counter: Text | None = None
    per_person: bool = False

    def shown(self) -> list[Text]:
        return [self.text, *([self.counter] if self.counter is not None else [])]

    def check(self, raw: Any) -> ReflectionValue:
        return check_reflection(raw)

    def parse(self, raw: Any) -> ReflectionValue:
        return stored_pair(ReflectionValue, "response", raw)

    def describe(self, raw: Any, lang: str) -> str:
        value = self.parse(raw)
        return _note_line(t(lang, value.response), value.note)

    def free_texts(self, raw: Any) -> list[str]:
        note = self.parse(raw).note
        return [note] if note else []

    def is_open_value(self, raw: Any) -> bool:
        return self.says_later(raw)

    def says_later(self, raw: Any) -> bool:
        return self.parse(raw).response == "later"

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import Paragraph

        value = self.parse(raw)
        blocks: list[Block] = [Paragraph(t(lang, value.response), "em")]
        return blocks + ([Paragraph(value.note)] if value.note else [])


def _describe_options(options: list[Option], raw: Any, lang: str) -> str:
    labels = {o.id: o.label.get(lang) for o in options}
    chosen = [raw] if isinstance(raw, str) else raw  # a single choice (or one kept from before)
    return "; ".join(labels.get(c, c) for c in chosen) or "-"


class ChoicePrompt(PromptBase):
    kind: Literal["choice"]
    SECONDS: ClassVar[int] = 8  # a number, once the options are read
    options: Annotated[list[Option], Field(min_length=2)]
    # the label of an optional note after the choice: the answer is then a ChoiceNote
    note: Text | None = None

    def kind_seconds(self) -> int:
        return self.SECONDS + (20 if self.note is not None else 0)  # now and then a few words

    per_person: bool = False  # in a team reflection, every participant chooses

    def shown(self) -> list[Text]:
        return [self.text, *(o.label for o in self.options)]

    def check(self, raw: Any) -> str | ChoiceNote:
        ids = tuple(o.id for o in self.options)
        if self.note is None:
            return one_of(raw, ids, "ans_choice")
        if isinstance(raw, dict) and set(raw) <= {"choice", "note"}:
            return ChoiceNote(one_of(raw.get("choice"), ids, "ans_choice"), text(raw.get("note")))
        if isinstance(raw, str) and raw.strip():
            # an option's id, or written out instead of chosen (an answers file, or a session from
            # when this was a text question): stored as it is, read as the choice or as the note
            return raw.strip()
        return ChoiceNote(one_of(raw, ids, "ans_choice"))

    def parse(self, raw: Any) -> str | ChoiceNote:
        """A choice with its note (a dict), or as stored: an option's id, or an answer written out."""
        if isinstance(raw, dict):
            return ChoiceNote(str(raw.get("choice", "")), str(raw.get("note") or ""))
        return str(raw)

    def written_out(self, value: str | ChoiceNote) -> str:
        """The answer's own words when it was written out instead of chosen (else "")."""
        if isinstance(value, ChoiceNote):
            return value.note
        return value if self.note is not None and value not in {o.id for o in self.options} else ""

    def describe(self, raw: Any, lang: str) -> str:
        value = self.parse(raw)
        if isinstance(value, ChoiceNote):
            if not value.choice:
                return value.note
            return _note_line(_describe_options(self.options, value.choice, lang), value.note)
        return self.written_out(value) or _describe_options(self.options, value, lang)

    def free_texts(self, raw: Any) -> list[str]:
        text = self.written_out(self.parse(raw))
        return [text] if text else []


class MultiPrompt(PromptBase):
    kind: Literal["multi"]
    SECONDS: ClassVar[int] = 12
    options: Annotated[list[Option], Field(min_length=2)]

    def shown(self) -> list[Text]:
        return [self.text, *(o.label for o in self.options)]

    def check(self, raw: Any) -> list[str]:
        ids = [o.id for o in self.options]
        value = [raw] if isinstance(raw, str) else raw
        if not isinstance(value, list) or any(v not in ids for v in value):
            raise AnswerError("ans_multi", allowed=", ".join(ids))
        return [i for i in ids if i in value]  # option order, no duplicates

    def parse(self, raw: Any) -> list[str]:
        return [raw] if isinstance(raw, str) else list(raw)

    def describe(self, raw: Any, lang: str) -> str:
        return _describe_options(self.options, raw, lang)


class AlternativePrompt(PromptBase):
    kind: Literal["alternative"]
    SECONDS: ClassVar[int] = 25  # a status, and a reason when it is not feasible
    description: Text
    fits: Text
    region: Annotated[list[Region], Field(min_length=1)]

    def shown(self) -> list[Text]:
        return [self.text, self.description, self.fits]

    def applies(self, context: dict[str, Any]) -> bool:
        """Only where it exists: an alternative of the other region is not asked."""
        here = context.get("region")
        return super().applies(context) and not (here and here not in self.region)

    def check(self, raw: Any) -> AlternativeValue:
        return check_alternative(raw)

    def parse(self, raw: Any) -> AlternativeValue:
        return stored_pair(AlternativeValue, "status", raw)

    def describe(self, raw: Any, lang: str) -> str:
        value = self.parse(raw)
        return _note_line(t(lang, value.status), value.note)

    def free_texts(self, raw: Any) -> list[str]:
        note = self.parse(raw).note
        return [note] if note else []

    def is_open_value(self, raw: Any) -> bool:
        return self.parse(raw).status == "not_considered"


def people_headers(lang: str) -> tuple[str, str, str, str]:
    return (t(lang, "field_who_person"), t(lang, "field_relation"), t(lang, "field_meaning"), t(lang, "rec_risk_col"))


def _texts_of(rows: list[Any]) -> list[str]:
    """The text fields of rows that are filled in, row by row in field order."""
    return [v for row in rows for v in to_json(row).values() if isinstance(v, str) and v]


def worry_cell(row: PersonRow, lang: str) -> str:
    """What the record says of a worry about a person: what it is and who sees it, or that no
    reason was noted (an older session, or an answers file without one); empty without a worry."""
    if not row.worried:
        return ""
    return row.worry or t(lang, "rec_worry_no_reason")


def _person_cells(row: PersonRow, lang: str) -> tuple[str, str, str, str]:
    return (row.who, row.relation, row.meaning, worry_cell(row, lang))


class PeoplePrompt(PromptBase):
    kind: Literal["people"]
    SECONDS: ClassVar[int] = 150  # two or three minutes for a few people
    diagram: bool = False  # draw the people as a network diagram in the record

    def check(self, raw: Any) -> list[PersonRow]:
        return check_people(raw)

    def parse(self, raw: Any) -> list[PersonRow]:
        return stored_rows(PersonRow, raw)

    def describe(self, raw: Any, lang: str) -> str:
        def cells(row: PersonRow) -> list[str]:
            worry = worry_cell(row, lang)
            return [row.who, row.relation, row.meaning] + ([f"{t(lang, 'rec_worry').lower()}: {worry}"] if worry else [])

        return "; ".join(" - ".join(v for v in cells(r) if v) for r in self.parse(raw))

    def free_texts(self, raw: Any) -> list[str]:
        return _texts_of(self.parse(raw))

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import Table

        rows = tuple(_person_cells(r, lang) for r in self.parse(raw))
        return [Table(people_headers(lang), rows, (22, 22, 28, 28))]


class ChildrenPrompt(PromptBase):
    """The children a decision is about, each by pseudonym and age band (the child's prompts
    are then asked for each child)."""

    kind: Literal["children"]
    SECONDS: ClassVar[int] = 45

    def check(self, raw: Any) -> list[ChildRow]:
        return check_children(raw)

    def parse(self, raw: Any) -> list[ChildRow]:
        return stored_rows(ChildRow, raw)

    def _items(self, raw: Any, lang: str) -> list[str]:
        return [f"{r.name} ({t(lang, 'age_' + r.age)})" for r in self.parse(raw)]

    def describe(self, raw: Any, lang: str) -> str:
        return "; ".join(self._items(raw, lang))

    def free_texts(self, raw: Any) -> list[str]:
        return [r.name for r in self.parse(raw)]

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import BulletList

        return [BulletList(tuple(self._items(raw, lang)))]


class ActionsPrompt(PromptBase):
    kind: Literal["actions"]
    SECONDS: ClassVar[int] = 150  # who, what, by when, for two or three steps

    def check(self, raw: Any) -> list[ActionRow]:
        return check_actions(raw)

    def parse(self, raw: Any) -> list[ActionRow]:
        return stored_rows(ActionRow, raw)

    def describe(self, raw: Any, lang: str) -> str:
        return "; ".join(" - ".join(v for v in (r.who, r.what, r.when, r.result) if v) for r in self.parse(raw))

    def free_texts(self, raw: Any) -> list[str]:
        return _texts_of(self.parse(raw))

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import Table

        headers = (t(lang, "field_who_action"), t(lang, "field_what"), t(lang, "field_when"), t(lang, "field_result"))
        return [Table(headers, tuple((r.who, r.what, r.when, r.result) for r in self.parse(raw)), (20, 35, 15, 30))]


class ParticipantsPrompt(PromptBase):
    """Who takes part in a team reflection, and their meeting role."""

    kind: Literal["participants"]
    SECONDS: ClassVar[int] = 120
    TEAM_WIDE: ClassVar[bool] = True

    def check(self, raw: Any) -> list[ParticipantRow]:
        return check_participants(raw)

    def parse(self, raw: Any) -> list[ParticipantRow]:
        """The stored rows; a meeting role this version does not know (an older or newer
        session) is read as a participant's, so the session still loads."""
        return [
            r if r.meeting_role in MEETING_ROLES else r._replace(meeting_role="member") for r in stored_rows(ParticipantRow, raw)
        ]

    def describe(self, raw: Any, lang: str) -> str:
        return "; ".join(f"{r.name} ({t(lang, 'role_' + r.meeting_role)})" for r in self.parse(raw))

    def free_texts(self, raw: Any) -> list[str]:
        return _texts_of(self.parse(raw))

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import Table

        headers = (t(lang, "field_name"), t(lang, "field_organisation"), t(lang, "field_role"), t(lang, "field_meeting_role"))
        rows = tuple((r.name, r.organisation, r.role, t(lang, "role_" + r.meeting_role)) for r in self.parse(raw))
        return [Table(headers, rows, (20, 25, 25, 30))]


class ListPrompt(PromptBase):
    """A repeatable list of short texts (e.g. the guiding questions of a case meeting)."""

    kind: Literal["list"]
    SECONDS: ClassVar[int] = 60
    TEAM_WIDE: ClassVar[bool] = True

    def check(self, raw: Any) -> list[str]:
        value = [raw] if isinstance(raw, str) else raw
        if not isinstance(value, list):
            raise AnswerError("ans_list")
        items = [text(v, "ans_item_text") for v in value]
        return [i for i in items if i]

    def parse(self, raw: Any) -> list[str]:
        return list(raw)

    def describe(self, raw: Any, lang: str) -> str:
        return "; ".join(self.parse(raw))

    def free_texts(self, raw: Any) -> list[str]:
        return self.parse(raw)

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import BulletList

        return [BulletList(tuple(self.parse(raw)), numbered=True)]


class GuidingPrompt(PromptBase):
    """Go back over the items of a list prompt: answered, partly or not, and where."""

    kind: Literal["guiding"]
    SECONDS: ClassVar[int] = 60
    TEAM_WIDE: ClassVar[bool] = True
    # a list prompt: its id in the same library, or library.prompt
    of: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$")]

    def list_key(self, library: str) -> tuple[str, str]:
        """The list prompt it goes back over, as (library, prompt); `library` is its own."""
        other, _, list_id = self.of.rpartition(".")
        return (other or library, list_id)

    def check(self, raw: Any) -> list[GuidingRow]:
        return check_guiding(raw)

    def parse(self, raw: Any) -> list[GuidingRow]:
        return stored_rows(GuidingRow, raw)

    def describe(self, raw: Any, lang: str) -> str:
        return "; ".join(f"{r.question}: {t(lang, 'guiding_' + r.status)}" for r in self.parse(raw))

    def free_texts(self, raw: Any) -> list[str]:
        return _texts_of(self.parse(raw))

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        from .document import Table

        headers = (t(lang, "rec_question"), t(lang, "rec_status"), t(lang, "guiding_where"))
        rows = tuple((r.question, t(lang, "guiding_" + r.status), r.where) for r in self.parse(raw))
        return [Table(headers, rows, (45, 20, 35))]


class TablePrompt(PromptBase):
    """Which alternatives are on the table: the worker picks them from every alternative that
    applies to the region, age and decision. On the short path only those are weighed (each
    with a status and a reason); the record names the others in one line as not weighed. The
    answer is the picked alternatives' keys (library.prompt); Enter at once takes the usual
    ones (those marked `short` in their library)."""

    kind: Literal["table"]
    SECONDS: ClassVar[int] = 30
    TEAM_WIDE: ClassVar[bool] = True

    def check(self, raw: Any) -> list[str]:
        value = [raw] if isinstance(raw, str) else raw
        if not isinstance(value, list):
            raise AnswerError("ans_list")
        keys = [text(v, "ans_item_text") for v in value]
        return list(dict.fromkeys(k for k in keys if k))

    def parse(self, raw: Any) -> list[str]:
        return [str(k) for k in raw] if isinstance(raw, list) else []

    def describe(self, raw: Any, lang: str) -> str:
        return t(lang, "table_chosen", n=len(self.parse(raw)))

    def blocks(self, raw: Any, lang: str) -> list[Block]:
        return []  # the alternatives it picked are the record's table; the rest one line there


# Every prompt kind, listed once: the type a prompt has (for mypy), and from it the tuple of the
# kinds (for the code that goes over them) and their names as a library spells them (`kind: text`).
AnyPrompt = (
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
    | GuidingPrompt
    | TablePrompt
)
PROMPT_KINDS: tuple[type[PromptBase], ...] = get_args(AnyPrompt)
KINDS: tuple[str, ...] = tuple(get_args(k.model_fields["kind"].annotation)[0] for k in PROMPT_KINDS)
Prompt = Annotated[AnyPrompt, Field(discriminator="kind")]


class Section(Strict):
    id: Id
    title: Text
    intro: Text | None = None
    when: When | None = None
    phase: Phase = "weighing"  # the part of the walk it belongs to
    per_child: bool = False  # the child's own prompts: asked for each child of several
    order: int | None = None  # its place within the part (default: the library's order)
    minutes: Annotated[int, Field(gt=0, le=600)] | None = None  # an optional time box
    role: SectionRole | None = None  # what the tool itself does with it (vocab.SectionRole)
    prompts: Annotated[list[Prompt], Field(min_length=1)]


class Library(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=False)
    id: Id
    version: Annotated[str, Field(min_length=1)]
    order: int = 50
    title: Text
    intro: Text | None = None
    role: LibraryRole | None = None  # what the tool itself does with it (vocab.LibraryRole)
    sections: Annotated[list[Section], Field(min_length=1)]


class Source(Strict):
    id: Id
    title: str
    short: str | None = None  # the short title a reader sees after "Bron:" (else the title)
    organisation: str
    year: int
    region: Literal["flanders", "netherlands", "both"]
    kind: Literal["primary", "secondary", "tool"]

    def name(self) -> str:
        """The title a reader sees: the short one where there is one."""
        return self.short or self.title


class Bibliography(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=False)
    sources: list[Source]

    def cite(self, source: str) -> str:
        """A prompt's `source` as a reader sees it: each source's short title instead of its id,
        then the section ("goedgenoeg-2025 §3.4" -> "Hulpverlening, een zaak van goed genoeg? §3.4")."""
        names = {s.id: s.name() for s in self.sources}
        cited = []
        for ref in source.split(";"):
            source_id, _, where = ref.strip().partition(" ")
            cited.append(f"{names.get(source_id, source_id)} {where}".strip())
        return "; ".join(cited)


def library_keys() -> list[str]:
    """Every key a library file may use (for 'did you mean ...?'), from the models' fields."""
    models: tuple[type[BaseModel], ...] = (Library, Section, When, Text, Option, *PROMPT_KINDS)
    return sorted({name for model in models for name in model.model_fields})


# --- sessions -----------------------------------------------------------------

SESSION_FORMAT = 1


class Answer(BaseModel):
    """One prompt's answer, as stored: `value` is plain JSON whose shape its prompt kind decides
    (its `parse()` reads it into a typed value, values.py); `voices` are a team's answers by name."""

    model_config = ConfigDict(extra="forbid")

    status: AnswerStatus
    value: Any = None
    voices: dict[str, Any] | None = None  # a team's separate answers, by participant
    at: str = ""
    # a follow-up: the date of the earlier reflection this answer was carried over from and not
    # checked again ("" when given or confirmed now); for a team's voices, whose voices those are
    carried: str = ""
    carried_voices: list[str] = []

    @model_serializer(mode="wrap")
    def _stored(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """As stored: the marks of a follow-up only where there is one, so every other answer (and
        a session of an earlier version saved again) stays as it was written."""
        data: dict[str, Any] = handler(self)
        for key in ("carried", "carried_voices"):
            if not data.get(key):
                data.pop(key, None)
        return data

    @property
    def given(self) -> bool:
        """Whether it holds an answer: answered, or marked for later with its answer kept."""
        return self.status != "skipped" and (self.value is not None or bool(self.voices))


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
    steps_result: list[str] = []  # per earlier next step: what it produced (or "")

    @model_serializer(mode="wrap")
    def _stored(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """As stored: what the earlier steps produced only once it was asked (a session of an
        earlier version, saved again, stays as it was written)."""
        data: dict[str, Any] = handler(self)
        if not data.get("steps_result"):
            data.pop("steps_result", None)
        return data


class Author(BaseModel):
    """Who made a reflection, as the settings named them when it began (the record's header)."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    function: str = ""
    service: str = ""

    def line(self) -> str:
        """'Name, function, service', leaving out what is empty."""
        return ", ".join(x for x in (self.name, self.function, self.service) if x)


class Session(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int = SESSION_FORMAT
    id: str
    created: str
    updated: str
    tool_version: str
    lang: Lang = "nl"
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
    author: Author | None = None  # who made it (the settings author, function, service)
