"""Asking one prompt in the terminal with rich. Reads plain standard input (no keyboard
chords), so it works in any terminal, in a pseudo-terminal test and with piped input."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .answers import AnswerError, describe, describe_answer, free_texts
from .models import (
    ActionsPrompt,
    AlternativePrompt,
    Answer,
    ChildrenPrompt,
    ChoicePrompt,
    GuidingPrompt,
    ListPrompt,
    MultiPrompt,
    ParticipantsPrompt,
    PeoplePrompt,
    PromptBase,
    ReflectionPrompt,
    TextPrompt,
)
from .privacy import KIND_LABELS, Finding, find_personal_data, mask
from .sanitize import strip_control
from .texts import t
from .values import (
    ActionRow,
    AlternativeValue,
    ChildRow,
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
    REFLECTION_RESPONSES,
    STEP_DONE,
    WEIGHED_STATUSES,
    Action,
    AlternativeStatus,
)
from .walk import Position, Reply, SectionProgress, Step, Walk, minutes

if TYPE_CHECKING:
    from .models import Section
    from .reflection import Reflection

# A command typed instead of an answer: a walk's action, or (in a team) "give each voice".
Command = Literal[Action, "voices"]
COMMANDS: dict[str, Command] = {
    "<": "back",
    "!terug": "back",
    "!back": "back",
    ">": "skip",
    "!overslaan": "skip",
    "!skip": "skip",
    "!later": "later",
    "!overzicht": "overview",
    "!overview": "overview",
    "!stop": "stop",
    "!stemmen": "voices",
    "!voices": "voices",
}


# The terminal's bracketed-paste marks, should they reach us (readline handles them itself).
_PASTE_MARKS = re.compile(r"\x1b\[20[01]~")
# Colour codes in a prompt: readline is told they take no room (\x01 ... \x02).
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


# A terminal without line editing cuts a line at 4,095 characters (its line buffer).
LINE_LIMIT = 4095


def line_editing() -> bool:
    """Use readline where it exists (Linux, macOS), so the arrow keys move in the line instead of
    typing ^[[D, and a line is not cut at the terminal's 4,095 characters. Never on Windows,
    whose console edits lines itself."""
    if os.name != "posix" or not sys.stdin.isatty():
        return False
    try:
        import readline  # noqa: F401  (importing it is enough: input() then uses it)
    except ImportError:
        return False
    return True


def _waiting(wait: float = 0.03) -> bool:
    """Whether more input is already waiting on a terminal (the rest of a paste)."""
    if os.name == "nt":
        try:
            import msvcrt

            if not sys.stdin.isatty():
                return False
            time.sleep(wait)
            return bool(msvcrt.kbhit())
        except (ImportError, OSError, ValueError, AttributeError):
            return False
    if os.name != "posix":
        return False
    try:
        import select

        fd = sys.stdin.fileno()
        return os.isatty(fd) and bool(select.select([fd], [], [], wait)[0])
    except (OSError, ValueError, AttributeError):
        return False


class _Partial(Exception):
    """Stopped while typing several lines: what was typed so far is kept."""

    def __init__(self, text: str):
        self.text = text


def _walk_action(command: Command) -> Action:
    """What a command is to the walk: '!stemmen' where it does not apply is a skip."""
    return "skip" if command == "voices" else command


class _Command(Exception):
    """A navigation command typed instead of an answer."""

    def __init__(self, action: Command):
        self.action: Command = action


R = TypeVar("R")  # a row of a list being gone over (_start_list)


def _default_editor(text: str) -> str | None:
    """Open $VISUAL or $EDITOR (else notepad or nano) on a private temporary file."""
    import os
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ("notepad" if os.name == "nt" else "nano")
    with tempfile.TemporaryDirectory(prefix="goedgenoeg-") as folder:  # 0700, removed after
        path = Path(folder) / "antwoord.md"
        path.write_text(text, encoding="utf-8")
        subprocess.run(shlex.split(command, posix=os.name != "nt") + [str(path)], check=True)
        return path.read_text(encoding="utf-8")


class TerminalAsker:
    def __init__(self, console: Console, lang: str, editor: Callable[[str], str | None] = _default_editor):
        self.console = console
        self.lang = lang
        self.editor = editor
        self._shown_section: Section | None = None
        self._step: Step | None = None  # the step being asked
        self._shown_phase: str | None = None
        self._intro_shown: set[str] = set()
        self._help: tuple[str, str] = ("", "")
        # set by begin(), from the reflection being walked:
        self.walk: Walk | None = None  # its participants, children and list items
        self.timings: dict[str, float] | None = None  # seconds per section, kept in the session
        self.followup = False  # a follow-up offers what became of things
        self.keep: Callable[[Step, object], None] | None = None  # save an answer now
        self._timer: threading.Timer | None = None  # rings when the part's time box runs out
        self.editing = line_editing()

    def begin(self, reflection: Reflection) -> None:
        """The reflection about to be walked (see walk.Asker)."""
        self.walk = reflection.walk
        self.timings = reflection.timings
        self.followup = reflection.followup
        self.keep = reflection.keep

    # --- small helpers -------------------------------------------------------------

    def say(self, text: str, style: str = "") -> None:
        """Show text (answers and library texts included) without its escape sequences."""
        self.console.print(escape(strip_control(text)), style=style or None, highlight=False)

    def _input(self, label: str) -> str:
        """One answer as typed. A paste of several lines is one answer: lines that are already
        waiting when Enter is read belong to it, and never spill into the next prompts."""
        prompt = f"[bold cyan]{escape(strip_control(label))}[/]: "
        try:
            if self.editing:
                # readline must know the prompt: printed apart, an empty answer leaves the cursor on
                # the prompt's line and the next question starts behind it
                with self.console.capture() as shown:
                    self.console.print(prompt, end="")
                line = input(_ANSI.sub(lambda m: f"\x01{m.group(0)}\x02", shown.get()))
            else:
                line = self.console.input(prompt)
        except EOFError:  # standard input closed: stop, the answers are saved
            raise _Command("stop") from None
        lines = [line]
        while _waiting():
            try:
                lines.append(input())
            except EOFError:
                break
        if any(len(x) >= LINE_LIMIT for x in lines) and not self.editing:
            self.say(t(self.lang, "line_cut", n=LINE_LIMIT), "bold red")
        return "\n".join(_PASTE_MARKS.sub("", x) for x in lines)

    def _line(self, label: str) -> str:
        """One line of input; navigation commands raise _Command, '?' shows the help."""
        while True:
            line = self._input(label).strip()
            if line == "?":
                why, source = self._help
                self.say(f"{t(self.lang, 'why')}: {why}", "italic")
                self.say(f"{t(self.lang, 'source')}: {source}", "dim")
                continue
            action = COMMANDS.get(line.lower())
            if action:
                raise _Command(action)
            return line

    # --- the Asker interface -------------------------------------------------------

    def _alarm(self, seconds: float) -> None:
        """Say, while a question is open, that the part's time box has run out."""
        part = t(self.lang, f"part_{self._shown_phase}")

        def ring() -> None:
            self.console.print(f"\a\n⏱ {escape(t(self.lang, 'time_up_now', part=part))}", style="bold yellow", highlight=False)

        self._timer = threading.Timer(max(0.0, seconds), ring)
        self._timer.daemon = True
        self._timer.start()

    def ask(self, step: Step, position: Position, previous: Answer | None) -> Reply:
        started = time.monotonic()
        try:
            return self._ask(step, position, previous)
        finally:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.timings is not None:
                key = f"{step.library.id}.{step.section.id}"
                self.timings[key] = round(self.timings.get(key, 0.0) + time.monotonic() - started, 1)

    def _names(self, step: Step) -> list[str]:
        if self.walk is None or step.library.id == "context" or step.prompt.TEAM_WIDE:
            return []
        names = [p.name for p in self.walk.participants()]
        return names if len(names) >= 2 else []

    def _children(self, step: Step) -> list[str]:
        """For the child's own prompts, when several children are named: the pseudonyms of those
        whose age the prompt fits (no school questions for a baby)."""
        if self.walk is None or not step.section.per_child:
            return []
        children = self.walk.children()
        if len(children) < 2:
            return []
        ages = step.prompt.when.age if step.prompt.when is not None else None
        return [c.name for c in children if ages is None or c.age in ages]

    def _voices(self, step: Step, previous: Answer | None, names: list[str], label: str = "voice_of") -> Reply:
        """Each person's own answer. A person's earlier voice is their default; a group answer
        is nobody's (Enter must not record it for someone who said nothing). '>' skips this
        person's voice only, '<' goes back one person, !stop keeps the voices given."""
        voices: dict[str, Any] = {}
        old = previous.voices if previous is not None and previous.voices else {}
        i = 0
        while i < len(names):
            name = names[i]
            self.say(t(self.lang, label, name=name), "bold cyan")
            try:
                value = self._ask_value(step.prompt, old.get(name))
            except _Command as command:
                if command.action in ("skip", "later"):
                    voices.pop(name, None)
                    self.say(f"({t(self.lang, 'voice_skipped', name=name)})", "dim")
                    i += 1
                    continue
                if command.action == "back" and i > 0:
                    i -= 1
                    continue
                if command.action == "stop" and voices:
                    return Reply("answer", None, voices, stop=True)
                raise
            except _Partial as partial:
                voices[name] = partial.text
                return Reply("answer", None, voices, stop=True)
            if value == "-" and name in old:  # '-' takes back a voice carried over from before
                voices.pop(name, None)
                self.say(f"({t(self.lang, 'voice_removed', name=name)})", "dim")
            elif value is not None:
                voices[name] = value
            else:
                voices.pop(name, None)
            i += 1
        return Reply("answer", None, voices) if voices else Reply("skip")

    def _ask(self, step: Step, position: Position, previous: Answer | None) -> Reply:
        lang = self.lang
        prompt = step.prompt
        self._step = step
        self._header(step, position)
        names = self._names(step)
        self._help = (prompt.help.get(lang), prompt.source)
        while True:
            self._show_question(step, previous, bool(names))
            old = previous.value if previous is not None and previous.status == "answered" else None
            try:
                # a question for the case file's summary (the decision, its grounds, the facts) gets the
                # team's one answer: voices prepared beforehand are shown above it as input
                own_voices = previous is not None and previous.voices and prompt.summary is None
                children = self._children(step)
                if children:  # the child's own prompts, for each child
                    return self._voices(step, previous, children, label="child_of")
                if names and (getattr(prompt, "per_person", False) or own_voices):
                    return self._voices(step, previous, names)
                value = self._ask_value(prompt, old)
            except _Partial as partial:
                return Reply("answer", partial.text, stop=True)
            except _Command as command:
                if command.action == "voices" and names:
                    try:
                        return self._voices(step, previous, names)
                    except _Command as inner:  # '!stemmen' again while giving voices: as a skip
                        return Reply(_walk_action(inner.action))
                action = _walk_action(command.action)
                if action in ("skip", "later"):  # say so: a skip inside a half-given answer drops it
                    self.say(f"({t(lang, 'skipped' if action == 'skip' else 'marked_later')})", "dim")
                return Reply(action)
            if value is None:  # Enter without an answer: say so, as for '>'
                self.say(f"({t(lang, 'skipped')})", "dim")
                return Reply("skip")
            if self.keep is not None:  # on disk before it is checked: the check never costs an answer
                self.keep(step, value)
            if self._privacy_ok(prompt, value):
                return Reply("answer", value)
            previous = Answer(status="answered", value=value)

    def _show_question(self, step: Step, previous: Answer | None, voices: bool) -> None:
        """The question, what the kind adds to it (the counter-thought of a reflection, what an
        alternative is and when it fits), the earlier answer and the hints."""
        lang, prompt = self.lang, step.prompt
        self.console.print()
        self.say(prompt.text.get(lang), "bold")
        if isinstance(prompt, ReflectionPrompt) and prompt.counter is not None:
            self.say(f"{t(lang, 'counter')}: {prompt.counter.get(lang)}", "green")
        if isinstance(prompt, AlternativePrompt):
            self.say(f"{t(lang, 'what_is_it')}: {prompt.description.get(lang)}")
            self.say(f"{t(lang, 'when_fits')}: {prompt.fits.get(lang)}")
        if previous is not None and previous.status == "answered":
            self.say(f"{t(lang, 'previous')}: {describe_answer(prompt, previous, lang)}", "yellow")
            if self.followup and step.section.phase == "facts":
                self.say(t(lang, "followup_check_fact"), "bold yellow")
        self.say(t(lang, "hint") + (" · " + t(lang, "hint_voices") if voices else ""), "dim")
        if isinstance(prompt, TextPrompt) and prompt.long:
            self.say(t(lang, "hint_long"), "dim")

    def overview(self, sections: list[SectionProgress]) -> int | None:
        lang = self.lang
        table = Table(title=t(lang, "overview_title"))
        table.add_column("#", justify="right")
        table.add_column(t(lang, "rec_part"))
        table.add_column(t(lang, "answered_col"), justify="right")
        for n, row in enumerate(sections, 1):
            mark = "✓" if row.answered == row.total else ""
            table.add_row(str(n), escape(strip_control(row.section.title.get(lang))), f"{row.answered}/{row.total} {mark}")
        self.console.print(table)
        while True:
            choice = self._input(t(lang, "overview_pick")).strip()
            if not choice:
                return None
            if choice.isdigit() and 1 <= int(choice) <= len(sections):
                return sections[int(choice) - 1].first_index
            self.say(t(lang, "invalid_range", n=len(sections)), "red")

    def review(self, open_points: list[tuple[int, Step]], answers: dict[str, Answer]) -> int | None:
        lang = self.lang
        self.console.rule(t(lang, "review_title"))
        if not open_points:
            self.say(t(lang, "review_none"), "green")
            return None
        if len(open_points) <= 15:
            for n, (_, step) in enumerate(open_points, 1):
                self.say(f"{n:>3}. [{self._status(step, answers.get(step.key))}] {step.prompt.text.get(lang)}")
            return self._pick(open_points, "review_pick")
        # many open points: one line per part, going to its first open question
        parts: list[tuple[int, Step, int]] = []
        for index, step in open_points:
            if parts and parts[-1][1].section is step.section:
                parts[-1] = (parts[-1][0], parts[-1][1], parts[-1][2] + 1)
            else:
                parts.append((index, step, 1))
        self.say(t(lang, "review_many", n=len(open_points), m=len(parts)))
        for n, (_, step, count) in enumerate(parts, 1):
            self.say(f"{n:>3}. {step.section.title.get(lang)} ({t(lang, 'open_count', n=count)})")
        return self._pick(parts, "review_pick")

    def privacy_review(self, findings: list[tuple[int, Step, list[Finding]]]) -> int | None:
        """Findings over the whole session: returns the step index to edit, or None."""
        lang = self.lang
        self.console.rule(t(lang, "privacy_review"))
        for n, (_, step, found) in enumerate(findings, 1):
            items = ", ".join(f"{KIND_LABELS[f.kind][lang]} ({mask(f.text)})" for f in found)
            self.say(f"{n:>3}. {step.prompt.text.get(lang)} - {items}")
        return self._pick(findings, "privacy_review_pick")

    # --- pieces --------------------------------------------------------------------

    def _pick(self, rows: Sequence[tuple[Any, ...]], key: str) -> int | None:
        while True:
            choice = self._input(t(self.lang, key)).strip()
            if not choice:
                return None
            if choice.isdigit() and 1 <= int(choice) <= len(rows):
                index: int = rows[int(choice) - 1][0]
                return index
            self.say(t(self.lang, "invalid_range", n=len(rows)), "red")

    def _status(self, step: Step, answer: Answer | None) -> str:
        if answer is None:
            return t(self.lang, "unanswered")
        if answer.status == "skipped":
            return t(self.lang, "skipped")
        if answer.status == "later":
            return t(self.lang, "marked_later")
        return describe(step.prompt, answer.value, self.lang)[:40]

    def _header(self, step: Step, position: Position) -> None:
        """The part as a rule when a new part starts, the section title when a new section
        starts, then where this question stands and the minutes left."""
        lang = self.lang
        if position.phase != self._shown_phase:
            self._shown_phase = position.phase
            title = t(lang, "part", n=position.part_number, m=position.part_count, title=t(lang, f"part_{position.phase}"))
            if position.part_box:
                title += " · " + t(lang, "preview_box", m=position.part_box)
            self.console.rule(f"[bold]{escape(strip_control(title))}[/]")
        if step.library.id not in self._intro_shown:
            self._intro_shown.add(step.library.id)
            if step.library.intro is not None:
                self.say(step.library.intro.get(lang), "italic")
        if step.section is not self._shown_section:
            self._shown_section = step.section
            self.console.print()
            self.say(step.section.title.get(lang), "bold magenta")
            if step.section.intro is not None:
                self.say(step.section.intro.get(lang), "italic")
        timing = ""
        if self.timings is not None and (position.part_box or self._names(step)):
            seconds = sum(self.timings.get(key, 0.0) for key in position.part_sections)
            spent, box = round(seconds / 60), position.part_box
            timing = " · " + (t(lang, "time_box", spent=spent, box=box) if box else t(lang, "time_spent", spent=spent))
            if box and spent >= box:
                timing += f" ({t(lang, 'time_over')})"
            elif box:  # the time keeper hears it when the box runs out, not only at the next question
                self._alarm(box * 60 - seconds)
        left = t(lang, "minutes_left", m=minutes(position.seconds_left)) if position.seconds_left and not self.followup else ""
        # "vraag 1 van 1" says nothing: the count only where a section has several questions
        count = t(lang, "question", i=position.in_section, k=position.section_size) if position.section_size > 1 else ""
        status = " · ".join(x for x in (count, left, timing.removeprefix(" · ")) if x)
        if status:
            self.say(status, "dim")

    def save_failed(self, err: OSError) -> bool:
        """Saving failed (a full disk, a read-only folder): try again (True) or stop (False)."""
        self.say(t(self.lang, "save_failed", err=err.strerror or err), "bold red")
        while True:
            try:
                line = self._input(t(self.lang, "save_retry")).strip().lower()
            except _Command:
                return False
            if not line:
                return True
            if line in ("!stop", "stop"):
                return False

    def offer_full(self, prompts: int, minutes: int) -> bool:
        """At the end of the short path: go on with the full path? Every answer stays."""
        lang = self.lang
        self.console.rule(t(lang, "short_done_title"))
        self.say(t(lang, "short_done", n=prompts, m=minutes))
        answer = self._input(t(lang, "short_done_pick")).strip().lower()
        return answer in ("j", "ja", "y", "yes")

    def _privacy_ok(self, prompt: PromptBase, value: Any) -> bool:
        found = [f for text in free_texts(prompt, value) for f in find_personal_data(text)]
        if not found:
            return True
        items = ", ".join(f"{KIND_LABELS[f.kind][self.lang]} ({mask(f.text)})" for f in found)
        self.say(t(self.lang, "privacy_found", items=items), "bold red")
        answer = self._input(t(self.lang, "privacy_edit")).strip().lower()
        return answer not in ("j", "ja", "y", "yes")

    def _numbered(self, labels: list[str], inline: bool = False) -> None:
        if inline:  # the fixed answers of reflections and alternatives fit on one line
            self.say("   ".join(f"{n} {label}" for n, label in enumerate(labels, 1)))
            return
        for n, label in enumerate(labels, 1):
            self.say(f"  {n}. {label}")

    def _choose(self, labels: list[str], old_index: int | None, inline: bool = False) -> int | None:
        self._numbered(labels, inline)
        while True:
            hint = t(self.lang, "choose") + (f" [{old_index + 1}]" if old_index is not None else "")
            line = self._line(hint)
            if not line:
                return old_index
            if line.isdigit() and 1 <= int(line) <= len(labels):
                return int(line) - 1
            self.say(t(self.lang, "invalid_range", n=len(labels)), "red")

    # --- one method per prompt kind; None means "no answer" (skip) ---------------------
    # Each gets the typed earlier value (or None) and returns a typed value; ASKERS (below the
    # class) finds the one for a prompt's kind, and _ask_value turns values into stored JSON.

    def _ask_value(self, prompt: PromptBase, old: Any) -> Any:
        """Ask a prompt's own question: the earlier stored value in, the new stored value out
        (None: no answer)."""
        value = ASKERS[type(prompt)](self, prompt, None if old is None else prompt.parse(old))
        return None if value is None else to_json(value)

    def _ask_text(self, prompt: TextPrompt, old: str | None) -> str | None:
        hint = t(self.lang, "hint_enter_keep" if old else "hint_enter_skip")
        while True:
            line = self._line(f"{t(self.lang, 'your_answer')} ({hint})")
            if line.lower() == "!multi":
                text = self._several_lines()
            elif line.lower() == "!edit":
                try:
                    text = (self.editor(old or "") or "").strip()
                except Exception as err:  # no editor, or it failed: say so and ask again
                    self.say(t(self.lang, "editor_failed", err=err), "red")
                    continue
            else:
                text = line
            if text:
                return text
            if old:
                return old
            return None

    def _several_lines(self) -> str:
        """Lines up to !end, as one answer."""
        self.say(t(self.lang, "multi_start"), "dim")
        lines: list[str] = []
        while True:
            try:
                more = self._input("…")
            except (KeyboardInterrupt, _Command):  # Ctrl-C or end of input: keep what is typed
                if "\n".join(lines).strip():
                    raise _Partial("\n".join(lines).strip()) from None
                raise
            if more.strip().lower() == "!end":
                break
            lines.append(more)
        return "\n".join(lines).strip()

    def _ask_choice(self, prompt: ChoicePrompt, old: str | None) -> str | None:
        ids = [o.id for o in prompt.options]
        index = self._choose([o.label.get(self.lang) for o in prompt.options], ids.index(old) if old in ids else None)
        return None if index is None else ids[index]

    def _ask_multi(self, prompt: MultiPrompt, old: list[str] | None) -> list[str] | None:
        ids = [o.id for o in prompt.options]
        self._numbered([o.label.get(self.lang) for o in prompt.options])
        while True:
            line = self._line(t(self.lang, "choose_multi"))
            if not line:
                return old
            if line.strip() == "0":
                return []
            parts = [p.strip() for p in line.replace(" ", ",").split(",") if p.strip()]
            if all(p.isdigit() and 1 <= int(p) <= len(ids) for p in parts):
                return prompt.check([ids[int(p) - 1] for p in parts])
            self.say(t(self.lang, "invalid_choice"), "red")

    def _note(self, label: str, old_note: str, kept: bool) -> str:
        """The note of a fixed answer: the earlier one is the default when the answer is the same
        (a note belongs to the answer it was given with); '-' clears it."""
        if old_note and not kept:
            self.say(t(self.lang, "note_earlier", note=old_note), "dim")
            old_note = ""
        note = self._line(label + (f" [{old_note}] ({t(self.lang, 'note_clear')})" if old_note else ""))
        return "" if note == "-" else (note or old_note)

    def _ask_reflection(self, prompt: ReflectionPrompt, old: ReflectionValue | None) -> ReflectionValue | None:
        labels = [t(self.lang, r) for r in REFLECTION_RESPONSES]
        old_index = REFLECTION_RESPONSES.index(old.response) if old else None
        index = self._choose(labels, old_index, inline=True)
        if index is None:
            return None
        note = self._note(t(self.lang, "note"), old.note if old else "", index == old_index)
        return ReflectionValue(REFLECTION_RESPONSES[index], note)

    def _ask_alternative(self, prompt: AlternativePrompt, old: AlternativeValue | None) -> AlternativeValue | None:
        # at a follow-up an alternative can also have been put in place since
        statuses: tuple[AlternativeStatus, ...] = ALTERNATIVE_STATUSES if self.followup else WEIGHED_STATUSES
        labels = [t(self.lang, s) for s in statuses]
        old_index = statuses.index(old.status) if old and old.status in statuses else None
        index = self._choose(labels, old_index, inline=True)
        if index is None:
            return None
        status = statuses[index]
        old_note = old.note if old else ""
        kept = old is not None and status == old.status
        while True:
            note = self._note(t(self.lang, "reason" if status == "not_feasible" else "note"), old_note, kept)
            old_note, kept = (old_note, kept) if kept else ("", True)  # said once
            try:
                return prompt.check({"status": status, "note": note})
            except AnswerError:
                self.say(t(self.lang, "reason_needed"), "red")

    def _start_list(self, old: list[R] | None, show: Callable[[R], str], edit: Callable[[R], R]) -> tuple[list[R], bool]:
        """Go over an earlier list: keep it (Enter), change item N (its number), remove it
        (-N), add to it (+) or empty it (!opnieuw). Returns the list and whether to add to it."""
        rows = list(old or [])
        while rows:
            for n, row in enumerate(rows, 1):
                self.say(f"  {n}. {show(row)}")
            line = self._line(t(self.lang, "list_keep")).strip()
            if not line:
                return rows, False
            if line == "+":
                break
            if line.lower() in ("!opnieuw", "!again"):
                rows = []
                break
            number = line.removeprefix("-")
            if number.isdigit() and 1 <= int(number) <= len(rows):
                if line.startswith("-"):
                    self.say(f"({t(self.lang, 'list_removed', item=show(rows.pop(int(number) - 1)))})", "dim")
                else:
                    rows[int(number) - 1] = edit(rows[int(number) - 1])
                continue
            self.say(t(self.lang, "invalid_range", n=len(rows)), "red")
        self.say(t(self.lang, "list_next"), "dim")
        return rows, True

    def _ask_rows(
        self,
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
                value = self._line(f"{t(self.lang, label)}" + (f" [{before}]" if before else ""))
                changed[field] = value or before
            return changed

        rows, add = self._start_list(old, lambda row: " - ".join(v for v in row.values() if isinstance(v, str) and v), edit)
        if not add:
            return rows or None
        while True:
            title = t(self.lang, title_key, n=len(rows) + 1)
            first_field, first_label = fields[0]
            first = self._line(f"{title} · {t(self.lang, first_label)}")
            if not first:
                break
            row: dict[str, Any] = {first_field: first}
            for field, label in fields[1:]:
                row[field] = self._line(f"{title} · {t(self.lang, label)}")
            if more is not None:
                more(title, row)
            rows.append(row)
        return rows or None

    def _ask_people(self, prompt: PeoplePrompt, old: list[PersonRow] | None) -> list[PersonRow] | None:
        fields = [("who", "field_who_person"), ("relation", "field_relation"), ("meaning", "field_meaning")]

        def risk(title: str, row: dict[str, Any]) -> None:
            row["risk"] = self._line(f"{title} · {t(self.lang, 'field_risk')}").lower() in ("j", "ja", "y", "yes")

        rows = self._ask_rows(to_json(old), fields, "person", more=risk)
        return None if rows is None else [PersonRow(**r) for r in rows]

    def _ask_children(self, prompt: ChildrenPrompt, old: list[ChildRow] | None) -> list[ChildRow]:
        labels = [t(self.lang, f"age_{a}") for a in AGE_BANDS]

        def age(title: str, row: dict[str, Any]) -> None:
            self.say(f"{title} · {t(self.lang, 'field_child_age')}")
            index = self._choose(labels, None, inline=True)
            row["age"] = AGE_BANDS[index if index is not None else 0]

        # Enter at once means one child: an answer, not a skip
        rows = self._ask_rows(to_json(old), [("name", "field_child_name")], "child_n", more=age) or []
        return [ChildRow(**r) for r in rows]

    def _ask_actions(self, prompt: ActionsPrompt, old: list[ActionRow] | None) -> list[ActionRow] | None:
        fields = [("what", "field_what"), ("who", "field_who_action"), ("when", "field_when"), ("result", "field_result")]
        rows = self._ask_rows(to_json(old), fields, "step")
        return None if rows is None else [ActionRow(**r) for r in rows]

    def _meeting_role(self, before: int) -> ParticipantRow:
        """Ask a meeting role (Enter keeps `before`); returned on an empty row to fill in."""
        roles = [t(self.lang, f"role_{r}") for r in MEETING_ROLES]
        self.say(t(self.lang, "field_meeting_role"))
        index = self._choose(roles, before, inline=True)
        return ParticipantRow("", meeting_role=MEETING_ROLES[index if index is not None else before])

    def _ask_participants(self, prompt: ParticipantsPrompt, old: list[ParticipantRow] | None) -> list[ParticipantRow] | None:
        def edit(row: ParticipantRow) -> ParticipantRow:
            organisation, role = (
                self._line(t(self.lang, label) + (f" [{before}]" if before else "")) or before
                for label, before in (("field_organisation", row.organisation), ("field_role", row.role))
            )
            chosen = self._meeting_role(MEETING_ROLES.index(row.meeting_role)).meeting_role
            return ParticipantRow(row.name, organisation, role, chosen)

        def show(r: ParticipantRow) -> str:
            return f"{r.name} - {r.organisation} - {r.role} - {t(self.lang, 'role_' + r.meeting_role)}"

        rows, add = self._start_list(old, show, edit)
        if not add:
            return rows or None
        while True:
            title = t(self.lang, "participant", n=len(rows) + 1)
            name = self._line(f"{title} · {t(self.lang, 'field_name')}")
            if not name:
                break
            if name in [r.name for r in rows]:
                self.say(t(self.lang, "name_taken"), "red")
                continue
            organisation = self._line(f"{title} · {t(self.lang, 'field_organisation')}")
            role = self._line(f"{title} · {t(self.lang, 'field_role')}")
            chosen = self._meeting_role(len(MEETING_ROLES) - 1).meeting_role
            rows.append(ParticipantRow(name, organisation, role, chosen))
        return rows or None

    def _ask_list(self, prompt: ListPrompt, old: list[str] | None) -> list[str] | None:
        def edit(item: str) -> str:
            return self._line(f"{t(self.lang, 'item', n='')} [{item}]".replace("  ", " ")) or item

        items, add = self._start_list(old, str, edit)
        if not add:
            return items or None
        while True:
            item = self._line(t(self.lang, "item", n=len(items) + 1))
            if not item:
                return items or None
            items.append(item)

    def _ask_guiding(self, prompt: GuidingPrompt, old: list[GuidingRow] | None) -> list[GuidingRow] | None:
        library, list_id = prompt.list_key(self._step.library.id if self._step is not None else "")
        items = self.walk.list_items(library, list_id) if self.walk is not None else []
        earlier = {r.question: r for r in old or []}
        labels = [t(self.lang, f"guiding_{s}") for s in GUIDING_STATUSES]
        rows = []
        for question in items:
            self.say(f"• {question}", "bold")
            before = earlier.get(question)
            index = self._choose(labels, GUIDING_STATUSES.index(before.status) if before else None, inline=True)
            if index is None:
                continue
            where = self._line(t(self.lang, "guiding_where")) or (before.where if before else "")
            rows.append(GuidingRow(question, GUIDING_STATUSES[index], where))
        return rows or None

    def steps_done(self, rows: list[ActionRow]) -> tuple[list[str], list[str]]:
        """Ask, for each next step of the previous reflection, whether it was done, and why
        when it was done only partly or not."""
        self.console.rule(t(self.lang, "step_done_title"))
        done, why = [], []
        for row in rows:
            self.say(" - ".join(v for v in (row.who, row.what, row.when) if v), "bold")
            while True:
                line = self._input(t(self.lang, "step_done_pick")).strip()
                if not line:
                    done.append("")
                    why.append("")
                    break
                if line in ("1", "2", "3"):
                    done.append(STEP_DONE[int(line) - 1])
                    why.append(self._input(t(self.lang, "step_done_why")).strip() if line != "1" else "")
                    break
                self.say(t(self.lang, "invalid_choice"), "red")
        return done, why


# The asking function of each prompt kind.
ASKERS: dict[type[PromptBase], Callable[[TerminalAsker, Any, Any], object]] = {
    TextPrompt: TerminalAsker._ask_text,
    ReflectionPrompt: TerminalAsker._ask_reflection,
    ChoicePrompt: TerminalAsker._ask_choice,
    MultiPrompt: TerminalAsker._ask_multi,
    AlternativePrompt: TerminalAsker._ask_alternative,
    PeoplePrompt: TerminalAsker._ask_people,
    ChildrenPrompt: TerminalAsker._ask_children,
    ActionsPrompt: TerminalAsker._ask_actions,
    ParticipantsPrompt: TerminalAsker._ask_participants,
    ListPrompt: TerminalAsker._ask_list,
    GuidingPrompt: TerminalAsker._ask_guiding,
}
