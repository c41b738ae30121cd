"""The installed command in a pseudo-terminal, as a caseworker would use it."""

import json
import os
import re
import signal

import pexpect
import pytest

from conftest import BIN
from goedgenoeg.models import Answer
from goedgenoeg.walk import Walk

pytestmark = pytest.mark.skipif(not BIN.exists(), reason="run through 'make test', which installs the command")

CONTEXT = {"decision": "placement", "age": "3-6", "region": "netherlands", "who": "alone"}
CHOICES = {"decision": "1", "age": "4", "region": "2", "who": "1"}


def spawn(args, env_dir):
    env = dict(os.environ, GOEDGENOEG_SESSIONS_DIR=str(env_dir), NO_COLOR="1", TERM="dumb")
    env.pop("GOEDGENOEG_FORCE_INTERACTIVE", None)
    child = pexpect.spawn(str(BIN), args, env=env, dimensions=(50, 250), encoding="utf-8", timeout=20)
    return child


def answer_step(child, step, n, skip=False):
    """Answer one prompt the way a person would; returns the text typed as the answer."""
    kind = step.prompt.kind
    if skip:
        child.expect(r"(Je antwoord|Kies een nummer|Kies nummers|Persoon 1 · Wie|Stap 1 · Wat moet er gebeuren)[^:\n]*: ")
        child.sendline(">")
        return None
    if kind == "text":
        child.expect(r"Je antwoord[^:\n]*: ")
        value = CONTEXT_TEXT.get(step.key, f"antwoord-{n}")
        child.sendline(value)
        return value
    if kind == "choice":
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline(CHOICES.get(step.prompt.id, "1") if step.library.id == "context" else "1")
        return None
    if kind == "multi":
        child.expect(r"Kies nummers[^:\n]*: ")
        child.sendline("1")
        return None
    if kind in ("reflection", "alternative"):
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline("1")
        child.expect(r"Notitie[^:\n]*: ")
        child.sendline(f"notitie-{n}")
        return f"notitie-{n}"
    if kind == "people":
        child.expect(r"Persoon 1 · Wie[^:\n]*: ")
        child.sendline(f"tante-{n}")
        child.expect(r"Relatie[^:\n]*: ")
        child.sendline("tante")
        child.expect(r"Betekenis[^:\n]*: ")
        child.sendline("haalt de kinderen op")
        child.expect(r"Een zorg of risico voor het kind\?[^:\n]*: ")
        child.sendline("")
        child.expect(r"Persoon 2 · Wie[^:\n]*: ")
        child.sendline("")
        return f"tante-{n}"
    if kind == "actions":
        child.expect(r"Stap 1 · Wat moet er gebeuren[^:\n]*: ")
        child.sendline(f"belt-{n}")
        for label in ("Wie doet het", "Tegen wanneer", "Resultaat"):
            child.expect(label + r"[^:\n]*: ")
            child.sendline("x")
        child.expect(r"Stap 2 · Wat moet er gebeuren[^:\n]*: ")
        child.sendline("")
        return f"belt-{n}"
    if kind == "children":  # one child: Enter
        child.expect(r"Kind 1 · Pseudoniem[^:\n]*: ")
        child.sendline("")
        return None
    raise AssertionError(kind)


CONTEXT_TEXT = {"context.case": "GG-PTY-1", "context.role": "gezinscoach"}


def steps_for(libraries):
    values = dict(CONTEXT, case="GG-PTY-1", role="gezinscoach")
    answers = {f"context.{k}": Answer(status="answered", value=v) for k, v in values.items()}
    return Walk(libraries, answers, path="full").steps()


def test_a_whole_reflection_with_help_back_and_skip(tmp_path, libraries):
    steps = steps_for(libraries)
    skip_at = {8, 20, len(steps) - 3}
    child = spawn(["reflect", "--path", "full"], tmp_path / "s")
    typed, skipped = {}, []
    for n, step in enumerate(steps):
        if n == 7:  # ask for the explanation first
            child.expect(r"(Kies een nummer|Je antwoord)[^:\n]*: ")
            child.sendline("?")
            child.expect("Waarom deze vraag: ")
            child.expect("Bron: ")
        if n == 12:  # go back one, keep the previous answer with Enter, then go on
            child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
            child.sendline("<")
            child.expect("Vorig antwoord: ")
            prev = steps[n - 1].prompt.kind
            if prev in ("reflection", "alternative"):
                child.expect(r"Kies een nummer \[\d\]: ")
                child.sendline("")
                child.expect(r"Notitie[^:\n]*: ")
                child.sendline("")
            else:
                child.expect(r": ")
                child.sendline("")
        if n in skip_at:
            answer_step(child, step, n, skip=True)
            skipped.append(step)
            continue
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect("Enter om het verslag te schrijven: ")
    child.sendline("")
    child.expect(r"Het verslag staat in (\S+\.md)")
    record_path = tmp_path / child.match.group(1)  # written in the current folder
    child.expect(pexpect.EOF)
    record = record_path.read_text(encoding="utf-8")
    dossier = {s.key: s.prompt.dossier for s in steps}
    for key, value in typed.items():
        assert (value in record) == dossier[key], key  # the own reflection stays out of the dossier record
    open_part = record.split("## Open punten", 1)[1]
    for step in skipped:
        assert step.prompt.text.nl.split("\n")[0][:30] in open_part.replace("\\", ""), step.key
    assert oct(os.stat(record_path).st_mode & 0o777) == "0o600"


def test_ctrl_c_and_resume_keep_answers_from_before_and_after(tmp_path, libraries):
    steps = steps_for(libraries)
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    typed = {}
    for n, step in enumerate(steps[:9]):
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect(r"(Kies een nummer|Je antwoord)[^:\n]*: ")
    child.sendintr()
    child.expect(r"goedgenoeg resume (\S+)")
    session_id = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    for n, step in enumerate(steps[9:14], start=9):
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)

    out = tmp_path / "r.md"
    child = spawn(["record", session_id, "--full", "-o", str(out)], sessions)
    child.expect(pexpect.EOF)
    record = out.read_text(encoding="utf-8")
    assert len(typed) >= 8
    for key, value in typed.items():
        assert value in record, key


def _answered(sessions):
    files = list(sessions.glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text())
    return {k: v for k, v in data["answers"].items() if v["status"] == "answered"}


def answered_then_waiting(libraries, sessions, count):
    """Start a reflection, answer `count` prompts, and wait until the next one is on screen."""
    steps = steps_for(libraries)
    child = spawn(["reflect", "--path", "full"], sessions)
    for n, step in enumerate(steps[:count]):
        answer_step(child, step, n)
    child.expect(r"(Kies een nummer|Je antwoord)[^:\n]*: ")
    return child, steps


def test_sigkill_loses_no_confirmed_answer(tmp_path, libraries):
    sessions = tmp_path / "s"
    child, steps = answered_then_waiting(libraries, sessions, 11)  # the 12th prompt is on screen
    child.kill(signal.SIGKILL)
    child.close()
    assert len(_answered(sessions)) == 11
    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    child.expect(re.escape(steps[11].prompt.text.nl[:40]))  # continues at the first unanswered
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    assert len(_answered(sessions)) == 11


def test_sighup_saves_and_says_how_to_resume(tmp_path, libraries):
    sessions = tmp_path / "s"
    child, _ = answered_then_waiting(libraries, sessions, 4)
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    assert "goedgenoeg resume" in child.before
    assert len(_answered(sessions)) == 4
    session_file = next(sessions.glob("*.json"))
    assert oct(session_file.stat().st_mode & 0o777) == "0o600"
    assert oct(sessions.stat().st_mode & 0o777) == "0o700"


def test_a_team_reflection_in_the_terminal_keeps_separate_voices(tmp_path):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--team"], sessions)
    child.expect(r"Deel 1 van 7: De situatie · tijdsbox \d+ min")  # the meeting path: every part has a box
    for label, text in [
        ("Je antwoord", "GG-TEAM-PTY"),
        ("Kies nummers", "1"),
        ("Kies een nummer", "3"),
        ("Kies een nummer", "1"),
    ]:
        child.expect(label + r"[^:\n]*: ")
        child.sendline(text)
    for name, role in (("An", "1"), ("Bo", "2"), ("Cy", "4")):
        child.expect(r"Naam of pseudoniem: ")
        child.sendline(name)
        child.expect(r"Organisatie: ")
        child.sendline("OCJ")
        child.expect(r"Rol in de casus: ")
        child.sendline("consulent")
        child.expect(r"Kies een nummer \[5\]: ")
        child.sendline(role)
    child.expect(r"Naam of pseudoniem: ")
    child.sendline("")
    for text in ("plaatsing of niet", "OCJ"):  # the task and whose decision it is
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(text)
    child.expect(r"Je antwoord[^:\n]*: ")  # case update
    child.sendline("korte update")
    child.expect(r"Punt 1: ")
    child.sendline("Is thuis veilig genoeg?")
    child.expect(r"Punt 2: ")
    child.sendline("")
    for name, text in (("An", "gespannen"), ("Bo", "rustig"), ("Cy", "moe")):  # check-in, per person
        child.expect(f"Stem van {name}")
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(text)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    data = json.loads(next(sessions.glob("*.json")).read_text())
    assert data["answers"]["context.who"]["value"] == "team"
    assert [p["meeting_role"] for p in data["answers"]["overleg.deelnemers"]["value"]] == ["presenter", "chair", "advocate"]
    assert data["answers"]["overleg.hoe-zit-je-erin"]["voices"] == {"An": "gespannen", "Bo": "rustig", "Cy": "moe"}
    assert data["answers"]["overleg.richtvragen"]["value"] == ["Is thuis veilig genoeg?"]


# The short path of a Flemish placement of a 7-month-old, written out: the order a caseworker meets.
SHORT_BABY = [
    ("context.case", "text"),
    ("context.decision", "multi"),
    ("context.age", "choice"),
    ("context.region", "choice"),
    ("context.who", "choice"),
    ("mentaliseren.door-de-ogen-van-het-kind", "text"),
    ("mentaliseren.stem-ouders", "text"),
    ("netwerk.wie-belangrijk", "people"),
    ("besluit.feiten", "text"),
    ("besluit.interpretaties", "text"),
    ("besluit.veilig", "text"),
    ("kanttekeningen.machteloosheid", "reflection"),
    ("kanttekeningen.crisis-wordt-jaren", "reflection"),
    ("kanttekeningen.geen-zekerheid", "reflection"),
    ("kanttekeningen.haast", "reflection"),
    ("alternatieven.thuis-met-steun", "alternative"),
    ("alternatieven.amber-ckg", "alternative"),
    ("alternatieven.perinataal-traject", "alternative"),
    ("alternatieven.tijdelijk-bij-familie", "alternative"),
    ("besluit.nadelen-ingrijpen", "text"),
    ("besluit.nadelen-thuis", "text"),
    ("besluit.kantelpunt", "text"),
    ("besluit.besluit", "text"),
    ("besluit.grond", "text"),
    ("besluit.plan-b", "text"),
    ("besluit.evaluatie", "text"),
    ("besluit.tegenspraak", "text"),
    ("besluit.stappen", "actions"),
    ("besluit.goed-genoeg", "text"),
]
BABY_CHOICES = {"context.decision": "1", "context.age": "2", "context.region": "1", "context.who": "1"}


class _Step:
    """Just enough of a walk step for answer_step."""

    def __init__(self, key, kind):
        self.key = key
        library, prompt = key.split(".")
        self.library = type("L", (), {"id": library})()
        self.prompt = type("P", (), {"id": prompt, "kind": kind})()


def test_the_short_path_of_a_baby_placement_to_the_record_then_on_into_the_full_path(tmp_path):
    sessions = tmp_path / "s"
    child = spawn(["reflect"], sessions)  # alone: the short path is the default
    child.expect("Deel 1 van 7")
    typed = {}
    for n, (key, kind) in enumerate(SHORT_BABY):
        if key in BABY_CHOICES:
            child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
            child.sendline(BABY_CHOICES[key])
            continue
        if key == "mentaliseren.door-de-ogen-van-het-kind":  # the context is known: time left, not counts
            child.expect(r"nog ± \d+ min")
        value = answer_step(child, _Step(key, kind), n)
        if key == "context.case":
            value = "GG-PTY-1"
        typed[key] = value
    child.expect(r"Verder met het volledige pad\? \[j/N\]: ")
    child.sendline("n")
    child.expect("Alles is beantwoord")
    child.expect(r"Het verslag staat in (\S+\.md)")
    record = (tmp_path / child.match.group(1)).read_text(encoding="utf-8")
    child.expect(r"goedgenoeg resume (\S+)\s+--path\s+full")
    session_id = child.match.group(1)
    child.expect(pexpect.EOF)

    # the dossier record: the summary first, holding the decision; the own reflection left out
    assert record.split("\n")[2] == "## Samenvatting"
    summary = record.split("## Samenvatting", 1)[1].split("\n## ", 1)[0]
    assert typed["besluit.besluit"] in summary and typed["besluit.feiten"] in summary
    assert typed["kanttekeningen.haast"] not in record  # a note on a pitfall is the worker's own

    # later, the full path: it starts at the first question the short path left out
    child = spawn(["resume", session_id, "--path", "full"], sessions)
    child.expect("Verder met sessie")
    child.expect("Jouw rol in deze casus")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("consulent OCJ")
    child.expect(r"Kind 1 · Pseudoniem[^:\n]*: ")  # one child: Enter
    child.sendline("")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("rust en dezelfde gezichten")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)

    saved = json.loads((sessions / f"{session_id}.json").read_text(encoding="utf-8"))
    assert saved["path"] == "full"
    values = json.dumps(saved["answers"], ensure_ascii=False)
    for key, value in typed.items():  # not one answer of the short path is lost
        assert saved["answers"][key]["status"] == "answered", key
        assert value in values, key
    assert saved["answers"]["context.role"]["value"] == "consulent OCJ"
    assert saved["answers"]["mentaliseren.wat-nodig"]["value"] == "rust en dezelfde gezichten"


def test_a_meeting_with_a_prepared_participant_a_skipped_voice_and_a_dissent(tmp_path, monkeypatch):
    sessions = tmp_path / "s"
    prepared = tmp_path / "an.yaml"
    prepared.write_text(
        "context.case: GG-OVERLEG-1\ncontext.decision: placement\ncontext.age: under-1\ncontext.region: flanders\n"
        "context.who: alone\nmentaliseren.door-de-ogen-van-het-kind: huilt veel, zoekt troost bij mama\n",
        encoding="utf-8",
    )
    env = dict(os.environ, GOEDGENOEG_SESSIONS_DIR=str(sessions))
    done = pexpect.run(f"{BIN} reflect --answers {prepared} -o {tmp_path / 'an.md'}", env=env, encoding="utf-8")
    an_id = re.search(r"Sessie (\S+) bewaard", done).group(1)

    child = spawn(["reflect", "--team", "--prepared", f"An={an_id}"], sessions)
    child.expect("Voorbereid en meegenomen: An")
    child.expect(r"Enter = houden[^:]*: ")  # An is already a participant
    child.sendline("+")
    for name, role in (("Bo", "4"), ("Cy", "2")):
        child.expect(r"Naam of pseudoniem: ")
        child.sendline(name)
        child.expect(r"Organisatie: ")
        child.sendline("OCJ")
        child.expect(r"Rol in de casus: ")
        child.sendline("consulent")
        child.expect(r"Kies een nummer \[5\]: ")
        child.sendline(role)
    child.expect(r"Naam of pseudoniem: ")
    child.sendline("")
    for text in ("advies aan het parket", "de consulent", "nieuwe melding van de opvang"):
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(text)
    child.expect(r"Punt 1: ")
    child.sendline("Is thuis veilig genoeg?")
    child.expect(r"Punt 2: ")
    child.sendline("")
    for name in ("An", "Bo", "Cy"):  # check-in, per person
        child.expect(f"Stem van {name}")
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline("rustig")
    # the child's voice: An's prepared answer is offered, Bo passes, Cy adds hers
    child.expect("Vorig antwoord: An: huilt veel")
    child.expect("Stem van An")
    child.expect(r"Je antwoord \(Enter = vorig antwoord houden\): ")
    child.sendline("")
    child.expect("Stem van Bo")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline(">")
    child.expect("Stem van Cy")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("slaapt slecht sinds de opname")
    # on to how the decision was made, through the overview
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!overzicht")
    child.expect(r"(\d+)\D{0,8}Hoe het besluit tot stand kwam")
    number = child.match.group(1)
    child.expect(r"Typ het nummer[^:\n]*: ")
    child.sendline(number)
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")  # how it was decided
    child.sendline("1")
    child.expect(r"Je antwoord[^:\n]*: ")  # who disagreed
    child.sendline("Bo was het oneens: eerst een netwerkberaad")
    child.expect(r"(Je antwoord|Kies een nummer|Stap 1)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)

    meeting = next(p for p in sessions.glob("*.json") if p.stem != an_id)
    data = json.loads(meeting.read_text(encoding="utf-8"))
    voices = data["answers"]["mentaliseren.door-de-ogen-van-het-kind"]["voices"]
    assert voices == {"An": "huilt veel, zoekt troost bij mama", "Cy": "slaapt slecht sinds de opname"}
    assert [p["name"] for p in data["answers"]["overleg.deelnemers"]["value"]] == ["An", "Bo", "Cy"]
    out = tmp_path / "overleg.md"
    child = spawn(["record", meeting.stem, "-o", str(out)], sessions)
    child.expect(pexpect.EOF)
    record = out.read_text(encoding="utf-8")
    assert "Bo was het oneens: eerst een netwerkberaad" in record
    for name, said in voices.items():  # every voice by its name
        assert re.search(rf"\*\*{name}\*\*\s+{re.escape(said)}", record), name


def test_a_skip_with_enter_leaves_the_next_question_on_a_line_of_its_own(tmp_path):
    child = spawn(["reflect", "--path", "full"], tmp_path / "s")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("GG-SKIP")
    for choice in ("1", "2", "1", "1"):
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline(choice)
    child.expect(r"Je antwoord \(Enter zonder antwoord = overslaan\): ")  # the role
    child.sendline("")
    child.expect(r"\S")  # whatever comes next ...
    assert "\n" in child.before, repr(child.before)  # ... starts on a line of its own
    child.expect(r"(Je antwoord|Kind 1)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
