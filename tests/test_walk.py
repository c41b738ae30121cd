"""The walk without a terminal: order, conditions, navigation, saving."""

from goedgenoeg.models import Answer
from goedgenoeg.walk import Reply, Walk, run
from helpers import CONTEXT_FLANDERS_BABY, ScriptedAsker


def keys(walk):
    return [s.key for s in walk.steps()]


def test_context_comes_first_and_conditions_follow_it(libraries):
    walk = Walk(libraries, {}, path="full")
    assert keys(walk)[:6] == [f"context.{k}" for k in ("case", "decision", "age", "region", "who", "role")]
    baby = Walk(libraries, {k: Answer(status="answered", value=v) for k, v in CONTEXT_FLANDERS_BABY.items()}, path="full")
    teen = dict(CONTEXT_FLANDERS_BABY, **{"context.age": "12-18", "context.region": "netherlands", "context.decision": "measure"})
    teen_walk = Walk(libraries, {k: Answer(status="answered", value=v) for k, v in teen.items()}, path="full")
    baby_keys, teen_keys = set(keys(baby)), set(keys(teen_walk))
    # the 1000-days notes only for the very young, the measure questions only for a measure
    assert any(k.startswith("kanttekeningen.") for k in baby_keys - teen_keys)
    assert any(k.startswith("maatregel.") for k in teen_keys - baby_keys)
    assert not any(k.startswith("maatregel.") for k in baby_keys)
    # alternatives follow the region
    assert any(k.startswith("alternatieven.") for k in baby_keys)
    for key in baby_keys:
        prompt = next(s.prompt for s in baby.steps() if s.key == key)
        if key.startswith("alternatieven.") and prompt.kind == "alternative":
            assert "flanders" in prompt.region


def test_every_answer_is_saved_before_the_next_prompt(libraries):
    answers = {}
    saved = []
    asker = ScriptedAsker(CONTEXT_FLANDERS_BABY, script={"context.role": [Reply("stop")]})
    original_ask = asker.ask

    def ask(step, position, previous):
        # everything answered before this prompt is already saved
        assert len(saved) == len(answers)
        return original_ask(step, position, previous)

    asker.ask = ask
    result = run(Walk(libraries, answers, path="full"), asker, lambda: saved.append(dict(answers)))
    assert result == "stopped"
    assert list(answers) == [f"context.{k}" for k in ("case", "decision", "age", "region", "who")]
    assert len(saved) == 5


def test_back_shows_the_previous_answer_and_skip_and_later_are_kept(libraries):
    answers = {}
    script = {
        "context.decision": [Reply("answer", "placement"), Reply("answer", "measure")],
        "context.age": [Reply("back"), Reply("later")],
        "context.region": [Reply("skip")],
        "context.who": [Reply("stop")],
    }
    asker = ScriptedAsker({"context.case": "X"}, script=script)
    assert run(Walk(libraries, answers, path="full"), asker, lambda: None) == "stopped"
    assert asker.asked == [
        "context.case",
        "context.decision",
        "context.age",
        "context.decision",
        "context.age",
        "context.region",
        "context.who",
    ]
    assert asker.previous["context.decision"].value == "placement"  # shown as default when going back
    assert answers["context.decision"].value == "measure"
    assert answers["context.age"].status == "later"
    assert answers["context.region"].status == "skipped"


def test_review_lists_open_points_and_jumps_there(libraries):
    answers = {}
    walk = Walk(libraries, answers, path="full")
    asker = ScriptedAsker(CONTEXT_FLANDERS_BABY, review=[])
    # answer only the context: the rest is skipped by the scripted asker
    result = run(walk, asker, lambda: None)
    assert result == "done"
    assert len(keys(walk)) > 100 and asker.asked == keys(walk)  # every prompt asked once, in order
    # the open points: every prompt but the six answered ones, in the walk's order
    assert asker.open_seen == [k for k in keys(walk) if k not in CONTEXT_FLANDERS_BABY]
    assert asker.open_seen[0] == "context.vraag-van-vl"  # the question on the table, first after the context


def test_review_jump_answers_and_returns_to_review(libraries):
    answers = {}
    walk = Walk(libraries, answers, path="full")
    asker = ScriptedAsker(CONTEXT_FLANDERS_BABY)
    run(walk, asker, lambda: None)
    target_key = next(k for k in asker.open_seen if not k.startswith("context."))
    target = walk.index_of(target_key)
    step = walk.steps()[target]
    same_part = [s.key for i, s in walk.open_points() if i >= target and s.section is step.section]
    asker2 = ScriptedAsker(review=[target], script={target_key: [Reply("later")]})
    run(walk, asker2, lambda: None, start=len(walk.steps()))
    # that prompt, then the other open prompts of the same part, then back to the review
    assert asker2.asked == same_part and len(same_part) >= 2
    assert answers[target_key].status == "later"
    assert asker2.open_seen == asker.open_seen  # back at the review, which still lists it (for later)


def test_overview_jumps_to_a_section(libraries):
    answers = {}
    walk = Walk(libraries, answers, path="full")
    asker = ScriptedAsker(CONTEXT_FLANDERS_BABY, script={"context.case": [Reply("overview"), Reply("stop")]})
    sections = walk.sections()
    asker.overview_choices = [sections[2].first_index]
    # after jumping, the first prompt of section 3 is asked; stop there
    first_of_third = walk.steps()[sections[2].first_index].key
    asker.script[first_of_third] = [Reply("stop")]
    run(walk, asker, lambda: None)
    assert asker.asked == ["context.case", first_of_third]
    assert len(asker.sections_seen) == len(sections)


def test_first_open_is_where_resume_starts(libraries):
    answers = {k: Answer(status="answered", value=v) for k, v in CONTEXT_FLANDERS_BABY.items()}
    answers["context.case"] = Answer(status="skipped")
    walk = Walk(libraries, answers, path="full")
    assert walk.first_open() == 6  # skipped prompts count as visited; the first never-asked one


def test_going_forward_passes_over_answers_given_before_this_walk(libraries):
    answers = {"context.who": Answer(status="answered", value="team")}  # as --team does
    asker = ScriptedAsker(
        {"context.case": "X", "context.decision": "placement", "context.age": "1-3", "context.region": "flanders"},
        script={"context.role": [Reply("back"), Reply("stop")], "context.who": [Reply("answer", "duo")]},
    )
    run(Walk(libraries, answers, path="full"), asker, lambda: None)
    # 'who' was passed over going forward, and reached again with '<'
    assert asker.asked == [
        "context.case",
        "context.decision",
        "context.age",
        "context.region",
        "context.role",
        "context.who",
        "context.role",
    ]
