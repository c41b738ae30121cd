"""The walk's screens around the questions, in the terminal: the overview of the parts, the
review of the open points, the privacy review, the offer of the full path and, at a
follow-up, what became of the earlier next steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from rich.markup import escape
from rich.table import Table

from .answers import describe
from .models import Answer
from .numbers import choose
from .privacy import KIND_LABELS, Finding, fold, mask
from .sanitize import strip_control
from .texts import t
from .values import ActionRow
from .vocab import STEP_DONE, YES_WORDS
from .walk import SectionProgress, Step

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console


class Terminal(Protocol):
    """What these screens use of the terminal (ask.Terminal is one), named here so that this
    module needs nothing from ask.py."""

    console: Console
    lang: str

    def say(self, text: str, style: str = "") -> None: ...

    def read(self, label: str) -> str: ...

    def pick(self, rows: Sequence[tuple[Any, ...]], key: str) -> int | None: ...


def time_boxes(term: Terminal, parts: list[tuple[str, int, int]]) -> None:
    """A meeting's parts with the minutes used against each one's time box (phase, minutes
    used, box), for the time keeper."""
    lang = term.lang
    table = Table(title=t(lang, "overview_time_title"))
    table.add_column(t(lang, "overview_part"))
    table.add_column(t(lang, "overview_used"), justify="right")
    for phase, used, box in parts:
        over = f" ({t(lang, 'time_over')})" if box and used >= box else ""
        table.add_row(escape(t(lang, f"part_{phase}")), t(lang, "time_box", spent=used, box=box) + over)
    term.console.print(table)


def overview(term: Terminal, sections: list[SectionProgress]) -> int | None:
    """The sections and how far each is: the index of the prompt to go to, or None (go on). They
    are not called parts here: 'Deel 2 van 7' on the screen counts the walk's parts."""
    lang = term.lang
    table = Table(title=t(lang, "overview_title"))
    table.add_column("#", justify="right")
    table.add_column(t(lang, "overview_section"))
    table.add_column(t(lang, "answered_col"), justify="right")
    for n, row in enumerate(sections, 1):
        mark = "✓" if row.answered == row.total else ""
        table.add_row(str(n), escape(strip_control(row.section.title.get(lang))), f"{row.answered}/{row.total} {mark}")
    term.console.print(table)
    place = choose(
        lambda: term.read(t(lang, "overview_pick")),
        len(sections),
        lambda: term.say(t(lang, "invalid_range", n=len(sections)), "red"),
    )
    return None if place is None else sections[place].first_index


def review(term: Terminal, open_points: list[tuple[int, Step]], answers: dict[str, Answer]) -> int | None:
    """The open points at the end (by part when there are many): the index of one to answer, or None (done)."""
    lang = term.lang
    term.console.rule(t(lang, "review_title"))
    if not open_points:
        term.say(t(lang, "review_none"), "green")
        return None
    if len(open_points) <= 15:
        for n, (_, step) in enumerate(open_points, 1):
            term.say(f"{n:>3}. [{_status(term, step, answers.get(step.key))}] {step.prompt.text.get(lang)}")
        return term.pick(open_points, "review_pick")
    # many open points: one line per part, going to its first open question
    parts: list[tuple[int, Step, int]] = []
    for index, step in open_points:
        if parts and parts[-1][1].section is step.section:
            parts[-1] = (parts[-1][0], parts[-1][1], parts[-1][2] + 1)
        else:
            parts.append((index, step, 1))
    term.say(t(lang, "review_many", n=len(open_points), m=len(parts)))
    for n, (_, step, count) in enumerate(parts, 1):
        term.say(f"{n:>3}. {step.section.title.get(lang)} ({t(lang, 'open_count', n=count)})")
    return term.pick(parts, "review_pick")


def privacy_review(term: Terminal, findings: list[tuple[int, Step, list[Finding]]]) -> int | None:
    """Findings over the whole session: returns the step index to edit, or None."""
    lang = term.lang
    term.console.rule(t(lang, "privacy_review"))
    for n, (_, step, found) in enumerate(findings, 1):
        term.say(f"{n:>3}. {step.prompt.text.get(lang)} - {found_items(found, lang)}")
    return term.pick(findings, "privacy_review_pick")


def found_items(found: list[Finding], lang: str) -> str:
    """What was found in one answer, each thing once in the order found, with how often it
    occurs when more than once: a name typed nine times is one item, not nine."""
    counts: dict[tuple[str, str], int] = {}
    shown: dict[tuple[str, str], str] = {}  # as first typed
    for f in found:
        item = (KIND_LABELS[f.kind][lang], fold(f.text) if f.kind == "name" else f.text)
        counts[item] = counts.get(item, 0) + 1
        shown.setdefault(item, mask(f.text))
    return ", ".join(
        f"{item[0]} ({shown[item]}" + (f", {t(lang, 'privacy_times', n=n)})" if n > 1 else ")") for item, n in counts.items()
    )


def offer_full(term: Terminal, prompts: int, minutes: int) -> bool:
    """At the end of the short path: go on with the full path? Every answer stays."""
    lang = term.lang
    term.console.rule(t(lang, "short_done_title"))
    term.say(t(lang, "short_done", n=prompts, m=minutes))
    answer = term.read(t(lang, "short_done_pick")).strip().lower()
    return answer in YES_WORDS


def steps_done(term: Terminal, rows: list[ActionRow]) -> tuple[list[str], list[str], list[str]]:
    """Ask, for each next step of the previous reflection, whether it was done, why when it
    was done only partly or not, and what it produced when it was done (wholly or partly)."""
    term.console.rule(t(term.lang, "step_done_title"))
    done: list[str] = []
    why: list[str] = []
    result: list[str] = []
    for row in rows:
        term.say(" - ".join(v for v in (row.who, row.what, row.when) if v), "bold")
        while True:
            line = term.read(t(term.lang, "step_done_pick")).strip()
            if not line:
                done.append("")
                why.append("")
                result.append("")
                break
            if line in ("1", "2", "3"):
                done.append(STEP_DONE[int(line) - 1])
                why.append(term.read(t(term.lang, "step_done_why")).strip() if line != "1" else "")
                result.append(term.read(t(term.lang, "step_done_result")).strip() if line != "3" else "")
                break
            term.say(t(term.lang, "invalid_choice"), "red")
    return done, why, result


def _status(term: Terminal, step: Step, answer: Answer | None) -> str:
    """An open point's state in a few words: unanswered, skipped, later, or its answer."""
    if answer is None:
        return t(term.lang, "unanswered")
    if answer.status == "skipped":
        return t(term.lang, "skipped")
    if answer.status == "later":
        return t(term.lang, "marked_later")
    text = describe(step.prompt, answer.value, term.lang)
    return text if len(text) <= 40 else text[:39].rstrip() + "…"
