"""`goedgenoeg overview`: counts across sessions, checked against counts recomputed here from
the raw session files; no case reference or free text ever comes out."""

import json
import random
import shutil
import stat

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from goedgenoeg import session as sessions
from goedgenoeg.cli import app
from goedgenoeg.models import AGE_BANDS, ALTERNATIVE_STATUSES, DECISIONS, REFLECTION_RESPONSES, REGIONS, WHO, Answer, Session
from goedgenoeg.walk import Walk

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
OUTCOMES = ALTERNATIVE_STATUSES + ("not_answered",)
SESSIONS = 24


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
                Answer(status="skipped") if roll < 0.2 or value is None else Answer(status="later") if roll < 0.28 else answered(value)
            )
    stamp = f"2026-01-{n + 1:02d}T10:00:00+01:00"
    return Session(id=f"202601{n + 1:02d}-1000-{n:04x}", created=stamp, updated=stamp, tool_version="test", answers=answers)


@pytest.fixture
def team(isolated, libraries):
    """SESSIONS saved sessions, a copy of one of them, and two damaged files."""
    rng = random.Random(20260101)
    for n in range(SESSIONS):
        sessions.save(make_session(libraries, n, rng), isolated)
    first = sorted(isolated.glob("*.json"))[0]
    shutil.copy(first, isolated / "copy-of-the-first.json")  # the same session twice: counted once
    (isolated / "GG-SECRET-98.json").write_text('{"id": "x", "answers": {"context.case": {"value": "GG-SECRET-98 vrije-tekst-98"')
    (isolated / "broken.json").write_text('{"id": "GG-SECRET-99", "answers": "vrije-tekst-99"}')
    return isolated


def expected_counts(directory, libraries):
    """Recomputed from the raw JSON; Walk only decides which prompts applied to each case."""
    raw_sessions, damaged = {}, 0
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text())
            Session.model_validate(data)
        except Exception:
            damaged += 1
            continue
        raw_sessions[data["id"]] = data
    alternatives, later, perspectives, prompts = {}, {}, {}, {}
    for data in raw_sessions.values():
        raw = data["answers"]
        open_in = {}
        for step in Walk(libraries, {k: Answer(**v) for k, v in raw.items()}).steps():
            a = raw.get(step.key)
            answered = a is not None and a["status"] == "answered"
            if step.prompt.kind == "alternative":
                outcome = a["value"]["status"] if answered else "not_answered"
                alternatives.setdefault(step.key, dict.fromkeys(OUTCOMES, 0))[outcome] += 1
            if step.library.id == "kanttekeningen" and a is not None:
                if a["status"] in ("later", "skipped") or (answered and step.prompt.kind == "reflection" and a["value"]["response"] == "later"):
                    later[step.key] = later.get(step.key, 0) + 1
            if step.library.id == "mentaliseren" and step.section.id in ("kind", "ouders"):
                is_open = (
                    not answered
                    or (step.prompt.kind == "reflection" and a["value"]["response"] == "later")
                    or (step.prompt.kind == "alternative" and a["value"]["status"] == "not_considered")
                )
                n_open, n_applied = prompts.get(step.key, (0, 0))
                prompts[step.key] = (n_open + is_open, n_applied + 1)
                open_in[step.section.id] = open_in.get(step.section.id, False) or is_open
        for section_id, any_open in open_in.items():
            n_open, n_applied = perspectives.get(f"mentaliseren.{section_id}", (0, 0))
            perspectives[f"mentaliseren.{section_id}"] = (n_open + any_open, n_applied + 1)
    return len(raw_sessions), damaged, alternatives, later, perspectives, prompts


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


def number(cell):
    return int(cell.split()[-1])


def test_counts_match_the_session_files_and_nothing_personal_comes_out(team, libraries):
    result = runner.invoke(app, ["overview", "-o", "overzicht.md"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output + result.stderr
    counted, damaged, alternatives, later, perspectives, prompts = expected_counts(team, libraries)
    assert counted == SESSIONS and damaged == 2
    md = (team.parent / "overzicht.md").read_text(encoding="utf-8")
    for text in (result.stdout, md):
        assert f"{SESSIONS} sessies geteld." in text
        assert "2 sessies konden niet gelezen worden." in text
    for text in (result.stdout, result.stderr, md):
        assert "GG-SECRET" not in text and "vrije-tekst" not in text

    tables = markdown_tables(md)
    assert tables["Alternatieven"][0][2:] == ["Overwogen en haalbaar", "Overwogen, niet haalbaar", "Niet overwogen", "Niet van toepassing", "Ingezet", "Loopt", "Afgerond", "Niet beantwoord"]
    shown = {row[1].strip("`"): dict(zip(OUTCOMES, map(number, row[2:]))) for row in tables["Alternatieven"][1:]}
    assert shown == alternatives
    assert any(c["not_feasible"] and c["not_considered"] and c["not_answered"] for c in shown.values())  # the data varies
    rows = tables["Kanttekeningen die voor later bleven"][1:]
    assert {row[1].strip("`"): number(row[2]) for row in rows} == later
    assert [number(row[2]) for row in rows] == sorted(later.values(), reverse=True)  # most often first
    assert "█" in rows[0][2] and len(rows[0][2].split()[0]) == 20  # the largest gets the full bar
    assert {row[1].strip("`"): (number(row[2]), number(row[3])) for row in tables["Perspectieven die open bleven"][1:]} == perspectives
    per_prompt = {
        row[1].strip("`"): (number(row[2]), number(row[3]))
        for title, table in tables.items()
        if title.startswith("Perspectieven die open bleven: ")
        for row in table[1:]
    }
    assert per_prompt == prompts
    # the terminal table holds the same counts (COLUMNS=400: no row is wrapped)
    texts = {f"alternatieven.{p.id}": p.text.nl for s in libraries.get("alternatieven").sections for p in s.prompts}
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in result.stdout.splitlines() if line.startswith("│")]
    terminal = {row[0]: list(map(int, row[1:])) for row in cells if len(row) == 6}
    for key, counts in alternatives.items():
        if key in texts:
            assert terminal[texts[key]] == [counts[o] for o in OUTCOMES], key


def test_english_from_a_folder_argument(team, libraries, tmp_path):
    result = runner.invoke(app, ["overview", str(team), "--lang", "en", "-o", "overview.md"])
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "overview.md").read_text(encoding="utf-8")
    assert f"{SESSIONS} sessions counted." in result.stdout and "2 sessions could not be read." in md
    assert "Considered, not feasible" in md and libraries.get("alternatieven").sections[0].prompts[0].text.en in md
    assert "GG-SECRET" not in md + result.stdout and "vrije-tekst" not in md + result.stdout


def test_markdown_is_private_and_never_overwritten_without_force(team, tmp_path):
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


def test_an_empty_folder_and_a_missing_one(tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["overview", str(tmp_path / "empty")])
    assert result.exit_code == 0 and "0 sessies geteld." in result.stdout and "niet gelezen" not in result.stdout
    result = runner.invoke(app, ["overview", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "geen map met sessies" in result.stderr


def test_team_voices_are_counted_without_crashing(tmp_path, libraries):
    from goedgenoeg import session as sessions
    from goedgenoeg.models import Answer
    from goedgenoeg.overview import count

    session = sessions.new_session(libraries, "nl")
    key = next(f"alternatieven.{p.id}" for s in libraries.get("alternatieven").sections for p in s.prompts)
    session.answers[key] = Answer(status="answered", voices={"An": {"status": "feasible", "note": ""}, "Bo": {"status": "not_considered", "note": ""}})
    overview = count([session], libraries)
    assert overview.alternatives[key]["feasible"] == 1 and overview.alternatives[key]["not_considered"] == 1
