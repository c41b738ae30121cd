"""One view of a session: what its answers say, read through its libraries (the context, the
children, the participants and their voices, the list items, the steps on a path and the open
points). A record, the privacy review, the overview, the index and the commands build one per
session and ask it; the walk (walk.py) is a view too, with navigation on top."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .answers import is_open
from .library import CONTEXT_LIBRARY, LibrarySet
from .models import AlternativePrompt, Answer, AnyPrompt, Library, ParticipantsPrompt, Section, Session, TablePrompt
from .values import ChildRow, ParticipantRow, stored_rows
from .vocab import CHILDREN_KEY, CONDITION_KEYS, CONTEXT_KEYS, PHASES, PathName


def effective_path(choice: str | None) -> str:
    """The path a walk follows: the one chosen, else the short one (for a team: the meeting
    path, the short path with the meeting's own prompts)."""
    return choice if choice is not None else "short"


def ordered_sections(libraries: LibrarySet) -> list[tuple[Library, Section]]:
    """Every section in walk order: by part (phase), then by its order (default: its
    library's), then as the libraries list them."""
    rows = [(loaded.library, section) for loaded in libraries.libraries for section in loaded.library.sections]
    return sorted(rows, key=lambda r: (PHASES.index(r[1].phase), r[1].order if r[1].order is not None else r[0].order))


@dataclass(frozen=True)
class Step:
    library: Library
    section: Section
    prompt: AnyPrompt

    @property
    def key(self) -> str:
        return f"{self.library.id}.{self.prompt.id}"


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class SessionView:
    """What a session says, given its answers and libraries. The steps change only with the
    context, so they are worked out once per context (and per path); a view on another path of
    the same session (`on`) shares the answers and is made once."""

    def __init__(self, libraries: LibrarySet, answers: dict[str, Answer], path: PathName | None = None):
        self.libraries = libraries
        self.answers = answers
        self.path_choice = path  # "short", "full", or None: the short path
        self._steps: tuple[tuple[Any, ...], list[Step]] | None = None
        self._table_key: str | None = ""  # "": not looked for yet
        self._others: dict[str, SessionView] = {}

    @classmethod
    def of(cls, session: Session, libraries: LibrarySet) -> SessionView:
        """The view of a saved session, on the path it follows."""
        return cls(libraries, session.answers, session.path)

    def on(self, path: PathName) -> SessionView:
        """The same session seen on another path (its answers shared, not copied)."""
        if path == self.path_choice:
            return self
        if path not in self._others:
            self._others[path] = SessionView(self.libraries, self.answers, path)
        return self._others[path]

    @property
    def path(self) -> str:
        return effective_path(self.path_choice)

    def participants(self) -> list[ParticipantRow]:
        """The participants of a team reflection (from its participants prompt), if any."""
        for step in self.steps():
            if isinstance(step.prompt, ParticipantsPrompt):
                answer = self.answers.get(step.key)
                if answer is not None and answer.given and answer.value is not None:
                    return step.prompt.parse(answer.value)
        return []

    def voices(self) -> list[str]:
        """Who answers the questions for each person: every participant but a chair who wants
        no voice of her own."""
        return [p.name for p in self.participants() if p.voice]

    def list_items(self, library_id: str, prompt_id: str) -> list[str]:
        answer = self.answers.get(f"{library_id}.{prompt_id}")
        return list(answer.value) if answer is not None and answer.given and isinstance(answer.value, list) else []

    def context(self) -> dict[str, Any]:
        values = {}
        for key in CONTEXT_KEYS:
            answer = self.answers.get(f"{CONTEXT_LIBRARY}.{key}")
            if answer is not None and answer.given and answer.value is not None:
                values[key] = answer.value
        children = self.children()
        if children:  # several children: what fits any of their ages applies
            values["age"] = list(dict.fromkeys(c.age for c in children))
        return values

    def children(self) -> list[ChildRow]:
        """The children of the case, each by pseudonym and age band, when more than one is named."""
        answer = self.answers.get(f"{CONTEXT_LIBRARY}.{CHILDREN_KEY}")
        if answer is None or not answer.given or not isinstance(answer.value, list):
            return []
        return stored_rows(ChildRow, answer.value)

    def steps(self) -> list[Step]:
        """The prompts that apply, in order. They change only with the context, so they are
        worked out once per context (the walk asks for them several times per prompt)."""
        context = self.context()
        path = effective_path(self.path_choice)
        table = self.on_the_table()
        key = (*(_hashable(context.get(k)) for k in CONDITION_KEYS), path, _hashable(table))
        if self._steps is not None and self._steps[0] == key:
            return list(self._steps[1])
        steps = []
        for library, section in ordered_sections(self.libraries):
            if section.when is not None and not section.when.matches(context):
                continue
            for prompt in section.prompts:
                if not prompt.applies(context):
                    continue
                step = Step(library, section, prompt)
                if path == "full" or self._on_short_path(step, context, table):
                    steps.append(step)
        self._steps = (key, steps)
        return list(steps)

    @staticmethod
    def _on_short_path(step: Step, context: dict[str, Any], table: list[str] | None) -> bool:
        """On the short path an alternative is weighed when the worker put it on the table;
        until then (or without a table prompt) the usual ones, marked `short`, stand for them."""
        if table is not None and isinstance(step.prompt, AlternativePrompt):
            return step.key in table
        return step.prompt.on_short_path(context)

    def table_key(self) -> str | None:
        """The key of the prompt that puts alternatives on the table, if a library has one."""
        if self._table_key == "":
            found = (
                f"{loaded.library.id}.{prompt.id}"
                for loaded in self.libraries.libraries
                for section in loaded.library.sections
                for prompt in section.prompts
                if isinstance(prompt, TablePrompt)
            )
            self._table_key = next(found, None)
        return self._table_key

    def on_the_table(self) -> list[str] | None:
        """The alternatives put on the table (their keys), or None when nobody picked yet."""
        key = self.table_key()
        answer = self.answers.get(key) if key is not None else None
        if answer is None or not answer.given or not isinstance(answer.value, list):
            return None
        return [str(k) for k in answer.value]

    def offered(self) -> list[Step]:
        """Every alternative that applies to this case (region, age, decision): what the table
        prompt offers, in walk order."""
        return [s for s in self.on("full").steps() if isinstance(s.prompt, AlternativePrompt)]

    def usual(self) -> list[str]:
        """The alternatives offered that their library marks for the short path: what Enter at
        the table prompt takes."""
        context = self.context()
        return [s.key for s in self.offered() if s.prompt.on_short_path(context)]

    def team(self) -> bool:
        return self.context().get("who") == "team"

    def open_points(self) -> list[tuple[int, Step]]:
        return [(i, s) for i, s in enumerate(self.steps()) if is_open(s.prompt, self.answers.get(s.key))]

    def index_of(self, key: str) -> int | None:
        for index, step in enumerate(self.steps()):
            if step.key == key:
                return index
        return None
