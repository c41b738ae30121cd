"""Running one reflection: walk with an asker, the privacy review, scripted answers, and
writing the record. The CLI calls these; they hold no terminal code of their own."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any, NoReturn

from . import session as sessions
from .answers import AnswerError, answer_texts, normalise, normalise_voices
from .files import write_private
from .library import LibraryError, LibrarySet, read_yaml
from .models import ActionsPrompt, Answer, AnyPrompt, ParticipantsPrompt, PeoplePrompt, Session
from .privacy import Finding, find_personal_data, name_words
from .values import ParticipantRow, to_json
from .vocab import CONTEXT_KEYS, WalkEnd
from .walk import Step, Walk, apply, earlier_steps, now, run


class Interrupted(KeyboardInterrupt):
    """The terminal closed or the process was asked to stop (SIGHUP, SIGTERM)."""


class NotSaved(KeyboardInterrupt):
    """Stopped after a save failed: the earlier answers are on disk, the last one is not."""


def handle_signals() -> None:
    """Turn SIGHUP and SIGTERM into a clean stop; answers are already on disk."""

    def stop(signum: int, frame: object) -> NoReturn:
        raise Interrupted()

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):  # SIGHUP does not exist on Windows
            signal.signal(getattr(signal, name), stop)


# Where the professionals name each other by design: who disagreed, who does what. Their names
# are not pointed out there; a family's names (the network) still are.
NAMES_EXPECTED = ("overleg", "afsluiting")


def known_names(session: Session, libraries: LibrarySet, participants: bool = True) -> list[str]:
    """The names typed in the network (people) and, unless not wanted, the participants lists."""
    names: list[str] = []
    for step in Walk(libraries, session.answers, path="full").steps():
        answer = session.answers.get(step.key)
        if answer is None or answer.status != "answered":
            continue
        for value in [answer.value, *(answer.voices or {}).values()]:
            names += _names_in(step.prompt, value, participants)
    return name_words(names)


def _names_in(prompt: AnyPrompt, value: Any, participants: bool) -> list[str]:
    """The names in a network (who) or, when wanted, a participants list (name)."""
    if isinstance(prompt, PeoplePrompt):
        return [row.who for row in prompt.parse(value)]
    if participants and isinstance(prompt, ParticipantsPrompt):
        return [row.name for row in prompt.parse(value)]
    return []


def privacy_findings(session: Session, libraries: LibrarySet) -> list[tuple[int, Step, list[Finding]]]:
    """Likely personal data per prompt, and where the names of the network and the participants
    appear in free text (not in the lists where they were typed)."""
    walk = Walk(libraries, session.answers, path="full")
    names = known_names(session, libraries)
    family = known_names(session, libraries, participants=False)
    found = []
    for index, step in enumerate(walk.steps()):
        answer = session.answers.get(step.key)
        professionals_named = step.library.id in NAMES_EXPECTED or isinstance(step.prompt, ActionsPrompt)
        lists_names = isinstance(step.prompt, PeoplePrompt | ParticipantsPrompt)  # where the names are typed
        words = () if lists_names else family if professionals_named else names
        hits = [f for text in answer_texts(step.prompt, answer) for f in find_personal_data(text, words)]
        if hits:
            found.append((index, step, hits))
    return found


def _kept(findings: list[tuple[int, Step, list[Finding]]]) -> list[str]:
    """What was left in on purpose, for the record: prompt key and kinds, never the text."""
    return [f"{step.key}: {', '.join(sorted({f.kind for f in hits}))}" for _, step, hits in findings]


def _privacy_review(session: Session, libraries: LibrarySet, asker, save) -> None:
    walk = Walk(libraries, session.answers, path="full")
    while True:
        findings = privacy_findings(session, libraries)
        if not findings:
            session.privacy.kept = []
            break
        target = asker.privacy_review(findings)
        if target is None:
            session.privacy.kept = _kept(findings)
            break
        step = walk.steps()[target]
        reply = asker.ask(step, walk.position(target), session.answers.get(step.key))
        if reply.action == "stop":
            raise KeyboardInterrupt
        apply(walk, step, reply, save)
    session.privacy.done = True
    session.privacy.at = now()


def walk_session(
    session: Session,
    libraries: LibrarySet,
    asker,
    directory: Path,
    path: Path | None = None,
    defaults: dict[str, Answer] | None = None,
) -> WalkEnd:
    """Walk from the first unanswered prompt. Returns "done" (record may be written) or
    "stopped". Every answer is saved (to `path`, the file the session was opened from, else
    ID.json in `directory`) before the next prompt appears. A save that fails (a full disk,
    a folder that became read-only) is told to the asker, who may try again or stop: the
    answer stays in memory meanwhile, the earlier ones are safe on disk. `defaults` (e.g. the
    configured region) are offered like a follow-up's earlier answers: Enter keeps them."""

    baseline = session.followup_of.answers if session.followup_of is not None else defaults
    if session.prepared:
        baseline = {**(baseline or {}), **session.prepared}
    walk = Walk(libraries, session.answers, baseline, path=session.path)

    def save() -> None:
        session.path = walk.path_choice  # the full path, once chosen, stays chosen
        while True:
            try:
                sessions.save(session, directory, path)
                return
            except OSError as err:
                if not hasattr(asker, "save_failed") or not asker.save_failed(err):
                    raise NotSaved() from None

    def keep(step: Step, value: Any) -> None:
        walk.answers[step.key] = Answer(status="answered", value=value, at=now())
        save()

    save()
    if hasattr(asker, "keep"):
        asker.keep = keep
    if hasattr(asker, "walk"):
        asker.walk = walk
        asker.timings = session.timings
        asker.followup = session.followup_of is not None
    if session.followup_of is not None and not session.followup_of.steps_done and hasattr(asker, "steps_done"):
        rows = earlier_steps(session.followup_of, libraries)
        if rows:
            session.followup_of.steps_done, session.followup_of.steps_why = asker.steps_done(rows)
            drop_done_steps(session, libraries)
            save()
    steps = walk.steps()
    if session.followup_of is not None:  # go over everything again, from where we were
        start = walk.index_of(session.last) if session.last else None
        if start is None:
            start = next((i for i, s in enumerate(steps) if s.library.id != "context"), len(steps))
    else:
        start = walk.first_open()
        start = len(steps) if start is None else start

    def visit(step: Step) -> None:
        session.last = step.key

    result = run(walk, asker, save, start, revisit=session.followup_of is not None, visit=visit)
    if result == "done":
        _privacy_review(session, libraries, asker, save)
        session.finished = True
        save()
    return result


def drop_done_steps(session: Session, libraries: LibrarySet) -> None:
    """A follow-up's next steps start from what is still to do: an earlier step done is not
    carried over as a new one (what became of it is in the record's summary)."""
    baseline = session.followup_of
    if baseline is None:
        return
    done = {
        tuple(sorted(to_json(row).items()))
        for row, status in zip(earlier_steps(baseline, libraries), baseline.steps_done, strict=False)
        if status == "done"
    }
    for key, answer in list(session.answers.items()):
        carried = key in baseline.answers and baseline.answers[key].value == answer.value
        if answer.status == "answered" and carried and isinstance(answer.value, list):
            kept = [r for r in answer.value if not (isinstance(r, dict) and tuple(sorted(r.items())) in done)]
            if not kept:
                del session.answers[key]  # asked anew
            else:
                answer.value = kept


def fill_from_file(session: Session, libraries: LibrarySet, path: Path) -> list[str]:
    """Fill a session from a YAML file of prompt keys (library.prompt) to answers.
    Returns the problems (unknown keys, values that do not fit); fills nothing if any."""
    try:
        data, lines, _ = read_yaml(path, as_typed=True)
    except LibraryError as err:
        return err.lines(session.lang)
    if not isinstance(data, dict):
        return [f"{path}:1: the answers file must be a mapping of prompt ids (library.prompt) to answers"]
    prompts = {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}
    problems, answers = [], {}
    steps_done = data.pop("steps_done", None)
    steps_why = data.pop("steps_why", None)
    if steps_done is not None:
        from .models import STEP_DONE

        if session.followup_of is None:
            problems.append(f"{path}:{lines.get(('steps_done',), 1)}: 'steps_done' belongs in the answers of a follow-up only")
        elif not isinstance(steps_done, list) or any(d not in STEP_DONE for d in steps_done):
            problems.append(
                f"{path}:{lines.get(('steps_done',), 1)}: "
                f"steps_done is a list with, per earlier step, one of {', '.join(STEP_DONE)}"
            )
        else:
            session.followup_of.steps_done = list(steps_done)
            session.followup_of.steps_why = [str(w) for w in steps_why or []]
    for key, value in data.items():
        line = lines.get((key,), 1)
        prompt = prompts.get(str(key))
        if prompt is None:
            problems.append(f"{path}:{line}: unknown prompt id '{key}' ('goedgenoeg libraries list --prompts' shows them)")
            continue
        try:
            if isinstance(value, dict) and set(value) == {"voices"}:
                answers[key] = Answer(status="answered", voices=normalise_voices(prompt, value["voices"]), at=now())
            else:
                answers[key] = Answer(status="answered", value=normalise(prompt, value), at=now())
        except AnswerError as err:
            problems.append(f"{path}:{line}: {key}: {err.text(session.lang)}")
    if not problems:
        session.answers.update(answers)
        findings = privacy_findings(session, libraries)
        session.privacy.done = True
        session.privacy.at = now()
        session.privacy.kept = _kept(findings)
        session.finished = True
    return problems


def team_session(session: Session) -> None:
    """A team reflection: the context's 'who' is the team."""
    session.answers["context.who"] = Answer(status="answered", value="team", at=now())


class PreparedError(Exception):
    """Prepared reflections that cannot start one meeting (the key of the message in texts)."""


def bring_in_prepared(session: Session, prepared: list[tuple[str, Session]]) -> None:
    """Start a meeting from what its participants prepared alone: the case and its context
    from their reflections, their names as the participants, and every answer as that
    person's voice, offered at each question (Enter keeps it). Nothing is asked twice that
    someone already answered, and nobody's view stands for the team's."""
    cases = {p.answers["context.case"].value for _, p in prepared if "context.case" in p.answers}
    if len(cases) > 1:
        raise PreparedError("cli_prepared_cases", ", ".join(sorted(cases)))
    names = [name for name, _ in prepared]
    if len(set(names)) < len(names):
        raise PreparedError("cli_prepared_names", ", ".join(names))
    for key in (k for k in CONTEXT_KEYS if k not in ("who", "role")):  # who: the team; role: each one's own
        for _, earlier in prepared:
            answer = earlier.answers.get(f"context.{key}")
            if answer is not None and answer.status == "answered":
                session.answers[f"context.{key}"] = answer.model_copy()
                break
    session.prepared_from = [earlier.id for _, earlier in prepared]
    rows = [to_json(ParticipantRow(name)) for name in names]
    session.prepared = {"overleg.deelnemers": Answer(status="answered", value=rows, at=now())}
    keys = dict.fromkeys(k for _, p in prepared for k in p.answers if not k.startswith("context."))
    for key in keys:
        voices = {
            name: p.answers[key].value
            for name, p in prepared
            if key in p.answers and p.answers[key].status == "answered" and p.answers[key].value is not None
        }
        if voices:
            session.prepared[key] = Answer(status="answered", voices=voices, at=now())


def start_followup(previous: Session, libraries: LibrarySet) -> Session:
    """A new session for the same case that starts from `previous`: every earlier answer about
    the case is carried over (nothing is lost by jumping ahead) and shown again to keep or
    change; the professionals' own reflection (dossier: false) starts empty."""
    from .models import Baseline

    session = sessions.new_session(libraries, previous.lang)
    # the professionals' own feelings, check-in and check-out start empty: they are of today
    own = {f"{x.library.id}.{p.id}" for x in libraries.libraries for s in x.library.sections for p in s.prompts if not p.dossier}
    session.answers = {k: v.model_copy(deep=True) for k, v in previous.answers.items() if k not in own}
    session.followup_of = Baseline(id=previous.id, date=previous.updated[:10], answers=previous.answers)
    return session


def write_record(
    session: Session, libraries: LibrarySet, output: Path | None, force: bool = False, fmt: str = "md", full: bool = False
) -> Path:
    """Write the record (md, docx or html; the dossier record, or everything when `full`) to
    `output`, or in the current folder under a name made from its own answers (never over an
    existing file unless force)."""
    from .record import render, suggested_name  # only at the end of a walk: not before the first question

    data = render(session, libraries, fmt=fmt, full=full)
    data = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        write_private(output, data, overwrite=force)
        return output
    name = Path(suggested_name(session, libraries, fmt=fmt, full=full))
    candidate, n = name, 2
    while candidate.exists():
        candidate = name.with_stem(f"{name.stem}-{n}")
        n += 1
    write_private(candidate, data, overwrite=False)
    return candidate


def interactive_allowed() -> bool:
    import sys

    return sys.stdin.isatty() or os.environ.get("GOEDGENOEG_FORCE_INTERACTIVE") == "1"
