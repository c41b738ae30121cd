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


# --- point 7: exports for an organisation ---------------------------------------------------


def _one_case(tmp_path, runner, case="GG-1"):
    from goedgenoeg.cli import app

    path = tmp_path / f"{case}.yaml"
    path.write_text(
        f"context.case: {case}\ncontext.decision: placement\ncontext.age: 3-6\ncontext.region: netherlands\ncontext.who: alone\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / f"{case}.md")])
    assert result.exit_code == 0, result.output


def test_an_export_says_its_period_team_and_library_versions_and_can_be_group_readable(
    isolated, tmp_path, monkeypatch, runner, libraries
):
    import json
    import stat

    from goedgenoeg.cli import app

    config = tmp_path / "c.toml"
    config.write_text('team = "Wijkteam Noord"\ngroup_readable = true\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    shown = runner.invoke(app, ["config"]).output
    assert "  team           Wijkteam Noord  [" in shown and "  group_readable true  [" in shown
    _one_case(tmp_path, runner, "GG-1")
    _one_case(tmp_path, runner, "GG-2")
    dates = sorted(json.loads(p.read_text())["created"][:10] for p in isolated.glob("*.json") if p.name[0].isdigit())
    drop = tmp_path / "drop"
    drop.mkdir()
    result = runner.invoke(app, ["overview", "--export", str(drop / "noord.json")])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((drop / "noord.json").stat().st_mode) == 0o640
    assert "leesbaar voor de groep (0640)" in result.output
    data = json.loads((drop / "noord.json").read_text(encoding="utf-8"))
    assert data["period"] == {"first": dates[0], "last": dates[-1]} and data["team"] == "Wijkteam Noord"
    assert data["libraries"] == {x.library.id: x.library.version for x in libraries.libraries}
    # the option wins over the setting
    assert runner.invoke(app, ["overview", "--export", str(drop / "eigen.json"), "--owner-only"]).exit_code == 0
    assert stat.S_IMODE((drop / "eigen.json").stat().st_mode) == 0o600
    # a wrong value is named
    config.write_text('group_readable = "misschien"\n', encoding="utf-8")
    assert "group_readable" in runner.invoke(app, ["config"]).output


def test_overview_refuses_an_export_made_with_other_library_versions_and_names_it(isolated, tmp_path, runner):
    import json

    from goedgenoeg.cli import app

    _one_case(tmp_path, runner, "GG-1")
    drop = tmp_path / "drop"
    drop.mkdir()
    assert runner.invoke(app, ["overview", "--export", str(drop / "a.json")]).exit_code == 0
    data = json.loads((drop / "a.json").read_text(encoding="utf-8"))
    old = dict(data, period={"first": "2024-01-01", "last": "2024-03-31"})
    old["libraries"] = dict(data["libraries"], kanttekeningen="0.9")
    (drop / "b.json").write_text(json.dumps(old), encoding="utf-8")
    result = runner.invoke(app, ["overview", str(drop), "--json"])
    assert result.exit_code == 0, result.output
    counted = json.loads(result.stdout)
    assert counted["exports_read"] == 1 and counted["sessions"] == data["sessions"]
    assert counted["period"] == data["period"]  # the refused export's quarter is not in it
    here = data["libraries"]["kanttekeningen"]
    assert f"b.json is niet opgeteld: gemaakt met kanttekeningen 0.9, hier kanttekeningen {here}" in result.stderr
    # the same versions: added, and the period covers both
    (drop / "b.json").write_text(json.dumps(dict(old, libraries=data["libraries"])), encoding="utf-8")
    both = json.loads(runner.invoke(app, ["overview", str(drop), "--json"]).stdout)
    assert both["exports_read"] == 2 and both["period"] == {"first": "2024-01-01", "last": data["period"]["last"]}


# --- point 4: follow-ups that tell old from new -----------------------------------------------

FACT = "besluit.feiten"
CHILD = "mentaliseren.door-de-ogen-van-het-kind"


def _people(*names):
    return Answer(
        status="answered",
        value=[{"name": n, "organisation": "wijkteam", "role": "coach", "meeting_role": "member"} for n in names],
    )


def _earlier(libraries):
    from goedgenoeg.session import new_session

    first = new_session(libraries, "nl")
    first.updated = "2026-01-15T10:00:00"
    first.answers["context.case"] = Answer(status="answered", value="GG-21")
    first.answers["context.who"] = Answer(status="answered", value="team")
    first.answers["overleg.deelnemers"] = _people("Eva", "Joost", "Mila")
    first.answers[FACT] = Answer(status="answered", value="twee blauwe plekken")
    first.answers[CHILD] = Answer(status="answered", voices={"Eva": "bang", "Joost": "boos", "Mila": "stil"})
    return first


def test_carried_answers_stay_marked_until_confirmed_and_the_record_says_so(libraries):
    from goedgenoeg.followup import start_followup
    from goedgenoeg.record import render
    from goedgenoeg.walk import Reply, Walk, apply

    session = start_followup(_earlier(libraries), libraries)
    assert session.answers[FACT].carried == "2026-01-15"
    walk = Walk(libraries, session.answers, session.followup_of.answers)
    step = {s.key: s for s in walk.steps()}
    apply(walk, step[FACT], Reply("skip"), lambda: None)  # Enter keeps: still not checked
    assert session.answers[FACT].carried == "2026-01-15"
    apply(walk, step[FACT], Reply("answer", "twee blauwe plekken"), lambda: None)  # the same again: not checked
    assert session.answers[FACT].carried == "2026-01-15"
    apply(walk, step[FACT], Reply("answer", "twee blauwe plekken", confirmed=("*",)), lambda: None)  # '='
    assert session.answers[FACT].carried == ""
    voices = {"Eva": "bang", "Joost": "boos", "Mila": "stil"}
    apply(walk, step[CHILD], Reply("answer", None, voices, confirmed=("Eva",)), lambda: None)
    assert session.answers[CHILD].carried_voices == ["Joost", "Mila"]
    apply(walk, step[FACT], Reply("skip"), lambda: None)
    session.answers["besluit.stand"] = Answer(status="answered", value="taken")
    text = str(render(session, libraries, "md", full=True))
    assert "**Joost (overgenomen van 2026-01-15, niet opnieuw nagegaan)**" in text
    assert "**Eva**" in text and "Eva (overgenomen" not in text
    summary = text.split("## Samenvatting\n", 1)[1].split("\n## ", 1)[0]
    assert summary.index("### Besluit of advies") < summary.index("### Wat veranderde sinds 2026-01-15")
    assert "Overgenomen van 2026-01-15, niet opnieuw nagegaan: " in summary  # the confirmed fact is not in it


def test_an_old_session_without_the_mark_loads_unchanged(libraries, tmp_path):
    from goedgenoeg.models import Session

    data = _earlier(libraries).model_dump()
    for answer in data["answers"].values():  # as stored, an answer that was not carried has no mark
        assert "carried" not in answer and "carried_voices" not in answer
    assert Session.model_validate(data).answers[FACT].carried == ""


def test_the_voices_of_people_who_left_are_dropped_and_said_once(libraries, tmp_path):
    from goedgenoeg.followup import start_followup
    from goedgenoeg.reflection import Reflection
    from helpers import ScriptedAsker

    session = start_followup(_earlier(libraries), libraries)
    session.answers["overleg.deelnemers"] = _people("Eva", "Joost")  # Mila left
    asker = ScriptedAsker()
    reflection = Reflection(session, libraries, asker, tmp_path)
    steps = reflection.walk.steps()
    reflection.visit(steps[0])
    reflection.visit(steps[1])
    assert asker.notices == ["Niet meer bij het overleg: Mila. Hun stemmen van de vorige keer zijn weggelaten."]
    assert set(session.answers[CHILD].voices) == {"Eva", "Joost"}
    assert "Mila" not in (reflection.walk.previous(CHILD).voices or {})
    assert "Mila" in session.followup_of.answers[CHILD].voices  # the earlier reflection itself is unchanged


def test_a_followups_record_has_the_results_of_earlier_steps_and_changes_in_short(libraries, tmp_path):
    from goedgenoeg.answers_file import fill_from_file
    from goedgenoeg.followup import start_followup
    from goedgenoeg.record import render

    first = _earlier(libraries)
    first.answers["besluit.stappen"] = Answer(
        status="answered", value=[{"who": "consulent", "what": "Amber aanvragen", "when": "vrijdag", "result": ""}]
    )
    session = start_followup(first, libraries)
    long = "Sinds vorige week is er een nieuwe melding van de school over blauwe plekken op de armen " * 3
    path = tmp_path / "a.yaml"
    path.write_text(
        f"steps_done: [partly]\nsteps_why: [wachtlijst]\nsteps_result: [aanvraag ingediend]\n{FACT}: {long}\n",
        encoding="utf-8",
    )
    assert fill_from_file(session, libraries, path) == []
    assert session.followup_of.steps_result == ["aanvraag ingediend"]
    text = str(render(session, libraries, "md"))
    changed = text.split("### Wat veranderde sinds", 1)[1].split("**Volgende stappen van toen**")
    assert long.strip() not in changed[0] and "…" in changed[0]  # short form, not the paragraph
    assert "| Resultaat |" in changed[1] and "| deels gedaan | aanvraag ingediend | wachtlijst |" in changed[1]
