"""The record of a reflection: built once as a small document (document.py), written by one
writer per format (writers/). The default is the dossier record: the summary first, then the
details, and without the prompts marked `dossier: false` (the professional's own feelings,
beliefs and experiences). `full=True` writes everything, marked as internal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from .answers import describe, describe_answer, is_open
from .document import Block, BulletList, Document, Heading, Network, Notice, Paragraph, Person, Table, clean
from .household import in_household
from .library import CONTEXT_LIBRARY, LibrarySet
from .models import (
    AlternativePrompt,
    Answer,
    ChoicePrompt,
    GuidingPrompt,
    MultiPrompt,
    PeoplePrompt,
    Session,
    TablePrompt,
    people_headers,
    worry_cell,
)
from .sanitize import strip_control
from .session_view import SessionView, Step, effective_path
from .texts import has_text, t
from .values import ChildRow, PersonRow, stored_rows
from .vocab import CHILDREN_KEY, FORMATS as FORMATS, Phase
from .walk import Walk, earlier_steps
from .writers.markdown import escape_block, escape_cell, escape_line  # noqa: F401 - kept importable here

EXTENSIONS = {"md": ".md", "docx": ".docx", "html": ".html"}

# The summary, in the order a reader needs it. "alternatives" is not a slot: it is built from
# the alternative prompts themselves.
SUMMARY_ORDER = (
    "question",
    "decision",
    "grounds",
    "facts",
    "interpretations",
    "safety",
    "alternatives",
    "risks_intervening",
    "risks_not_intervening",
    "change_mind",
    "dissent",
    "plan_b",
    "next_steps",
    "parents_know",
    "review",
    "consulted",
    "informing",
)


@dataclass
class _Record:
    """What every part of the record needs: the session, the steps it shows, and the context."""

    session: Session
    libraries: LibrarySet
    lang: str
    full: bool
    context: dict[str, str]
    steps: list[Step]  # the steps on the record, in walk order
    hidden: list[Step]  # dossier: false steps left out of a dossier record
    not_visited: set[tuple[str, str]]  # (library, section) of parts nobody went through
    section_sizes: dict[tuple[str, str], int]
    view: SessionView  # the session on the full path: its participants, the table, the alternatives offered

    def answer(self, step: Step) -> Answer | None:
        return self.session.answers.get(step.key)


def record_steps(session: Session, libraries: LibrarySet, view: SessionView | None = None) -> list[Step]:
    """The prompts a record covers: those on the session's path, and any other with an answer
    (a short walk that went on into the full path, or a follow-up)."""
    view = view or SessionView.of(session, libraries)
    every = view.on("full").steps()
    if effective_path(session.path) == "full":
        return every
    on_path = {s.key for s in view.on("short").steps()}
    return [s for s in every if s.key in on_path or s.key in session.answers]


def _prepare(session: Session, libraries: LibrarySet, full: bool) -> _Record:
    """Work out once which steps the record shows and which parts nobody went through."""
    view = SessionView.of(session, libraries)
    every = record_steps(session, libraries, view)
    steps = [s for s in every if full or s.prompt.dossier]
    hidden = [s for s in every if not s.prompt.dossier and not full]
    sizes: dict[tuple[str, str], int] = {}
    for step in steps:
        where = (step.library.id, step.section.id)
        sizes[where] = sizes.get(where, 0) + 1
    # a part was gone through when any of its prompts has an answer, one left out here included
    touched = {(s.library.id, s.section.id) for s in every if s.key in session.answers}
    full_view = view.on("full")
    context = full_view.context()
    return _Record(session, libraries, session.lang, full, context, steps, hidden, set(sizes) - touched, sizes, full_view)


# --- answers as blocks --------------------------------------------------------------


def _state(answer: Answer | None, lang: str) -> str:
    """What an unanswered prompt says in the record."""
    if answer is None or answer.status == "skipped":  # "skipped" read as if nobody was asked
        return t(lang, "rec_not_filled")
    if answer.status == "later":
        return t(lang, "marked_later")
    return ""


def _answered(answer: Answer | None) -> TypeGuard[Answer]:
    return answer is not None and answer.given


def _shared(answer: Answer) -> Any:
    """The one answer of a prompt: its value, or the voices' common value."""
    if answer.voices:
        return next(iter(answer.voices.values()))
    return answer.value


def _distinct_voices(answer: Answer) -> dict[str, Any] | None:
    """The voices of a team answer when they differ, or when only one person answered (one
    person's view must not read as the team's); None when there is one shared answer."""
    if not answer.voices:
        return None
    values = list(answer.voices.values())
    return answer.voices if len(values) == 1 or any(v != values[0] for v in values) else None


def answer_blocks(step: Step, answer: Answer | None, lang: str, children: tuple[str, ...] = ()) -> list[Block]:
    """One prompt's answer: its state when not answered, each voice by name when a team's
    voices differ, else the answer."""
    if not _answered(answer):
        return [Paragraph(_state(answer, lang), "em")]

    def whose(name: str) -> str:  # a follow-up: a voice carried over and not checked again says so
        mark = answer.carried and name in answer.carried_voices
        return f"{name} ({t(lang, 'carried_from', date=answer.carried)})" if mark else name

    if step.section.per_child and answer.voices and set(answer.voices) <= set(children):  # each child by name
        blocks: list[Block] = [Paragraph(t(lang, "rec_per_child") + ":", "em")]
        for name, value in answer.voices.items():
            blocks += [Paragraph(whose(name), "strong"), *step.prompt.blocks(value, lang)]
        return blocks
    voices = _distinct_voices(answer)
    if voices is None:
        blocks = list(step.prompt.blocks(_shared(answer), lang))  # its kind gives the blocks
        if answer.carried:
            blocks.append(Paragraph(f"({t(lang, 'carried_from', date=answer.carried)})", "em"))
        return blocks
    label = t(lang, "rec_voices_differ") if len(voices) > 1 else t(lang, "rec_one_voice")
    blocks = [Paragraph(label + ":", "em")]
    for name, value in voices.items():
        blocks.append(Paragraph(whose(name), "strong"))
        blocks += step.prompt.blocks(value, lang)
    return blocks


def _alternative_row(rec: _Record, step: Step) -> tuple[str, str, str, str]:
    """An alternative as a table row: its name, region, status and note (each voice by name)."""
    lang = rec.lang
    prompt, answer = step.prompt, rec.answer(step)
    assert isinstance(prompt, AlternativePrompt)
    regions = t(lang, "both_regions") if len(prompt.region) > 1 else t(lang, prompt.region[0])
    if not _answered(answer):
        return (prompt.text.get(lang), regions, _state(answer, lang), "")
    voices = _distinct_voices(answer)
    if voices:
        said = {n: prompt.parse(v) for n, v in voices.items()}
        status = "; ".join(f"{n}: {t(lang, v.status)}" for n, v in said.items())
        note = "; ".join(f"{n}: {v.note}" for n, v in said.items() if v.note)
        return (prompt.text.get(lang), regions, status, note)
    value = prompt.parse(_shared(answer))
    return (prompt.text.get(lang), regions, t(lang, value.status), value.note)


def _alternatives_table(rows: list[tuple[str, str, str, str]], lang: str) -> Table:
    headers = (t(lang, "rec_alternative"), t(lang, "rec_region"), t(lang, "rec_status"), t(lang, "rec_note"))
    return Table(headers, tuple(rows), (30, 15, 22, 33))


# --- the parts of the record ---------------------------------------------------------


def _title(rec: _Record) -> list[Block]:
    """The title with the case reference; a full record opens with the internal notice."""
    blocks: list[Block] = [Heading(1, f"{t(rec.lang, 'rec_title')}: {rec.context.get('case', '-')}")]
    baseline = rec.session.followup_of
    if baseline is not None:
        blocks.append(Paragraph(t(rec.lang, "rec_followup_of", date=baseline.date, id=baseline.id), "strong"))
    blocks += _made_by(rec)
    if rec.full:
        blocks.append(Notice(t(rec.lang, "rec_internal_title"), t(rec.lang, "rec_internal_notice")))
    return blocks


def _made_by(rec: _Record) -> list[Block]:
    """Who wrote the record, and for a duo or a team every participant with their role, so
    that 'I' and 'we' in the answers are somebody's."""
    lang = rec.lang
    lines: list[str] = []
    author = rec.session.author.line() if rec.session.author is not None else ""
    if author:
        lines.append(t(lang, "rec_made_by", who=author))
    people = rec.view.participants()
    if people:
        named = [", ".join(x for x in (p.name, p.role, t(lang, "role_" + p.meeting_role)) if x) for p in people]
        lines.append(t(lang, "rec_participants_line", who="; ".join(named)))
    elif rec.context.get("who") == "duo" and rec.context.get("role"):
        lines.append(t(lang, "rec_with", who=rec.context["role"]))
    return [Paragraph(line) for line in lines]


def _whose(rec: _Record) -> str:
    """Whose reading an interpretation is: the team's participants, else the role of who reflected."""
    names = [p.name for p in rec.view.participants()]
    if names:
        return ", ".join(names)
    if rec.context.get("role"):
        return rec.context["role"]
    # "alone" says nothing about whose reading it is; the record's author does
    return rec.session.author.line() if rec.session.author is not None else ""


def _summary_slot(rec: _Record, slot: str) -> list[Block]:
    """One item of the summary: the answers of the prompts in this slot (with their question
    when there are several); '(and whose)' under interpretations."""
    lang = rec.lang
    steps = [s for s in rec.steps if s.prompt.summary == slot]
    if not steps:
        return []
    blocks: list[Block] = [Heading(3, t(lang, f"rec_sum_{slot}"))]
    if slot == "question":  # one line: who asks what, by when
        said = [describe_answer(s.prompt, a, lang) for s in steps if _answered(a := rec.answer(s))]
        return blocks + [Paragraph(" · ".join(said) if said else t(lang, "rec_not_filled"), "" if said else "em")]
    for step in steps:
        answer = rec.answer(step)
        chosen = isinstance(step.prompt, ChoicePrompt | MultiPrompt)
        short = chosen and _answered(answer) and _distinct_voices(answer) is None
        if len(steps) > 1 and short and answer is not None:  # one line: "Where does the decision stand now? Proposed"
            blocks.append(Paragraph(f"{step.prompt.text.get(lang)} {describe(step.prompt, _shared(answer), lang)}"))
            continue
        if len(steps) > 1:
            blocks.append(Paragraph(step.prompt.text.get(lang), "strong"))
        blocks += answer_blocks(step, answer, lang, tuple(_children(rec)))
        if slot == "interpretations" and _answered(answer) and _distinct_voices(answer) is None and _whose(rec):
            blocks.append(Paragraph(t(lang, "rec_whose", who=_whose(rec)), "em"))
    return blocks


def _summary_alternatives(rec: _Record) -> list[Block]:
    """The alternatives in the summary: a table of those considered (with status and reason),
    a line naming those not considered, and a line naming those not answered."""
    lang = rec.lang
    alternatives = [s for s in rec.steps if isinstance(s.prompt, AlternativePrompt)]
    if not alternatives:
        return []
    considered, not_considered, unanswered = [], [], []
    for step in alternatives:
        answer = rec.answer(step)
        if not _answered(answer):
            unanswered.append(step.prompt.text.get(lang))
        elif is_open(step.prompt, answer):
            not_considered.append(step.prompt.text.get(lang))
        else:
            considered.append(_alternative_row(rec, step))
    blocks: list[Block] = [Heading(3, t(lang, "rec_sum_alternatives"))]
    if considered:
        blocks.append(_alternatives_table(considered, lang))
    else:
        blocks.append(Paragraph(t(lang, "rec_none_considered"), "em"))
    if not_considered:
        blocks.append(Paragraph(t(lang, "rec_not_considered_list", items="; ".join(not_considered))))
    if unanswered:
        blocks.append(Paragraph(t(lang, "rec_unanswered_list", items="; ".join(unanswered))))
    table = rec.view.on_the_table()
    if table is not None:  # the others that apply, named once: a reader sees what was not looked at
        weighed = {s.key for s in alternatives}
        left = [s.prompt.text.get(lang) for s in rec.view.offered() if s.key not in weighed and s.key not in table]
        if left:
            blocks.append(Paragraph(t(lang, "rec_not_on_table", items="; ".join(left))))
    return blocks


def _summary(rec: _Record) -> list[Block]:
    """The summary, first in the record: the decision and its grounds, facts and readings,
    the alternatives, the risks both ways, what would change the decision, dissent, plan B,
    next steps, the review, who was consulted and how parents and child are told."""
    blocks: list[Block] = [Heading(2, t(rec.lang, "rec_summary"))]
    order: tuple[str, ...] = SUMMARY_ORDER
    if rec.session.followup_of is not None:  # a follow-up starts with the new decision, then what changed
        blocks += _summary_slot(rec, "decision") + _changes(rec)
        order = tuple(slot for slot in SUMMARY_ORDER if slot != "decision")
    for slot in order:
        blocks += _summary_alternatives(rec) if slot == "alternatives" else _summary_slot(rec, slot)
    if len(blocks) == 1:
        blocks.append(Paragraph(t(rec.lang, "rec_summary_empty"), "em"))
    return blocks


def _kept_item(rec: _Record, item: str) -> str:
    """'library.prompt: bsn, name' as the reader reads it: the question's words and the kinds in
    the record's language."""
    from .privacy import KIND_LABELS

    key, _, kinds = item.partition(": ")
    step = next((s for s in rec.steps + rec.hidden if s.key == key), None)
    where = step.prompt.text.get(rec.lang) if step is not None else key
    where = where if len(where) <= 60 else where[:57].rstrip() + "..."
    labels = [KIND_LABELS.get(k.strip(), {}).get(rec.lang, k.strip()) for k in kinds.split(",") if k.strip()]
    return f"'{where}' ({', '.join(labels)})"


def _context_label(rec: _Record, key: str) -> str:
    """A context answer as its label in the record's language ("-" when not answered)."""
    answer = rec.session.answers.get(f"{CONTEXT_LIBRARY}.{key}")
    library = rec.libraries.get(CONTEXT_LIBRARY)
    if not _answered(answer) or library is None:
        return "-"
    for section in library.sections:
        for prompt in section.prompts:
            if prompt.id == key:
                return describe(prompt, answer.value, rec.lang)
    return "-"


def _metadata(rec: _Record) -> list[Block]:
    """Who, what, when, with which tool and libraries, and the personal-data check; then the
    notice that this is no risk assessment."""
    lang, session = rec.lang, rec.session
    region = session.answers.get("context.region")
    dutch = region is not None and region.value == "netherlands"  # a Dutch reader knows the BSN, not the rijksregister
    privacy = (
        t(lang, "rec_privacy_done_nl" if dutch else "rec_privacy_done", at=session.privacy.at[:16].replace("T", " "))
        if session.privacy.done
        else t(lang, "rec_privacy_not")
    )
    if session.privacy.done and rec.view.participants():  # a meeting: the participants' names belong there
        privacy += "; " + t(lang, "rec_privacy_meeting")
    if session.privacy.kept:
        privacy += "; " + t(lang, "rec_privacy_kept", items="; ".join(_kept_item(rec, item) for item in session.privacy.kept))
    path = effective_path(session.path)
    rows = [
        ("rec_case", rec.context.get("case", "-")),
        ("rec_date", session.updated[:10]),
        ("rec_who", _context_label(rec, "who")),
        *([("rec_role", rec.context["role"])] if rec.context.get("role") else []),  # not asked on the short path
        ("rec_decision", _context_label(rec, "decision")),
        ("rec_age", _context_label(rec, "age")),
        *([("rec_children", _context_label(rec, "children"))] if _children(rec) else []),
        ("rec_region", _context_label(rec, "region")),
        ("rec_path", t(lang, "rec_path_meeting" if path == "short" and rec.context.get("who") == "team" else f"rec_path_{path}")),
        ("rec_kind", t(lang, "rec_kind_full" if rec.full else "rec_kind_dossier")),
    ]
    if rec.full:  # the tool's own details are not the case: only in the full, internal record
        rows += [
            ("rec_started", session.created[:16].replace("T", " ")),
            ("rec_session", session.id),
            ("rec_tool", f"goedgenoeg {session.tool_version}"),
            ("rec_libraries", ", ".join(f"{k} {v.version}" for k, v in session.libraries.items())),
            ("rec_privacy", privacy),
        ]
    table = Table((t(lang, "rec_field"), t(lang, "rec_value")), tuple((t(lang, k), v) for k, v in rows), (35, 65))
    return [Heading(2, t(lang, "rec_metadata")), table]


def _footer(rec: _Record) -> list[Block]:
    """One small line at the end: what the tool is and is not, and where the session is kept."""
    line = t(rec.lang, "rec_notice") + " " + t(rec.lang, "rec_footer", id=rec.session.id, version=rec.session.tool_version)
    return [Paragraph(line, "em")]


def _reflection_line(rec: _Record) -> list[Block]:
    """A dossier record says that a reflection on pitfalls and beliefs took place, naming the
    parts, never the answers."""
    parts: list[str] = []
    for step in rec.hidden:
        title = step.section.title.get(rec.lang)
        if step.key in rec.session.answers and title not in parts:
            parts.append(title)
    if not parts:
        return []
    return [Paragraph(t(rec.lang, "rec_reflection_done", parts="; ".join(parts)), "em")]


def _phase_title(lang: str, phase: str) -> str:
    return t(lang, f"part_{phase}") if has_text(f"part_{phase}") else phase


def _same_title(part: str, section: str) -> bool:
    """'De volgende stappen' and 'Volgende stappen' are one heading, not two."""

    def bare(title: str) -> str:
        words = title.casefold().split()
        return " ".join(words[1:] if words and words[0] in ("de", "het", "the") else words)

    return bare(part) == bare(section)


def _weighing(rec: _Record) -> list[Block]:
    """Every prompt on the record in the wording it was asked, by part (phase) and section:
    a part nobody went through is one line; alternatives are a table per section."""
    lang = rec.lang
    blocks: list[Block] = []
    phase = section = None
    pending: list[tuple[str, str, str, str]] = []

    def flush() -> None:
        if pending:
            blocks.append(_alternatives_table(list(pending), lang))
            pending.clear()

    def in_summary(step: Step) -> bool:
        """Answered and already in the summary above: not repeated here."""
        kinds = (AlternativePrompt, TablePrompt)  # the alternatives' table and its line in the summary
        return _answered(rec.answer(step)) and (step.prompt.summary is not None or isinstance(step.prompt, kinds))

    for step in rec.steps:
        if step.library.id == CONTEXT_LIBRARY or in_summary(step):
            continue
        where = (step.library.id, step.section.id)
        if step.section.phase != phase:
            flush()
            phase = step.section.phase
            blocks.append(Heading(2, _phase_title(lang, phase)))
        if where != section:
            flush()
            section = where
            title = step.section.title.get(lang)
            if not _same_title(_phase_title(lang, phase), title) or where in rec.not_visited:
                blocks.append(Heading(3, title))
            if where in rec.not_visited:
                size = rec.section_sizes[where]
                blocks.append(Paragraph(t(lang, "rec_not_visited_one" if size == 1 else "rec_not_visited", n=size), "em"))
        if where in rec.not_visited:
            continue
        if isinstance(step.prompt, AlternativePrompt):
            pending.append(_alternative_row(rec, step))
            continue
        blocks.append(Paragraph(step.prompt.text.get(lang), "strong"))
        network = _network(rec, step)
        blocks += network or answer_blocks(step, rec.answer(step), lang, tuple(_children(rec)))
    flush()
    return [Paragraph(t(lang, "rec_not_repeated"), "em")] + blocks if blocks else blocks


def _children(rec: _Record) -> list[str]:
    """The pseudonyms of the case's children, when several are named."""
    answer = rec.session.answers.get(f"{CONTEXT_LIBRARY}.{CHILDREN_KEY}")
    if answer is None or not _answered(answer) or not isinstance(answer.value, list):
        return []
    return [r.name for r in stored_rows(ChildRow, answer.value)]


def _network_of(rows: list[PersonRow], lang: str, label: str = "", centre: tuple[str, ...] = ()) -> Network:
    people = tuple(Person(r.who, r.relation, r.meaning, worry_cell(r, lang), in_household(r.relation)) for r in rows)
    return Network(centre or (t(lang, "rec_child"),), people, people_headers(lang), t(lang, "rec_worry"), label)


def _merged_network(voices: dict[str, list[PersonRow]], lang: str) -> list[PersonRow]:
    """One network from a team's voices: each person once, with what each voice said of them
    and who named them (a worry or a risk when anyone marked it so)."""
    people: dict[str, PersonRow] = {}
    named: dict[str, list[str]] = {}
    for name, rows in voices.items():
        for row in rows:
            key = " ".join(row.who.casefold().split())
            if key not in people:
                people[key] = row
                named[key] = []
            else:
                people[key] = _merge_person(people[key], row)
            named[key].append(name)
    said = {key: t(lang, "rec_named_by", names=", ".join(names)) for key, names in named.items()}
    return [row._replace(meaning=" ".join(x for x in (row.meaning, said[key]) if x)) for key, row in people.items()]


def _merge_person(merged: PersonRow, row: PersonRow) -> PersonRow:
    """What another voice adds about a person already named: its relation and meaning where
    they are new, and a worry when it marks one."""

    def join(before: str, more: str) -> str:
        return "; ".join(x for x in (before, more) if x) if more and more not in before else before

    return PersonRow(
        merged.who,
        join(merged.relation, row.relation),
        join(merged.meaning, row.meaning),
        merged.risk or row.risk,
        join(merged.worry, row.worry),
    )


def _network(rec: _Record, step: Step) -> list[Block]:
    """The meaningful people around the child, where they were asked, drawn as one network with
    each child in the middle (a team's differing voices merged, each person saying who named
    them); nothing for any other prompt."""
    answer = rec.answer(step)
    prompt = step.prompt
    if not isinstance(prompt, PeoplePrompt) or not prompt.diagram or not _answered(answer):
        return []
    voices = _distinct_voices(answer)
    if voices is None:
        rows = prompt.parse(_shared(answer))
    else:
        rows = _merged_network({name: prompt.parse(v) for name, v in voices.items()}, rec.lang)
    return [_network_of(rows, rec.lang, centre=tuple(_children(rec)))]


def _time(rec: _Record) -> list[Block]:
    """Time spent per part against its time box, for a team or when parts have a time box."""
    session, lang = rec.session, rec.lang
    if not rec.full:  # the minutes per part are the meeting's, not the case's
        return []
    walk = Walk(rec.libraries, session.answers, path=session.path)
    boxes = {p.phase: p.box_minutes for p in walk.parts()}
    if not session.timings or not (rec.context.get("who") == "team" or any(boxes.values())):
        return []
    spent: dict[Phase, float] = {}
    for step in dict.fromkeys((s.section.phase, f"{s.library.id}.{s.section.id}") for s in rec.steps):
        phase, key = step
        if key in session.timings:
            spent[phase] = spent.get(phase, 0.0) + session.timings[key]
    rows: list[tuple[str, str, str]] = []
    for phase, seconds in spent.items():
        minutes = round(seconds / 60)
        box = f"{boxes[phase]} min" if boxes.get(phase) else "-"
        rows.append((_phase_title(lang, phase), f"{minutes} min" if minutes else "< 1 min", box))
    table = Table((t(lang, "rec_part"), t(lang, "rec_spent"), t(lang, "rec_box")), tuple(rows), (60, 20, 20))
    return [Heading(2, t(lang, "rec_time")), table]


def _changes(rec: _Record) -> list[Block]:
    """For a follow-up, first in the summary: what changed since the earlier reflection, and
    what became of its next steps (and why, where partly or not)."""
    baseline, lang = rec.session.followup_of, rec.lang
    if baseline is None:
        return []

    def said(step: Step, answer: Answer | None) -> str:
        return describe_answer(step.prompt, answer, lang) if _answered(answer) else _state(answer, lang)

    rows = []
    still: list[str] = []  # carried over and not checked again: named once, not shown as changed
    for step in rec.steps:
        if step.library.id == CONTEXT_LIBRARY or not step.prompt.dossier:  # the own reflection starts anew
            continue
        answer = rec.answer(step)
        then, now_ = said(step, baseline.answers.get(step.key)), said(step, answer)
        if then != now_:
            rows.append((_short(step.prompt.text.get(lang), 60), _short(then), _short(now_)))
        if answer is not None and answer.carried and _answered(answer):
            still.append(_short(step.prompt.text.get(lang), 50))
    blocks: list[Block] = [Heading(3, t(lang, "rec_sum_changed", date=baseline.date))]
    if rows:
        blocks.append(Table((t(lang, "rec_question"), t(lang, "rec_before"), t(lang, "rec_now")), tuple(rows), (34, 33, 33)))
    else:
        blocks.append(Paragraph(t(lang, "rec_no_changes")))
    if still:
        blocks.append(Paragraph(t(lang, "rec_carried", date=baseline.date, items="; ".join(still)), "em"))
    earlier = earlier_steps(baseline, rec.libraries)
    if earlier:
        done = baseline.steps_done + [""] * len(earlier)
        why = baseline.steps_why + [""] * len(earlier)
        result = baseline.steps_result + [""] * len(earlier)
        table = tuple(
            (r.who, r.what, r.when, t(lang, d) if d else t(lang, "unanswered"), o, w)
            for r, d, w, o in zip(earlier, done, why, result, strict=False)
        )
        headers = (
            t(lang, "field_who_action"),
            t(lang, "field_what"),
            t(lang, "field_when"),
            t(lang, "rec_status"),
            t(lang, "rec_result"),
            t(lang, "rec_why"),
        )
        blocks += [Paragraph(t(lang, "rec_steps_then"), "strong"), Table(headers, table, (14, 24, 12, 14, 18, 18))]
    return blocks


def _short(text: str, length: int = 80) -> str:
    """A changed item in short form: its first line, cut at a word."""
    line = " ".join(text.split())
    if len(line) <= length:
        return line
    return line[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _open_points(rec: _Record) -> list[Block]:
    """What is still open: unanswered, skipped or 'later' prompts, and parts nobody went
    through (one line each)."""
    lang = rec.lang
    items: list[str] = []
    listed: set[tuple[str, str]] = set()
    for step in rec.steps:
        answer = rec.answer(step)
        if step.library.id == CONTEXT_LIBRARY or not is_open(step.prompt, answer):
            continue
        where = (step.library.id, step.section.id)
        if where in rec.not_visited:
            if where not in listed:
                listed.add(where)
                size = rec.section_sizes[where]  # "1 vraag", not "1 vragen"
                said = t(lang, "rec_not_visited_one" if size == 1 else "rec_not_visited", n=size)
                items.append(f"{step.section.title.get(lang)}: {said}")
            continue
        state = _state(answer, lang) if not _answered(answer) else describe_answer(step.prompt, answer, lang)[:60]
        items.append(f"{step.section.title.get(lang)}: {step.prompt.text.get(lang)} ({state})")
    for step in rec.steps:  # a meeting's guiding questions that got no answer stay open too
        answer = rec.answer(step)
        if isinstance(step.prompt, GuidingPrompt) and _answered(answer):
            for row in step.prompt.parse(_shared(answer)):
                if row.status == "not_answered":
                    items.append(t(lang, "rec_guiding_open", question=row.question))
    body: Block = BulletList(tuple(items)) if items else Paragraph(t(lang, "rec_open_none"))
    return [Heading(2, t(lang, "rec_open")), body]


def _sources(rec: _Record) -> list[Block]:
    """The sources of the prompts answered on the record, by title."""
    if rec.libraries.sources is None:
        return []
    answered = [s for s in rec.steps if s.library.id != CONTEXT_LIBRARY and _answered(rec.answer(s))]
    used = {ref.strip().split(" ")[0] for s in answered for ref in s.prompt.source.split(";")} - {"goedgenoeg-tool"}
    items = tuple(f"{s.title}, {s.organisation} ({s.year})" for s in rec.libraries.sources.sources if s.id in used)
    return [Heading(2, t(rec.lang, "rec_sources")), BulletList(items)] if items else []


def build(session: Session, libraries: LibrarySet, full: bool = False) -> Document:
    """The record as a document: title, summary, metadata, the rest of the reflection by part
    (the network drawn where its people were asked), time, open points and sources."""
    rec = _prepare(session, libraries, full)
    blocks: list[Block] = []
    for part in (_title, _summary, _metadata, _reflection_line, _weighing, _time, _open_points, _sources, _footer):
        blocks += part(rec)
    title = strip_control(f"{t(rec.lang, 'rec_title')}: {rec.context.get('case', '-')}")
    region, written = rec.context.get("region", ""), session.updated  # the Word file's language and date
    author = session.author.line() if session.author is not None else ""
    return clean(Document(rec.lang, " ".join(title.split()), tuple(blocks), region, written, author))


def render(
    session: Session, libraries: LibrarySet, fmt: str = "md", full: bool = False, template: Path | None = None
) -> bytes | str:
    """The record in a format: markdown as text; docx and html as bytes (a docx on the
    organisation's Word template when one is given)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown record format {fmt!r}; use one of {', '.join(FORMATS)}")
    return write_document(build(session, libraries, full), fmt, template)


def write_document(document: Document, fmt: str = "md", template: Path | None = None) -> bytes | str:
    """A document (the record, the parents' page) in a format: markdown as text; docx and html as bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown record format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "md":
        from .writers import markdown

        return markdown.write(document)
    if fmt == "html":
        from .writers import html

        return html.write(document)
    from .writers import word  # python-docx is imported only here

    return word.write(document, template)


def suggested_name(session: Session, libraries: LibrarySet, fmt: str = "md", full: bool = False) -> str:
    """A record file name from its own answers: reflectie-<case>-<date>[-intern].<ext>."""
    case = SessionView.of(session, libraries).context().get("case", "") or session.id
    slug = re.sub(r"[^A-Za-z0-9]+", "-", case).strip("-")[:40] or session.id
    prefix = "reflection" if session.lang == "en" else "reflectie"
    internal = ("-internal" if session.lang == "en" else "-intern") if full else ""
    return f"{prefix}-{slug}-{session.updated[:10]}{internal}{EXTENSIONS[fmt]}"
