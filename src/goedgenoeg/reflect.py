"""Running one reflection: walk with an asker, the privacy review, scripted answers, and
writing the record. The CLI calls these; they hold no terminal code of their own."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from . import session as sessions
from .answers import AnswerError, free_texts, normalise
from .files import write_private
from .library import LibraryError, LibrarySet, read_yaml
from .models import Answer, Session
from .privacy import find_personal_data
from .record import render, suggested_name
from .walk import Step, Walk, apply, now, run


class Interrupted(KeyboardInterrupt):
    """The terminal closed or the process was asked to stop (SIGHUP, SIGTERM)."""


def handle_signals() -> None:
    """Turn SIGHUP and SIGTERM into a clean stop; answers are already on disk."""

    def stop(signum, frame):
        raise Interrupted()

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):  # SIGHUP does not exist on Windows
            signal.signal(getattr(signal, name), stop)


def privacy_findings(session: Session, libraries: LibrarySet) -> list[tuple[int, Step, list]]:
    walk = Walk(libraries, session.answers)
    found = []
    for index, step in enumerate(walk.steps()):
        answer = session.answers.get(step.key)
        if answer is None or answer.status != "answered":
            continue
        hits = [f for text in free_texts(step.prompt, answer.value) for f in find_personal_data(text)]
        if hits:
            found.append((index, step, hits))
    return found


def _privacy_review(session: Session, libraries: LibrarySet, asker, save) -> None:
    walk = Walk(libraries, session.answers)
    while True:
        findings = privacy_findings(session, libraries)
        if not findings:
            session.privacy.kept = []
            break
        target = asker.privacy_review(findings)
        if target is None:
            session.privacy.kept = [f"{step.key}: {', '.join(sorted({f.kind for f in hits}))}" for _, step, hits in findings]
            break
        step = walk.steps()[target]
        reply = asker.ask(step, walk.position(target), session.answers.get(step.key))
        if reply.action == "stop":
            raise KeyboardInterrupt
        apply(walk, step, reply, save)
    session.privacy.done = True
    session.privacy.at = now()


def walk_session(session: Session, libraries: LibrarySet, asker, directory: Path) -> str:
    """Walk from the first unanswered prompt. Returns "done" (record may be written) or
    "stopped". Every answer is saved before the next prompt appears."""

    def save() -> None:
        sessions.save(session, directory)

    save()
    walk = Walk(libraries, session.answers)
    start = walk.first_open()
    result = run(walk, asker, save, len(walk.steps()) if start is None else start)
    if result == "done":
        _privacy_review(session, libraries, asker, save)
        session.finished = True
        save()
    return result


def fill_from_file(session: Session, libraries: LibrarySet, path: Path) -> list[str]:
    """Fill a session from a YAML file of prompt keys (library.prompt) to answers.
    Returns the problems (unknown keys, values that do not fit); fills nothing if any."""
    try:
        data, lines, _ = read_yaml(path)
    except LibraryError as err:
        return err.problems
    if not isinstance(data, dict):
        return [f"{path}:1: the answers file must be a mapping of prompt ids (library.prompt) to answers"]
    prompts = {
        f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts
    }
    problems, answers = [], {}
    for key, value in data.items():
        line = lines.get((key,), 1)
        prompt = prompts.get(str(key))
        if prompt is None:
            problems.append(f"{path}:{line}: unknown prompt id '{key}' ('goedgenoeg libraries list --prompts' shows them)")
            continue
        try:
            answers[key] = Answer(status="answered", value=normalise(prompt, value), at=now())
        except AnswerError as err:
            problems.append(f"{path}:{line}: {key}: {err}")
    if not problems:
        session.answers.update(answers)
        findings = privacy_findings(session, libraries)
        session.privacy.done = True
        session.privacy.at = now()
        session.privacy.kept = [f"{step.key}: {', '.join(sorted({f.kind for f in hits}))}" for _, step, hits in findings]
        session.finished = True
    return problems


def write_record(session: Session, libraries: LibrarySet, output: Path | None, force: bool = False) -> Path:
    """Write the record to `output`, or next to the current folder under a name made from
    its own answers (never over an existing file unless force)."""
    text = render(session, libraries).encode("utf-8")
    if output is not None:
        write_private(output, text, overwrite=force)
        return output
    name = Path(suggested_name(session, libraries))
    candidate, n = name, 2
    while candidate.exists():
        candidate = name.with_stem(f"{name.stem}-{n}")
        n += 1
    write_private(candidate, text, overwrite=False)
    return candidate


def interactive_allowed() -> bool:
    import sys

    return sys.stdin.isatty() or os.environ.get("GOEDGENOEG_FORCE_INTERACTIVE") == "1"
