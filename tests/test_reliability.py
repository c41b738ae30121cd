"""Nothing lost, nothing leaked (issue 11): paste, two windows, odd files, full disks, escape codes."""

import json
import os
import re
import time

import pexpect
import pytest

from conftest import BIN

needs_command = pytest.mark.skipif(not BIN.exists(), reason="run through 'make test', which installs the command")


def spawn(args, sessions, term="dumb", **env):
    full_env = dict(os.environ, GOEDGENOEG_SESSIONS_DIR=str(sessions), NO_COLOR="1", TERM=term, **env)
    full_env.pop("GOEDGENOEG_FORCE_INTERACTIVE", None)
    return pexpect.spawn(str(BIN), args, env=full_env, dimensions=(50, 250), encoding="utf-8", timeout=20)


def only_session(sessions):
    files = sorted(sessions.glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


def wait_for(predicate, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


# --- 1. a paste is one answer ------------------------------------------------------------

@needs_command
def test_a_pasted_block_is_one_answer_and_does_not_answer_the_next_questions(tmp_path):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")  # the case reference
    child.send("Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n")
    child.expect(r"Kies een nummer[^:\n]*: ")  # the next question is asked, not answered
    assert wait_for(lambda: "context.case" in only_session(sessions)["answers"])
    answers = only_session(sessions)["answers"]
    assert answers["context.case"]["value"] == "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea."
    assert set(answers) == {"context.case"}
    child.sendline("!stop")
    child.expect(pexpect.EOF)


@needs_command
def test_a_paste_at_a_one_line_question_is_refused_there_and_asked_again(tmp_path):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("GG-1")
    child.expect(r"Kies een nummer[^:\n]*: ")  # the decision: one number expected
    child.send("1\n2\n3\n")
    child.expect(r"Kies een nummer[^:\n]*: ")  # asked again
    time.sleep(0.5)
    answers = only_session(sessions)["answers"]
    assert set(answers) == {"context.case"}  # nothing spilled into the next questions
    child.sendline("!stop")
    child.expect(pexpect.EOF)
