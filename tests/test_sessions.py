"""Session files: atomic owner-only writes, damaged files, answers that no longer fit."""

import json
import os
import socket

import pytest

from goedgenoeg import files, session as sessions
from goedgenoeg.cli import app
from goedgenoeg.models import Answer
from goedgenoeg.reflection import walk_session
from helpers import CONTEXT_FLANDERS_BABY, ScriptedAsker


def saved_session(libraries, directory, answers=None):
    session = sessions.new_session(libraries, "nl")
    for key, value in (answers or {"context.case": "GG-1", "context.decision": "placement"}).items():
        session.answers[key] = Answer(status="answered", value=value)
    sessions.save(session, directory)
    return session, sessions.path_of(directory, session.id)


def test_files_are_owner_only_whatever_the_umask(tmp_path, libraries):
    old = os.umask(0)
    try:
        session, path = saved_session(libraries, tmp_path / "deep" / "sessions")
        record = tmp_path / "r.md"
        files.write_private(record, b"x")
    finally:
        os.umask(old)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert oct(record.stat().st_mode & 0o777) == "0o600"


def test_a_write_that_fails_halfway_leaves_the_previous_session_intact(tmp_path, libraries, monkeypatch):
    session, path = saved_session(libraries, tmp_path)
    before = path.read_bytes()
    session.answers["context.age"] = Answer(status="answered", value="1-3")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        sessions.save(session, tmp_path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_a_write_that_dies_while_writing_leaves_the_previous_session_intact(tmp_path, libraries, monkeypatch):
    session, path = saved_session(libraries, tmp_path)
    before = path.read_bytes()

    real_fsync = os.fsync

    def dying_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "fsync", dying_fsync)
    with pytest.raises(OSError):
        sessions.save(session, tmp_path)
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    assert path.read_bytes() == before
    assert sessions.load(path).answers["context.case"].value == "GG-1"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the session file is damaged (it is empty)"),
        (b'{"format": 1, "id": "x", "created": "', "not valid JSON at line 1, perhaps cut off"),
        (b"\xff\xfe not json", "not valid JSON"),
        (b"[1, 2]", "not a session"),
        (b'{"format": 99, "id": "x"}', "written by a newer goedgenoeg (format 99)"),
        (b'{"format": 1, "id": "x"}', "the session file is damaged (created: Field required)"),
    ],
)
def test_damaged_session_files_get_a_clear_message_and_are_kept(tmp_path, content, message, runner):
    directory = tmp_path / "s"
    directory.mkdir()
    path = directory / "20260101-0000-abcd.json"
    path.write_bytes(content)
    result = runner.invoke(app, ["record", "20260101-0000-abcd", "--sessions-dir", str(directory), "--lang", "en"])
    assert result.exit_code == 1
    assert str(path) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == content  # never overwritten
    listed = runner.invoke(app, ["sessions", "--sessions-dir", str(directory), "--lang", "en"])
    assert "damaged" in listed.output


def test_answers_for_removed_prompts_are_set_aside_not_lost(tmp_path, libraries):
    answers = dict(CONTEXT_FLANDERS_BABY)
    answers["oud.verdwenen"] = "een antwoord op een vraag die niet meer bestaat"
    answers["context.decision"] = "verhuizing"  # an option that no longer exists
    session, path = saved_session(libraries, tmp_path, answers)
    loaded = sessions.load(path)
    english = sessions.fit_answers(loaded.model_copy(deep=True), libraries, "en")
    assert "oud.verdwenen: its library or prompt no longer exists; the answer is kept in the file but not used" in english
    assert any("context.decision: the answer no longer fits the question (choose from placement" in w for w in english)
    warnings = sessions.fit_answers(loaded, libraries)  # the session's language: Dutch
    assert any("oud.verdwenen: de bibliotheek of de vraag bestaat niet meer; het antwoord blijft in het" in w for w in warnings)
    assert any("context.decision: het antwoord past niet meer bij de vraag (kies uit placement" in w for w in warnings)
    assert "context.case" in loaded.answers
    assert set(loaded.set_aside) == {"oud.verdwenen", "context.decision"}
    sessions.save(loaded, tmp_path)
    again = json.loads(path.read_text())
    assert again["set_aside"]["oud.verdwenen"]["value"].startswith("een antwoord")


def test_a_whole_walk_opens_no_socket(tmp_path, libraries, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("goedgenoeg tried to open a network connection")

    # python-stdnum imports ssl when it is imported (for online checks goedgenoeg never calls), and
    # ssl subclasses socket.socket: import it first, then no connection may be opened
    import stdnum.util  # noqa: F401

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    session = sessions.new_session(libraries, "nl")
    from goedgenoeg.walk import Walk

    answers = dict(CONTEXT_FLANDERS_BABY)
    walk = Walk(libraries, {k: Answer(status="answered", value=v) for k, v in answers.items()}, path="full")
    for step in walk.steps():
        if step.prompt.kind == "text":
            answers.setdefault(step.key, "tekst")
    result = walk_session(session, libraries, ScriptedAsker(answers), tmp_path / "s")
    assert result == "done"
    from goedgenoeg.record_file import write_record

    record = write_record(session, libraries, tmp_path / "r.md")
    assert "GG-001" in record.read_text()


def test_resume_without_sessions_says_what_to_do(tmp_path, monkeypatch, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    result = runner.invoke(app, ["resume", "--sessions-dir", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "geen niet afgemaakte sessie" in result.stderr and "goedgenoeg reflect" in result.stderr


def test_default_sessions_folder_is_in_the_users_application_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GOEDGENOEG_SESSIONS_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    folder = sessions.sessions_dir()
    assert folder.is_relative_to(tmp_path) and folder.name == "sessions" and "goedgenoeg" in str(folder)


def test_team_voices_survive_a_reload(tmp_path, libraries):
    session, path = saved_session(libraries, tmp_path)
    session.answers["kanttekeningen.tijd-dringt"] = Answer(
        status="answered", voices={"An": {"response": "recognise", "note": ""}, "Bo": {"response": "later", "note": "x"}}
    )
    sessions.save(session, tmp_path)
    loaded = sessions.load(path)
    assert sessions.fit_answers(loaded, libraries) == []
    assert loaded.answers["kanttekeningen.tijd-dringt"].voices["Bo"]["note"] == "x"


def test_a_followups_earlier_answers_that_no_longer_fit_are_left_out(tmp_path, libraries):
    from goedgenoeg.models import Baseline

    session, path = saved_session(libraries, tmp_path)
    session.followup_of = Baseline(
        id="x",
        date="2026-01-01",
        answers={
            "context.decision": Answer(status="answered", value={"response": "recognise"}),  # was another kind
            "context.case": Answer(status="answered", value="GG-0"),
        },
    )
    sessions.fit_answers(session, libraries)
    assert list(session.followup_of.answers) == ["context.case"]


def test_the_asker_hears_of_the_reflection_before_its_first_question_and_is_asked_when_a_save_fails(
    libraries, tmp_path, monkeypatch
):
    """One owner runs a reflection: the asker is told of it (begin) before any question, and a
    save that fails is put to the asker (try again, or stop with the earlier answers on disk)."""
    from goedgenoeg.reflection import NotSaved, Reflection
    from goedgenoeg.walk import Reply

    class Watching(ScriptedAsker):
        def __init__(self, *args, fail_saves=0, **kwargs):
            super().__init__(*args, **kwargs)
            self.fail_saves = fail_saves
            self.failures = []
            self.retry = True

        def ask(self, step, position, previous):
            assert self.reflection is not None and self.reflection.walk.answers is session.answers
            return super().ask(step, position, previous)

        def save_failed(self, err):
            self.failures.append(err.strerror)
            return self.retry

    session = sessions.new_session(libraries, "nl")
    asker = Watching(CONTEXT_FLANDERS_BABY, script={"context.region": [Reply("stop")]})
    reflection = Reflection(session, libraries, asker, tmp_path / "s")
    assert reflection.run() == "stopped"
    assert asker.reflection is reflection and asker.failures == []
    assert session.last == "context.region"  # where it was: a follow-up would resume there
    assert "context.age" in sessions.load(sessions.path_of(tmp_path / "s", session.id)).answers

    real, calls = sessions.save, []

    def full_disk_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(sessions, "save", full_disk_on_second)
    reflection.save()  # fine
    reflection.save()  # fails once, and is tried again
    assert asker.failures == ["No space left on device"] and len(calls) == 3
    asker.retry = False
    calls.clear()
    reflection.save()
    with pytest.raises(NotSaved):
        reflection.save()
