"""The short and the full path, the parts in SAVE order, and estimated minutes, on a small
library of the tests' own (the bundled content is checked in test_preview.py)."""

import textwrap

from goedgenoeg.library import load_all
from goedgenoeg.models import Answer
from goedgenoeg.values import ParticipantRow
from goedgenoeg.walk import Walk, run
from helpers import ScriptedAsker

# Two libraries whose sections interleave: the weighing library comes first in library order,
# but its facts section must be walked before its weighing section, and the people before both.
LIBRARY_A = """
id: weging
version: "1"
order: 10
title: {nl: Weging}
sections:
  - id: pitfalls
    phase: weighing
    title: {nl: Valkuilen}
    prompts:
      - {id: haast, kind: reflection, short: true, text: {nl: Er is haast.}, help: {nl: h}, source: s}
      - {id: dogma, kind: reflection, dossier: false, text: {nl: Een overtuiging.}, help: {nl: h}, source: s}
  - id: facts
    phase: facts
    title: {nl: Feiten}
    prompts:
      - {id: feiten, kind: text, long: true, short: true, summary: facts, text: {nl: Welke feiten?}, help: {nl: h}, source: s}
      - {id: bron, kind: text, text: {nl: Van wie komen ze?}, help: {nl: h}, source: s}
"""
LIBRARY_B = """
id: mensen
version: "1"
order: 90
title: {nl: Mensen}
sections:
  - id: kind
    phase: people
    title: {nl: Het kind}
    prompts:
      - {id: stem, kind: text, short: true, text: {nl: Wat zegt het kind?}, help: {nl: h}, source: s}
      - {id: dag, kind: text, per_person: true, text: {nl: Hoe ziet een dag eruit?}, help: {nl: h}, source: s}
  - id: slot
    phase: close
    minutes: 10
    title: {nl: Slot}
    prompts:
      - {id: genoeg, kind: choice, short: true, text: {nl: Goed genoeg?}, help: {nl: h}, source: s,
         options: [{id: ja, label: {nl: ja}}, {id: nee, label: {nl: nee}}]}
"""


def small(tmp_path):
    folder = tmp_path / "libs"
    folder.mkdir()
    (folder / "a.yaml").write_text(textwrap.dedent(LIBRARY_A), encoding="utf-8")
    (folder / "b.yaml").write_text(textwrap.dedent(LIBRARY_B), encoding="utf-8")
    return load_all([folder], with_bundled=False)


def keys(walk):
    return [s.key for s in walk.steps()]


def test_parts_follow_save_order_across_libraries(tmp_path):
    walk = Walk(small(tmp_path), {}, path="full")
    assert keys(walk) == [
        "mensen.stem",
        "mensen.dag",
        "weging.feiten",
        "weging.bron",
        "weging.haast",
        "weging.dogma",
        "mensen.genoeg",
    ]
    assert [p.phase for p in walk.parts()] == ["people", "facts", "weighing", "close"]


def test_short_path_asks_only_the_short_prompts(tmp_path):
    walk = Walk(small(tmp_path), {})
    assert walk.path == "short"
    assert keys(walk) == ["mensen.stem", "weging.feiten", "weging.haast", "mensen.genoeg"]


def test_a_team_defaults_to_the_meeting_path_and_a_choice_wins(tmp_path):
    libraries = small(tmp_path)
    team = {"context.who": Answer(status="answered", value="team")}
    assert Walk(libraries, team).path == "short"  # the short path with the meeting's own prompts
    assert Walk(libraries, team, path="full").path == "full"
    assert Walk(libraries, {}, path="full").path == "full"


def test_in_a_team_every_part_has_a_time_box_and_shared_questions_take_longer(tmp_path):
    libraries = small(tmp_path)
    alone = Walk(libraries, {}, path="full")
    team = Walk(libraries, {"context.who": Answer(status="answered", value="team")}, path="full", people=4)
    assert all(p.box_minutes is None for p in alone.parts())  # time boxes belong to a case meeting
    assert all(p.box_minutes and p.box_minutes % 5 == 0 for p in team.parts())
    step = alone.steps()[0]
    assert team.seconds(step) == round(alone.seconds(step) * 1.5)


def test_minutes_count_reading_every_word_shown_and_a_tired_persons_answer(tmp_path):
    """A prompt's estimate is its words read at 180 a minute (the question, a choice's options)
    plus an answer as a tired person gives it: 1-3 sentences 75 s, a long text 120 s, a choice
    8 s once read, a reflection 20 s. A section's title is read once, at its first prompt."""
    walk = Walk(small(tmp_path), {})
    steps = {s.key: s.prompt for s in walk.steps()}
    assert steps["mensen.stem"].estimate() == round(3 * 60 / 180) + 75  # "Wat zegt het kind?"
    assert steps["weging.feiten"].estimate() == round(2 * 60 / 180) + 120  # "Welke feiten?", long
    assert steps["weging.haast"].estimate() == round(3 * 60 / 180) + 20  # "Er is haast."
    assert steps["mensen.genoeg"].estimate() == round(4 * 60 / 180) + 8  # "Goed genoeg?" ja nee
    titles = round(2 * 60 / 180) + 3 * round(1 * 60 / 180)  # "Het kind", "Feiten", "Valkuilen", "Slot"
    assert walk.seconds_left() == sum(p.estimate() for p in steps.values()) + titles


def test_minutes_left_count_only_what_is_unanswered(tmp_path):
    libraries = small(tmp_path)
    walk = Walk(libraries, {})
    before = walk.seconds_left()
    walk.answers["weging.feiten"] = Answer(status="answered", value="x")
    feiten = next(s.prompt for s in walk.steps() if s.key == "weging.feiten")
    # its section's title (one word, "Feiten") is read with it
    assert before - walk.seconds_left() == feiten.estimate() + round(1 * 60 / 180)
    position = walk.position(2)
    assert (position.part_number, position.part_count, position.phase) == (3, 4, "weighing")
    assert position.seconds_left == 0  # not shown before the context is known: it would jump
    for key in ("decision", "age", "region"):
        walk.answers[f"context.{key}"] = Answer(status="answered", value="x")
    walk.answers["context.who"] = Answer(status="skipped")
    assert walk.position(2).seconds_left == walk.seconds_left() > 0


def test_per_person_prompts_count_for_every_participant(tmp_path):
    walk = Walk(small(tmp_path), {}, path="full")
    one = walk.seconds_left()
    people = [ParticipantRow(n) for n in ("An", "Bo", "Cas")]
    walk.participants = lambda: people  # three people answer the per-person prompt
    prompt = next(s.prompt for s in walk.steps() if getattr(s.prompt, "per_person", False))
    assert walk.seconds_left() == one + 2 * prompt.answering()  # read once, answered by each of the three


def test_a_chair_without_a_voice_is_not_counted_for_the_per_person_prompts(tmp_path):
    walk = Walk(small(tmp_path), {}, path="full")
    walk.participants = lambda: [
        ParticipantRow("An", meeting_role="chair", voice=False),
        ParticipantRow("Bo"),
        ParticipantRow("Cas"),
    ]
    assert walk.voices() == ["Bo", "Cas"] and walk.people() == 2


def test_time_boxes_add_up_per_part_and_belong_to_a_meeting(tmp_path):
    libraries = small(tmp_path)
    assert [p.box_minutes for p in Walk(libraries, {}, path="full").parts()] == [None, None, None, None]
    team = {"context.who": Answer(status="answered", value="team")}
    boxes = [p.box_minutes for p in Walk(libraries, team, path="full").parts()]
    assert boxes[-1] == 10 and all(b and b % 5 == 0 for b in boxes)  # its section's own box; the others estimated


def test_end_of_short_path_offers_the_full_path_and_keeps_every_answer(tmp_path):
    libraries = small(tmp_path)
    answers = {
        "mensen.stem": "Hij wil bij oma blijven.",
        "weging.feiten": "Twee keer niet opgehaald.",
        "weging.haast": {"response": "recognise", "note": ""},
        "mensen.genoeg": "ja",
        "weging.bron": "school",
        "mensen.dag": "school, dan oma",
    }
    asker = ScriptedAsker(answers, full=True)
    walk = Walk(libraries, {})
    saves = []
    result = run(walk, asker, lambda: saves.append(walk.path_choice))
    assert result == "done"
    # the four short prompts first, then only the full path's other prompts, in walk order
    assert asker.asked == [
        "mensen.stem",
        "weging.feiten",
        "weging.haast",
        "mensen.genoeg",
        "mensen.dag",
        "weging.bron",
        "weging.dogma",
    ]
    assert asker.offers == [(3, 3)]  # 60 + 60 + 25 s
    assert "full" in saves  # the choice was saved before the next prompt
    assert walk.answers["mensen.stem"].value == "Hij wil bij oma blijven."
    assert walk.answers["weging.feiten"].value == "Twee keer niet opgehaald."


def test_declining_the_full_path_goes_to_the_review(tmp_path):
    asker = ScriptedAsker({"mensen.stem": "x", "weging.feiten": "y", "mensen.genoeg": "ja"}, full=False)
    walk = Walk(small(tmp_path), {})
    assert run(walk, asker, lambda: None) == "done"
    assert asker.asked == ["mensen.stem", "weging.feiten", "weging.haast", "mensen.genoeg"]
    assert len(asker.offers) == 1
    assert asker.open_seen == ["weging.haast"]  # skipped: open, on the short path only
