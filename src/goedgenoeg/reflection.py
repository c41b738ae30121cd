"""One running reflection and its one owner: the session, the walk over its prompts, where it
is saved, the time spent per section and the prompt it is at. The asking side (an `Asker`:
the terminal, or scripted answers in tests) is told of it once, through `Asker.begin`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import session as sessions
from .followup import drop_departed, drop_done_steps, followup_baseline
from .library import LibrarySet
from .models import Answer, Session
from .privacy_review import privacy_review
from .session import now
from .vocab import WalkEnd
from .walk import Asker, Step, Walk, earlier_steps, run


class NotSaved(KeyboardInterrupt):
    """Stopped after a save failed: the earlier answers are on disk, the last one is not."""


class Reflection:
    """A session being walked. Every answer is saved (to `path`, the file the session was opened
    from, else ID.json in `directory`) before the next prompt appears. `defaults` (e.g. the
    configured region) are offered like a follow-up's earlier answers: Enter keeps them."""

    def __init__(
        self,
        session: Session,
        libraries: LibrarySet,
        asker: Asker,
        directory: Path,
        path: Path | None = None,
        defaults: dict[str, Answer] | None = None,
    ):
        self.session = session
        self.libraries = libraries
        self.asker = asker
        self.directory = directory
        self.path = path
        baseline = session.followup_of.answers if session.followup_of is not None else defaults
        if session.prepared:
            baseline = {**(baseline or {}), **session.prepared}
        self.walk = Walk(libraries, session.answers, baseline, path=session.path)
        self.gone_said: set[str] = set()  # a follow-up: who left the meeting, said once
        if session.followup_of is not None:
            self.walk.baseline = {**followup_baseline(session, libraries), **session.prepared}

    @property
    def followup(self) -> bool:
        """Whether this reflection follows up an earlier one (it goes over every answer again)."""
        return self.session.followup_of is not None

    def spent(self, step: Step, seconds: float) -> None:
        """Time spent on a question counts for its section (library.section), kept in the session."""
        key = f"{step.library.id}.{step.section.id}"
        self.session.timings[key] = round(self.session.timings.get(key, 0.0) + seconds, 1)

    def seconds_in(self, sections: tuple[str, ...]) -> float:
        """The time spent so far in these sections (library.section keys), in seconds."""
        return sum(self.session.timings.get(key, 0.0) for key in sections)

    def save(self) -> None:
        """Save the session now. A save that fails (a full disk, a folder that became read-only)
        is told to the asker, who may try again or stop (NotSaved): the answer stays in memory
        meanwhile, the earlier ones are safe on disk."""
        self.session.path = self.walk.path_choice  # the full path, once chosen, stays chosen
        while True:
            try:
                sessions.save(self.session, self.directory, self.path)
                return
            except OSError as err:
                if not self.asker.save_failed(err):
                    raise NotSaved() from None

    def keep(self, step: Step, value: Any) -> None:
        """Save an answer at once, before it is checked further: the check never costs an answer."""
        self.walk.answers[step.key] = Answer(status="answered", value=value, at=now())
        self.save()

    def keep_draft(self, step: Step, value: Any) -> None:
        """Save a list as far as it is given (each finished row), marked open until the list is
        done: a kill while typing the next row costs only that row (issue 22)."""
        self.walk.answers[step.key] = Answer(status="later", value=value, at=now())
        self.save()

    def visit(self, step: Step) -> None:
        """The prompt asked now: a follow-up resumes there. At a follow-up, the voices of people
        no longer among the participants are dropped first (and said once)."""
        self.session.last = step.key
        if self.followup:
            gone = drop_departed(self.session, self.libraries)
            self.walk.baseline = {**followup_baseline(self.session, self.libraries), **self.session.prepared}
            new = [name for name in gone if name not in self.gone_said]
            if new:
                from .texts import t

                self.asker.notice(t(self.session.lang, "followup_gone", names=", ".join(new)))
            self.gone_said.update(new)

    def start(self) -> int:
        """Where the walk starts: a follow-up where it was (else after the context), any other
        reflection at its first prompt without an answer."""
        steps = self.walk.steps()
        if self.followup:  # go over everything again, from where we were
            start = self.walk.index_of(self.session.last) if self.session.last else None
            if start is None:
                start = next((i for i, s in enumerate(steps) if s.library.id != "context"), len(steps))
            return start
        first = self.walk.first_open()
        return len(steps) if first is None else first

    def ask_earlier_steps(self) -> None:
        """A follow-up asks first what became of the earlier reflection's next steps (once)."""
        baseline = self.session.followup_of
        if baseline is None or baseline.steps_done:
            return
        rows = earlier_steps(baseline, self.libraries)
        if not rows:
            return
        done, why, result = self.asker.steps_done(rows)
        if done:  # an asker that does not ask it (scripted answers) leaves the follow-up as it is
            baseline.steps_done, baseline.steps_why, baseline.steps_result = done, why, result
            drop_done_steps(self.session, self.libraries)
            self.save()

    def run(self) -> WalkEnd:
        """Walk from the first unanswered prompt. Returns "done" (the privacy review is over and
        the record may be written) or "stopped"."""
        self.save()
        self.asker.begin(self)
        self.ask_earlier_steps()
        result = run(self.walk, self.asker, self.save, self.start(), revisit=self.followup, visit=self.visit)
        if result == "done":
            privacy_review(self.session, self.libraries, self.asker, self.save)
            self.session.finished = True
            self.save()
        return result


def walk_session(
    session: Session,
    libraries: LibrarySet,
    asker: Asker,
    directory: Path,
    path: Path | None = None,
    defaults: dict[str, Answer] | None = None,
) -> WalkEnd:
    """Walk a session with an asker (see `Reflection`): "done" or "stopped"."""
    return Reflection(session, libraries, asker, directory, path, defaults).run()
