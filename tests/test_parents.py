"""Telling the parents (issue 20, points 3 and 9): 'do the parents know' and 'in everyday words'
on every short path, the first in the record's summary; and `record ID --for parents`, one page
in plain words without abbreviations, own reflection, risk labels or critical notes."""

from __future__ import annotations

import html as htmllib
import io
import re
import zipfile

import pytest

from goedgenoeg.answers import normalise
from goedgenoeg.document import Heading, Paragraph, Table
from goedgenoeg.glossary import TERMS, write_out
from goedgenoeg.models import Answer
from goedgenoeg.parents import NoDecision, build, render
from goedgenoeg.record import render as render_record
from goedgenoeg.session import new_session, save
from goedgenoeg.walk import Walk

DECISIONS = ("placement", "measure", "report", "other")
AGES = ("unborn", "under-1", "1-3", "3-6", "6-12", "12-18")
REGIONS = ("flanders", "netherlands")

# A Flemish baby case as a tired caseworker writes it: the dossier's words, full of abbreviations.
CONTEXT = {"case": "GG-2026-014", "decision": ["placement"], "age": "under-1", "region": "flanders", "who": "alone"}
DECISION = (
    "Advies aan het parket: geen uithuisplaatsing. Mama en Noor gaan zes weken samen naar een gezinsverblijf "
    "in het CIG. Daarna volgt thuisbegeleiding door het CKG."
)
PLAIN = (
    "We vinden dat Noor bij u kan blijven. Maar u hebt nu veel hulp nodig. Daarom gaan u en Noor zes weken "
    "samen naar het CIG. Daar helpen ze u met eten, slapen en rust. Zo blijven jullie samen."
)
GROUNDS = "Gewichtscurve onder P3 volgens K&G; moeder staat open voor hulp en oma is dagelijks aanwezig."
STEPS = [
    {"who": "consulent OCJ", "what": "het advies naar het parket sturen", "when": "vrijdag 12 december"},
    {"who": "consulent OCJ", "what": "de opname in het CIG regelen", "when": "binnen twee weken"},
    {"who": "verpleegkundige K&G", "what": "op huisbezoek komen", "when": "elke week"},
]
REVIEW = "Na zes weken, in een MDO met het CIG, K&G en mama."
KNOW = "Nog niet: ik vertel het donderdag bij het huisbezoek, samen met de verpleegkundige van K&G."
NETWORK = [
    {"who": "oma Mie", "relation": "grootmoeder", "meaning": "komt elke dag"},
    {"who": "nieuwe partner", "relation": "partner van mama", "meaning": "geweld in het verleden", "risk": "ja"},
]
ANSWERS = {
    "besluit.feiten": "Drie gemiste consultaties bij K&G. Gewicht op P3.",
    "besluit.interpretaties": "Eerder machteloosheid dan verwaarlozing.",
    "besluit.besluit": DECISION,
    "besluit.grond": GROUNDS,
    "besluit.gewone-woorden": PLAIN,
    "besluit.stappen": STEPS,
    "besluit.evaluatie": REVIEW,
    "besluit.ouders-weten": KNOW,
    "besluit.nadelen-ingrijpen": "Een breuk in de band tussen Noor en mama.",
    "netwerk.wie-belangrijk": NETWORK,
}


def prompts_of(libraries):
    return {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}


def own_reflection(libraries, context):
    """An answer for every prompt kept out of the dossier (dossier: false), each with a marker."""
    answers: dict[str, object] = {}
    walk = Walk(libraries, {f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()}, path="full")
    for n, step in enumerate(s for s in walk.steps() if not s.prompt.dossier):
        if step.prompt.kind == "text":
            answers[step.key] = f"EIGEN-{n} ik twijfel hieraan"
        elif step.prompt.kind == "reflection":
            answers[step.key] = {"response": "recognise", "note": f"EIGEN-{n} herken ik"}
    return answers


def session_with(libraries, answers, context=CONTEXT, lang="nl"):
    prompts = prompts_of(libraries)
    session = new_session(libraries, lang)
    for key, value in {**{f"context.{k}": v for k, v in context.items()}, **answers}.items():
        session.answers[key] = Answer(status="answered", value=normalise(prompts[key], value))
    session.updated = "2026-12-07T17:00:00+01:00"
    return session


@pytest.fixture
def baby(libraries):
    return session_with(libraries, {**ANSWERS, **own_reflection(libraries, CONTEXT)})


def shown_text(document) -> str:
    """Every piece of text the page shows, one per line."""
    out = []
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [*block.headers, *(cell for row in block.rows for cell in row)]
    return "\n".join(out)


def sentences(document) -> list[str]:
    """The sentences of the page's running text (its paragraphs; headings and table cells are no
    sentences): split at . ! ? before a space or the end, and at line breaks."""
    found = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            for line in block.text.splitlines():
                found += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if re.search(r"\w", s)]
    return found


def abbreviations_in(text: str) -> list[str]:
    return [
        term.short
        for term in TERMS
        if re.search(rf"(?<![\w&]){re.escape(term.short)}(?![\w&])", text, 0 if term.exact else re.IGNORECASE)
    ]


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def html_text(data: bytes) -> str:
    body = data.decode("utf-8").split("<body>", 1)[1]
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


# --- the two prompts -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alone", "duo", "team"])
@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("age", AGES)
@pytest.mark.parametrize("decision", DECISIONS)
def test_both_questions_for_the_parents_are_on_every_short_path_and_asked_once_in_a_team(libraries, decision, age, region, who):
    answers = {
        f"context.{k}": Answer(status="answered", value=v)
        for k, v in dict(decision=[decision], age=age, region=region, who=who).items()
    }
    walk = Walk(libraries, answers)  # the short path (for a team: the meeting path)
    asked = {s.key: s for s in walk.steps()}
    for key in ("besluit.ouders-weten", "besluit.gewone-woorden"):
        assert key in asked, key
        prompt = asked[key].prompt
        assert prompt.dossier and not getattr(prompt, "per_person", False), key  # the team's one answer, on the record
    # the child's own version from six on, on the full path
    full = {s.key for s in Walk(libraries, answers, path="full").steps()}
    assert ("besluit.gewone-woorden-kind" in full) == (age in ("6-12", "12-18"))


def test_preview_json_counts_the_two_questions_on_the_short_path(runner, libraries):
    import json

    from goedgenoeg.cli import app

    result = runner.invoke(app, ["preview", "--decision", "report", "--age", "6-12", "--region", "netherlands", "--json"])
    shown = json.loads(result.stdout)
    answers = {
        f"context.{k}": Answer(status="answered", value=v)
        for k, v in dict(decision=["report"], age="6-12", region="netherlands", who="alone").items()
    }
    keys = [s.key for s in Walk(libraries, answers).steps()]
    assert {"besluit.ouders-weten", "besluit.gewone-woorden"} <= set(keys)
    assert "melding.ouders-weten" not in keys  # a report asks it once, in the same words as every decision
    assert shown["prompts"] == len(keys) <= 32 and shown["minutes"] <= 30


def test_whether_the_parents_know_is_in_the_summary(libraries, baby):
    for lang, heading in (("nl", "Weten de ouders het?"), ("en", "Do the parents know?")):
        record = render_record(baby.model_copy(update={"lang": lang}), libraries, "md")
        summary = record.split("\n## ", 2)[1]  # the first part after the title is the summary
        assert summary.startswith("Samenvatting" if lang == "nl" else "Summary")
        assert f"### {heading}\n\n{KNOW}" in summary


# --- the page for the parents ------------------------------------------------------------------


def markdown_of(page):
    from goedgenoeg.writers import markdown

    return markdown.write(page)


def test_the_page_says_what_why_what_next_and_whom_to_call(libraries, baby):
    page = build(baby, libraries)
    text = shown_text(page)
    assert "Centrum voor Integrale Gezinszorg" in text
    assert "## Wat is er besloten, en waarom?" in markdown_of(page)
    # the worker's everyday words say what and why; the file's wording ("Advies aan het parket") stays in the file
    assert PLAIN.replace("het CIG", "het Centrum voor Integrale Gezinszorg") in text and "Advies aan het parket" not in text
    assert "P3" not in text  # ... not the dossier's grounds
    [steps] = [b for b in page.blocks if isinstance(b, Table)]
    assert steps.headers == ("Wie", "Wat", "Wanneer")
    assert steps.rows[0] == (
        "consulent Ondersteuningscentrum Jeugdzorg",
        "het advies naar het parket sturen",
        "vrijdag 12 december",
    )
    assert (
        "Na zes weken, in een multidisciplinair overleg met het Centrum voor Integrale Gezinszorg, Kind en Gezin en mama." in text
    )
    # no author yet: whoever does the next steps, each once
    assert "Hebt u een vraag? Bel dan: consulent Ondersteuningscentrum Jeugdzorg of verpleegkundige Kind en Gezin." in text
    assert "7 december 2026" in text


def test_without_the_plain_words_the_page_gives_the_grounds(libraries):
    session = session_with(libraries, {k: v for k, v in ANSWERS.items() if k != "besluit.gewone-woorden"})
    text = shown_text(build(session, libraries))
    assert "Gewichtscurve onder P3 volgens Kind en Gezin" in text
    assert "Centrum voor Kinderzorg en Gezinsondersteuning" in text  # the decision, abbreviations written out


def test_the_page_has_no_abbreviation_no_own_reflection_no_risk_label_and_no_critical_note(libraries, baby):
    own = own_reflection(libraries, CONTEXT)
    assert len(own) >= 10  # the own reflection was answered at length
    for fmt, text in (
        ("md", render(baby, libraries, "md")),
        ("docx", docx_text(render(baby, libraries, "docx"))),
        ("html", html_text(render(baby, libraries, "html"))),
    ):
        assert PLAIN[:20] in text and DECISION[:20] not in text, fmt  # everyday words, not the file's
        assert abbreviations_in(text) == [], fmt
        assert "EIGEN-" not in text and "twijfel" not in text, fmt  # no answer of a dossier: false prompt
        assert "nieuwe partner" not in text and "risico" not in text.lower(), fmt  # no network, no risk label
        assert "machteloosheid" not in text.lower() and "Herken ik" not in text, fmt  # no readings, no critical notes
        assert "donderdag" not in text, fmt  # whether they know yet is for the dossier, not for them


def test_the_sentences_average_at_most_fifteen_words(libraries, baby):
    for lang in ("nl", "en"):
        found = sentences(build(baby.model_copy(update={"lang": lang}), libraries))
        words = [len(re.findall(r"[\w'-]+", s)) for s in found]
        assert len(found) >= 10
        assert sum(words) / len(words) <= 15, (lang, sum(words) / len(words))


def test_the_author_is_whom_to_call_and_stands_for_ik(libraries):
    steps = [{"who": "ik", "what": "het advies naar het parket sturen", "when": "vrijdag"}]
    session = session_with(libraries, {**ANSWERS, "besluit.stappen": steps})
    text = shown_text(build(session, libraries))
    assert "Bel dan de hulpverlener die u deze pagina gaf." in text  # 'ik' is nobody without an author
    from goedgenoeg.models import Author

    authored = session.model_copy(update={"author": Author(name="An Peeters", function="consulent", service="OCJ Hasselt")})
    page = build(authored, libraries)
    text = shown_text(page)
    assert "Bel dan An Peeters (consulent, Ondersteuningscentrum Jeugdzorg Hasselt)." in text
    [table] = [b for b in page.blocks if isinstance(b, Table)]
    assert table.rows[0][0] == "An Peeters (consulent, Ondersteuningscentrum Jeugdzorg Hasselt)"


def test_english_page_in_plain_english_words(libraries, baby):
    text = shown_text(build(baby.model_copy(update={"lang": "en"}), libraries))
    assert "The decision about your child, in plain words" in text and "7 December 2026" in text
    assert "Centre for Integrated Family Care" in text and abbreviations_in(text) == []


def test_a_session_without_a_decision_is_refused(libraries):
    session = session_with(libraries, {k: v for k, v in ANSWERS.items() if k != "besluit.besluit"})
    with pytest.raises(NoDecision):
        build(session, libraries)


# --- the command --------------------------------------------------------------------------------


def saved(libraries, answers, isolated):
    session = session_with(libraries, answers)
    save(session, isolated)
    return session.id


def test_the_command_writes_the_page_in_each_format(runner, libraries, isolated, tmp_path):
    from goedgenoeg.cli import app

    session_id = saved(libraries, ANSWERS, isolated)
    result = runner.invoke(app, ["record", session_id, "--for", "parents"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Het besluit over uw kind, in gewone woorden\n")
    assert abbreviations_in(result.stdout) == []
    result = runner.invoke(app, ["record", session_id, "--for", "parents", "--format", "docx", "-o", "ouders.docx"])
    assert result.exit_code == 0, result.output
    data = (tmp_path / "ouders.docx").read_bytes()
    assert zipfile.is_zipfile(io.BytesIO(data)) and "Wat gebeurt er nu?" in docx_text(data)
    result = runner.invoke(app, ["record", session_id, "--for", "parents", "--format", "html"])
    assert result.exit_code == 0, result.output
    [written] = tmp_path.glob("ouders-GG-2026-014-*.html")
    assert "Wie kunt u bellen?" in html_text(written.read_bytes())
    assert (written.stat().st_mode & 0o077) == 0  # owner-only, as every file the tool writes


def test_the_command_refuses_a_session_without_a_decision(runner, libraries, isolated, tmp_path):
    from goedgenoeg.cli import app

    session_id = saved(libraries, {k: v for k, v in ANSWERS.items() if k != "besluit.besluit"}, isolated)
    for lang, words in (("nl", "nog geen besluit of advies"), ("en", "no decision or advice yet")):
        result = runner.invoke(app, ["record", session_id, "--for", "parents", "--format", "html", "--lang", lang])
        assert result.exit_code == 1 and words in result.stderr, result.output
    assert not list(tmp_path.glob("ouders-*")) and not list(tmp_path.glob("parents-*"))  # no empty page written


def test_for_takes_only_parents_and_not_with_full(runner, libraries, isolated):
    from goedgenoeg.cli import app

    session_id = saved(libraries, ANSWERS, isolated)
    result = runner.invoke(app, ["record", session_id, "--for", "judge"])
    assert result.exit_code == 2 and "parents" in result.stderr
    result = runner.invoke(app, ["record", session_id, "--for", "parents", "--full"])
    assert result.exit_code == 2 and "--full" in result.stderr


# --- the glossary -------------------------------------------------------------------------------


def test_the_glossary_writes_out_by_region_and_leaves_words_alone():
    assert write_out("De GI neemt het over.", "netherlands", "nl") == "De gecertificeerde instelling neemt het over."
    assert write_out("De GI neemt het over.", "flanders", "nl") == "De gemeenschapsinstelling neemt het over."
    assert write_out("OTS loopt af. Daarna VT.", "netherlands", "nl") == "Ondertoezichtstelling loopt af. Daarna Veilig Thuis."
    assert write_out("het ocj en K&G", "flanders", "nl") == "het Ondersteuningscentrum Jeugdzorg en Kind en Gezin"
    assert write_out("VOTS, RvdK", "netherlands", "en") == "Temporary supervision order, Child Protection Board"
    untouched = "Giraf, spots, gigantisch, save the date, cigaret"
    assert write_out(untouched, "netherlands", "nl") == untouched
    assert all(
        abbreviations_in(write_out(t.short, region, lang)) == [] for t in TERMS for region in REGIONS for lang in ("nl", "en")
    )
