"""Issue 21: a meeting a chair can run in 90 minutes (roles, the chair's voice, the decision's
status and dissent counted, prepared voices checked)."""

import pytest

from goedgenoeg.facts import _dissent
from goedgenoeg.meeting import PreparedError, bring_in_prepared
from goedgenoeg.models import Answer, ParticipantsPrompt
from goedgenoeg.session import new_session
from goedgenoeg.values import ParticipantRow, check_participants
from goedgenoeg.walk import Walk
from helpers import team_session as _team  # a Dutch team weighing a measure, with these answers


def test_chair_process_guard_and_time_keeper_are_separate_roles_and_an_unknown_role_still_loads():
    people = check_participants(
        [
            {"name": "An", "meeting_role": "chair", "voice": "nee"},
            {"name": "Bo", "meeting_role": "guard"},
            {"name": "Cy", "meeting_role": "timekeeper"},
            {"name": "Dee", "meeting_role": "chair", "voice": "ja"},
        ]
    )
    assert [(p.meeting_role, p.voice) for p in people] == [
        ("chair", False),
        ("guard", True),
        ("timekeeper", True),
        ("chair", True),
    ]
    prompt = ParticipantsPrompt(id="p", kind="participants", text={"nl": "x"}, help={"nl": "h"}, source="s")
    old = [{"name": "Ed", "meeting_role": "voorzitter-procesbewaker"}, {"name": "Fa", "meeting_role": "chair"}]
    assert prompt.parse(old) == [ParticipantRow("Ed", meeting_role="member"), ParticipantRow("Fa", meeting_role="chair")]
    assert prompt.describe([{"name": "Fa", "meeting_role": "chair"}], "nl") == "Fa (voorzitter)"


def test_the_chair_without_a_voice_is_not_counted_in_the_meeting_estimate(libraries):
    rows = [{"name": n, "meeting_role": r} for n, r in (("An", "chair"), ("Bo", "member"), ("Cy", "member"))]
    session = _team(libraries, **{"overleg.deelnemers": [dict(r, voice=r["name"] != "An") for r in rows]})
    walk = Walk(libraries, session.answers)
    assert walk.voices() == ["Bo", "Cy"] and walk.people() == 2


def test_per_person_only_where_the_differences_are_the_content(libraries):
    session = _team(libraries)
    walk = Walk(libraries, session.answers, people=5)
    own = [s.key for s in walk.steps() if getattr(s.prompt, "per_person", False)]
    assert own == ["overleg.hoe-zit-je-erin", "besluit.interpretaties", "afsluiting.achter-besluit", "afsluiting.het-goede"]
    assert len(own) * 5 <= 55
    assert "besluit.stand" in [s.key for s in walk.steps()]  # the decision's status, for the overview


@pytest.mark.parametrize(
    "agreed,text,dissent",
    [
        ({"An": "yes", "Bo": "yes"}, "Niemand was het oneens.", False),  # a text alone is no dissent any more
        ({"An": "yes", "Bo": "partly"}, "Bo: eerst een netwerkberaad", True),
        (None, "Cy was het oneens", True),  # a session from before the question: its text counts
    ],
)
def test_dissent_is_counted_from_yes_or_no_first(libraries, agreed, text, dissent):
    session = _team(libraries, **{"afsluiting.tegenstem": text})
    if agreed is not None:
        session.answers["afsluiting.achter-besluit"] = Answer(status="answered", voices=agreed)
    assert _dissent(session, libraries) is dissent


def test_the_same_preparation_for_two_people_is_refused(libraries):
    prepared = _team(libraries, **{"besluit.feiten": "twee meldingen"})
    meeting = new_session(libraries, "nl")
    with pytest.raises(PreparedError) as refused:
        bring_in_prepared(meeting, [("An", prepared), ("Bo", prepared)], libraries)
    assert (refused.value.key, refused.value.values) == ("cli_prepared_twice", {"detail": "An, Bo"})


def test_an_answers_file_about_another_case_than_the_preparation_is_refused(runner, tmp_path):
    from goedgenoeg.cli import app

    first = tmp_path / "an.yaml"
    first.write_text("context.case: GG-A\ncontext.decision: placement\ncontext.age: under-1\ncontext.region: flanders\n")
    done = runner.invoke(app, ["reflect", "--answers", str(first), "-o", str(tmp_path / "an.md")])
    assert done.exit_code == 0, done.output
    from helpers import latest_session_id

    an = latest_session_id(runner)
    other = tmp_path / "meeting.yaml"
    other.write_text("context.case: GG-B\n")
    result = runner.invoke(
        app, ["reflect", "--team", "--prepared", f"An={an}", "--answers", str(other), "-o", str(tmp_path / "m.md")]
    )
    assert result.exit_code == 2
    assert "GG-B" in result.output and "GG-A" in result.output and not (tmp_path / "m.md").exists()
