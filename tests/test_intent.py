"""What the record, the walk and saving should do, asserted directly (issue 24, point 6): each
test here failed with a mutation that the rest of the suite let pass, or that only the
byte-for-byte golden records in tests/data caught. The golden records stay as a last net."""

from __future__ import annotations

import json
from datetime import datetime

from goedgenoeg import session as sessions
from goedgenoeg.cli import app
from goedgenoeg.document import Network
from goedgenoeg.models import Answer
from goedgenoeg.record import build, render, suggested_name
from goedgenoeg.walk import Reply, Walk, run
from helpers import ScriptedAsker
from many_sessions import id_of, write_sessions
from test_kinds import DATA, MAIN_SESSIONS
from test_record import ANSWERS, CONTEXT, PEOPLE, part, session_with, small  # noqa: F401 - a fixture

TEAM = dict(CONTEXT, who="team")

# --- saving -----------------------------------------------------------------------------------


def test_saving_dates_the_session_so_it_heads_the_list_and_dates_its_record(isolated, runner, libraries):
    paths = write_sessions(isolated, 3)  # written in 2025, the last one the latest
    before = json.loads(runner.invoke(app, ["sessions", "--json"]).stdout)["sessions"]
    assert before[0]["id"] == id_of(2)
    oldest = sessions.load(paths[0])
    sessions.save(oldest, isolated, paths[0])
    today = datetime.now().astimezone().date().isoformat()
    assert sessions.load(paths[0]).updated[:10] == today
    after = json.loads(runner.invoke(app, ["sessions", "--json"]).stdout)["sessions"]
    assert after[0]["id"] == id_of(0)  # the one just saved comes first
    assert today in suggested_name(oldest, libraries)  # the record carries the day of its last answer


# --- the walk -----------------------------------------------------------------------------------


def test_going_forward_after_back_asks_again_what_was_answered_in_this_walk(libraries):
    """'<' twice, an answer changed, then forward: the next prompt is the one answered a moment
    ago in this walk (it may depend on the change), not the first one never answered."""
    script = {
        "context.case": [Reply("answer", "X"), Reply("answer", "Y")],
        "context.decision": [Reply("answer", "placement"), Reply("back"), Reply("answer", "measure")],
        "context.age": [Reply("back"), Reply("stop")],
    }
    answers: dict[str, Answer] = {}
    asker = ScriptedAsker(script=script)
    assert run(Walk(libraries, answers, path="full"), asker, lambda: None) == "stopped"
    assert asker.asked == [
        "context.case",
        "context.decision",
        "context.age",
        "context.decision",
        "context.case",
        "context.decision",  # answered earlier in this walk: asked again on the way forward
        "context.age",
    ]
    assert answers["context.case"].value == "Y" and answers["context.decision"].value == "measure"


# --- the record ---------------------------------------------------------------------------------


def test_an_english_part_and_its_section_of_the_same_name_are_one_heading(small):  # noqa: F811
    """'The next steps' (the part) and 'Next steps' (its section) are one heading in English, as
    'De volgende stappen' and 'Volgende stappen' are in Dutch."""
    answers = {k: v for k, v in ANSWERS.items() if k != "proef.stappen"}
    answers["proef.stappen"] = Answer(status="later")
    for lang, part_title, section in (("en", "The next steps", "Next steps"), ("nl", "De volgende stappen", "Volgende stappen")):
        record = render(session_with(small, answers, lang=lang), small)
        steps = part(record, part_title)
        assert f"### {section}" not in steps
        assert ("Who does what, by when?" if lang == "en" else "Wie doet wat, wanneer?") in steps


def network_of(document) -> Network:
    return next(block for block in document.blocks if isinstance(block, Network))


def test_a_worry_named_by_one_person_in_a_team_stays_in_the_merged_network(small):  # noqa: F811
    """A risk or a worry that only one voice names is not outvoted by the others: the merged
    network marks the person, whichever voice came first."""
    quiet = [{k: v for k, v in person.items() if k not in ("risk", "worry")} for person in PEOPLE]
    unexplained = [dict(person, worry="") for person in PEOPLE]
    worry = PEOPLE[2]["worry"]
    for voices, said in (
        ({"An": quiet, "Cy": PEOPLE}, worry),
        ({"An": PEOPLE, "Cy": quiet}, worry),
        ({"An": quiet, "Cy": unexplained}, "zorg aangegeven, zonder reden"),
        ({"An": unexplained, "Cy": quiet}, "zorg aangegeven, zonder reden"),
    ):
        answers = dict(ANSWERS, **{"proef.netwerk": Answer(status="answered", voices=voices)})
        people = {p.who: p for p in network_of(build(session_with(small, answers, context=TEAM), small)).people}
        assert people["nieuwe partner"].worry == said
        assert people["oma Mie"].worry == "" and people["papa"].worry == ""


def test_guiding_questions_left_open_are_listed_in_the_open_points(libraries):
    """The meeting's guiding questions: one without an answer stays an open point, one answered
    in part does not."""
    session = sessions.load(DATA / f"{MAIN_SESSIONS[0]}.json")
    rows = session.answers["afsluiting.richtvragen-terug"].value
    assert [(r["question"], r["status"]) for r in rows] == [("richtvraag 11", "partly"), ("richtvraag 12", "not_answered")]
    open_points = part(render(session, libraries), "Open punten")
    assert "- Richtvraag zonder antwoord: richtvraag 12" in open_points.splitlines()
    assert "richtvraag 11" not in open_points


def test_a_part_nobody_went_through_is_one_open_point_with_its_number_of_questions(small):  # noqa: F811
    """Two questions of 'Het besluit' left: one line for the part, not one per question."""
    answers = {k: v for k, v in ANSWERS.items() if k not in ("proef.besluit", "proef.tegenstem")}
    open_points = part(render(session_with(small, answers), small), "Open punten")
    lines = [line for line in open_points.splitlines() if line.startswith("- Het besluit")]
    assert lines == ["- Het besluit: dit deel is niet doorlopen (2 vragen)"]


def test_a_teams_interpretation_is_the_reading_of_its_participants(libraries):
    """The summary says whose reading an interpretation is: in a meeting its participants, not
    the role of whoever typed it in."""
    session = sessions.load(DATA / f"{MAIN_SESSIONS[0]}.json")
    summary = part(render(session, libraries), "Samenvatting")
    assert "*Lezing van: An, Bo*" in summary
    alone = session.model_copy(deep=True)
    alone.answers = {k: v for k, v in session.answers.items() if k != "overleg.deelnemers"}
    alone.answers["context.who"] = Answer(status="answered", value="alone")
    alone.answers["context.role"] = Answer(status="answered", value="consulent")
    assert "*Lezing van: consulent*" in part(render(alone, libraries), "Samenvatting")
