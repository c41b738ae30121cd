"""Asking in the terminal with rich: the screen and keyboard (`Terminal`), and the `Asker` of a
walk built on it (`TerminalAsker`). Reads plain standard input (no keyboard chords), so it
works in any terminal, in a pseudo-terminal test and with piped input. Each prompt kind's own
question is in questions.py, the walk's other screens in pages.py."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from . import pages
from .answers import AnswerError, describe_answer, free_texts, normalise
from .models import AlternativePrompt, Answer, PromptBase, ReflectionPrompt, TextPrompt
from .numbers import choose
from .oserrors import describe
from .privacy import KIND_LABELS, Finding, find_personal_data, mask
from .questions import Command, CommandGiven as _Command, Partial, ask_value
from .sanitize import strip_control
from .texts import t
from .values import ActionRow
from .vocab import YES_WORDS, Action
from .walk import Position, Reply, Running, SectionProgress, Step, Walk, minutes

if TYPE_CHECKING:
    from .models import Section

# A command typed instead of an answer: a walk's action, or (in a team) "give each voice".
COMMANDS: dict[str, Command] = {
    "<": "back",
    "!terug": "back",
    "!back": "back",
    ">": "skip",
    ">>": "pass_all",
    "!overslaan": "skip",
    "!skip": "skip",
    "!later": "later",
    "!overzicht": "overview",
    "!overview": "overview",
    "!stop": "stop",
    "!stemmen": "voices",
    "!voices": "voices",
    "=": "confirm",  # a follow-up: what is shown still holds
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
            return bool(msvcrt.kbhit())  # type: ignore[attr-defined,unused-ignore]  # Windows only: typeshed has kbhit there
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


def _stored(prompt: PromptBase, value: Any) -> Any:
    """The part of an answer given before a stop, in its prompt's stored form (as given if it
    does not fit: resuming then sets it aside, still in the file, and asks the question again)."""
    try:
        return normalise(prompt, value)
    except AnswerError:
        return value


def _walk_action(command: Command) -> Action:
    """What a command is to the walk: '!stemmen' where it does not apply is a skip, and so is
    '>>' (pass for everyone) at a shared question."""
    if command == "voices" or command == "pass_all" or command == "confirm":
        return "skip"
    return command


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


class Terminal:
    """The terminal's screen and keyboard: text shown without escape sequences, a line read
    whole (a paste is one answer), commands typed instead of an answer, numbered choices."""

    def __init__(self, console: Console, lang: str, editor: Callable[[str], str | None] = _default_editor):
        self.console = console
        self.lang = lang
        self.editor = editor
        self._help: tuple[str, str] = ("", "")  # why a question is asked, and its source ('?')
        self.shown = False  # an earlier answer is on the screen: Enter keeps it
        self.editing = line_editing()

    def say(self, text: str, style: str = "") -> None:
        """Show text (answers and library texts included) without its escape sequences."""
        self.console.print(escape(strip_control(text)), style=style or None, highlight=False)

    def _input(self, label: str) -> str:
        """One answer as typed. A paste of several lines is one answer: lines that are already
        waiting when Enter is read belong to it, and never spill into the next prompts."""
        prompt = f"[bold cyan]{escape(strip_control(label))}[/]: "
        with self.console.capture() as shown:
            self.console.print(prompt, end="")
        try:
            if self.editing:
                # readline must know the prompt: printed apart, an empty answer leaves the cursor on
                # the prompt's line and the next question starts behind it
                line = input(_ANSI.sub(lambda m: f"\x01{m.group(0)}\x02", shown.get()))
            else:
                line = self.console.input(prompt)
        except EOFError:  # standard input closed: stop, the answers are saved
            raise _Command("stop") from None
        lines = [line]
        # A typed line comes alone: a paste brings its next line along, so look (no waiting)
        # whether more is there, and only then wait for the rest of the paste, which may come
        # in pieces. Waiting 30 ms after every typed answer made each answer 30 ms slower.
        wait = 0.0
        while _waiting(wait):
            try:
                lines.append(input())
            except EOFError:
                break
            wait = 0.03
        if any(len(x) >= LINE_LIMIT for x in lines) and not self.editing:
            self.say(t(self.lang, "line_cut", n=LINE_LIMIT), "bold red")
        return "\n".join(_PASTE_MARKS.sub("", x) for x in lines)

    def read(self, label: str) -> str:
        """One answer as typed (see _input), for the screens and questions built on this."""
        return self._input(label)

    def line(self, label: str) -> str:
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

    def pick(self, rows: Sequence[tuple[Any, ...]], key: str) -> int | None:
        place = choose(lambda: self._input(t(self.lang, key)), len(rows), lambda: self._wrong(len(rows)))
        if place is None:
            return None
        index: int = rows[place][0]
        return index

    def _wrong(self, count: int) -> None:
        self.say(t(self.lang, "invalid_range", n=count), "red")

    def numbered(self, labels: list[str], inline: bool = False) -> None:
        if inline:  # the fixed answers of reflections and alternatives fit on one line
            self.say("   ".join(f"{n} {label}" for n, label in enumerate(labels, 1)))
            return
        for n, label in enumerate(labels, 1):
            self.say(f"  {n}. {label}")

    def choose(self, labels: list[str], old_index: int | None, inline: bool = False) -> int | None:
        self.numbered(labels, inline)
        hint = t(self.lang, "choose") + (f" [{old_index + 1}]" if old_index is not None else "")
        return choose(lambda: self.line(hint), len(labels), lambda: self._wrong(len(labels)), old_index)

    def several_lines(self) -> str:
        """Lines up to !end, as one answer."""
        self.say(t(self.lang, "multi_start"), "dim")
        lines: list[str] = []
        while True:
            try:
                more = self._input("…")
            except (KeyboardInterrupt, _Command):  # Ctrl-C or end of input: keep what is typed
                if "\n".join(lines).strip():
                    raise Partial("\n".join(lines).strip()) from None
                raise
            if more.strip().lower() == "!end":
                break
            lines.append(more)
        return "\n".join(lines).strip()


def _passed(action: str, kept: bool) -> str:
    """What '>' or 'later' did, in a text key: with an answer on the screen, it is kept."""
    if action == "skip":
        return "kept_previous" if kept else "skipped"
    return "later_kept" if kept else "marked_later"


class TerminalAsker(Terminal):
    """The Asker (see walk.Asker) in the terminal: each question under its part and section, with
    where it stands and the time spent, a team's voices, the check for personal data, and the
    walk's other screens (pages.py). Each kind's own question is asked by questions.py."""

    def __init__(self, console: Console, lang: str, editor: Callable[[str], str | None] = _default_editor):
        super().__init__(console, lang, editor)
        self._shown_section: Section | None = None
        self.current_step: Step | None = None  # the step being asked
        self._shown_phase: str | None = None
        self._intro_shown: set[str] = set()
        self.reflection: Running | None = None  # the one being walked (set by begin)
        self.walk: Walk | None = None  # its walk: participants, children and list items
        self._timer: threading.Timer | None = None  # rings when the part's time box runs out

    def begin(self, reflection: Running) -> None:
        """The reflection about to be walked (see walk.Asker): it keeps the answers and the time
        spent; its walk says who takes part and which lists were made."""
        self.reflection = reflection
        self.walk = reflection.walk

    @property
    def followup(self) -> bool:
        """A follow-up offers what became of things, and asks to check the facts again."""
        return self.reflection is not None and self.reflection.followup

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
            if self.reflection is not None:
                self.reflection.spent(step, time.monotonic() - started)

    def notice(self, text: str) -> None:
        self.say(text, "bold yellow")

    def keep_draft(self, value: Any) -> None:
        if self.reflection is not None and self.current_step is not None:
            self.reflection.keep_draft(self.current_step, value)

    def _names(self, step: Step) -> list[str]:
        if self.walk is None or step.library.id == "context" or step.prompt.TEAM_WIDE:
            return []
        names = self.walk.voices()
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
        confirmed: list[str] = []
        old = previous.voices if previous is not None and previous.voices else {}
        i = 0
        while i < len(names):
            name = names[i]
            mark = ""
            if previous is not None and previous.carried and name in (previous.carried_voices or old):
                mark = f" ({self._carried(previous)})"
            self.say(t(self.lang, label, name=name) + mark, "bold cyan")
            self.shown = name in old  # Enter keeps this person's earlier voice
            try:
                value = ask_value(self, step.prompt, old.get(name))
            except _Command as command:
                if command.action == "pass_all":  # the question for everyone: what was there stays, as it was
                    self.say(f"({t(self.lang, 'passed_all')})", "dim")
                    return Reply("skip")
                if command.action in ("skip", "later"):
                    if name in old:  # passing a person never deletes what they prepared or said before
                        voices[name] = old[name]
                        self.say(f"({t(self.lang, 'voice_kept', name=name)})", "dim")
                    else:
                        voices.pop(name, None)
                        self.say(f"({t(self.lang, 'voice_skipped', name=name)})", "dim")
                    i += 1
                    continue
                if command.action == "confirm" and name in old:  # '=': what this person said still holds
                    voices[name] = old[name]
                    confirmed.append(name)
                    self.say(f"({t(self.lang, 'confirmed')})", "dim")
                    i += 1
                    continue
                if command.action == "back" and i > 0:
                    i -= 1
                    continue
                if command.action == "stop" and voices:
                    return Reply("answer", None, voices, stop=True, confirmed=tuple(confirmed))
                raise
            except Partial as partial:
                voices[name] = _stored(step.prompt, partial.value)
                return Reply("answer", None, voices, stop=True)
            if value == "-" and name in old:  # '-' takes back a voice carried over from before
                voices.pop(name, None)
                self.say(f"({t(self.lang, 'voice_removed', name=name)})", "dim")
            elif value is not None:
                voices[name] = value
            else:
                voices.pop(name, None)
            i += 1
        return Reply("answer", None, voices, confirmed=tuple(confirmed)) if voices else Reply("skip")

    def _ask(self, step: Step, position: Position, previous: Answer | None) -> Reply:
        lang = self.lang
        prompt = step.prompt
        self.current_step = step
        self._header(step, position)
        names = self._names(step)
        sources = self.walk.libraries.sources if self.walk is not None else None
        self._help = (prompt.help.get(lang), sources.cite(prompt.source) if sources is not None else prompt.source)
        while True:
            self._show_question(step, previous, bool(names))
            old = previous.value if previous is not None and previous.given else None
            kept = previous is not None and previous.given  # '>', '>>', Enter or 'later' keep what is shown
            self.shown = kept
            try:
                # a question for the case file's summary (the decision, its grounds, the facts) gets the
                # team's one answer: voices prepared beforehand are shown above it as input
                own_voices = previous is not None and previous.voices and prompt.summary is None
                children = self._children(step)
                if children:  # the child's own prompts, for each child
                    return self._voices(step, previous, children, label="child_of")
                if names and (getattr(prompt, "per_person", False) or own_voices):
                    return self._voices(step, previous, names)
                value = ask_value(self, prompt, old)
            except Partial as partial:
                return Reply("answer", _stored(prompt, partial.value), stop=True)
            except _Command as command:
                if command.action == "voices" and names:
                    try:
                        return self._voices(step, previous, names)
                    except _Command as inner:  # '!stemmen' again while giving voices: as a skip
                        return Reply(_walk_action(inner.action))
                if command.action == "confirm" and kept and previous is not None:  # '=': it still holds
                    self.say(f"({t(lang, 'confirmed')})", "dim")
                    return Reply("answer", previous.value, previous.voices, confirmed=("*", *(previous.voices or {})))
                action = _walk_action(command.action)
                if command.action == "pass_all":
                    self.say(f"({t(lang, 'passed_all')})", "dim")
                elif action in ("skip", "later"):  # say so: a skip inside a half-given answer drops it
                    self.say(f"({t(lang, _passed(action, kept))})", "dim")
                return Reply(action)
            if value is None:  # Enter without an answer: say so, as for '>'
                self.say(f"({t(lang, _passed('skip', kept))})", "dim")
                return Reply("skip")
            found = [f for text in free_texts(prompt, value) for f in find_personal_data(text)]
            if not found:  # saved once, by the walk
                return Reply("answer", value)
            if self.reflection is not None:  # on disk before asking back: the question never costs an answer
                self.reflection.keep(step, value)
            if self._privacy_ok(found):
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
        if previous is not None and previous.given:
            later = f" ({t(lang, 'marked_later')})" if previous.status == "later" else ""
            self.say(f"{t(lang, 'previous')}: {describe_answer(prompt, previous, lang)}{later}", "yellow")
            if previous.carried:
                self.say(f"({self._carried(previous)}; {t(lang, 'hint_confirm')})", "yellow")
            if self.followup and step.section.phase == "facts":
                self.say(t(lang, "followup_check_fact"), "bold yellow")
        team = (
            " · "
            + t(lang, "hint_pass_all")
            + (" · " + t(lang, "hint_voices") if not getattr(prompt, "per_person", False) else "")
        )
        self.say(t(lang, "hint") + (team if voices else ""), "dim")
        if isinstance(prompt, TextPrompt) and prompt.long:
            self.say(t(lang, "hint_long"), "dim")

    def _carried(self, answer: Answer) -> str:
        """'carried over from DATE, not checked again', for an answer of a follow-up."""
        return t(self.lang, "carried_from", date=answer.carried)

    def _header(self, step: Step, position: Position) -> None:
        """The part as a rule when a new part starts, the section title when a new section
        starts, then where this question stands and the minutes left."""
        lang = self.lang
        if position.phase != self._shown_phase:
            first_after_context = self._shown_phase == "context"
            self._shown_phase = position.phase
            title = t(lang, "part", n=position.part_number, m=position.part_count, title=t(lang, f"part_{position.phase}"))
            if position.part_box:
                title += " · " + t(lang, "preview_box", m=position.part_box)
            self.console.rule(f"[bold]{escape(strip_control(title))}[/]")
            if first_after_context and position.seconds_left and not self.followup:  # now the case is known
                ahead = t(lang, "ahead", n=position.total - position.index, m=minutes(position.seconds_left))
                self.say(ahead, "bold")
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
        if self.reflection is not None and (position.part_box or self._names(step)):
            seconds = self.reflection.seconds_in(position.part_sections)
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
        self.say(t(self.lang, "save_failed", err=describe(err, self.lang)), "bold red")
        while True:
            try:
                line = self._input(t(self.lang, "save_retry")).strip().lower()
            except _Command:
                return False
            if not line:
                return True
            if line in ("!stop", "stop"):
                return False

    def _privacy_ok(self, found: list[Finding]) -> bool:
        """Personal data found in an answer: keep it as it is (True) or change it."""
        items = ", ".join(f"{KIND_LABELS[f.kind][self.lang]} ({mask(f.text)})" for f in found)
        self.say(t(self.lang, "privacy_found", items=items), "bold red")
        answer = self._input(t(self.lang, "privacy_edit")).strip().lower()
        return answer not in YES_WORDS

    # --- the walk's other screens (pages.py) ------------------------------------------

    def overview(self, sections: list[SectionProgress]) -> int | None:
        walk, reflection = self.walk, self.reflection
        if walk is not None and reflection is not None and walk.team():  # the time keeper's view first
            used = []
            for part in walk.parts():
                spent = reflection.seconds_in(walk.position(part.first_index).part_sections)
                used.append((part.phase, round(spent / 60), part.box_minutes or 0))
            pages.time_boxes(self, used)
        return pages.overview(self, sections)

    def review(self, open_points: list[tuple[int, Step]], answers: dict[str, Answer]) -> int | None:
        return pages.review(self, open_points, answers)

    def privacy_review(self, findings: list[tuple[int, Step, list[Finding]]]) -> int | None:
        return pages.privacy_review(self, findings)

    def offer_full(self, prompts: int, minutes: int) -> bool:
        return pages.offer_full(self, prompts, minutes)

    def steps_done(self, rows: list[ActionRow]) -> tuple[list[str], list[str], list[str]]:
        return pages.steps_done(self, rows)
