"""Issue 21, points 4, 7 and 9: follow-ups that tell old from new, exports an organisation can
add up, and the privacy check in a meeting record."""

from __future__ import annotations

from goedgenoeg.models import Answer


def _meeting(libraries):
    from goedgenoeg.session import new_session

    session = new_session(libraries, "nl")
    session.answers["context.who"] = Answer(status="answered", value="team")
    session.answers["overleg.deelnemers"] = Answer(
        status="answered",
        value=[
            {"name": "Anouk Peeters", "organisation": "CKG", "role": "coach", "meeting_role": "chair"},
            {"name": "Joost", "organisation": "wijkteam", "role": "gezinscoach", "meeting_role": "member"},
        ],
    )
    session.answers["netwerk.wie-belangrijk"] = Answer(
        status="answered",
        value=[
            {"who": "Tante Els", "relation": "tante", "meaning": "haalt op", "risk": False},
            {"who": "Meester Bram", "relation": "leerkracht groep 6", "meaning": "ziet hem dagelijks", "risk": False},
            {"who": "Dokter Yilmaz", "relation": "huisarts", "meaning": "kent het gezin", "risk": False},
        ],
    )
    return session


def test_a_meeting_points_out_the_familys_names_not_the_participants_or_the_professionals(libraries):
    from goedgenoeg.privacy_review import kept, privacy_findings

    session = _meeting(libraries)
    session.answers["context.case"] = Answer(
        status="answered", value="Anouk en Joost spraken Bram en Yilmaz; Els haalt de kinderen op."
    )
    session.answers["afsluiting.tegenstem"] = Answer(status="answered", value="Joost Peeters was het oneens met Bram.")
    found = {step.key: [f.text for f in hits] for _, step, hits in privacy_findings(session, libraries)}
    assert found == {"context.case": ["Els"]}
    assert kept(privacy_findings(session, libraries)) == ["context.case: name"]


def test_outside_a_meeting_the_networks_professionals_are_still_pointed_out(libraries):
    from goedgenoeg.privacy_review import privacy_findings

    session = _meeting(libraries)
    del session.answers["overleg.deelnemers"]
    session.answers["context.who"] = Answer(status="answered", value="alone")
    session.answers["context.case"] = Answer(status="answered", value="Bram en Els zagen het.")
    found = {step.key: [f.text for f in hits] for _, step, hits in privacy_findings(session, libraries)}
    assert found == {"context.case": ["Bram", "Els"]}


def test_the_meeting_records_privacy_line_says_whose_names_were_not_pointed_out(libraries):
    from goedgenoeg.privacy_review import mark_reviewed, privacy_findings
    from goedgenoeg.record import render

    session = _meeting(libraries)
    session.answers["context.case"] = Answer(status="answered", value="Anouk en Bram")
    mark_reviewed(session, privacy_findings(session, libraries))
    text = str(render(session, libraries, "md", full=True))
    line = next(x for x in text.splitlines() if "Controle op persoonsgegevens" in x)
    assert "Anouk" not in line and "Bram" not in line
    assert "bewust laten staan" not in line
    assert "namen van de deelnemers en van genoemde professionals" in line
