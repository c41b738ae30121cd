"""One asking function per prompt kind, found in `ASKERS` by the prompt's class. Each gets the
terminal asker (its screen and keyboard, and the walk around the question) and the typed
earlier value (or None), and returns a typed value; None means "no answer" (a skip).
`ask_value` turns stored JSON into typed values and back, so the walk only sees JSON."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast

from .answers import AnswerError
from .models import (
    ActionsPrompt,
    AlternativePrompt,
    ChildrenPrompt,
    ChoicePrompt,
    GuidingPrompt,
    ListPrompt,
    MultiPrompt,
    ParticipantsPrompt,
    PeoplePrompt,
    PromptBase,
    ReflectionPrompt,
    TablePrompt,
    TextPrompt,
)
from .numbers import number, numbers
from .texts import t
from .values import (
    ActionRow,
    AlternativeValue,
    ChildRow,
    ChoiceNote,
    GuidingRow,
    ParticipantRow,
    PersonRow,
    ReflectionValue,
    to_json,
)
from .vocab import (
    AGE_BANDS,
    ALTERNATIVE_STATUSES,
    GUIDING_STATUSES,
    MEETING_ROLES,
    NO_WORDS,
    REFLECTION_RESPONSES,
    WEIGHED_STATUSES,
    YES_WORDS,
    Action,
    AlternativeStatus,
)

if TYPE_CHECKING:
    from .walk import Step, Walk

R = TypeVar("R")  # a row of a list being gone over (_start_list)
P = TypeVar("P", bound=PromptBase)  # a prompt kind's class (asker)
V = TypeVar("V")  # the typed value of its answers (asker)
V_co = TypeVar("V_co", covariant=True)
# what a typed command asks of the walk: an action, "give each voice", or "pass the question for everyone"
Command = Literal[Action, "voices", "pass_all", "confirm"]


class Asking(Protocol):
    """What the kinds' questions use of the asker in the terminal (ask.TerminalAsker is one),
    named here so that this module needs nothing from ask.py."""

    lang: str
    editor: Callable[[str], str | None]
    current_step: Step | None  # the step being asked
    walk: Walk | None  # its walk: the lists made earlier
    shown: bool  # an earlier answer is on the screen (one's own, a colleague's, last time's): Enter keeps it

    @property
    def followup(self) -> bool: ...

    def say(self, text: str, style: str = "") -> None: ...

    def line(self, label: str) -> str: ...

    def choose(self, labels: list[str], old_index: int | None, inline: bool = False) -> int | None: ...

    def numbered(self, labels: list[str], inline: bool = False) -> None: ...

    def several_lines(self) -> str: ...

    def keep_draft(self, value: Any) -> None:
        """Save the rows of a list given so far (stored form), before the next row is asked."""
        ...


class CommandGiven(Exception):
    """A navigation command typed instead of an answer."""

    def __init__(self, action: Command):
        self.action: Command = action


class Partial(Exception):
    """Stopped (Ctrl-C, or '!stop') in the middle of an answer: the part already given (lines of
    text typed so far, the complete rows of a list) is kept as the answer, in its stored form."""

    def __init__(self, value: Any):
        self.value = value


def ask_value(asker: Asking, prompt: PromptBase, old: Any) -> Any:
    """Ask a prompt's own question: the earlier stored value in, the new stored value out
    (None: no answer)."""
    value = ASKERS[type(prompt)](asker, prompt, None if old is None else prompt.parse(old))
    return None if value is None else to_json(value)


def ask_text(asker: Asking, prompt: TextPrompt, old: str | None) -> str | None:
    """Text: one line, several (!multi ... !end) or the editor (!edit); Enter keeps the earlier text."""
    hint = t(asker.lang, "hint_enter_keep" if old or asker.shown else "hint_enter_skip")
    while True:
        line = asker.line(f"{t(asker.lang, 'your_answer')} ({hint})")
        if line.lower() == "!multi":
            text = asker.several_lines()
        elif line.lower() == "!edit":
            try:
                text = (asker.editor(old or "") or "").strip()
            except Exception as err:  # no editor, or it failed: say so and ask again
                asker.say(t(asker.lang, "editor_failed", err=err), "red")
                continue
        else:
            text = line
        if text:
            return text
        if old:
            return old
        return None


def ask_choice(asker: Asking, prompt: ChoicePrompt, old: str | ChoiceNote | None) -> str | ChoiceNote | None:
    """One of the options, by its number; then the optional note, when the prompt names one
    (Enter: none, or the earlier note when the same option is chosen again)."""
    ids = [o.id for o in prompt.options]
    before = old.choice if isinstance(old, ChoiceNote) else old
    old_index = ids.index(before) if before in ids else None
    if old is not None and old_index is None and prompt.written_out(old):  # written out before: shown as the note
        old = ChoiceNote("", prompt.written_out(old))
    index = asker.choose([o.label.get(asker.lang) for o in prompt.options], old_index)
    if index is None:
        return None
    if prompt.note is None:
        return ids[index]
    old_note = old.note if isinstance(old, ChoiceNote) else ""
    kept_note = old_note if index == old_index else ""
    with _kept_if_stopped(ChoiceNote(ids[index], kept_note)):
        note = _note(asker, prompt.note.get(asker.lang) + f" ({t(asker.lang, 'optional')})", old_note, index == old_index)
    return ChoiceNote(ids[index], note)


def ask_multi(asker: Asking, prompt: MultiPrompt, old: list[str] | None) -> list[str] | None:
    """Any of the options, by their numbers (0: none of them)."""
    ids = [o.id for o in prompt.options]
    asker.numbered([o.label.get(asker.lang) for o in prompt.options])
    while True:
        line = asker.line(t(asker.lang, "choose_multi"))
        if not line:
            return old
        if line.strip() == "0":
            return []
        places = numbers(line, len(ids))
        if places is not None:
            return prompt.check([ids[p] for p in places])
        asker.say(t(asker.lang, "invalid_choice"), "red")


def _note(asker: Asking, label: str, old_note: str, kept: bool) -> str:
    """The note of a fixed answer: the earlier one is the default when the answer is the same
    (a note belongs to the answer it was given with); '-' clears it."""
    if old_note and not kept:
        asker.say(t(asker.lang, "note_earlier", note=old_note), "dim")
        old_note = ""
    note = asker.line(label + (f" [{old_note}] ({t(asker.lang, 'note_clear')})" if old_note else ""))
    return "" if note == "-" else (note or old_note)


def ask_reflection(asker: Asking, prompt: ReflectionPrompt, old: ReflectionValue | None) -> ReflectionValue | None:
    """Whether the thought is recognised (yes, no, do not know, later), and a note."""
    labels = [t(asker.lang, r) for r in REFLECTION_RESPONSES]
    old_index = REFLECTION_RESPONSES.index(old.response) if old else None
    index = asker.choose(labels, old_index, inline=True)
    if index is None:
        return None
    kept_note = old.note if old and index == old_index else ""
    with _kept_if_stopped(ReflectionValue(REFLECTION_RESPONSES[index], kept_note)):
        note = _note(asker, t(asker.lang, "note"), old.note if old else "", index == old_index)
    return ReflectionValue(REFLECTION_RESPONSES[index], note)


@contextlib.contextmanager
def _kept_if_stopped(chosen: object) -> Iterator[None]:
    """Stopped (Ctrl-C, '!stop') at the optional note after a choice: the choice is kept, with
    the note it had. It was lost before, though the tool said the answers were saved."""
    try:
        yield
    except (KeyboardInterrupt, CommandGiven) as stop:
        if isinstance(stop, KeyboardInterrupt) or stop.action == "stop":
            raise Partial(to_json(chosen)) from None
        raise


def ask_alternative(asker: Asking, prompt: AlternativePrompt, old: AlternativeValue | None) -> AlternativeValue | None:
    """Whether an alternative was weighed and is feasible, and why not when it is not."""
    # at a follow-up an alternative can also have been put in place since
    statuses: tuple[AlternativeStatus, ...] = ALTERNATIVE_STATUSES if asker.followup else WEIGHED_STATUSES
    labels = [t(asker.lang, s) for s in statuses]
    old_index = statuses.index(old.status) if old and old.status in statuses else None
    index = asker.choose(labels, old_index, inline=True)
    if index is None:
        return None
    status = statuses[index]
    old_note = old.note if old else ""
    kept = old is not None and status == old.status
    while True:
        if status == "not_feasible":  # a reason is needed: without one there is no answer to keep
            note = _note(asker, t(asker.lang, "reason"), old_note, kept)
        else:
            with _kept_if_stopped(AlternativeValue(status, old_note if kept else "")):
                note = _note(asker, t(asker.lang, "note"), old_note, kept)
        old_note, kept = (old_note, kept) if kept else ("", True)  # said once
        try:
            return prompt.check({"status": status, "note": note})
        except AnswerError:
            asker.say(t(asker.lang, "reason_needed"), "red")


def _start_list(asker: Asking, old: list[R] | None, show: Callable[[R], str], edit: Callable[[R], R]) -> tuple[list[R], bool]:
    """Go over an earlier list: keep it (Enter), change item N (its number), remove it
    (-N), add to it (+) or empty it (!opnieuw). Returns the list and whether to add to it."""
    rows = list(old or [])
    while rows:
        for n, row in enumerate(rows, 1):
            asker.say(f"  {n}. {show(row)}")
        # the example is a number on the list (a list of one offered "2 = change no. 2")
        line = asker.line(t(asker.lang, "list_keep", n=min(2, len(rows)))).strip()
        if not line:
            return rows, False
        if line == "+":
            break
        if line.lower() in ("!opnieuw", "!again"):
            rows = []
            break
        place = number(line.removeprefix("-"), len(rows))
        if place is not None:
            if line.startswith("-"):
                asker.say(f"({t(asker.lang, 'list_removed', item=show(rows.pop(place)))})", "dim")
            else:
                rows[place] = edit(rows[place])
            continue
        asker.say(t(asker.lang, "invalid_range", n=len(rows)), "red")
    asker.say(t(asker.lang, "list_next"), "dim")
    return rows, True


def _ask_rows(
    asker: Asking,
    old: list[dict[str, Any]] | None,
    fields: list[tuple[str, str]],
    title_key: str,
    more: Callable[[str, dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]] | None:
    """Rows of short fields; `more(title, row)` may ask something else for each row."""

    def edit(row: dict[str, Any]) -> dict[str, Any]:
        """Each field again, its value as the default (Enter keeps it)."""
        changed = dict(row)
        for field, label in fields:
            before = row.get(field, "")
            value = asker.line(f"{t(asker.lang, label)}" + (f" [{before}]" if before else ""))
            changed[field] = value or before
        return changed

    rows, add = _start_list(asker, old, lambda row: " - ".join(v for v in row.values() if isinstance(v, str) and v), edit)
    if not add:
        return rows or None
    try:
        _add_rows(asker, rows, fields, title_key, more)
    except (KeyboardInterrupt, CommandGiven) as stop:
        # stopped while adding: the rows given whole are kept (a half-typed row is not)
        if (isinstance(stop, KeyboardInterrupt) or stop.action == "stop") and rows != (old or []):
            raise Partial(rows) from None
        raise
    return rows or None


def _add_rows(
    asker: Asking,
    rows: list[dict[str, Any]],
    fields: list[tuple[str, str]],
    title_key: str,
    more: Callable[[str, dict[str, Any]], None] | None,
) -> None:
    """New rows, added to `rows` as each is complete, until Enter on a row's first field."""
    while True:
        title = t(asker.lang, title_key, n=len(rows) + 1)
        first_field, first_label = fields[0]
        first = asker.line(f"{title} · {t(asker.lang, first_label)}")
        if not first:
            return
        row: dict[str, Any] = {first_field: first}
        for field, label in fields[1:]:
            row[field] = asker.line(f"{title} · {t(asker.lang, label)}")
        if more is not None:
            more(title, row)
        rows.append(row)
        asker.keep_draft(list(rows))


YES = YES_WORDS
NO = ("", *NO_WORDS)  # Enter: no


def ask_people(asker: Asking, prompt: PeoplePrompt, old: list[PersonRow] | None) -> list[PersonRow] | None:
    """The network: who, how related, what they mean, and whether there is a worry about them;
    after a yes, what the worry is and who sees it (a mark without grounds was the record's
    red flag on a father that nobody could explain)."""
    fields = [("who", "field_who_person"), ("relation", "field_relation"), ("meaning", "field_meaning")]

    def risk(title: str, row: dict[str, Any]) -> None:
        # anything but yes or no is asked again: the next person's name typed here a moment too
        # early was taken for 'no' and lost (seen walking as a caseworker)
        while True:
            said = asker.line(f"{title} · {t(asker.lang, 'field_risk')}").lower()
            if said in YES or said in NO:
                row["risk"] = said in YES
                break
            asker.say(t(asker.lang, "field_risk_again"), "bold red")
        row["worry"] = worry(title) if row["risk"] else ""
        row["risk"] = bool(row["worry"])

    def worry(title: str) -> str:
        """What the worry is and who sees it; 'n' takes the yes back."""
        while True:
            said = asker.line(f"{title} · {t(asker.lang, 'field_worry')}").strip()
            if said.lower() in NO[1:]:
                return ""
            if said:
                return said
            asker.say(t(asker.lang, "field_worry_again"), "bold")

    rows = _ask_rows(asker, to_json(old), fields, "person", more=risk)
    return None if rows is None else [PersonRow(**r) for r in rows]


def ask_children(asker: Asking, prompt: ChildrenPrompt, old: list[ChildRow] | None) -> list[ChildRow]:
    """The children of the case, each by pseudonym and age band."""
    labels = [t(asker.lang, f"age_{a}") for a in AGE_BANDS]

    def age(title: str, row: dict[str, Any]) -> None:
        asker.say(f"{title} · {t(asker.lang, 'field_child_age')}")
        index = asker.choose(labels, None, inline=True)
        row["age"] = AGE_BANDS[index if index is not None else 0]

    # Enter at once means one child: an answer, not a skip
    rows = _ask_rows(asker, to_json(old), [("name", "field_child_name")], "child_n", more=age) or []
    return [ChildRow(**r) for r in rows]


def ask_actions(asker: Asking, prompt: ActionsPrompt, old: list[ActionRow] | None) -> list[ActionRow] | None:
    """The next steps: what, who, by when and what the result looks like."""
    fields = [("what", "field_what"), ("who", "field_who_action"), ("when", "field_when"), ("result", "field_result")]
    rows = _ask_rows(asker, to_json(old), fields, "step")
    return None if rows is None else [ActionRow(**r) for r in rows]


def _meeting_role(asker: Asking, before: int, voice: bool = False) -> ParticipantRow:
    """Ask a meeting role (Enter keeps `before`); returned on an empty row to fill in. The chair
    leads the meeting: she is asked once whether she also wants a voice in the questions each
    person answers (Enter keeps `voice`)."""
    roles = [t(asker.lang, f"role_{r}") for r in MEETING_ROLES]
    asker.say(t(asker.lang, "field_meeting_role"))
    index = asker.choose(roles, before, inline=True)
    role = MEETING_ROLES[index if index is not None else before]
    if role != "chair":
        return ParticipantRow("", meeting_role=role)
    while True:
        answer = asker.line(t(asker.lang, "chair_voice_yes" if voice else "chair_voice_no")).strip().lower()
        if answer in ("", "j", "ja", "y", "yes", "n", "nee", "no"):
            return ParticipantRow("", meeting_role=role, voice=voice if not answer else answer[0] in "jy")


def ask_participants(asker: Asking, prompt: ParticipantsPrompt, old: list[ParticipantRow] | None) -> list[ParticipantRow] | None:
    """The participants of a meeting, each with organisation, role and meeting role."""

    def edit(row: ParticipantRow) -> ParticipantRow:
        organisation, role = (
            asker.line(t(asker.lang, label) + (f" [{before}]" if before else "")) or before
            for label, before in (("field_organisation", row.organisation), ("field_role", row.role))
        )
        chosen = _meeting_role(asker, MEETING_ROLES.index(row.meeting_role), row.voice and row.meeting_role == "chair")
        return ParticipantRow(row.name, organisation, role, chosen.meeting_role, chosen.voice)

    def show(r: ParticipantRow) -> str:
        voice = f" ({t(asker.lang, 'chair_has_voice')})" if r.meeting_role == "chair" and r.voice else ""
        return f"{r.name} - {r.organisation} - {r.role} - {t(asker.lang, 'role_' + r.meeting_role)}{voice}"

    rows, add = _start_list(asker, old, show, edit)
    if not add:
        return rows or None
    while True:
        title = t(asker.lang, "participant", n=len(rows) + 1)
        name = asker.line(f"{title} · {t(asker.lang, 'field_name')}")
        if not name:
            break
        if name in [r.name for r in rows]:
            asker.say(t(asker.lang, "name_taken"), "red")
            continue
        organisation = asker.line(f"{title} · {t(asker.lang, 'field_organisation')}")
        role = asker.line(f"{title} · {t(asker.lang, 'field_role')}")
        chosen = _meeting_role(asker, len(MEETING_ROLES) - 1)
        rows.append(ParticipantRow(name, organisation, role, chosen.meeting_role, chosen.voice))
        asker.keep_draft(to_json(rows))
    return rows or None


def ask_list(asker: Asking, prompt: ListPrompt, old: list[str] | None) -> list[str] | None:
    """A list of short items (for instance the guiding questions of a meeting)."""

    def edit(item: str) -> str:
        return asker.line(f"{t(asker.lang, 'item', n='')} [{item}]".replace("  ", " ")) or item

    items, add = _start_list(asker, old, str, edit)
    if not add:
        return items or None
    while True:
        item = asker.line(t(asker.lang, "item", n=len(items) + 1))
        if not item:
            return items or None
        items.append(item)
        asker.keep_draft(list(items))


def ask_guiding(asker: Asking, prompt: GuidingPrompt, old: list[GuidingRow] | None) -> list[GuidingRow] | None:
    """For each question of the list it goes back to: answered, partly or not, and where."""
    library, list_id = prompt.list_key(asker.current_step.library.id if asker.current_step is not None else "")
    items = asker.walk.list_items(library, list_id) if asker.walk is not None else []
    earlier = {r.question: r for r in old or []}
    labels = [t(asker.lang, f"guiding_{s}") for s in GUIDING_STATUSES]
    rows = []
    for question in items:
        asker.say(f"• {question}", "bold")
        before = earlier.get(question)
        index = asker.choose(labels, GUIDING_STATUSES.index(before.status) if before else None, inline=True)
        if index is None:
            continue
        where = asker.line(t(asker.lang, "guiding_where")) or (before.where if before else "")
        rows.append(GuidingRow(question, GUIDING_STATUSES[index], where))
    return rows or None


def ask_table(asker: Asking, prompt: TablePrompt, old: list[str] | None) -> list[str] | None:
    """The alternatives on the table, by their numbers, from every one that applies here;
    Enter keeps the earlier pick, or takes the usual ones (marked *); 0: none of them."""
    offered = asker.walk.offered() if asker.walk is not None else []
    if not offered:
        return old
    keys = [s.key for s in offered]
    usual = asker.walk.usual() if asker.walk is not None else []
    chosen = [k for k in (old if old is not None else usual) if k in keys]
    section = None
    for n, step in enumerate(offered, 1):
        if step.section is not section:
            section = step.section
            asker.say(section.title.get(asker.lang), "bold")
        mark = "*" if step.key in chosen else " "
        asker.say(f" {mark}{n:>3}. {step.prompt.text.get(asker.lang)}")
    shown = " ".join(str(keys.index(k) + 1) for k in chosen) or "0"
    while True:
        line = asker.line(t(asker.lang, "table_pick", keep=shown))
        if not line.strip():
            return chosen
        if line.strip() == "0":
            return []
        places = numbers(line, len(keys))
        if places is not None:
            return list(dict.fromkeys(keys[p] for p in places))
        asker.say(t(asker.lang, "invalid_range", n=len(keys)), "red")


class Kind(Protocol[P, V_co]):
    """A prompt kind's class as its asking function sees it: it makes prompts P, and its
    `parse` reads the stored answer of one as a V (TextPrompt is a Kind[TextPrompt, str])."""

    def __call__(self, *args: Any, **kwargs: Any) -> P: ...

    def parse(self, prompt: P, raw: Any, /) -> V_co: ...


AskingFunction = Callable[[Asking, Any, Any], object]


def asker(kind: Kind[P, V], ask: Callable[[Asking, P, V | None], V | None]) -> tuple[type[PromptBase], AskingFunction]:
    """A line of `ASKERS`: mypy checks here that `ask` takes the kind's own prompt class and the
    typed value its `parse` gives (or None), and returns such a value (or None: a skip)."""
    return cast(type[PromptBase], kind), ask  # a Kind is a prompt class; the Protocol only names what is checked


# The asking function of each prompt kind (tests/test_kinds.py: every kind has one).
ASKERS: dict[type[PromptBase], AskingFunction] = dict(
    [
        asker(TextPrompt, ask_text),
        asker(ReflectionPrompt, ask_reflection),
        asker(ChoicePrompt, ask_choice),
        asker(MultiPrompt, ask_multi),
        asker(AlternativePrompt, ask_alternative),
        asker(PeoplePrompt, ask_people),
        asker(ChildrenPrompt, ask_children),
        asker(ActionsPrompt, ask_actions),
        asker(ParticipantsPrompt, ask_participants),
        asker(ListPrompt, ask_list),
        asker(GuidingPrompt, ask_guiding),
        asker(TablePrompt, ask_table),
    ]
)
