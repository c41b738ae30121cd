"""The prompt kinds: each in one class with typed answer values, sessions written by an earlier
main that load unchanged and give the same records byte for byte, and answer errors said in the
user's language."""

import re
from pathlib import Path

import pytest

from goedgenoeg import session as sessions
from goedgenoeg.answers import AnswerError, normalise, normalise_voices
from goedgenoeg.models import (
    KINDS,
    PROMPT_KINDS,
    AlternativePrompt,
    ReflectionPrompt,
    Text,
    library_keys,
)
from goedgenoeg.problems import KINDS as LOADER_KINDS
from goedgenoeg.questions import ASKERS
from goedgenoeg.record import render
from goedgenoeg.values import AlternativeValue, PersonRow, ReflectionValue, to_json
from goedgenoeg.walk import Walk

DATA = Path(__file__).parent / "data"
# written by main at 4eed638 (tests/data/make_main_sessions.py): a team reflection on the full
# path with every prompt kind, and a follow-up of it. When a record changes on purpose, write the
# records again with `make_main_sessions.py --records-only`; the session files stay as they are.
MAIN_SESSIONS = ("20261129-2000-main", "20261206-1000-main")
# Kinds added after 4eed638: a session of that main cannot hold them, so each is named here with
# the tests that cover it. A new kind is added to this table in the same commit (docs/architecture.md,
# "How to add a prompt kind"); the stored sessions and their records stay as main wrote them.
NEWER_KINDS = {
    "table": "the alternatives on the table (issue 20): test_preview, test_cli, test_terminal's walked paths",
}


def with_new_fields(text: str) -> str:
    """A session file of main as this version saves it again: a person row since holds `worry`
        (what the worry is and who sees it), empty in an older session; the session has an `author`,
    none in an older one. Nothing else changes."""
    text = re.sub(r'( *)("risk": (?:true|false))\n', lambda m: f'{m[1]}{m[2]},\n{m[1]}"worry": ""\n', text)
    # the session's author (name, function, service) came later: none in a session of main
    return re.sub(r'\n  "finished": (true|false)\n}$', r'\n  "finished": \1,\n  "author": null\n}', text)


def upgraded(raw):
    """A stored value as this version parses it back: person rows with an empty `worry`."""
    if isinstance(raw, list) and raw and isinstance(raw[0], dict) and "risk" in raw[0]:
        return [{**row, "worry": row.get("worry", "")} for row in raw]
    return raw


def prompts_of(libraries):
    return {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}


@pytest.mark.parametrize("name", MAIN_SESSIONS)
def test_a_session_written_by_main_loads_unchanged_and_gives_the_same_records(name, libraries):
    path = DATA / f"{name}.json"
    session = sessions.load(path)
    sessions.fit_answers(session, libraries)  # may say a library's version changed since
    assert session.set_aside == {}  # every answer still fits its prompt
    # saved again, the file is the same to the byte but for the fields added since (with their defaults)
    assert session.model_dump_json(indent=2) == with_new_fields(path.read_text(encoding="utf-8"))
    assert render(session, libraries, "md") == (DATA / f"{name}.md").read_text(encoding="utf-8")
    assert render(session, libraries, "md", full=True) == (DATA / f"{name}-full.md").read_text(encoding="utf-8")
    assert render(session, libraries, "html") == (DATA / f"{name}.html").read_bytes()
    english = session.model_copy(update={"lang": "en"})
    assert render(english, libraries, "md") == (DATA / f"{name}-en.md").read_text(encoding="utf-8")


def test_the_main_sessions_hold_every_prompt_kind(libraries):
    session = sessions.load(DATA / f"{MAIN_SESSIONS[0]}.json")
    prompts = prompts_of(libraries)
    answered = {prompts[k].kind for k, a in session.answers.items() if a.status == "answered"}
    with_voices = {prompts[k].kind for k, a in session.answers.items() if a.voices}
    assert answered | set(NEWER_KINDS) == set(KINDS)
    assert {"text", "reflection", "alternative", "people", "actions"} <= with_voices
    assert {a.status for a in session.answers.values()} == {"answered", "skipped", "later"}


@pytest.mark.parametrize("name", MAIN_SESSIONS)
def test_every_stored_value_parses_to_its_typed_value_and_back(name, libraries):
    session = sessions.load(DATA / f"{name}.json")
    prompts = prompts_of(libraries)
    values = [(prompts[k], v) for k, a in session.answers.items() for v in [a.value, *(a.voices or {}).values()] if v is not None]
    assert len(values) > 100
    for prompt, raw in values:
        typed = prompt.parse(raw)
        assert to_json(typed) == upgraded(raw)
        assert to_json(prompt.check(raw)) == upgraded(raw)  # a stored value is its own canonical form


def test_typed_values_of_the_fixed_answers(libraries):
    prompts = prompts_of(libraries)
    reflection = next(p for p in prompts.values() if isinstance(p, ReflectionPrompt))
    alternative = next(p for p in prompts.values() if isinstance(p, AlternativePrompt))
    assert reflection.check("later") == ReflectionValue("later", "")
    assert reflection.parse({"response": "recognise", "note": "ja"}) == ReflectionValue("recognise", "ja")
    assert reflection.is_open_value({"response": "later", "note": ""})
    assert alternative.check({"status": "not_feasible", "note": " te ver "}) == AlternativeValue("not_feasible", "te ver")
    assert alternative.is_open_value({"status": "not_considered", "note": ""})
    assert not alternative.is_open_value({"status": "feasible", "note": ""})
    people = prompts["netwerk.wie-belangrijk"]
    assert people.check([{"who": "oma", "risk": "ja"}]) == [PersonRow("oma", "", "", True)]
    assert normalise(people, [{"who": "oma"}]) == [{"who": "oma", "relation": "", "meaning": "", "risk": False, "worry": ""}]


def test_every_kind_has_one_class_and_one_asking_function():
    assert set(ASKERS) == set(PROMPT_KINDS)
    assert len(KINDS) == len(set(KINDS)) == len(PROMPT_KINDS)
    assert LOADER_KINDS == KINDS  # the loader's list of kinds is the models'
    assert {"kind", "of", "per_child", "nl", "options", "counter", "diagram"} <= set(library_keys())


def test_a_prompt_applies_by_its_condition_and_an_alternative_by_its_region(libraries):
    walk = Walk(libraries, {}, path="full")
    alternative = next(s.prompt for s in walk.steps() if isinstance(s.prompt, AlternativePrompt) and len(s.prompt.region) == 1)
    here, elsewhere = alternative.region[0], next(r for r in ("flanders", "netherlands") if r != alternative.region[0])
    assert alternative.applies({"region": here})
    assert not alternative.applies({"region": elsewhere})
    assert alternative.applies({})  # a region not yet known hides nothing


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        ("verhuizen", "kies een van placement, measure", "choose one of placement, measure"),
        (["x"], "kies een van placement", "choose one of placement"),
    ],
)
def test_an_answer_that_does_not_fit_is_said_in_dutch_or_english(value, nl, en):
    from goedgenoeg.models import ChoicePrompt, Option

    options = [Option(id=i, label=Text(nl=i)) for i in ("placement", "measure")]
    prompt = ChoicePrompt(kind="choice", id="decision", text=Text(nl="?"), help=Text(nl="?"), source="x", options=options)
    with pytest.raises(AnswerError) as caught:
        normalise(prompt, value)
    assert caught.value.text("nl").startswith(nl)
    assert caught.value.text("en").startswith(en)
    assert str(caught.value).startswith(en)  # for a log or a traceback: English


def test_row_errors_name_the_entry_and_field_in_both_languages(libraries):
    people = prompts_of(libraries)["netwerk.wie-belangrijk"]
    with pytest.raises(AnswerError) as caught:
        people.check([{"who": "oma"}, {"who": "opa", "risk": "misschien"}])
    assert caught.value.text("nl") == "regel 2 'risk' moet waar of onwaar zijn (ja/nee, yes/no)"
    assert caught.value.text("en") == "entry 2 'risk' must be true or false (ja/nee, yes/no)"
    with pytest.raises(AnswerError) as voices:
        normalise_voices(people, [])
    assert voices.value.text("nl") == "voices moet namen van deelnemers koppelen aan antwoorden"


def team_walk(libraries, extra=None):
    from goedgenoeg.models import Answer

    context = {"case": "GG-KINDS", "decision": ["placement"], "age": "under-1", "region": "flanders", "who": "team"}
    answers = {f"context.{k}": Answer(status="answered", value=v) for k, v in context.items()}
    for key, value in (extra or {}).items():
        answers[key] = Answer(status="answered", value=value)
    return Walk(libraries, answers, path="full")


def ask_with(walk, step, typed, previous=None):
    """Ask one step in the terminal with these lines typed; the reply and what was shown."""
    import io

    from rich.console import Console

    from goedgenoeg.ask import TerminalAsker

    out = io.StringIO()
    asker = TerminalAsker(Console(file=out, width=100, color_system=None), "nl")
    asker.walk = walk
    lines = iter(typed)
    asker._input = lambda label: next(lines)
    reply = asker.ask(step, walk.position(walk.steps().index(step)), previous)
    assert next(lines, None) is None, "every typed line was read"
    return reply, out.getvalue()


def first_of(walk, kind):
    """The first prompt of a kind, outside the context where there is one."""
    steps = [s for s in walk.steps() if s.prompt.kind == kind]
    return next((s for s in steps if s.library.id != "context"), steps[0])


def test_each_kind_is_asked_by_its_own_function_and_stored_as_before(libraries):
    walk = team_walk(libraries)
    lists = first_of(walk, "list")
    guiding_walk = team_walk(libraries, {lists.key: ["vraag 1", "vraag 2"]})
    plain_choice = next(
        s for s in walk.steps() if s.prompt.kind == "choice" and s.prompt.note is None and s.library.id != "context"
    )
    choice = plain_choice.prompt
    with_note = next(s for s in walk.steps() if s.prompt.kind == "choice" and s.prompt.note is not None)
    multi = first_of(walk, "multi").prompt
    offered = [s.key for s in walk.offered()]
    cases = {
        "text": (["mijn antwoord"], "mijn antwoord"),
        "reflection": (["1", "een notitie"], {"response": "recognise", "note": "een notitie"}),
        "choice": (["2"], choice.options[1].id),
        "table": (["3 1"], [offered[2], offered[0]]),  # the alternatives on the table, in the order typed
        "multi": (["2,1"], [multi.options[0].id, multi.options[1].id]),
        "alternative": (["3", "", "te ver weg"], {"status": "not_feasible", "note": "te ver weg"}),
        "people": (
            ["oma", "grootmoeder", "vangt op", "ja", "drinkt; de buren zien het", ""],
            [
                {
                    "who": "oma",
                    "relation": "grootmoeder",
                    "meaning": "vangt op",
                    "risk": True,
                    "worry": "drinkt; de buren zien het",
                }
            ],
        ),
        "actions": (
            ["bellen", "consulent", "vrijdag", "afspraak", ""],
            [{"who": "consulent", "what": "bellen", "when": "vrijdag", "result": "afspraak"}],
        ),
        "participants": (
            ["An", "OCJ", "consulent", "2", "j", ""],  # the chair, with a voice of her own
            [{"name": "An", "organisation": "OCJ", "role": "consulent", "meeting_role": "chair"}],
        ),
        "list": (["vraag 1", "vraag 2", ""], ["vraag 1", "vraag 2"]),
    }
    for kind, (typed, stored) in cases.items():
        reply, _ = ask_with(walk, plain_choice if kind == "choice" else first_of(walk, kind), typed)
        assert (reply.action, reply.value) == ("answer", stored), kind
    reply, _ = ask_with(walk, with_note, ["2", "oma is er elke dag"])  # a choice with its optional note
    assert reply.value == {"choice": with_note.prompt.options[1].id, "note": "oma is er elke dag"}
    reply, shown = ask_with(guiding_walk, first_of(guiding_walk, "guiding"), ["2", "bij het besluit", ""])
    assert reply.value == [{"question": "vraag 1", "status": "partly", "where": "bij het besluit"}]
    assert "• vraag 2" in shown
    children = next(s for s in walk.steps() if s.prompt.kind == "children")
    reply, _ = ask_with(walk, children, ["Noor", "1", "Lars", "5", ""])
    assert reply.value == [{"name": "Noor", "age": "unborn"}, {"name": "Lars", "age": "6-12"}]


def test_an_earlier_note_stays_with_its_answer(libraries):
    from goedgenoeg.models import Answer

    walk = team_walk(libraries)
    step = first_of(walk, "reflection")
    before = Answer(status="answered", value={"response": "recognise", "note": "oud"})
    kept, _ = ask_with(walk, step, ["", ""], before)
    assert kept.value == {"response": "recognise", "note": "oud"}
    changed, shown = ask_with(walk, step, ["2", ""], before)
    assert changed.value == {"response": "not_recognise", "note": ""}
    assert "Eerdere notitie, bij een ander antwoord: oud" in shown  # shown, not kept
    assert "Eerdere notitie" not in ask_with(walk, step, ["", ""], before)[1]


def test_a_name_typed_where_the_network_asks_yes_or_no_is_asked_again_not_taken_for_no(libraries):
    """Typing the next person's name one field too early (seen walking as a caseworker) no longer
    stores 'no worry' and loses the name: the question is asked again."""
    walk = team_walk(libraries)
    typed = ["Oma", "grootmoeder", "vangt op", "Voetbaltrainer", "j", "vergeet de baby", "Trainer", "", "", "nee", ""]
    reply, shown = ask_with(walk, first_of(walk, "people"), typed)
    assert reply.value == [
        {"who": "Oma", "relation": "grootmoeder", "meaning": "vangt op", "risk": True, "worry": "vergeet de baby"},
        {"who": "Trainer", "relation": "", "meaning": "", "risk": False, "worry": ""},
    ]
    assert shown.count("Typ j voor ja, of druk Enter voor nee.") == 1


def test_a_yes_to_a_worry_asks_what_it_is_and_who_sees_it_and_n_takes_it_back(libraries):
    """A yes without grounds put a red warning on a father (issue 20): after a yes the worry is
    asked, Enter alone is asked again, and 'n' takes the yes back."""
    walk = team_walk(libraries)
    typed = ["Papa", "vader", "", "j", "", "drinkt; de huisarts ziet het", "Buur", "", "", "j", "n", ""]
    reply, shown = ask_with(walk, first_of(walk, "people"), typed)
    assert reply.value == [
        {"who": "Papa", "relation": "vader", "meaning": "", "risk": True, "worry": "drinkt; de huisarts ziet het"},
        {"who": "Buur", "relation": "", "meaning": "", "risk": False, "worry": ""},
    ]
    assert shown.count("Schrijf kort wat de zorg is en wie ze ziet") == 1


def test_going_back_to_a_list_of_one_offers_its_own_number_as_the_example(libraries):
    import io

    from rich.console import Console

    from goedgenoeg.ask import TerminalAsker
    from goedgenoeg.models import Answer

    walk = team_walk(libraries)
    step = first_of(walk, "people")
    before = Answer(status="answered", value=[{"who": "Oma", "relation": "", "meaning": "", "risk": False}])
    asker = TerminalAsker(Console(file=io.StringIO(), width=100, color_system=None), "nl")
    asker.walk = walk
    labels = []
    asker._input = lambda label: labels.append(label) or ""  # Enter: keep the list
    reply = asker.ask(step, walk.position(walk.steps().index(step)), before)
    assert reply.value == [{"who": "Oma", "relation": "", "meaning": "", "risk": False, "worry": ""}]
    assert labels == ["Enter = houden · + = toevoegen · 1 = nr. 1 wijzigen · -1 = nr. 1 weg · !opnieuw = leeg"]


def test_an_open_point_cut_short_ends_in_an_ellipsis_not_a_space(libraries):
    from types import SimpleNamespace

    from goedgenoeg.models import Answer
    from goedgenoeg.pages import _status

    walk = team_walk(libraries)
    step = first_of(walk, "alternative")
    answer = Answer(status="answered", value={"status": "not_considered", "note": "goed idee, OverKop Gent bellen"})
    shown = _status(SimpleNamespace(lang="nl"), step, answer)
    assert shown == "Niet overwogen: goed idee, OverKop Gent…"


def test_stopping_at_the_optional_note_keeps_the_choice_just_made(libraries):
    """Ctrl-C or !stop at 'Notitie (optioneel)' kept nothing of the answer, though the tool said
    the answers were saved: the choice is kept now (the note was not given). A not-feasible
    alternative needs its reason, so without one nothing is kept."""
    import io

    from rich.console import Console

    from goedgenoeg.ask import TerminalAsker

    walk = team_walk(libraries)

    def stopped(kind, choice, how):
        step = first_of(walk, kind)
        asker = TerminalAsker(Console(file=io.StringIO(), width=100, color_system=None), "nl")
        asker.walk = walk
        typed = iter([choice])

        def read(label):
            line = next(typed, None)
            if line is not None:
                return line
            if how == "ctrl-c":
                raise KeyboardInterrupt
            return "!stop"

        asker._input = read
        return asker.ask(step, walk.position(walk.steps().index(step)), None)

    for how in ("ctrl-c", "!stop"):
        reply = stopped("reflection", "1", how)
        assert (reply.action, reply.value, reply.stop) == ("answer", {"response": "recognise", "note": ""}, True), how
        reply = stopped("alternative", "1", how)
        assert (reply.action, reply.value, reply.stop) == ("answer", {"status": "feasible", "note": ""}, True), how
        reply = stopped("choice", "2", how)  # a choice with an optional note (the first choice outside the context)
        assert (reply.action, reply.stop) == ("answer", True) and reply.value["note"] == "", how
    with pytest.raises(KeyboardInterrupt):
        stopped("alternative", "3", "ctrl-c")  # not feasible: its reason was not given
