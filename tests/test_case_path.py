"""Issue 20: the case in front of them. The alternatives the worker puts on the table, the
question on the table, the author asked once, the grounds of a measure in the dossier, a dossier
record without the tool's own details, and a parents' page in the worker's everyday words."""

import itertools

import pytest

from goedgenoeg.cli import app
from goedgenoeg.library import load_all
from goedgenoeg.models import Answer, Author
from goedgenoeg.record import render
from goedgenoeg.session import new_session
from goedgenoeg.walk import Walk

AGES = ("unborn", "under-1", "1-3", "3-6", "6-12", "12-18")


def walk_for(libraries, path="short", **context):
    answers = {f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()}
    return Walk(libraries, answers, path=path)


@pytest.mark.parametrize(
    "decision,region", list(itertools.product(["placement", "measure", "report", "other"], ["flanders", "netherlands"]))
)
def test_every_alternative_that_applies_is_reachable_from_the_table_on_the_short_path(libraries, decision, region):
    for age in AGES:
        short = walk_for(libraries, decision=[decision], age=age, region=region, who="alone")
        full = walk_for(libraries, "full", decision=[decision], age=age, region=region, who="alone")
        applies = [s.key for s in full.steps() if s.prompt.kind == "alternative"]
        assert [s.key for s in short.offered()] == applies  # all of them, in walk order, on one screen
        assert "alternatieven.op-tafel" in [s.key for s in short.steps()]
        # what the worker puts on the table is what the short path weighs, and nothing else
        picked = applies[-2:]
        short.answers["alternatieven.op-tafel"] = Answer(status="answered", value=picked)
        assert [s.key for s in short.steps() if s.prompt.kind == "alternative"] == picked


def test_a_flemish_baby_can_weigh_the_cig_stay_and_crisis_foster_care_as_plan_b(libraries):
    walk = walk_for(libraries, decision=["placement"], age="under-1", region="flanders", who="alone")
    offered = [s.key for s in walk.offered()]
    assert "alternatieven.cig-gezinsverblijf" in offered and "alternatieven.crisispleegzorg" in offered
    assert "alternatieven.perinataal-traject" not in walk.usual()  # no pregnancy support for a 7-month-old by default
    dutch = walk_for(libraries, decision=["measure"], age="6-12", region="netherlands", who="team")
    assert "alternatieven.familiegroepsplan" in [s.key for s in dutch.offered()]


def record_of(libraries, answers, **session_fields):
    session = new_session(libraries, "nl")
    for key, value in session_fields.items():
        setattr(session, key, value)
    context = {"case": "GG-CASE", "decision": ["placement"], "age": "under-1", "region": "flanders", "who": "alone"}
    for key, value in {**{f"context.{k}": v for k, v in context.items()}, **answers}.items():
        session.answers[key] = Answer(status="answered", value=value)
    return render(session, libraries)


def test_the_record_lists_what_was_on_the_table_and_names_the_rest_in_one_line(libraries):
    record = record_of(
        libraries,
        {
            "alternatieven.op-tafel": ["alternatieven.cig-gezinsverblijf", "alternatieven.crisispleegzorg"],
            "alternatieven.cig-gezinsverblijf": {"status": "feasible_not_needed", "note": "na de opname"},
            "alternatieven.crisispleegzorg": {"status": "feasible", "note": "bij tante"},
        },
    )
    summary = record.split("## Samenvatting", 1)[1].split("\n## ", 1)[0]
    assert "| Gezinsverblijf in een CIG | Vlaanderen | Overwogen, haalbaar, nu niet nodig | na de opname |" in summary
    [line] = [x for x in summary.splitlines() if x.startswith("Niet gewogen (niet op tafel): ")]
    assert "Mobiele begeleiding aan huis vanuit een CKG (zoals Amber)" in line and "Gezinsverblijf" not in line


def test_the_question_on_the_table_is_the_first_line_of_the_summary(libraries):
    record = record_of(
        libraries,
        {
            "context.vraag-van-vl": "parket",
            "context.vraag-wat": "advies over een plaatsing",
            "context.vraag-tegen": "17 december",
        },
    )
    summary = record.split("## Samenvatting\n\n", 1)[1]
    assert summary.startswith(
        "### De vraag op tafel\n\nHet parket (de jeugdmagistraat) · advies over een plaatsing · 17 december"
    )


def test_the_ground_of_a_measure_is_in_the_dossier_record(libraries):
    record = record_of(
        libraries,
        {"context.decision": ["measure"], "maatregel.voor-wie-nodig": "voor het kind: niemand ziet het 's nachts"},
    )
    summary = record.split("## Samenvatting", 1)[1].split("\n## ", 1)[0]
    assert "voor het kind: niemand ziet het 's nachts" in summary.split("### Waarop het steunt", 1)[1]


def test_the_dossier_record_holds_the_case_and_names_its_author(libraries):
    author = Author(name="An Peeters", function="consulent", service="OCJ Limburg")
    record = record_of(libraries, {"besluit.besluit": "geen plaatsing nu"}, author=author)
    assert record.split("\n")[2] == "Opgesteld door: An Peeters, consulent, OCJ Limburg"
    for noise in ("Begonnen", "Sessie-id", "Vragenbibliotheken", "Controle op persoonsgegevens", "Tijd per deel", "overgeslagen"):
        assert noise not in record, noise
    assert "*niet ingevuld*" in record  # a question left open, not "skipped"
    last = record.strip().splitlines()[-1]  # the tool's own words: one small line at the end
    assert "geen risicotaxatie, score of advies" in last and "is dat van de professional(s)" in last
    sources = record.split("## Bronnen", 1)[1] if "## Bronnen" in record else ""
    assert "goedgenoeg-2025" not in sources and "goedgenoeg: de opbouw" not in sources  # titles, no tool


def test_alone_the_reading_of_the_facts_is_the_authors(libraries):
    author = Author(name="An Peeters", function="consulent")
    record = record_of(libraries, {"besluit.interpretaties": "moeder is uitgeput, niet onverschillig"}, author=author)
    assert "*Lezing van: An Peeters, consulent*" in record


def test_the_author_is_asked_once_kept_in_the_config_file_and_shown_by_config(monkeypatch, runner):
    from goedgenoeg.config import user_file

    monkeypatch.delenv("GOEDGENOEG_AUTHOR")
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    config = user_file()  # the user's own config file (in the test's own folder), not there yet
    assert not config.exists()
    first = runner.invoke(app, ["reflect"], input="An \x1b[31mPeeters\n consulent \nOCJ Limburg\n!stop\n")
    assert "Wie maakt deze reflecties?" in first.output and f"Bewaard in {config}" in first.output
    welcome = "goedgenoeg - een reflectie voor een zware beslissing"
    assert first.output.count(welcome) == 1 and first.output.index(welcome) < first.output.index("Wie maakt")
    assert config.read_text(encoding="utf-8").splitlines() == [
        'author = "An Peeters"',  # control characters taken out, spaces tidied
        'function = "consulent"',
        'service = "OCJ Limburg"',
    ]
    assert config.stat().st_mode & 0o777 == 0o600  # made by the tool: the owner's only
    again = runner.invoke(app, ["reflect"], input="n\n!stop\n")
    assert "Wie maakt deze reflecties?" not in again.output  # asked once
    shown = runner.invoke(app, ["config"]).output
    assert "author         An Peeters" in shown and "service        OCJ Limburg" in shown


def test_an_unknown_config_key_keeps_its_clear_message(tmp_path, monkeypatch, runner):
    config = tmp_path / "config.toml"
    config.write_text('auteur = "An"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2 and "auteur" in result.output + result.stderr and "author" in result.output + result.stderr


def test_the_parents_page_says_what_and_why_in_the_workers_everyday_words(libraries):
    from goedgenoeg.parents import build
    from goedgenoeg.writers import markdown

    session = new_session(libraries, "nl")
    session.author = Author(name="An Peeters", function="consulent", service="OCJ Limburg")
    for key, value in {
        "context.decision": ["placement"],
        "context.region": "flanders",
        "besluit.besluit": "Advies aan het parket: geen uithuisplaatsing; gezinsverblijf in het CIG.",
        "besluit.gewone-woorden": "Noor blijft bij jou. In januari gaan jullie samen naar een huis met hulp.",
    }.items():
        session.answers[key] = Answer(status="answered", value=value)
    page = markdown.write(build(session, libraries))
    assert "## Wat is er besloten, en waarom?" in page and "Noor blijft bij jou." in page
    assert "parket" not in page and "uithuisplaatsing" not in page  # the file's wording stays in the file
    assert "Bel dan An Peeters (consulent, Ondersteuningscentrum Jeugdzorg Limburg)." in page


def test_the_bundled_libraries_load_for_these_tests():
    assert load_all([]).get("alternatieven") is not None


def test_a_duo_names_who_reflected_with_the_author(libraries):
    keys = [s.key for s in walk_for(libraries, decision=["placement"], age="unborn", region="flanders", who="duo").steps()]
    assert "context.role" in keys  # asked on a duo's short path: the record must say who the other one is
    alone = [s.key for s in walk_for(libraries, decision=["placement"], age="unborn", region="flanders", who="alone").steps()]
    assert "context.role" not in alone
    author = Author(name="An Peeters", function="consulent")
    record = record_of(libraries, {"context.who": "duo", "context.role": "teamverantwoordelijke Els"}, author=author)
    assert record.split("\n")[2:5] == ["Opgesteld door: An Peeters, consulent", "", "Samen met: teamverantwoordelijke Els"]
