"""`goedgenoeg overview`: counts per case across sessions (a follow-up counts with its case),
checked against counts recomputed here from the raw session files; counts of 1 or 2 show as "<3";
exports read back give the same counts; no case reference, session id or free text ever comes out."""

import json
import random
import re
import shutil
import stat

import pytest
from markdown_it import MarkdownIt

from goedgenoeg import session as sessions
from goedgenoeg.cli import app
from goedgenoeg.models import (
    AGE_BANDS,
    ALTERNATIVE_STATUSES,
    DECISIONS,
    REFLECTION_RESPONSES,
    REGIONS,
    WHO,
    Answer,
    Baseline,
    Session,
)
from goedgenoeg.overview import Count, Overview, hide, parse_count, read_export, to_data
from goedgenoeg.walk import Walk

OUTCOMES = ALTERNATIVE_STATUSES + ("not_answered",)
SESSIONS = 24
# session n follows up session m; a negative m: an earlier session that is not in the folder
FOLLOWS = {3: 2, 4: 3, 10: 9, 17: 16, 20: -1, 21: -2, 23: -2}
MISSING_REF = {20: 19}  # its first session is missing: it joins session 19 by its case reference
CASES = SESSIONS - 6  # 3, 4, 10, 17 and 20 join a case; 21 and 23 follow the same missing session
STEP_VALUES = ("done", "partly", "not_done", "")
PRIORITY = (
    "completed",
    "running",
    "started",
    "feasible",
    "feasible_not_needed",
    "not_feasible",
    "not_applicable",
    "not_considered",
)
CONSIDERED = {"feasible", "feasible_not_needed", "not_feasible", "started", "running", "completed"}
CHOSEN = {"feasible", "started", "running", "completed"}
COUNTED = (
    "sessions",
    "cases",
    "followed_up",
    "decisions",
    "dissent",
    "steps",
    "alternatives",
    "later",
    "perspectives",
    "perspective_prompts",
)


@pytest.fixture(autouse=True)
def default_small_count(monkeypatch):
    monkeypatch.delenv("GOEDGENOEG_SMALL_COUNT", raising=False)


def shown(n, small=3):
    return n if n == 0 or n >= small else f"<{small}"


def counts_in(data):
    """Every count in an overview's JSON (the format marker and the settings left out)."""
    found = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        else:
            found.append(x)

    for name in COUNTED:
        walk(data[name])
    return found


def value_for(prompt, n, rng):
    kind = prompt.kind
    secret = f"GG-SECRET-{n} vrije-tekst-{n}"
    if kind == "text":
        return secret
    if kind == "reflection":
        return {"response": rng.choice(REFLECTION_RESPONSES), "note": rng.choice(["", f"vrije-tekst-{n}"])}
    if kind == "alternative":
        return {"status": rng.choice(ALTERNATIVE_STATUSES), "note": secret}
    if kind == "choice":
        return rng.choice(prompt.options).id
    if kind == "multi":
        return [o.id for o in prompt.options if rng.random() < 0.5]
    if kind == "people":
        return [{"who": f"GG-SECRET-{n}", "relation": f"vrije-tekst-{n}", "meaning": ""}]
    if kind == "actions":
        return [{"who": "consulent", "what": f"vrije-tekst-{n}", "when": "", "result": ""}]
    if kind == "list":
        return [secret]
    return None  # a kind this test does not know: left skipped


def make_session(libraries, n, rng):
    answered = lambda v: Answer(status="answered", value=v, at="2026-01-01T10:00:00+01:00")  # noqa: E731
    answers = {"context.case": answered(f"GG-SECRET-{n}"), "context.role": answered(f"vrije-tekst-{n}")}
    if n % 11 != 6:  # now and then a session stopped right after the case reference
        for key, values in (("decision", DECISIONS), ("age", AGE_BANDS), ("region", REGIONS), ("who", WHO)):
            answers[f"context.{key}"] = answered(rng.choice(values))
        if n % 7 == 5:  # region skipped: the alternatives of both regions apply
            answers["context.region"] = Answer(status="skipped")
        for step in Walk(libraries, answers).steps():
            if step.key in answers:
                continue
            roll = rng.random()
            if roll < 0.1:
                continue  # not reached
            value = value_for(step.prompt, n, rng)
            answers[step.key] = (
                Answer(status="skipped")
                if roll < 0.2 or value is None
                else Answer(status="later")
                if roll < 0.28
                else answered(value)
            )
    stamp = f"2026-01-{n + 1:02d}T10:00:00+01:00"
    return Session(id=f"202601{n + 1:02d}-1000-{n:04x}", created=stamp, updated=stamp, tool_version="test", answers=answers)


def with_voices(session, rng):
    """A team: every answered alternative gets two voices that may differ."""
    for key, answer in session.answers.items():
        if key.startswith("alternatieven.") and answer.status == "answered":
            other = {"status": rng.choice(ALTERNATIVE_STATUSES), "note": "vrije-tekst-voice"}
            answer.voices, answer.value = {"An": answer.value, "Bo": other}, None


def make_team(directory, libraries):
    """SESSIONS sessions, some of them follow-ups (FOLLOWS), some with team voices, a copy of one
    of them, and two damaged files."""
    rng = random.Random(20260101)
    made = {}
    for n in range(SESSIONS):
        session = make_session(libraries, n, rng)
        if n % 5 == 0:
            with_voices(session, rng)
        if n in FOLLOWS:
            m = FOLLOWS[n]
            if m >= 0:
                first = made[m]
                session.answers["context.case"] = first.answers["context.case"]
                baseline = Baseline(id=first.id, date=first.updated[:10], answers=first.answers)
            else:
                ref = made[MISSING_REF[n]].answers["context.case"] if n in MISSING_REF else session.answers["context.case"]
                session.answers["context.case"] = ref
                missing = f"20251201-0900-{-m:04x}"
                baseline = Baseline(
                    id=missing, date="2025-12-01", answers={k: v for k, v in session.answers.items() if k.startswith("context.")}
                )
            baseline.steps_done = [rng.choice(STEP_VALUES) for _ in range(rng.randint(1, 4))]
            session.followup_of = baseline
        made[n] = session
        sessions.save(session, directory)
    first = sorted(directory.glob("*.json"))[0]
    shutil.copy(first, directory / "copy-of-the-first.json")  # the same session twice: counted once
    (directory / "GG-SECRET-98.json").write_text(
        '{"id": "x", "answers": {"context.case": {"value": "GG-SECRET-98 vrije-tekst-98"'
    )
    (directory / "broken.json").write_text('{"id": "GG-SECRET-99", "answers": "vrije-tekst-99"}')
    return made


@pytest.fixture
def team(isolated, libraries):
    make_team(isolated, libraries)
    return isolated


def answered(a):
    return a is not None and a["status"] == "answered"


def values(a):
    if not answered(a):
        return []
    return list(a["voices"].values()) if a.get("voices") else [a["value"]]


def expected_counts(directory, libraries):
    """Recomputed from the raw JSON, per case; Walk only decides which prompts applied."""
    raw, damaged = raw_sessions(directory)
    groups = raw_cases(raw)
    e = {
        "sessions": len(raw),
        "cases": len(groups),
        "followed_up": 0,
        "decisions": {},
        "dissent": {"recorded": 0, "not_recorded": 0},
        "steps": {v: {"steps": 0, "cases": 0} for v in ("done", "partly", "not_done")},
        "alternatives": {},
        "later": {},
        "perspectives": {},
        "perspective_prompts": {},
    }
    for group in groups.values():
        group.sort(key=lambda d: d["created"])
        e["followed_up"] += any(d.get("followup_of") for d in group)
        expect_decision(e, group)
        expect_steps(e, group)
        expect_prompts(e, group, libraries)
    return e, damaged


def raw_sessions(directory):
    """The sessions of a folder as raw JSON by id, and how many could not be read."""
    raw, damaged = {}, 0
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text())
            Session.model_validate(data)
        except Exception:
            damaged += 1
            continue
        raw[data["id"]] = data
    return raw, damaged


def raw_cases(raw):
    """The sessions grouped by case: along follow-ups, else by the case reference."""
    refs = {d["id"]: d["answers"]["context.case"]["value"] for d in raw.values()}
    firsts = {refs[d["id"]]: d["id"] for d in raw.values() if not d.get("followup_of")}

    def case_of(data):
        while data.get("followup_of") and data["followup_of"]["id"] in raw:
            data = raw[data["followup_of"]["id"]]
        if not data.get("followup_of"):
            return data["id"]
        return firsts.get(refs[data["id"]], "missing " + data["followup_of"]["id"])

    groups = {}
    for data in raw.values():
        groups.setdefault(case_of(data), []).append(data)
    return groups


def expect_decision(e, group):
    latest = group[-1]["answers"]
    decision = latest["context.decision"]["value"] if answered(latest.get("context.decision")) else "not_answered"
    stand = latest["besluit.stand"]["value"] if answered(latest.get("besluit.stand")) else "not_answered"
    row = e["decisions"].setdefault(decision, {})
    dissent = False
    for d in group:
        agree = d["answers"].get("afsluiting.achter-besluit")
        if answered(agree):  # each person: do you stand behind it? partly or no is a dissent
            said = list((agree.get("voices") or {}).values()) or [agree.get("value")]
            dissent = dissent or any(v in ("partly", "no") for v in said)
            continue
        who = d["answers"]["context.who"]["value"] if answered(d["answers"].get("context.who")) else None
        keys = {"team": ["afsluiting.tegenstem"], "alone": [], "duo": []}.get(who, ["afsluiting.tegenstem"])
        dissent = dissent or any(answered(d["answers"].get(k)) for k in keys)
    for column in ("cases", stand, "dissent" if dissent else "no_dissent"):
        row[column] = row.get(column, 0) + 1
    e["dissent"]["recorded" if dissent else "not_recorded"] += 1


def expect_steps(e, group):
    judged = set()
    for d in group:
        for v in (d.get("followup_of") or {}).get("steps_done", []):
            if v:
                e["steps"][v]["steps"] += 1
                judged.add(v)
    for v in judged:
        e["steps"][v]["cases"] += 1


def expect_prompts(e, group, libraries):
    latest = group[-1]["answers"]
    every = [d["answers"] for d in group] + [d["followup_of"]["answers"] for d in group if d.get("followup_of")]
    open_in = {}
    for step in Walk(libraries, {k: Answer(**v) for k, v in latest.items()}).steps():
        a = latest.get(step.key)
        if step.prompt.kind == "alternative":
            expect_alternative(e, step.key, a, every)
        if step.library.id == "kanttekeningen" and left_for_later(step, a):
            e["later"][step.key] = e["later"].get(step.key, 0) + 1
        if step.library.id == "mentaliseren" and step.section.id in ("kind", "ouders"):
            vs = values(a)
            is_open = not vs or all(
                (step.prompt.kind == "reflection" and v["response"] == "later")
                or (step.prompt.kind == "alternative" and v["status"] == "not_considered")
                for v in vs
            )
            row = e["perspective_prompts"].setdefault(step.section.id, {}).setdefault(step.key, {"open": 0, "applied": 0})
            row["open"] += is_open
            row["applied"] += 1
            open_in.setdefault(step.section.id, []).append(is_open)
    for section_id, opens in open_in.items():
        row = e["perspectives"].setdefault(section_id, {"open": 0, "partly": 0, "applied": 0})
        row["applied"] += 1
        row["open"] += all(opens)
        row["partly"] += any(opens) and not all(opens)


def expect_alternative(e, key, a, every):
    ever = {v["status"] for answers in every for v in values(answers.get(key))}
    now = {v["status"] for v in values(a)}
    row = e["alternatives"].setdefault(key, {})
    status = next((s for s in PRIORITY if s in now), "not_answered")
    for column, hit in (
        ("applied", True),
        ("considered", ever & CONSIDERED),
        ("chosen", ever & CHOSEN),
        (status, True),
    ):
        if hit:
            row[column] = row.get(column, 0) + 1


def left_for_later(step, a):
    return a is not None and (
        a["status"] in ("later", "skipped")
        or (answered(a) and step.prompt.kind == "reflection" and a["value"]["response"] == "later")
    )


def nonzero(table):
    """A JSON table without its zero cells and rows (the tool lists every row, zero or not)."""
    if isinstance(table, dict):
        kept = {k: nonzero(v) for k, v in table.items()}
        return {k: v for k, v in kept.items() if v not in (0, {})}
    return table


def assert_within(shown_table, true_table, where=""):
    """Each shown cell holds its true count: the count itself, '<3' for 1-2, '≤N' for 0..N, 'lo-hi'."""
    if isinstance(true_table, dict) or isinstance(shown_table, dict):
        true_table = true_table if isinstance(true_table, dict) else {}
        shown_table = shown_table if isinstance(shown_table, dict) else {}
        for key in set(true_table) | set(shown_table):
            assert_within(shown_table.get(key, 0), true_table.get(key, 0), f"{where}.{key}")
        return
    true = true_table
    if isinstance(shown_table, int):
        assert shown_table == true, where
    elif shown_table == "<3":
        assert 1 <= true <= 2, where
    elif shown_table.startswith("≤"):
        assert 0 <= true <= int(shown_table[1:]), (where, shown_table, true)
    else:  # a total shown as a range, 'lo-hi'
        lo, hi = (int(x) for x in shown_table.split("-"))
        assert lo <= true <= hi, (where, shown_table, true)


def hidden(table, small=3):
    return {k: hidden(v, small) for k, v in table.items()} if isinstance(table, dict) else shown(table, small)


def markdown_tables(text):
    """h2 title -> rows of cell texts, read through markdown-it's own parse."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, title, row, in_h2 = {}, None, None, False
    for token in tokens:
        if token.type == "heading_open":
            in_h2 = token.tag == "h2"
        elif token.type == "inline" and in_h2:
            title, in_h2 = token.content, False
            tables[title] = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            tables[title].append(row)
            row = None
    return tables


def cell(text):
    """A count as shown in a markdown cell, after its bar: 0, 7 or '<3'."""
    last = text.split()[-1]
    return int(last) if last.isdigit() else last


def terminal_rows(stdout):
    return [[c.strip() for c in line.split("│")[1:-1]] for line in stdout.splitlines() if line.startswith("│")]


def run_json(runner, *args, env=None):
    result = runner.invoke(app, ["overview", "--json", *args], env=env)
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout), result


def test_counts_per_case_match_the_session_files_and_nothing_personal_comes_out(team, libraries, runner):
    e, damaged = expected_counts(team, libraries)
    assert (e["sessions"], e["cases"], damaged) == (SESSIONS, CASES, 2)
    assert e["followed_up"] >= 3 and any(s["steps"] >= 3 for s in e["steps"].values())  # the data varies
    assert any(1 <= n <= 2 for n in counts_in({**e, "sessions": 0, "cases": 0}))  # there are small counts to hide

    data, as_json = run_json(runner)
    assert data["format"] == "goedgenoeg-overview" and data["version"] == "1" and data["small_count"] == 3
    assert (data["sessions"], data["cases"], data["unreadable_files"]) == (SESSIONS, CASES, 2)
    for name in COUNTED[2:]:
        # every cell is the true count, or a range the true count lies in (a small count hidden, and
        # under secondary suppression a cell that would give a hidden one away)
        assert_within(data[name], e[name], name)
    assert not any(n in (1, 2) for n in counts_in(data)) and "<3" in counts_in(data)
    for row in nonzero(e["alternatives"]).values():  # one status per case, however many voices
        assert sum(row.get(s, 0) for s in OUTCOMES) == row["applied"]

    result = runner.invoke(app, ["overview", "-o", "overzicht.md"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output + result.stderr
    md = (team.parent / "overzicht.md").read_text(encoding="utf-8")
    for text in (result.stdout, md):
        assert f"{SESSIONS} sessies over {CASES} casussen geteld." in text
        assert "2 sessies konden niet gelezen worden." in text
    ids = [json.loads(p.read_text())["id"] for p in team.glob("2026*.json")]
    for text in (result.stdout, result.stderr, md, as_json.stdout, as_json.stderr):
        assert "GG-SECRET" not in text and "vrije-tekst" not in text
        assert not any(i in text for i in ids) and "20251201" not in text

    # the markdown holds the same counts as the JSON
    tables = markdown_tables(md)
    decisions = tables["Besluiten per soort beslissing"]
    assert decisions[0][2:] == ["Uithuisplaatsing", "Maatregel", "Melding", "Anders", "Onbekend"]
    columns = ["placement", "measure", "report", "other", "not_answered"]
    for row in decisions[1:]:
        assert [cell(c) for c in row[2:]] == [data["decisions"][d][row[1].strip("`")] for d in columns], row
    latest = tables["Alternatieven: stand in de laatste sessie"]
    assert latest[0][2:] == [
        "Overwogen en haalbaar",
        "Overwogen, haalbaar, nu niet nodig",
        "Overwogen, niet haalbaar",
        "Niet overwogen",
        "Niet van toepassing",
        "Ingezet",
        "Loopt",
        "Afgerond",
        "Niet beantwoord",
    ]
    assert {r[1].strip("`"): [cell(c) for c in r[2:]] for r in latest[1:]} == {
        k: [row[s] for s in OUTCOMES] for k, row in data["alternatives"].items() if row["applied"] != 0
    }
    weighed = tables["Alternatieven: afgewogen en gekozen"]
    assert {r[1].strip("`"): [cell(c) for c in r[2:]] for r in weighed[1:]} == {
        k: [row[c] for c in ("applied", "considered", "chosen", "not_considered")]
        for k, row in data["alternatives"].items()
        if row["applied"] != 0
    }
    steps = tables["Eerdere stappen, nagegaan bij een vervolg"]
    assert {r[1].strip("`"): [cell(c) for c in r[2:]] for r in steps[1:]} == {
        v: [c["steps"], c["cases"]] for v, c in data["steps"].items()
    }
    rows = tables["Kanttekeningen die voor later bleven"][1:]
    assert {r[1].strip("`"): cell(r[2]) for r in rows} == {k: n for k, n in data["later"].items() if n != 0}
    assert "█" in rows[0][2] and len(rows[0][2].split()[0]) == 20  # the largest gets the full bar
    persp = tables["Perspectieven die open bleven"]
    assert {r[1].strip("`"): [cell(c) for c in r[2:]] for r in persp[1:]} == {
        f"mentaliseren.{s}": [c["open"], c["partly"], c["applied"]] for s, c in data["perspectives"].items()
    }

    # the terminal holds the same counts (COLUMNS=400: no row is wrapped)
    texts = {f"alternatieven.{p.id}": p.text.nl for s in libraries.get("alternatieven").sections for p in s.prompts}
    terminal = {row[0]: row[1:] for row in terminal_rows(result.stdout) if len(row) == 5}
    for key, row in data["alternatives"].items():
        if key in texts and row["applied"] != 0:
            assert terminal[texts[key]] == [str(row[c]) for c in ("applied", "considered", "chosen", "not_considered")], key


def test_the_terminal_tables_fit_80_columns(team, runner):
    result = runner.invoke(app, ["overview"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    data, _ = run_json(runner)
    rows = {row[0]: row[1:] for row in terminal_rows(result.stdout) if len(row) == 6}
    for column, name in (
        ("cases", "Casussen"),
        ("taken", "Genomen"),
        ("dissent", "Met tegenstem"),
        ("no_dissent", "Geen tegenstem"),
    ):
        assert rows[name] == [
            str(data["decisions"][d][column]) for d in ("placement", "measure", "report", "other", "not_answered")
        ]
    assert "Alternatieven: afgewogen en gekozen" in result.stdout and "Alternatieven: ingezet (laatste sessie)" in result.stdout


def test_two_cases_one_with_a_follow_up_show_no_count_of_one_or_two(isolated, libraries, runner):
    """The must-show: 2 cases, 3 sessions, and every 1 or 2 shows as "<3"."""
    from goedgenoeg.followup import start_followup
    from goedgenoeg.overview import Count, count, load_dir

    rng = random.Random(7)
    first, other = make_session(libraries, 0, rng), make_session(libraries, 1, rng)
    followup = start_followup(first, libraries)
    followup.followup_of.steps_done = ["done", "partly"]
    followup.created = followup.updated = "2026-02-01T10:00:00+01:00"
    for session in (first, other, followup):
        sessions.save(session, isolated)
    found, _, unreadable = load_dir(isolated)
    exact = count(found, libraries, unreadable)
    assert (exact.sessions, exact.cases, exact.followed_up) == (Count.of(3), Count.of(2), Count.of(1))

    data, result = run_json(runner)
    assert data["sessions"] == 3 and data["cases"] == "<3" and data["followed_up"] == "<3"
    assert data["steps"]["done"] == {"steps": "<3", "cases": "<3"} and data["steps"]["not_done"] == {"steps": 0, "cases": 0}
    shown_counts = counts_in(data)
    assert not any(n in (1, 2) for n in shown_counts if isinstance(n, int))
    assert set(n for n in shown_counts if isinstance(n, str)) == {"<3"}
    assert "GG-SECRET" not in result.stdout and "vrije-tekst" not in result.stdout and first.id not in result.stdout
    terminal = runner.invoke(app, ["overview"]).stdout
    assert "3 sessies over <3 casussen geteld." in terminal and "Casussen met een vervolg: <3." in terminal
    assert not any(cell in ("1", "2") for row in terminal_rows(terminal) for cell in row)

    # the threshold is a setting: with 2, the two cases show, a single one still does not
    data, _ = run_json(runner, env={"GOEDGENOEG_SMALL_COUNT": "2"})
    assert data["small_count"] == 2 and data["cases"] == 2 and data["followed_up"] == "<2"
    assert not any(n == 1 for n in counts_in(data))


def test_small_count_is_a_setting_shown_by_config(tmp_path, monkeypatch, runner):
    shown_default = runner.invoke(app, ["config"]).output
    assert "  small_count    3  [standaard]" in shown_default
    monkeypatch.setenv("GOEDGENOEG_SMALL_COUNT", "5")
    assert "  small_count    5  [omgevingsvariabele GOEDGENOEG_SMALL_COUNT]" in runner.invoke(app, ["config"]).output
    monkeypatch.setenv("GOEDGENOEG_SMALL_COUNT", "nul")
    result = runner.invoke(app, ["overview"])
    assert result.exit_code != 0 and "small_count" in result.stderr
    monkeypatch.delenv("GOEDGENOEG_SMALL_COUNT")
    config = tmp_path / "c.toml"
    config.write_text("small_count = 4\n", encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    assert f"  small_count    4  [gebruikersbestand {config}]" in runner.invoke(app, ["config"]).output


def test_an_export_read_back_gives_the_same_counts_and_holds_nothing_personal(team, tmp_path, libraries, runner):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    export = shared / "team-a.json"
    result = runner.invoke(app, ["overview", "--export", str(export)])
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    text = export.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "goedgenoeg-overview" and data["version"] == "1"
    assert "unreadable_files" not in data  # counts only
    ids = [json.loads(p.read_text())["id"] for p in team.glob("2026*.json")]
    assert "GG-SECRET" not in text and "vrije-tekst" not in text and not any(i in text for i in ids)
    # no session id, and no date but the period's two (issue 21, point 7)
    assert len(re.findall(r"20\d\d-?\d\d-?\d\d", text)) == 2 and set(data["period"]) == {"first", "last"}
    assert not any(n in (1, 2) for n in counts_in(data))

    original, _ = run_json(runner, str(team))
    read_back, result = run_json(runner, str(shared))
    assert read_back["exports_read"] == 1 and read_back["unreadable_files"] == 0
    for name in COUNTED:
        assert read_back[name] == original[name], name
    terminal = runner.invoke(app, ["overview", str(shared)]).stdout
    assert f"{SESSIONS} sessies over {CASES} casussen geteld." in terminal and "1 exportbestand opgeteld." in terminal

    # never over an existing file without --force, and never into the folder being counted
    export.write_text("mine")
    result = runner.invoke(app, ["overview", "--export", str(export)])
    assert result.exit_code == 1 and "bestaat al" in result.stderr and export.read_text() == "mine"
    assert runner.invoke(app, ["overview", "--export", str(export), "--force"]).exit_code == 0
    assert json.loads(export.read_text())["cases"] == CASES
    result = runner.invoke(app, ["overview", "--export", str(team / "export.json")])
    assert result.exit_code == 1 and "dubbel" in result.stderr and not (team / "export.json").exists()


def test_exports_beside_sessions_add_up(team, tmp_path, runner):
    shared = tmp_path / "organisatie"
    shared.mkdir()
    assert runner.invoke(app, ["overview", "--export", str(shared / "team-a.json")]).exit_code == 0
    assert runner.invoke(app, ["overview", "--export", str(shared / "team-b.json")]).exit_code == 0
    one, _ = run_json(runner, str(team))
    (shared / "kapot.json").write_text('{"format": "goedgenoeg-overview", "version": "1", "cases": "vrije-tekst"}')
    tampered = json.loads((shared / "team-a.json").read_text())
    tampered["later"]["GG-SECRET-97 vrije-tekst"] = 5  # free text where an id belongs: not read
    (shared / "ander.json").write_text(json.dumps(tampered))
    two, result = run_json(runner, str(shared))
    assert two["exports_read"] == 2 and two["unreadable_files"] == 2
    assert "vrije-tekst" not in result.stdout and "GG-SECRET" not in result.stdout
    assert two["sessions"] == 2 * SESSIONS and two["cases"] == 2 * CASES
    # exact counts add up exactly; a hidden one ("<3" is 1 to 2) adds up as a range
    for key, row in one["alternatives"].items():
        for column, n in row.items():
            both = two["alternatives"][key][column]
            # (secondary suppression may show a sum as a range: it still holds twice the range of one)
            one_cell, both_cell = parse_count(n), parse_count(both)
            assert both_cell.lo <= 2 * one_cell.lo and both_cell.hi >= 2 * one_cell.hi, (key, column)
    # the same exports beside the sessions themselves: three times the sessions
    shutil.copy(shared / "team-a.json", team / "team-a.json")
    shutil.copy(shared / "team-b.json", team / "team-b.json")
    three, _ = run_json(runner, str(team))
    assert three["sessions"] == 3 * SESSIONS and three["exports_read"] == 2 and three["unreadable_files"] == 2


def test_english_from_a_folder_argument(team, libraries, tmp_path, runner):
    result = runner.invoke(app, ["overview", str(team), "--lang", "en", "-o", "overview.md"])
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "overview.md").read_text(encoding="utf-8")
    assert f"{SESSIONS} sessions over {CASES} cases counted." in result.stdout and "2 sessions could not be read." in md
    first = next(p for s in libraries.get("alternatieven").sections for p in s.prompts if p.kind == "alternative")
    assert "Considered, not feasible" in md and first.text.en in md
    assert "Decisions per type of decision" in md and "Earlier steps, checked at a follow-up" in md
    assert "GG-SECRET" not in md + result.stdout and "vrije-tekst" not in md + result.stdout


def test_markdown_is_private_and_never_overwritten_without_force(team, tmp_path, runner):
    out = tmp_path / "o.md"
    assert runner.invoke(app, ["overview", "-o", str(out)]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_text("mine")
    result = runner.invoke(app, ["overview", "-o", str(out)])
    assert result.exit_code == 1 and "bestaat al" in result.stderr and "--force" in result.stderr
    assert out.read_text() == "mine"
    assert runner.invoke(app, ["overview", "-o", str(out), "--force"]).exit_code == 0
    assert out.read_text().startswith("# Overzicht")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_empty_folder_and_a_missing_one(tmp_path, runner):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["overview", str(tmp_path / "empty")])
    assert result.exit_code == 0 and "0 sessies geteld." in result.stdout and "niet gelezen" not in result.stdout
    result = runner.invoke(app, ["overview", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "geen map met sessies" in result.stderr


def alternative_key(libraries):
    return next(
        f"alternatieven.{p.id}" for s in libraries.get("alternatieven").sections for p in s.prompts if p.kind == "alternative"
    )


def test_team_voices_count_once_for_the_case(libraries):
    from goedgenoeg.followup import start_followup
    from goedgenoeg.overview import Count, count

    session = sessions.new_session(libraries, "nl")
    key = alternative_key(libraries)
    session.answers["context.case"] = Answer(status="answered", value="GG-SECRET-1")
    session.answers["context.who"] = Answer(status="answered", value="team")
    voices = {
        "An": {"status": "feasible", "note": ""},
        "Bo": {"status": "not_considered", "note": ""},
        "Cas": {"status": "not_feasible", "note": "vrije-tekst"},
    }
    session.answers[key] = Answer(status="answered", voices=voices)
    followup = start_followup(session, libraries)
    followup.created = followup.updated = "2099-01-01T10:00:00+01:00"
    followup.answers[key] = Answer(
        status="answered", voices={"An": {"status": "started", "note": ""}, "Bo": {"status": "running", "note": ""}}
    )
    row = count([session], libraries).alternatives[key]
    assert row["applied"] == row["considered"] == row["chosen"] == row["feasible"] == Count.of(1)
    assert sum(row[s].hi for s in OUTCOMES) == 1  # three voices, one case
    row = count([session, followup], libraries).alternatives[key]
    assert row["applied"] == row["considered"] == row["chosen"] == row["running"] == Count.of(1)  # furthest along
    assert sum(row[s].hi for s in OUTCOMES) == 1 and row["feasible"] == Count()


def child_prompts(libraries, answers):
    steps = Walk(libraries, answers, path="full").steps()
    return [(s.key, s.prompt) for s in steps if s.library.id == "mentaliseren" and s.section.id == "kind"]


def test_the_childs_perspective_is_open_only_where_none_of_its_questions_got_an_answer(libraries):
    from goedgenoeg.overview import Count, count

    def case(n, answered_prompts):
        session = sessions.new_session(libraries, "nl")
        session.id, session.path = f"20260301-1000-{n:04x}", "full"
        context = {"case": f"GG-SECRET-{n}", "decision": "placement", "age": "6-12", "region": "flanders", "who": "alone"}
        for k, v in context.items():
            session.answers[f"context.{k}"] = Answer(status="answered", value=v)
        found = child_prompts(libraries, session.answers)
        for key, prompt in found[:answered_prompts]:
            value = {"response": "recognise", "note": ""} if prompt.kind == "reflection" else "vrije-tekst"
            session.answers[key] = Answer(status="answered", value=value)
        for key, _ in found[answered_prompts:]:
            session.answers[key] = Answer(status="later")
        return session, [key for key, _ in found]

    none, keys = case(1, 0)
    assert len(keys) >= 3
    most, _ = case(2, len(keys) - 1)
    every, _ = case(3, len(keys))
    overview = count([none, most, every], libraries)
    assert overview.perspectives["kind"] == {"open": Count.of(1), "partly": Count.of(1), "applied": Count.of(3)}
    prompts = overview.perspective_prompts["kind"]
    assert prompts[keys[0]] == {"open": Count.of(1), "applied": Count.of(3)}
    assert prompts[keys[-1]] == {"open": Count.of(2), "applied": Count.of(3)}


def test_earlier_steps_are_counted_at_follow_up(libraries):
    from goedgenoeg.overview import Count, count, to_data

    first = sessions.new_session(libraries, "nl")
    first.answers["context.case"] = Answer(status="answered", value="GG-SECRET-1")
    later = []
    for n, done in enumerate((["done", "partly", "done"], ["not_done", "done", ""])):
        previous = later[-1] if later else first
        followup = Session(
            id=f"20990101-100{n}-beef",
            created=f"2099-01-0{n + 1}T10:00:00+01:00",
            updated=f"2099-01-0{n + 1}T10:00:00+01:00",
            tool_version="test",
            answers={"context.case": Answer(status="answered", value="GG-SECRET-1")},
            followup_of=Baseline(id=previous.id, date="2099-01-01", answers=previous.answers, steps_done=done),
        )
        later.append(followup)
    overview = count([first, *later], libraries)
    assert overview.cases == Count.of(1) and overview.sessions == Count.of(3) and overview.followed_up == Count.of(1)
    assert overview.steps == {
        "done": {"steps": Count.of(3), "cases": Count.of(1)},
        "partly": {"steps": Count.of(1), "cases": Count.of(1)},
        "not_done": {"steps": Count.of(1), "cases": Count.of(1)},
    }
    data = to_data(overview, 3)
    assert data["steps"]["done"] == {"steps": 3, "cases": "<3"} and data["steps"]["partly"] == {"steps": "<3", "cases": "<3"}


# --- secondary suppression (issue 21 point 6) ----------------------------------------


def _worked_out(total, cells) -> list[int]:
    """The hidden cells (ranges) a reader can pin to one value from total = sum(cells)."""
    pinned = []
    for i, cell in enumerate(cells):
        if cell.lo == cell.hi:
            continue
        others = cells[:i] + cells[i + 1 :]
        lo = max(cell.lo, total.lo - sum(c.hi for c in others))
        hi = min(cell.hi, total.hi - sum(c.lo for c in others))
        if lo == hi:
            pinned.append(i)
    return pinned


def _decisions(rows):
    """A decisions table from {kind: (cases, taken, proposed, dissent)}: the rest of the stands
    and of the dissent columns filled in."""
    table = {}
    for kind, (cases, taken, proposed, dissent) in rows.items():
        table[kind] = {
            "cases": Count.of(cases),
            "taken": Count.of(taken),
            "proposed": Count.of(proposed),
            "postponed": Count.of(0),
            "open": Count.of(0),
            "not_answered": Count.of(cases - taken - proposed),
            "dissent": Count.of(dissent),
            "no_dissent": Count.of(cases - dissent),
        }
    return table


def _audit(hidden):
    """Every sum a reader of the overview can make: no hidden cell in it can be worked out."""
    rows = list(hidden.decisions.values())
    sums = [(hidden.cases, [hidden.dissent["recorded"], hidden.dissent["not_recorded"]])]
    sums += [(hidden.cases, [r["cases"] for r in rows])]  # a column against the total
    sums += [(hidden.dissent["recorded"], [r["dissent"] for r in rows])]
    for r in rows:  # each row against its own total
        sums.append((r["cases"], [r[k] for k in ("taken", "proposed", "postponed", "open", "not_answered")]))
        sums.append((r["cases"], [r["dissent"], r["no_dissent"]]))
    for total, cells in sums:
        assert _worked_out(total, cells) == [], (total, cells)


def test_a_hidden_count_in_a_column_cannot_be_worked_out_from_the_total():
    """Five cases, four placements and one measure: '<3' measures would be 5 - 4 = 1."""
    o = Overview(
        cases=Count.of(5),
        decisions=_decisions({"placement": (4, 4, 0, 0), "measure": (1, 1, 0, 0)}),
        dissent={"recorded": Count.of(0), "not_recorded": Count.of(5)},
    )
    assert _worked_out(Count.of(5), [Count.of(4), Count(1, 2)]) == [1]  # the small-count rule alone gives it away
    hidden = hide(o, 3)
    assert hidden.decisions["measure"]["cases"].shown(3) == "<3"
    assert hidden.decisions["placement"]["cases"].lo != hidden.decisions["placement"]["cases"].hi  # hidden too
    _audit(hidden)


def test_three_cases_over_three_decisions_hide_the_total():
    """Each decision once: three '<3' that must add up to 3 would each be 1; the total goes."""
    o = Overview(
        cases=Count.of(3),
        decisions=_decisions({"placement": (1, 1, 0, 0), "measure": (1, 0, 1, 0), "report": (1, 1, 0, 1)}),
        dissent={"recorded": Count.of(1), "not_recorded": Count.of(2)},
    )
    hidden = hide(o, 3)
    assert hidden.cases.lo != hidden.cases.hi and hidden.cases.shown(3) != 3
    _audit(hidden)


def test_a_hidden_cell_in_a_row_takes_another_of_the_row_with_it():
    """Six placements: five taken, one proposed. 'Proposed <3' would be 6 - 5 = 1."""
    o = Overview(
        cases=Count.of(6),
        decisions=_decisions({"placement": (6, 5, 1, 0)}),
        dissent={"recorded": Count.of(0), "not_recorded": Count.of(6)},
    )
    hidden = hide(o, 3)
    row = hidden.decisions["placement"]
    assert row["proposed"].shown(3) == "<3" and row["taken"].shown(3) != 5
    _audit(hidden)
    assert hide(hidden, 3) == hidden  # idempotent


def test_the_overview_json_of_five_cases_gives_no_hidden_count_away(tmp_path):
    o = Overview(
        sessions=Count.of(5),
        cases=Count.of(5),
        decisions=_decisions({"placement": (4, 3, 1, 1), "measure": (1, 0, 1, 0)}),
        dissent={"recorded": Count.of(1), "not_recorded": Count.of(4)},
    )
    data = to_data(o, 3)
    back = read_export(data)
    assert back is not None
    _audit(back)
