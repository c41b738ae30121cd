"""The meeting path of a case meeting: time boxes for every part, and the time keeper told when
one runs out while a question is still open."""

import io
import time

from rich.console import Console

from goedgenoeg.ask import TerminalAsker
from goedgenoeg.models import Answer
from goedgenoeg.walk import Walk


def team_walk(libraries, people=5):
    context = {"case": "GG-OV", "decision": "measure", "age": "6-12", "region": "netherlands", "who": "team"}
    answers = {f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()}
    return Walk(libraries, answers, people=people)


def test_the_meeting_path_marks_the_task_and_ends_with_the_guiding_questions(libraries):
    keys = [s.key for s in team_walk(libraries).steps()]
    assert len(keys) <= 45
    order = [
        "context.vraag-wat",  # the task: the question on the table, asked once with the context
        "overleg.deelnemers",
        "overleg.update",
        "overleg.richtvragen",
        "overleg.hoe-zit-je-erin",
        "besluit.feiten",
        "besluit.nadelen-ingrijpen",
        "besluit.besluit",
        "afsluiting.tegenstem",
        "besluit.stappen",
        "afsluiting.richtvragen-terug",
        "afsluiting.het-goede",
    ]
    assert [keys.index(k) for k in order] == sorted(keys.index(k) for k in order)
    assert "besluit.tegenspraak" not in keys  # a team names its dissent in the meeting's own question
    assert "overleg.beslissing" not in keys  # the same question twice cost the chair a minute


def test_every_part_of_a_meeting_has_a_time_box_that_the_position_carries(libraries):
    walk = team_walk(libraries)
    parts = walk.parts()
    assert all(p.box_minutes for p in parts)
    position = walk.position(parts[3].first_index)
    assert position.part_box == parts[3].box_minutes and position.phase == parts[3].phase
    assert "besluit.afwegen" in position.part_sections  # the risks count towards the weighing's time


def test_the_time_keeper_hears_when_the_box_runs_out_and_not_after_an_answer():
    out = io.StringIO()
    asker = TerminalAsker(Console(file=out, width=100, color_system=None), "nl")
    asker._shown_phase = "weighing"
    asker._alarm(0.05)
    time.sleep(0.4)
    assert "De tijdsbox van 'De afweging' is om" in out.getvalue()
    quiet = io.StringIO()
    asker = TerminalAsker(Console(file=quiet, width=100, color_system=None), "nl")
    asker._shown_phase = "weighing"
    asker._alarm(0.2)
    asker._timer.cancel()  # what ask() does once the question is answered
    time.sleep(0.4)
    assert quiet.getvalue() == ""


def test_a_meeting_starts_from_what_participants_prepared(tmp_path, libraries, monkeypatch, runner):
    import json

    import yaml

    from goedgenoeg.cli import app

    monkeypatch.setenv("GOEDGENOEG_SESSIONS_DIR", str(tmp_path / "s"))
    prepared = {
        "context.case": "GG-OV-1",
        "context.decision": "measure",
        "context.age": "6-12",
        "context.region": "netherlands",
        "context.who": "alone",
        "besluit.feiten": "drie meldingen van school",
        "besluit.kantelpunt": "een nieuwe melding",
    }
    ids = []
    for name, facts in (("An", "drie meldingen van school"), ("Bo", "twee meldingen, een derde is onzeker")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump({**prepared, "besluit.feiten": facts}), encoding="utf-8")
        assert runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / f"{name}.md")]).exit_code == 0
        ids.append(next(p.stem for p in (tmp_path / "s").glob("*.json") if p.stem not in ids))

    from goedgenoeg import session as sessions
    from goedgenoeg.meeting import bring_in_prepared

    meeting = sessions.new_session(libraries, "nl")
    earlier = [("An", sessions.load(tmp_path / "s" / f"{ids[0]}.json")), ("Bo", sessions.load(tmp_path / "s" / f"{ids[1]}.json"))]
    bring_in_prepared(meeting, earlier, libraries)
    assert meeting.answers["context.case"].value == "GG-OV-1" and "context.who" not in meeting.answers
    assert [p["name"] for p in meeting.prepared["overleg.deelnemers"].value] == ["An", "Bo"]
    assert meeting.prepared["besluit.feiten"].voices == {
        "An": "drie meldingen van school",
        "Bo": "twee meldingen, een derde is onzeker",
    }
    assert meeting.prepared["besluit.kantelpunt"].voices == {"An": "een nieuwe melding", "Bo": "een nieuwe melding"}
    assert not any(key.startswith("context.") for key in meeting.prepared)
    assert json.loads(meeting.model_dump_json())["prepared"]  # kept in the session: a stopped meeting resumes from it

    # what a user gets wrong is said, in Dutch, with what to do
    result = runner.invoke(app, ["reflect", "--prepared", f"An={ids[0]}"])
    assert result.exit_code == 2 and "--team" in result.output
    result = runner.invoke(app, ["reflect", "--team", "--prepared", ids[0]])
    assert result.exit_code == 2 and "NAAM=ID" in result.output
    result = runner.invoke(app, ["reflect", "--team", "--prepared", "An=bestaat-niet"])
    assert result.exit_code == 1


def test_the_time_on_a_question_counts_for_its_part_and_is_shown_against_the_box(libraries, tmp_path):
    """The reflection keeps the time spent per section; the next question of a meeting's part says
    how much of the part's box is used."""
    from goedgenoeg import session as sessions
    from goedgenoeg.reflection import Reflection

    session = sessions.new_session(libraries, "nl")
    session.answers = dict(team_walk(libraries).answers)
    out = io.StringIO()
    asker = TerminalAsker(Console(file=out, width=120, color_system=None), "nl")
    reflection = Reflection(session, libraries, asker, tmp_path)
    asker.begin(reflection)
    walk = reflection.walk
    steps = walk.steps()
    first = next(i for i, s in enumerate(steps) if s.prompt.kind == "text" and s.library.id != "context")
    step = steps[first]
    session.timings[f"{step.library.id}.{step.section.id}"] = 600.0  # ten minutes earlier on
    asker._input = lambda label: time.sleep(0.2) or "een antwoord"  # a question takes its time
    reply = asker.ask(step, walk.position(first), None)
    assert reply.value == "een antwoord"
    assert 600.2 <= session.timings[f"{step.library.id}.{step.section.id}"] < 660.0
    box = walk.position(first).part_box
    assert box and f"10 van {box} min" in out.getvalue()


def test_an_answer_is_written_once_and_one_with_personal_data_before_it_is_asked_back(libraries, tmp_path):
    """Issue 15: one atomic write per answer (the walk's). An answer in which personal data is
    found is on disk before the question about it, so that question never costs the answer."""
    from goedgenoeg import session as sessions
    from goedgenoeg.reflection import Reflection

    session = sessions.new_session(libraries, "nl")
    session.answers = dict(team_walk(libraries).answers)
    asker = TerminalAsker(Console(file=io.StringIO(), width=120, color_system=None), "nl")
    reflection = Reflection(session, libraries, asker, tmp_path)
    asker.begin(reflection)
    saved: list[dict[str, object]] = []
    reflection.save = lambda: saved.append({k: a.value for k, a in session.answers.items()})  # type: ignore[method-assign]
    steps = reflection.walk.steps()
    first = next(i for i, s in enumerate(steps) if s.prompt.kind == "text" and s.library.id != "context")
    step = steps[first]

    asker._input = lambda label: "een antwoord"
    assert asker.ask(step, reflection.walk.position(first), None).value == "een antwoord"
    assert saved == []  # the asker wrote nothing: the walk saves the reply, once

    typed = iter(["mail an@voorbeeld.be", "n"])  # an e-mail address; 'n': keep it as it is
    asker._input = lambda label: next(typed)
    assert asker.ask(step, reflection.walk.position(first), None).value == "mail an@voorbeeld.be"
    assert [s[step.key] for s in saved] == ["mail an@voorbeeld.be"]  # written before the question
