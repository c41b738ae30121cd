"""`goedgenoeg preview`: what a reflection asks before it starts. The time limits of the short
path are held here, with the bundled content."""

import json

import pytest

from goedgenoeg.cli import app

CONTEXTS = [
    ("placement", "under-1", "flanders", "alone"),  # an OCJ consulent, a 7-month-old
    ("measure", "6-12", "netherlands", "alone"),
    ("report", "3-6", "netherlands", "duo"),
    ("placement", "unborn", "flanders", "duo"),
    ("other", "12-18", "netherlands", "alone"),
    ("measure", "1-3", "flanders", "duo"),
]


def preview(runner, *args):
    result = runner.invoke(app, ["preview", *args])
    assert result.exit_code == 0, result.output
    return result.output


def plan(runner, decision, age, region, who, *more):
    return json.loads(preview(runner, "--decision", decision, "--age", age, "--region", region, "--who", who, "--json", *more))


@pytest.mark.parametrize("decision,age,region,who", CONTEXTS)
def test_short_path_fits_thirty_minutes_and_the_full_path_keeps_the_depth(decision, age, region, who, runner):
    short = plan(runner, decision, age, region, who)
    full = plan(runner, decision, age, region, who, "--path", "full")
    assert short["path"] == "short" and full["path"] == "full"
    assert 15 <= short["prompts"] <= 32  # quick choices count as prompts; the minutes are the limit
    assert short["minutes"] <= 30
    assert full["prompts"] >= 2 * short["prompts"]
    # the parts add up and come in SAVE order: the facts before the weighing, the decision after
    assert sum(len(p["prompts"]) for p in short["parts"]) == short["prompts"]
    # every prompt with its id, kind, seconds and whether each person answers it; they add up
    rows = [row for p in short["parts"] for row in p["prompts"]]
    assert all(set(row) >= {"id", "kind", "seconds", "per_person"} for row in rows)
    assert abs(sum(row["seconds"] for row in rows) / 60 - short["minutes"]) <= 1
    # the table offers every alternative that applies here, the usual ones among them
    [table] = [row for row in rows if row["kind"] == "table"]
    weighed = [row["id"] for row in rows if row["kind"] == "alternative"]
    assert set(weighed) <= set(table["offers"]) and len(table["offers"]) > len(weighed)
    phases = [p["phase"] for p in short["parts"]]
    assert phases == sorted(phases, key=["context", "people", "facts", "weighing", "decision", "steps", "close"].index)
    for needed in ("facts", "weighing", "decision", "steps"):
        assert needed in phases


def test_the_text_preview_names_the_parts_and_the_minutes(runner):
    out = preview(runner, "--decision", "placement", "--age", "under-1", "--region", "flanders")
    assert out.startswith("Kort pad: ")
    assert "De feiten en de zorgen" in out and "Het besluit" in out and "min" in out


def test_a_team_preview_shows_time_boxes_and_counts_every_voice(runner):
    three = plan(runner, "measure", "6-12", "netherlands", "team", "--people", "3")
    six = plan(runner, "measure", "6-12", "netherlands", "team", "--people", "6")
    assert three["path"] == "short"  # the meeting path
    assert all(p["box"] for p in three["parts"])  # every part has a time box
    assert six["minutes"] > three["minutes"]  # questions everyone answers take longer with more people
    out = preview(runner, "--decision", "measure", "--age", "6-12", "--region", "netherlands", "--who", "team")
    assert "tijdsbox" in out


def test_preview_says_what_is_missing_or_wrong(runner):
    result = runner.invoke(app, ["preview", "--decision", "placement"])
    assert result.exit_code == 2
    assert "--age" in result.output and "--region" in result.output
    result = runner.invoke(app, ["preview", "--decision", "adoption", "--age", "1-3", "--region", "flanders"])
    assert result.exit_code == 2
    assert "placement, measure, report, other" in result.output


def test_english_preview(runner):
    out = runner.invoke(
        app, ["preview", "--decision", "report", "--age", "3-6", "--region", "netherlands", "--lang", "en"]
    ).output
    assert out.startswith("Short path: ") and "The facts and the worries" in out


@pytest.mark.parametrize("people", [3, 5])
def test_the_meeting_path_fits_a_case_meeting(people, runner):
    meeting = plan(runner, "measure", "6-12", "netherlands", "team", "--people", str(people))
    assert meeting["prompts"] <= 45 and meeting["minutes"] <= 90
    assert all(p["box"] for p in meeting["parts"]) and sum(p["box"] for p in meeting["parts"]) <= 90
    full = plan(runner, "measure", "6-12", "netherlands", "team", "--people", str(people), "--path", "full")
    assert full["prompts"] >= 2 * meeting["prompts"]
    out = preview(
        runner, "--decision", "measure", "--age", "6-12", "--region", "netherlands", "--who", "team", "--people", str(people)
    )
    assert out.startswith("Pad voor het overleg: ") and "tijdsboxen samen" in out
