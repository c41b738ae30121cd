"""In a pseudo-terminal: `goedgenoeg reflect` offers an unfinished reflection first, by its case
reference; a reflection stopped before any answer leaves nothing behind."""

import re

import pexpect


def ended(child):
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def stopped_after_the_case(spawn, sessions, case, **extra):
    child = spawn(["reflect", "--path", "full"], sessions, size=(50, 200), **extra)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline(case)
    child.expect(r"(Je antwoord|Kies een nummer|Kies nummers)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(r"Verder gaan: (.*)\r\n")
    hint = child.match.group(1).strip()
    assert ended(child) == 130
    return hint


def test_reflect_offers_the_unfinished_reflection_by_its_case_before_asking_anything(tmp_path, spawn):
    sessions = tmp_path / "s"
    hint = stopped_after_the_case(spawn, sessions, "GG-PTY-7")
    (saved,) = sessions.glob("*.json")
    assert hint == f"{spawn.hint} resume {saved.stem}"  # its folder is not on the PATH (as after `make run`): the full path

    child = spawn(["reflect"], sessions, size=(50, 200))
    index = child.expect([r"Niet afgemaakte reflecties:", r"Je antwoord[^:\n]*: "])
    assert index == 0, "a new question came before the offer"
    child.expect(r"1\. GG-PTY-7  \(1 van \d+ vragen, laatst ")
    child.expect(r"Enter = verder met 1[^:\n]*: ")
    child.sendline("")  # Enter continues the top one
    child.expect(rf"Verder met sessie {saved.stem} \(GG-PTY-7\)")
    child.expect(r"(Je antwoord|Kies een nummer|Kies nummers)[^:\n]*: ")
    child.sendline("!stop")
    assert ended(child) == 130
    assert len(list(sessions.glob("*.json"))) == 1  # continued, not a second one


def test_n_starts_anew_and_a_reflection_stopped_before_any_answer_is_not_kept(tmp_path, spawn):
    sessions = tmp_path / "s"
    stopped_after_the_case(spawn, sessions, "GG-PTY-8")
    child = spawn(["reflect", "--path", "full"], sessions, size=(50, 200))
    child.expect(r"Enter = verder met 1[^:\n]*: ")
    child.sendline("n")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!stop")
    child.expect(r"Er was nog niets beantwoord; er is niets bewaard\.")
    assert ended(child) == 130
    assert len(list(sessions.glob("*.json"))) == 1  # only GG-PTY-8


def test_after_make_run_the_hint_is_make_run(tmp_path, spawn):
    hint = stopped_after_the_case(spawn, tmp_path / "s", "GG-PTY-9", GOEDGENOEG_VIA="make")
    assert hint == "make run"


def test_the_resume_command_is_never_broken_over_lines(tmp_path, spawn):
    """On a narrow terminal (or from a long folder) the command to continue stays one line, so
    it can be copied as it is."""
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions, term="xterm", size=(50, 40), COLUMNS="40")
    child.expect("Je antwoord")  # the prompts wrap on a narrow screen: wait for their end
    child.expect(": ")
    child.sendline("GG-PTY-10")
    child.expect("Kies nummers")
    child.expect(": ")
    child.sendline("!stop")
    child.expect(r"Verder gaan: ([^\r\n]*)\r\n")
    hint = re.sub(r"\x1b\[[0-9;]*m", "", child.match.group(1)).strip()
    assert ended(child) == 130
    (saved,) = sessions.glob("*.json")
    assert hint == f"{spawn.hint} resume {saved.stem}"
