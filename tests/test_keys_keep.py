"""Nothing lost by the keys people press (issue 22, points 1-3): '>', '!later' and Enter at an
answer already given keep it; a list keeps each finished row through a kill; a resumed session
whose answers were set aside is never deleted. Each test drives the installed tool in a
pseudo-terminal and reads the session file, as a user would find it."""

import json
import signal

import pexpect

from goedgenoeg.models import Answer
from goedgenoeg.walk import Reply, Walk, apply

ASKED = r"(Je antwoord|Kies een nummer|Kies nummers)[^:\n]*: "


def start_short_walk(spawn, sessions, case="GG-KEYS"):
    """A placement, 6-12, the Netherlands, alone, asked by the Raad by Friday: then the child's own question."""
    child = spawn(["reflect"], sessions)
    for answer in (case, "1", "5", "2", "1", "1", "een advies over een plaatsing", "vrijdag"):
        child.expect(ASKED)
        child.sendline(answer)
    return child


def saved_answers(sessions):
    files = sorted(sessions.glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))["answers"]


def key_of(answers, value):
    return next(k for k, a in answers.items() if a.get("value") == value)


def test_passing_an_earlier_answer_with_gt_keeps_it(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = start_short_walk(spawn, sessions)
    child.expect(ASKED)
    child.sendline("huilt veel sinds de verhuizing")
    child.expect(ASKED)
    child.sendline("<")  # back to the child's question: the answer is shown
    child.expect("Vorig antwoord: huilt veel sinds de verhuizing")
    child.expect(ASKED)
    child.sendline(">")
    child.expect("vorig antwoord blijft staan")
    child.expect(ASKED)
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    answers = saved_answers(sessions)
    key = key_of(answers, "huilt veel sinds de verhuizing")
    assert answers[key]["status"] == "answered"


def test_marking_an_earlier_answer_for_later_keeps_it_and_leaves_it_open(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = start_short_walk(spawn, sessions)
    child.expect(ASKED)
    child.sendline("slaapt slecht")
    child.expect(ASKED)
    child.sendline("<")
    child.expect("Vorig antwoord: slaapt slecht")
    child.expect(ASKED)
    child.sendline("!later")
    child.expect("het antwoord blijft staan")
    child.expect(ASKED)
    child.sendline("<")  # and back again: the answer is still shown, marked for later
    child.expect(r"Vorig antwoord: slaapt slecht \(later bespreken\)")
    child.expect(ASKED)
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    answers = saved_answers(sessions)
    key = key_of(answers, "slaapt slecht")
    assert answers[key]["status"] == "later"


def test_a_finished_row_of_the_network_survives_a_kill_while_the_next_is_typed(tmp_path, spawn):
    """A dead battery or an out-of-memory kill (SIGKILL: no handler runs) in the middle of the
    second person: the first person is on disk, and shown on resume."""
    sessions = tmp_path / "s"
    child = start_short_walk(spawn, sessions, case="GG-KILL")
    for _ in range(2):  # the child's voice and the parents': skipped
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(">")
    for answer in ("oma Mie", "grootmoeder", "vangt Sem op na school", "nee"):
        child.expect(r"Persoon 1 · [^:\n]*: ")
        child.sendline(answer)
    child.expect(r"Persoon 2 · Wie[^:\n]*: ")
    child.sendline("buurman")
    child.expect(r"Persoon 2 · Relatie[^:\n]*: ")
    child.kill(signal.SIGKILL)
    child.close()
    saved = saved_answers(sessions)["netwerk.wie-belangrijk"]
    assert saved["value"][0]["who"] == "oma Mie" and len(saved["value"]) == 1
    assert saved["status"] == "later"  # the list was not finished: it stays an open point

    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    child.expect(ASKED)
    child.sendline("!overzicht")
    child.expect(r"Typ het nummer van een onderdeel[^:\n]*: ")
    child.sendline("")
    child.expect(ASKED)
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    assert saved_answers(sessions)["netwerk.wie-belangrijk"]["value"][0]["who"] == "oma Mie"


def test_resume_then_ctrl_c_never_deletes_a_session_whose_answers_were_set_aside(tmp_path, spawn):
    """An organisation library not mounted now: its answers are set aside on resume ("they stay
    in the file"); stopping at once must not delete the file as if nothing were in it."""
    sessions = tmp_path / "s"
    child = start_short_walk(spawn, sessions, case="GG-ASIDE")
    child.expect(ASKED)
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    file = next(sessions.glob("*.json"))
    data = json.loads(file.read_text(encoding="utf-8"))
    # only the context's 'who' is left, and an answer of a library that is not there now
    data["answers"] = {
        "context.who": data["answers"]["context.who"],
        "organisatie.eigen-vraag": {"status": "answered", "value": "wat het team afsprak", "at": ""},
    }
    file.write_text(json.dumps(data), encoding="utf-8")

    child = spawn(["resume"], sessions)
    child.expect("organisatie.eigen-vraag")
    child.expect(ASKED)
    child.sendintr()
    child.expect(pexpect.EOF)
    assert file.exists(), "the session with set-aside answers was deleted"
    assert json.loads(file.read_text(encoding="utf-8"))["set_aside"]["organisatie.eigen-vraag"]["value"] == "wat het team afsprak"


# --- the walk itself, without a terminal ------------------------------------------------------


def test_a_skip_at_a_follow_ups_earlier_answer_keeps_it(libraries):
    """A follow-up shows last time's answer ('Enter = still so'): passing it keeps it."""
    earlier = {"mentaliseren.door-de-ogen-van-het-kind": Answer(status="answered", voices={"Eva": "bang", "Joost": "boos"})}
    walk = Walk(libraries, {}, baseline=earlier, path="full")
    step = next(s for s in walk.steps() if s.key == "mentaliseren.door-de-ogen-van-het-kind")
    saves = []
    apply(walk, step, Reply("skip"), lambda: saves.append(1))
    assert walk.answers[step.key].voices == {"Eva": "bang", "Joost": "boos"}
    assert walk.answers[step.key].status == "answered" and saves


def test_a_skip_or_later_without_an_answer_stays_what_it_was(libraries):
    walk = Walk(libraries, {}, path="full")
    step = next(s for s in walk.steps() if s.key == "mentaliseren.door-de-ogen-van-het-kind")
    apply(walk, step, Reply("later"), lambda: None)
    assert walk.answers[step.key].status == "later" and walk.answers[step.key].value is None
    apply(walk, step, Reply("skip"), lambda: None)
    assert walk.answers[step.key].status == "skipped"
