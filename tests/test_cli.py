"""The commands, through typer's CliRunner: scripted reflections, records, sessions, help."""

import json

import yaml
from markdown_it import MarkdownIt

from goedgenoeg.cli import app
from goedgenoeg.walk import Walk


def sample_value(prompt, n):
    """A valid answer for any prompt kind, with text that is unique per prompt."""
    kind = prompt.kind
    if kind == "text":
        return f"antwoord {n} op {prompt.id}"
    if kind == "reflection":
        return {"response": ["recognise", "not_recognise", "dont_know"][n % 3], "note": f"notitie {n}"}
    if kind == "alternative":
        status = ["feasible", "not_feasible", "not_applicable"][n % 3]
        return {"status": status, "note": f"reden {n}"}
    if kind == "choice":
        return prompt.options[0].id
    if kind == "multi":
        return [prompt.options[0].id]
    if kind == "people":
        return [{"who": f"oma-{n}", "relation": "grootmoeder", "meaning": "vangt op"}]
    if kind == "actions":
        return [{"who": "consulent", "what": f"stap {n}", "when": "vrijdag", "result": "plan op papier"}]
    if kind == "participants":
        return [{"name": "An", "organisation": "OCJ", "role": "consulent", "meeting_role": "chair"}, {"name": "Bo"}]
    if kind == "list":
        return [f"richtvraag {n}"]
    if kind == "guiding":
        return [{"question": f"richtvraag {n}", "status": "partly", "where": "besluit"}]
    if kind == "table":  # which alternatives are on the table: the usual ones
        return ["alternatieven.thuis-met-steun", "alternatieven.tijdelijk-bij-familie"]
    raise AssertionError(kind)


def answers_for(libraries, context):
    from goedgenoeg.models import Answer

    answers = {f"context.{k}": v for k, v in context.items()}
    walk = Walk(libraries, {k: Answer(status="answered", value=v) for k, v in answers.items()}, path="full")
    for n, step in enumerate(walk.steps()):
        if step.prompt.kind == "children":  # one child unless a test names several
            continue
        answers.setdefault(step.key, sample_value(step.prompt, n))
    return answers


BABY_FLANDERS = {
    "case": "GG-FL-1",
    "decision": "placement",
    "age": "under-1",
    "region": "flanders",
    "who": "duo",
    "role": "consulent OCJ",
}
MEASURE_TEN_NL = {
    "case": "GG-NL-10",
    "decision": "measure",
    "age": "6-12",
    "region": "netherlands",
    "who": "alone",
    "role": "jeugdbeschermer",
}


def run_scripted(runner, tmp_path, libraries, context, name):
    answers = answers_for(libraries, context)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    out = tmp_path / f"{name}.md"
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output + result.stderr
    return answers, out.read_text(encoding="utf-8")


def test_two_full_reflections_differ_where_the_conditions_say(tmp_path, libraries, runner):
    baby_answers, baby = run_scripted(runner, tmp_path, libraries, BABY_FLANDERS, "baby")
    ten_answers, ten = run_scripted(runner, tmp_path, libraries, MEASURE_TEN_NL, "ten")
    prompts = {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}
    for answers, record in ((baby_answers, baby), (ten_answers, ten)):
        for key, value in answers.items():
            if isinstance(value, str) and value.startswith("antwoord"):
                # the professional's own reflection (dossier: false) stays out of the dossier record
                assert (value in record) == prompts[key].dossier, key
    # 1000 days only for the baby; the measure's questions only for the ten-year-old
    assert "1000 dagen" in baby and "1000 dagen" not in ten
    maatregel = libraries.get("maatregel")
    measure_sections = [f"### {s.title.nl}\n" for s in maatregel.sections]
    assert any(x in ten for x in measure_sections) and not any(x in baby for x in measure_sections)
    # alternatives follow the region
    alternatives = [s.prompt for s in Walk(libraries, {}, path="full").steps() if s.prompt.kind == "alternative"]
    only_fl = [p for p in alternatives if p.region == ["flanders"]]
    only_nl = [p for p in alternatives if p.region == ["netherlands"]]
    assert only_fl and only_nl
    assert all(p.text.nl in baby for p in only_fl if p.when is None)
    assert not any(f"| {p.text.nl} |" in ten for p in only_fl)
    assert any(f"| {p.text.nl} |" in ten for p in only_nl)


def test_record_has_metadata_tables_and_parses_as_markdown(tmp_path, libraries, runner):
    _, record = run_scripted(runner, tmp_path, libraries, BABY_FLANDERS, "baby")
    assert record.startswith("# Reflectie: GG-FL-1")
    for label in ("Casus (pseudoniem)", "Beslissing in overweging", "Open punten", "Bronnen", "Opgesteld door: T. Tester"):
        assert label in record
    # the tool's own details are not the case: no versions, start time or check cell in the dossier
    for label in ("Vragenbibliotheken", "Begonnen", "Controle op persoonsgegevens", "overgeslagen"):
        assert label not in record
    tokens = MarkdownIt("commonmark").enable("table").parse(record)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) >= 4  # metadata, alternatives, people, next steps
    assert "geen risicotaxatie" in record


def test_an_answers_file_that_is_not_a_mapping_is_refused_in_the_users_language(tmp_path, runner):
    path = tmp_path / "a.yaml"
    path.write_text("- context.case: X\n", encoding="utf-8")
    dutch = runner.invoke(app, ["reflect", "--answers", str(path)])
    assert dutch.exit_code == 2
    assert f"{path}:1: een antwoordenbestand is een lijst van vraag-id's (bibliotheek.vraag) met hun antwoord" in dutch.stderr
    english = runner.invoke(app, ["reflect", "--lang", "en", "--answers", str(path)])
    assert f"{path}:1: the answers file must be a mapping of prompt ids (library.prompt) to answers" in english.stderr


def test_answers_file_with_unknown_id_and_bad_value_is_refused(tmp_path, runner):
    path = tmp_path / "a.yaml"
    path.write_text("context.case: X\ncontext.nope: 1\ncontext.decision: verhuizen\n", encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: onbekende vraag-id 'context.nope'" in result.stderr
    # an answer that does not fit is said in the user's language: Dutch by default, English on request
    assert f"{path}:3: context.decision: kies uit placement, measure, report, other" in result.stderr
    assert "Er is niets bewaard" in result.stderr
    english = runner.invoke(app, ["reflect", "--lang", "en", "--answers", str(path)])
    assert english.exit_code == 2
    assert f"{path}:3: context.decision: choose from placement, measure, report, other" in english.stderr
    assert f"{path}:2: unknown prompt id 'context.nope'" in english.stderr


def test_not_feasible_needs_a_reason(tmp_path, libraries, runner):
    key = next(s.key for s in Walk(libraries, {}, path="full").steps() if s.prompt.kind == "alternative")
    path = tmp_path / "a.yaml"
    path.write_text(f"{key}: not_feasible\n", encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path)])
    assert result.exit_code == 2
    assert "'not_feasible' heeft een notitie nodig die zegt waarom" in result.stderr
    english = runner.invoke(app, ["reflect", "--lang", "en", "--answers", str(path)])
    assert "'not_feasible' needs a note saying why" in english.stderr


def test_without_a_terminal_reflect_refuses_instead_of_hanging(runner):
    result = runner.invoke(app, ["reflect"], input="")
    assert result.exit_code == 2
    assert "heeft een terminal nodig" in result.stderr
    assert "--answers" in result.stderr


def test_interactive_walk_on_plain_standard_input(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    lines = ["GG-7", "?", "2", "5", "<", "6", "2", "1", "", "!stop"]
    result = runner.invoke(app, ["reflect", "--path", "full"], input="\n".join(lines) + "\n")
    assert result.exit_code == 130, result.output
    assert "Waarom deze vraag" in result.output  # '?' showed the help
    assert "(overgeslagen)" in result.output  # Enter without an answer says it skipped, as '>' does
    assert "goedgenoeg resume" in result.output
    session = json.loads(next(isolated.glob("*.json")).read_text())
    answers = {k: v["value"] for k, v in session["answers"].items() if v["status"] == "answered"}
    assert answers == {
        "context.case": "GG-7",
        "context.decision": ["measure"],
        "context.age": "12-18",  # went back and changed 6-12 to 12-18
        "context.region": "netherlands",
        "context.who": "alone",
    }
    assert session["answers"]["context.role"]["status"] == "skipped"


def test_sessions_lists_and_record_writes_from_a_saved_session(tmp_path, libraries, runner):
    run_scripted(runner, tmp_path, libraries, BABY_FLANDERS, "baby")
    result = runner.invoke(app, ["sessions"])
    # the short path is done, the full one still open (issue 25)
    assert "GG-FL-1" in result.output and "kort pad rond, volledig pad open" in result.output
    session_id = result.output.splitlines()[1].split()[1]  # under the header, after the case
    out = tmp_path / "again.md"
    result = runner.invoke(app, ["record", session_id, "-o", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("# Reflectie: GG-FL-1")
    result = runner.invoke(app, ["record", session_id, "-o", str(out)])
    assert result.exit_code == 1 and "bestaat al" in result.stderr and "--force" in result.stderr
    assert runner.invoke(app, ["record", session_id, "-o", str(out), "--force"]).exit_code == 0


def test_english_record(tmp_path, libraries, runner):
    answers = answers_for(libraries, BABY_FLANDERS)
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--lang", "en", "--answers", str(path), "-o", "r.md"])
    assert result.exit_code == 0, result.stderr
    record = (tmp_path / "r.md").read_text()
    head = "# Reflection: GG-FL-1\n\nWritten by: T. Tester\n\nTogether with: consulent OCJ\n\n## Summary\n"
    assert record.startswith(head) and "Decision under consideration" in record  # who wrote it, then the case
    assert "## The weighing" in record and "## Open points" in record
    assert f"### {libraries.get('besluit').sections[1].title.en}" in record


def test_help_has_examples_every_command_has_its_help_and_version_names_the_package(runner):
    # how quickly --version answers is held by test_startup (it imports nothing heavy) and `make bench`
    from goedgenoeg import __version__

    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Voorbeelden" in result.output and "goedgenoeg reflect" in result.output
    for command in ("reflect", "resume", "record", "sessions"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert result.stdout.startswith("Gebruik: ") and f" {command} [OPTIES]" in result.stdout.split("\n")[0], command
        if command != "sessions":  # a listing without options needs no example
            assert f"goedgenoeg {command}" in result.stdout.split("Voorbeelden:", 1)[1], command
    assert runner.invoke(app, ["--version"]).output == f"goedgenoeg {__version__}\n"


def test_unknown_language_is_refused(tmp_path, runner):
    result = runner.invoke(app, ["reflect", "--lang", "fr", "--answers", "x.yaml"])
    assert result.exit_code == 2 and "--lang" in result.stderr and "nl | en" in result.stderr


def test_personal_data_is_flagged_and_the_record_says_what_was_left_in(tmp_path, runner):
    path = tmp_path / "a.yaml"
    path.write_text(
        "context.case: GG-P\ncontext.role: 'consulent, bereikbaar op jan.peeters@example.be'\ncontext.region: flanders\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", "r.md"])
    assert result.exit_code == 0
    assert "mogelijk persoonsgegevens in context.role: email" in result.stderr
    assert "Controle op persoonsgegevens" not in (tmp_path / "r.md").read_text()  # the tool's check: not the case
    session_id = result.output.split("Sessie ", 1)[1].split()[0]
    assert runner.invoke(app, ["record", session_id, "--full", "-o", "full.md"]).exit_code == 0
    record = (tmp_path / "full.md").read_text()
    assert "Controle op persoonsgegevens" in record
    assert "bewust laten staan: 'Jouw rol in deze casus (en die van wie meedenkt):' (e-mailadres)" in record


def test_interactive_privacy_warning_offers_to_edit(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    lines = ["BSN 111222333", "j", "GG-8", "!stop"]
    result = runner.invoke(app, ["reflect"], input="\n".join(lines) + "\n")
    assert "BSN" in result.output and "pseudoniem" in result.output
    session = json.loads(next(isolated.glob("*.json")).read_text())
    assert session["answers"]["context.case"]["value"] == "GG-8"  # edited, the number is gone
    assert "111222333" not in json.dumps(session)


def test_long_answers_over_several_lines_and_in_the_editor(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "geschreven in de editor\\ntweede regel\\n" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("VISUAL", str(editor))
    lines = ["!multi", "GG-9", "# geen kop", "!end", "1", "3", "1", "1", "!edit", "!stop"]
    result = runner.invoke(app, ["reflect", "--path", "full"], input="\n".join(lines) + "\n")
    assert result.exit_code == 130, result.output
    session = json.loads(next(isolated.glob("*.json")).read_text())
    assert session["answers"]["context.case"]["value"] == "GG-9\n# geen kop"
    assert session["answers"]["context.role"]["value"] == "geschreven in de editor\ntweede regel"
    out = tmp_path / "r.md"
    runner.invoke(app, ["record", session["id"], "-o", str(out)])
    assert out.read_text().startswith("# Reflectie: GG-9")
    assert "\n# geen kop" not in out.read_text()  # user text never becomes a heading


def test_a_record_that_cannot_be_written_says_so_and_keeps_the_session(tmp_path, isolated, runner):
    path = tmp_path / "a.yaml"
    path.write_text("context.case: GG-W\n", encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "no" / "such" / "dir" / "r.md")])
    assert result.exit_code == 1
    assert "kon niet geschreven worden" in result.stderr and "goedgenoeg record" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(isolated.glob("*.json"))


def test_stopping_while_typing_several_lines_keeps_them(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    result = runner.invoke(app, ["reflect"], input="!multi\nGG-11\neerste regel\n")  # input ends mid-answer
    assert result.exit_code == 130
    session = json.loads(next(isolated.glob("*.json")).read_text())
    assert session["answers"]["context.case"]["value"] == "GG-11\neerste regel"


def test_an_answers_file_with_two_decisions_asks_and_records_both(tmp_path, libraries, runner):
    answers = answers_for(libraries, dict(BABY_FLANDERS, decision=["placement", "measure"]))
    assert any(k.startswith("maatregel.") for k in answers) and any(k.startswith("plaatsing.") for k in answers)
    path = tmp_path / "both.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "both.md")])
    assert result.exit_code == 0, result.output
    record = (tmp_path / "both.md").read_text(encoding="utf-8")
    assert "| Beslissing in overweging | Een uithuisplaatsing; Een jeugdbeschermingsmaatregel: vragen, verlengen" in record
    assert "### Nodig, en voor wie?" in record  # the measure's part is there beside the placement's


def test_an_answers_file_with_two_decisions_and_two_children_names_each_child(tmp_path, libraries, runner):
    context = dict(BABY_FLANDERS, decision=["placement", "measure"])
    answers = answers_for(libraries, context)
    answers["context.children"] = [{"name": "Noor", "age": "under-1"}, {"name": "Lars", "age": "6-12"}]
    answers["mentaliseren.door-de-ogen-van-het-kind"] = {
        "voices": {"Noor": "huilt veel", "Lars": "zegt dat hij thuis wil blijven"}
    }
    answers["netwerk.wie-belangrijk"] = [{"who": "oma", "relation": "grootmoeder", "meaning": "vangt op"}]
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "two.md")])
    assert result.exit_code == 0, result.output
    record = (tmp_path / "two.md").read_text(encoding="utf-8")
    assert "| Kinderen | Noor (jonger dan 1 jaar); Lars (6 tot 12 jaar) |" in record
    child = record.split("*per kind:*", 1)[1].split("\n### ", 1)[0]
    assert "**Noor**\n\nhuilt veel" in child and "**Lars**\n\nzegt dat hij thuis wil blijven" in child
    html_out = tmp_path / "two.html"
    session_id = result.output.split()[1]
    assert runner.invoke(app, ["record", session_id, "--format", "html", "-o", str(html_out)]).exit_code == 0
    svg = html_out.read_text(encoding="utf-8").split("<svg viewBox", 1)[1].split("</svg>", 1)[0]
    assert "Noor" in svg and "Lars" in svg  # each child in the middle of the network


def test_the_childs_prompts_are_asked_for_each_child_that_their_age_fits(libraries):
    import io

    from rich.console import Console

    from goedgenoeg.ask import TerminalAsker
    from goedgenoeg.models import Answer

    context = {"case": "GG-KIND", "decision": "placement", "age": "under-1", "region": "flanders", "who": "alone"}
    answers = {f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()}
    answers["context.children"] = Answer(
        status="answered", value=[{"name": "Noor", "age": "under-1"}, {"name": "Lars", "age": "6-12"}]
    )
    walk = Walk(libraries, answers, path="full")
    steps = [s for s in walk.steps() if s.section.per_child]
    both = next(s for s in steps if s.prompt.when is None or s.prompt.when.age is None)
    school = [s for s in steps if s.prompt.when is not None and s.prompt.when.age and "under-1" not in s.prompt.when.age]
    assert school, "some of the child's prompts do not fit a baby"
    for step, expected in ((both, ["Noor", "Lars"]), (school[0], ["Lars"])):
        out = io.StringIO()
        asker = TerminalAsker(Console(file=out, width=100, color_system=None), "nl")
        asker.walk = walk
        typed = iter([f"over {name}" for name in expected])
        asker._input = lambda label, typed=typed: next(typed)
        reply = asker.ask(step, walk.position(walk.steps().index(step)), None)
        assert reply.voices == {name: f"over {name}" for name in expected}
        assert [line for line in out.getvalue().splitlines() if line.startswith("Over ")] == [f"Over {n}" for n in expected]
