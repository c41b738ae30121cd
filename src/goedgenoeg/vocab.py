"""The tool's fixed words, each defined once: a Literal for the type checker, and the tuple of
its values (in order) derived from it for the code that lists or checks them."""

from __future__ import annotations

from typing import Literal, get_args

# --- the context: what a condition (`when`) may name; the context library asks exactly these

Decision = Literal["placement", "measure", "report", "other"]
AgeBand = Literal["unborn", "under-1", "1-3", "3-6", "6-12", "12-18"]
Region = Literal["flanders", "netherlands"]
Who = Literal["alone", "duo", "team"]
Lang = Literal["nl", "en"]
Format = Literal["md", "docx", "html"]  # the record's formats (a writer in writers/ each)
DECISIONS: tuple[Decision, ...] = get_args(Decision)
AGE_BANDS: tuple[AgeBand, ...] = get_args(AgeBand)
REGIONS: tuple[Region, ...] = get_args(Region)
WHO: tuple[Who, ...] = get_args(Who)
LANGS: tuple[Lang, ...] = get_args(Lang)
FORMATS: tuple[Format, ...] = get_args(Format)

# The context keys: the prompt ids of the context library. A condition names the first four.
ConditionKey = Literal["decision", "age", "region", "who"]
CONDITION_KEYS: tuple[ConditionKey, ...] = get_args(ConditionKey)
CONTEXT_KEYS: tuple[str, ...] = ("case", *CONDITION_KEYS, "role")
CHILDREN_KEY = "children"  # the children of a case (a children prompt in the context library)

# --- the fixed answers of the prompt kinds

ReflectionResponse = Literal["recognise", "not_recognise", "dont_know", "later"]
REFLECTION_RESPONSES: tuple[ReflectionResponse, ...] = get_args(ReflectionResponse)
# An alternative is weighed (the first four); at a follow-up it can also have been put in place.
WeighedStatus = Literal["feasible", "feasible_not_needed", "not_feasible", "not_considered", "not_applicable"]
FollowupStatus = Literal["started", "running", "completed"]  # ingezet, loopt, afgerond
AlternativeStatus = Literal[WeighedStatus, FollowupStatus]
WEIGHED_STATUSES: tuple[WeighedStatus, ...] = get_args(WeighedStatus)
FOLLOWUP_STATUSES: tuple[FollowupStatus, ...] = get_args(FollowupStatus)
ALTERNATIVE_STATUSES: tuple[AlternativeStatus, ...] = WEIGHED_STATUSES + FOLLOWUP_STATUSES
# The roles of a case meeting; the numbers typed stay those of before "guard" was split off the chair.
MeetingRole = Literal["presenter", "chair", "timekeeper", "advocate", "guard", "member"]
MEETING_ROLES: tuple[MeetingRole, ...] = get_args(MeetingRole)
GuidingStatus = Literal["answered", "partly", "not_answered"]
GUIDING_STATUSES: tuple[GuidingStatus, ...] = get_args(GuidingStatus)
StepDone = Literal["done", "partly", "not_done"]
STEP_DONE: tuple[StepDone, ...] = get_args(StepDone)

# --- a walk

# The parts of a walk, in order: SAVE's windows (the people, the facts, the weighing, the next
# steps) with the context before and the closing check after. Every section belongs to one.
Phase = Literal["context", "people", "facts", "weighing", "decision", "steps", "close"]
PHASES: tuple[Phase, ...] = get_args(Phase)
# The two paths: the short one asks the prompts marked `short: true`; the full one asks all.
PathName = Literal["short", "full"]
PATHS: tuple[PathName, ...] = get_args(PathName)
AnswerStatus = Literal["answered", "skipped", "later"]  # how a prompt was left
# What the asking side replies: an answer, or a navigation command.
Action = Literal["answer", "skip", "later", "back", "overview", "stop"]
# How a walk ends: the review was finished, or the professional stopped (to resume later).
WalkEnd = Literal["done", "stopped"]

# What a prompt's answer is, for the summary at the top of the dossier record.
SummarySlot = Literal[
    "question",
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
    "parents_know",
    "informing",
    "review",
    "consulted",
]
SUMMARY_SLOTS: tuple[SummarySlot, ...] = get_args(SummarySlot)

# --- roles: what the tool itself does with a prompt, section or library, marked in the YAML
# (`role:`) rather than found by its id, so a library that replaces a bundled one keeps them
# (`libraries check` says when it drops one).

# participants: who takes part in a meeting (a meeting starts its prepared voices there);
# dissent: who disagreed with the decision; agreement: does each person stand behind it;
# decision_status: where the decision stands (taken, proposed, postponed, open).
PromptRole = Literal["participants", "dissent", "agreement", "decision_status"]
PROMPT_ROLES: tuple[PromptRole, ...] = get_args(PromptRole)
# perspective: a section that looks through someone's eyes (the child, the parents), counted
# in the overview as open, partly or applied.
SectionRole = Literal["perspective"]
SECTION_ROLES: tuple[SectionRole, ...] = get_args(SectionRole)
# names_exempt: a library where the professionals name each other by design (the privacy review
# does not point out their names there); margin_notes: notes from research, whose prompts left
# for later the overview counts.
LibraryRole = Literal["names_exempt", "margin_notes"]
LIBRARY_ROLES: tuple[LibraryRole, ...] = get_args(LibraryRole)

# --- yes and no, wherever a person types them (the terminal, an answers file): Dutch (with the
# Flemish 'neen') and English, one set for the whole tool.
YES_WORDS: tuple[str, ...] = ("j", "ja", "y", "yes")
NO_WORDS: tuple[str, ...] = ("n", "nee", "neen", "no")
