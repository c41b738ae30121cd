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
    order = ["overleg.deelnemers", "overleg.beslissing", "overleg.update", "overleg.richtvragen", "overleg.hoe-zit-je-erin",
             "besluit.feiten", "besluit.nadelen-ingrijpen", "besluit.besluit", "afsluiting.tegenstem", "besluit.stappen",
             "afsluiting.richtvragen-terug", "afsluiting.het-goede"]
    assert [keys.index(k) for k in order] == sorted(keys.index(k) for k in order)
    assert "besluit.tegenspraak" not in keys  # a team names its dissent in the meeting's own question


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
