"""Team reflection, follow-up reflections and the network diagram."""

import json
import re

import yaml
from markdown_it import MarkdownIt

from goedgenoeg.cli import app
from goedgenoeg.models import Answer
from goedgenoeg.walk import Walk
from helpers import latest_session_id
from test_cli import answers_for

TEAM = {"case": "GG-TEAM", "decision": "placement", "age": "1-3", "region": "flanders", "who": "team", "role": "OCJ-team"}
PARTICIPANTS = [
    {"name": "An", "organisation": "OCJ", "role": "consulent", "meeting_role": "presenter"},
    {"name": "Bo", "organisation": "CKG", "role": "begeleider", "meeting_role": "chair"},
    {"name": "Cy", "organisation": "CAW", "role": "netwerkcoach", "meeting_role": "advocate"},
]


def run(runner, tmp_path, args, answers, name="r.md"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, args + ["--answers", str(path), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.stderr
    return (tmp_path / name).read_text(encoding="utf-8")


def test_a_team_reflection_shows_participants_voices_dissent_and_guiding_questions(tmp_path, libraries, runner):
    answers = answers_for(libraries, TEAM)
    answers["overleg.deelnemers"] = PARTICIPANTS
    answers["overleg.richtvragen"] = ["Is thuis blijven met steun veilig genoeg?", "Wie uit het netwerk kan mee opvangen?"]
    answers["kanttekeningen.tijd-dringt"] = {
        "voices": {
            "An": {"response": "recognise", "note": "de zitting is volgende week"},
            "Bo": {"response": "not_recognise", "note": "we hebben tijd genoeg"},
            "Cy": {"response": "recognise"},
        }
    }
    answers["afsluiting.hoe-besloten"] = "mandate"
    answers["afsluiting.tegenstem"] = "Cy was het oneens: eerst een netwerkberaad"
    answers["afsluiting.richtvragen-terug"] = [
        {"question": "Is thuis blijven met steun veilig genoeg?", "status": "answered", "where": "afwegen zonder score"},
        {"question": "Wie uit het netwerk kan mee opvangen?", "status": "not_answered", "where": ""},
    ]
    record = run(runner, tmp_path, ["reflect", "--team"], answers)
    for person in PARTICIPANTS:
        assert re.search(rf"\| {person['name']} \| {person['organisation']} \| {person['role']} \|", record)
    assert "voorzitter" in record and "procesbewaker" not in record and "brengt bewust de andere kant in" in record
    # the voices on a critical note, each by name (in the full record, whatever the note's dossier flag)
    session_id = latest_session_id(runner)
    full = runner.invoke(app, ["record", session_id, "--full"]).output
    assert "de stemmen verschillen" in full and "Interne reflectie - niet voor het dossier" in full
    assert "**An**\n\n*Herken ik*\n\nde zitting is volgende week" in full
    assert "**Bo**\n\n*Herken ik niet*\n\nwe hebben tijd genoeg" in full
    assert "De mandaathouder besliste" in record
    assert "Cy was het oneens: eerst een netwerkberaad" in record
    # the guiding questions gone over again: in the full record, and in the dossier record unless
    # their prompt is marked as the team's own reflection (dossier: false)
    guiding = next(p for s in libraries.get("afsluiting").sections for p in s.prompts if p.id == "richtvragen-terug")
    for row in (
        "| Is thuis blijven met steun veilig genoeg? | beantwoord | afwegen zonder score |",
        "| Wie uit het netwerk kan mee opvangen? | niet beantwoord |",
    ):
        assert row in full and (row in record) == guiding.dossier
    # a guiding question left without an answer is an open point
    open_points = record.split("## Open punten", 1)[1].split("\n## ", 1)[0]
    assert "Richtvraag zonder antwoord: Wie uit het netwerk kan mee opvangen?" in open_points
    assert "Is thuis blijven met steun veilig genoeg?" not in open_points
    MarkdownIt("commonmark").enable("table").parse(record)


def test_team_sections_only_in_a_team_reflection(libraries):
    alone = Walk(libraries, {"context.who": Answer(status="answered", value="alone")})
    team = Walk(libraries, {"context.who": Answer(status="answered", value="team")})
    assert not any(s.library.id in ("overleg", "afsluiting") for s in alone.steps())
    keys = [s.key for s in team.steps()]
    assert keys.index("overleg.deelnemers") < keys.index("kanttekeningen.haast") < keys.index("afsluiting.tegenstem")


NETWORK = [
    {"who": 'oma "Mie"', "relation": "grootmoeder", "meaning": "vangt op"},
    {"who": "juf [klas 2]", "relation": "leerkracht", "meaning": "had een vermoeden"},
    {"who": "papa", "relation": "vader", "meaning": "wil meer betrokken zijn"},
    {"who": "buurvrouw <script>", "relation": "", "meaning": "", "risk": "ja", "worry": "roept <b>; ziet de juf"},
]


def test_the_network_is_a_table_in_markdown_and_a_picture_in_html(tmp_path, libraries, runner):
    answers = answers_for(libraries, TEAM)
    answers["netwerk.wie-belangrijk"] = NETWORK
    record = run(runner, tmp_path, ["reflect"], answers)
    assert "```" not in record and "mermaid" not in record
    network = record.split("\n## De mensen\n", 1)[1].split("\n## ", 1)[0]
    rows = [x for x in network.splitlines() if x.startswith("| ")][1:]
    assert rows == [
        '| oma "Mie" | grootmoeder | vangt op |   |',
        "| juf \\[klas 2] | leerkracht | had een vermoeden |   |",
        "| papa | vader | wil meer betrokken zijn |   |",
        "| buurvrouw \\<script> |   |   | roept \\<b>; ziet de juf |",
    ]
    session_id = latest_session_id(runner)
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["record", session_id, "--format", "html", "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    [svg] = re.findall(r"<svg viewBox.*?</svg>", html, re.S)
    assert len(re.findall(r'<g class="person">', svg)) == 3 and len(re.findall(r'<g class="person worry">', svg)) == 1
    assert "oma &quot;Mie&quot;" in svg and "buurvrouw &lt;script&gt;" in svg and "<script" not in html


def test_a_followup_lists_exactly_what_changed(tmp_path, libraries, isolated, runner):
    context = dict(TEAM, who="alone")
    answers = answers_for(libraries, context)
    alternative = next(k for k, v in answers.items() if isinstance(v, dict) and v.get("status") == "feasible")
    network = answers["netwerk.wie-belangrijk"] = [
        {"who": "oma", "relation": "grootmoeder", "meaning": "vangt op"},
        {"who": "buurman", "relation": "buur", "meaning": "brengt naar school"},
    ]
    run(runner, tmp_path, ["reflect"], answers, "first.md")
    session_id = latest_session_id(runner)
    changes = {
        "besluit.feiten": "sinds vorige week een nieuwe melding van de school",  # a fact updated
        alternative: {"status": "started", "note": "sinds 1 december"},  # now ingezet
        # one person changed, one removed
        "netwerk.wie-belangrijk": [dict(network[0], meaning="vangt op, nu twee dagen per week")],
        "steps_done": ["partly"],
        "steps_why": ["wachtlijst bij de thuisbegeleiding"],
    }
    record = run(runner, tmp_path, ["followup", session_id], changes, "second.md")
    assert record.split("\n\n")[1].startswith("**Vervolg op de reflectie van ")  # the header says so
    summary = record.split("## Samenvatting\n", 1)[1].split("\n## ", 1)[0]
    # the new decision first, then what changed (issue 21, point 4)
    assert summary.startswith("\n### Besluit of advies\n")
    assert summary.index("### Besluit of advies") < summary.index("### Wat veranderde sinds ") < summary.index("### Feiten")
    changed, steps = summary.split("### Wat veranderde sinds ", 1)[1].split("\n### ", 1)[0].split("**Volgende stappen van toen**")
    rows = [x for x in changed.splitlines() if x.startswith("| ") and not x.startswith("| Vraag") and not x.startswith("|---")]
    assert len(rows) == 3, rows  # exactly the fact, the alternative and the network
    assert any(x.endswith("| sinds vorige week een nieuwe melding van de school |") for x in rows)
    assert any(x.endswith("| Ingezet: sinds 1 december |") for x in rows)
    assert any("buurman" in x.split("|")[2] and "buurman" not in x.split("|")[3] and "twee dagen" in x for x in rows)
    assert "| consulent | stap" in steps and "| deels gedaan |   | wachtlijst bij de thuisbegeleiding |" in steps


def test_a_followup_keeps_every_earlier_answer_when_jumping_ahead(tmp_path, libraries, isolated, monkeypatch, runner):
    answers = answers_for(libraries, dict(TEAM, who="alone"))
    run(runner, tmp_path, ["reflect"], answers, "first.md")
    first_id = latest_session_id(runner)
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    # jump to the last part at once, change nothing there, and stop
    result = runner.invoke(app, ["followup", first_id], input="!overzicht\n99\n\n!stop\n")
    assert "Vervolg op de reflectie van" in result.output
    assert "Dat is geen geldige keuze" in result.output  # 99 is not a part
    result = runner.invoke(app, ["followup", first_id], input="!overzicht\n" + "\n!stop\n")
    listed = json.loads(runner.invoke(app, ["sessions", "--json"]).stdout)["sessions"]
    followups = [x["id"] for x in listed if x["id"] != first_id]
    out = tmp_path / "f.md"
    runner.invoke(app, ["record", followups[0], "--full", "-o", str(out)])  # everything, the own reflection too
    record = out.read_text()
    assert "Geen antwoorden gewijzigd." in record
    prompts = {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}
    for key, value in answers.items():
        if isinstance(value, str) and value.startswith("antwoord"):
            # the case carried over, not lost; the own reflection (feelings, check-in) starts anew
            assert (value in record) == prompts[key].dossier, key


def test_a_followup_in_the_terminal_checks_facts_edits_lists_and_asks_why(tmp_path, libraries, isolated, monkeypatch, runner):
    answers = {
        "context.case": "GG-VERVOLG",
        "context.decision": "placement",
        "context.age": "under-1",
        "context.region": "flanders",
        "context.who": "alone",
        "mentaliseren.door-de-ogen-van-het-kind": "huilt veel",
        "netwerk.wie-belangrijk": [
            {"who": "oma", "relation": "grootmoeder", "meaning": "vangt op"},
            {"who": "buurman", "relation": "buur", "meaning": "brengt naar de opvang"},
        ],
        "besluit.feiten": "twee blauwe plekken",
        "besluit.stappen": [{"who": "consulent", "what": "Amber aanvragen", "when": "vrijdag", "result": "aangevraagd"}],
        "kanttekeningen.haast": {"response": "recognise", "note": "de zitting drukt"},
    }
    run(runner, tmp_path, ["reflect"], answers, "first.md")
    first = latest_session_id(runner)
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    lines = [
        "2",
        "wachtlijst van zes weken",  # the earlier step: partly, and why
        "aanvraag ingediend",  # and what it produced
        "",  # the child: Enter keeps
        "",  # what each parent may feel now (for a baby, in the place of the parents' own words): skip
        "1",
        "",
        "",
        "vangt op, nu twee dagen",  # oma: change her meaning, keep the rest
        "-2",
        "",  # the neighbour moved away: removed; then keep the list
        "twee blauwe plekken en een nieuwe melding",  # the fact, checked and updated
        "!stop",
    ]
    result = runner.invoke(app, ["followup", first], input="\n".join(lines) + "\n")
    assert result.exit_code == 130, result.output
    assert "Klopt dit nog?" in result.output and "weggehaald: buurman" in result.output
    second = next(p for p in isolated.glob("*.json") if p.stem != first)
    out = tmp_path / "second.md"
    assert runner.invoke(app, ["record", second.stem, "-o", str(out)]).exit_code == 0
    record = out.read_text(encoding="utf-8")
    summary = record.split("## Samenvatting\n", 1)[1].split("\n## ", 1)[0]
    assert "twee blauwe plekken en een nieuwe melding" in summary
    assert "vangt op, nu twee dagen" in summary
    assert "| deels gedaan | aanvraag ingediend | wachtlijst van zes weken |" in summary
    changed = summary.split("**Volgende stappen van toen**")[0]
    assert "buurman" in changed  # the removal is a change, shown as it was before
    assert "de zitting drukt" not in record  # the own reflection was not carried over


def test_a_followup_carries_only_the_steps_still_to_do(libraries):
    from goedgenoeg import session as sessions
    from goedgenoeg.followup import drop_done_steps, start_followup

    first = sessions.new_session(libraries, "nl")
    steps = [
        {"who": "consulent", "what": "veiligheidsplan opmaken", "when": "5 december", "result": "plan getekend"},
        {"who": "mama", "what": "naar de huisarts", "when": "deze week", "result": "gewogen"},
    ]
    first.answers["besluit.stappen"] = Answer(status="answered", value=steps)
    followup = start_followup(first, libraries)
    followup.followup_of.steps_done = ["done", "partly"]
    drop_done_steps(followup, libraries)
    assert followup.answers["besluit.stappen"].value == [steps[1]]  # the done one is not a next step again
    followup.followup_of.steps_done = ["done", "done"]
    followup.answers["besluit.stappen"] = Answer(status="answered", value=steps)
    drop_done_steps(followup, libraries)
    assert "besluit.stappen" not in followup.answers  # all done: the next steps are asked anew


def test_a_teams_network_is_one_picture_saying_who_named_whom(tmp_path, libraries, isolated, runner):
    answers = answers_for(libraries, TEAM)
    answers["overleg.deelnemers"] = PARTICIPANTS
    answers["netwerk.wie-belangrijk"] = {
        "voices": {
            "An": [{"who": "Opa", "relation": "grootvader", "meaning": "haalt op"}],
            "Bo": [
                {"who": "opa", "relation": "grootvader", "meaning": "kookt op woensdag"},
                {"who": "Tante Mia", "relation": "tante", "meaning": "drinkt", "risk": True},
            ],
        }
    }
    record = run(runner, tmp_path, ["reflect"], answers, "team.md")
    network = record.split("\n## De mensen\n", 1)[1].split("\n## ", 1)[0]
    rows = [x for x in network.splitlines() if x.startswith("| ") and not x.startswith("| Wie")]
    assert len(rows) == 2, rows  # one table: opa once, tante once
    assert "haalt op; kookt op woensdag (genoemd door An, Bo)" in rows[0]
    assert "(genoemd door Bo)" in rows[1] and rows[1].endswith("| zorg aangegeven, zonder reden |")
    assert "Stem van" not in network


def test_at_a_followup_equals_confirms_what_still_holds_and_enter_keeps_it_marked(
    tmp_path, libraries, isolated, monkeypatch, runner
):
    """Issue 21, point 4, at the keyboard: '=' at an answer carried over from last time says it
    still holds (the mark goes); Enter keeps it, still marked 'not checked again'."""
    answers = {
        "context.case": "GG-GELIJK",
        "context.decision": "placement",
        "context.age": "under-1",
        "context.region": "flanders",
        "context.who": "alone",
        "mentaliseren.door-de-ogen-van-het-kind": "huilt veel",
        "besluit.feiten": "twee blauwe plekken",
    }
    run(runner, tmp_path, ["reflect"], answers, "first.md")
    first = latest_session_id(runner)
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    # the child's view: '=' (it still holds); the parents' feelings: skip; the network: keep; the fact: Enter
    result = runner.invoke(app, ["followup", first], input="=\n\n\n\n!stop\n")
    assert result.exit_code == 130, result.output
    second = json.loads(next(p for p in isolated.glob("*.json") if p.stem != first).read_text(encoding="utf-8"))
    child, fact = second["answers"]["mentaliseren.door-de-ogen-van-het-kind"], second["answers"]["besluit.feiten"]
    assert child["value"] == "huilt veel" and not child.get("carried")  # confirmed now
    assert fact["value"] == "twee blauwe plekken" and fact.get("carried")  # kept, not checked again
