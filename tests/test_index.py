"""Issue 25: a caseworker's year and a team's shared folder. The index of a sessions folder (read
only the files that changed), a session found by its case reference, `sessions` as a table,
tab completion, and housekeeping (--older-than, archive). Work is counted (session files read),
never seconds."""

import json
import os
import stat
from datetime import datetime, timedelta

import pytest

from goedgenoeg import index, session as sessions
from goedgenoeg.cli import app
from many_sessions import case_of, id_of, write_sessions


@pytest.fixture
def reads(monkeypatch):
    """How many session files were read (session.load, which index.py calls for a changed file)."""
    counted = []
    real = sessions.load

    def load(path):
        counted.append(path)
        return real(path)

    monkeypatch.setattr(sessions, "load", load)
    return counted


def index_file(directory):
    where = index.index_path(directory)
    assert where is not None
    return where


def test_a_year_of_2000_sessions_is_read_once_then_only_what_changed(isolated, runner, reads):
    paths = write_sessions(isolated, 2000, answers=8)
    first = runner.invoke(app, ["sessions"])
    assert first.exit_code == 0 and len(reads) == 2000
    assert len(first.stdout.splitlines()) == 2001  # the header and one row each
    where = index_file(isolated)
    assert stat.S_IMODE(where.stat().st_mode) == 0o600 and not where.is_relative_to(isolated)
    reads.clear()
    again = runner.invoke(app, ["sessions"])
    assert again.stdout == first.stdout and reads == []  # nothing read the second time
    overview = runner.invoke(app, ["overview", "--json"])
    assert overview.exit_code == 0 and reads == [] and json.loads(overview.stdout)["sessions"] == 2000
    # one file changes: only that one is read again, and what it says now is shown
    data = json.loads(paths[7].read_text())
    data["answers"]["context.case"]["value"] = "OCJ-LIM-0412"
    paths[7].write_text(json.dumps(data))
    after = runner.invoke(app, ["sessions"])
    assert reads == [paths[7]] and "OCJ-LIM-0412" in after.stdout and after.stderr == ""


def test_the_overview_from_the_index_counts_as_reading_every_file(isolated, runner, monkeypatch):
    write_sessions(isolated, 60, answers=40)
    first = runner.invoke(app, ["overview", "--json"]).stdout
    from_index = runner.invoke(app, ["overview", "--json"]).stdout
    monkeypatch.setenv("GOEDGENOEG_NO_CACHE", "1")
    every_file = runner.invoke(app, ["overview", "--json"]).stdout
    assert first == from_index == every_file and json.loads(every_file)["cases"] == 48


def test_a_removed_file_a_damaged_a_foreign_and_an_older_index_are_rebuilt_with_one_line(isolated, runner, reads):
    paths = write_sessions(isolated, 30)
    runner.invoke(app, ["sessions"])
    where = index_file(isolated)
    paths[3].unlink()
    reads.clear()
    gone = runner.invoke(app, ["sessions"])
    assert reads == [] and paths[3].stem not in gone.stdout
    assert gone.stderr.strip() == "De index van de sessies noemde bestanden die er niet meer zijn; bijgewerkt uit de map."
    assert runner.invoke(app, ["sessions"]).stderr == ""  # said once: the index is right again

    where.write_bytes(where.read_bytes()[:500])  # cut off
    damaged = runner.invoke(app, ["sessions"], env={"GOEDGENOEG_LANG": "en"})
    assert damaged.stderr.strip() == "The index of the sessions was damaged; rebuilt from the files."
    assert len(reads) == 29 and damaged.stdout.count("\n") == 30

    data = json.loads(where.read_text())
    data["version"] = "0.0.1"
    where.write_text(json.dumps(data))
    where.chmod(0o600)
    older = runner.invoke(app, ["sessions"])
    assert "andere versie van goedgenoeg; opnieuw opgebouwd" in older.stderr and len(reads) == 58

    where.chmod(0o666)  # others could have written it
    foreign = runner.invoke(app, ["sessions"])
    assert "niet van jou alleen; opnieuw opgebouwd" in foreign.stderr and len(reads) == 87
    assert stat.S_IMODE(where.stat().st_mode) == 0o600
    assert foreign.stdout == older.stdout


def test_reflect_offers_the_unfinished_ones_from_the_index(isolated, runner, reads, monkeypatch):
    write_sessions(isolated, 40)
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    runner.invoke(app, ["sessions"])
    reads.clear()
    result = runner.invoke(app, ["reflect"], input="n\n")
    assert "Niet afgemaakte reflecties:" in result.stdout and case_of(39) in result.stdout
    assert reads == []  # the first screen read no session file


def test_a_case_reference_finds_one_session_lists_several_and_says_none(isolated, runner, tmp_path):
    write_sessions(isolated, 12)
    one = runner.invoke(app, ["record", case_of(5), "-o", str(tmp_path / "r.md")])
    assert one.exit_code == 0 and f"# Reflectie: {case_of(5)}" in (tmp_path / "r.md").read_text()
    assert runner.invoke(app, ["record", case_of(5).lower()]).exit_code == 0  # as typed, in any case
    # OCJ-GEN-0003 has a follow-up (0004): both listed with date, kind and status, none opened
    several = runner.invoke(app, ["record", case_of(3), "-o", str(tmp_path / "s.md")])
    assert several.exit_code == 1 and not (tmp_path / "s.md").exists() and several.stdout == ""
    lines = several.stderr.splitlines()
    assert lines[0] == "Casus 'OCJ-GEN-0003' past bij 2 sessies; er is er geen geopend. Geef de id van de sessie die je bedoelt:"
    assert lines[1] == f"  {id_of(3)}  2025-01-06  reflectie  bezig"
    assert lines[2] == f"  {id_of(4)}  2025-01-07  vervolg  kort pad rond, volledig pad open"
    none = runner.invoke(app, ["record", "OCJ-LIM-9999"])
    assert none.exit_code == 1 and "Geen sessie 'OCJ-LIM-9999'" in none.stderr and "geen id en geen casus" in none.stderr


def test_wildcards_are_taken_literally_and_control_characters_shown_cleaned(isolated, runner):
    write_sessions(isolated, 6)
    for given in ("OCJ-GEN-*", "2025*", "*", "OCJ-GEN-000?"):
        result = runner.invoke(app, ["record", given])
        assert result.exit_code == 1 and f"Geen sessie '{given}'" in result.stderr, given
    odd = runner.invoke(app, ["record", "OCJ\x1b[31m-GEN\x07-0001"])
    assert odd.exit_code == 1 and "\x1b" not in odd.stderr and "\x07" not in odd.stderr and "'OCJ-GEN-0001'" in odd.stderr


def test_resume_and_followup_take_a_case_reference(isolated, runner, monkeypatch):
    write_sessions(isolated, 12)
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    resumed = runner.invoke(app, ["resume", case_of(7)], input="!stop\n")
    assert f"Verder met sessie {id_of(7)} ({case_of(7)})" in resumed.stdout
    followed = runner.invoke(app, ["followup", case_of(6)], input="!stop\n")
    assert f"Vervolg op de reflectie van 2025-01-07 ({id_of(6)})" in followed.stdout, followed.stdout
    several = runner.invoke(app, ["followup", case_of(8)])
    assert several.exit_code == 1 and "past bij 2 sessies" in several.stderr


def test_sessions_is_a_table_with_the_case_first_and_json_for_scripts(isolated, runner):
    paths = write_sessions(isolated, 4, answers=40)
    table = runner.invoke(app, ["sessions"]).stdout.splitlines()
    assert table[0].split() == ["casus", "sessie", "laatst", "beantwoord", "stand"]
    assert table[1].split()[:2] == [case_of(3), id_of(3)] and table[1].endswith("  bezig")
    # out of the prompts of its path, as the libraries ask them for its context
    from goedgenoeg.library import load_all
    from goedgenoeg.walk import Walk

    libraries = load_all([])
    full, short = (
        len(Walk(libraries, sessions.load(paths[n]).answers, path=path).steps()) for n, path in ((0, "full"), (2, "short"))
    )
    assert f"31 van {full} beantwoord (2 open)" in table[4] and table[4].endswith("  afgerond")  # the full path
    assert f"9 van {short} beantwoord (1 open)" in table[2] and table[2].endswith("  kort pad rond, volledig pad open")
    assert runner.invoke(app, ["sessions", "--plain"]).stdout.splitlines() == table
    english = runner.invoke(app, ["sessions", "--lang", "en"]).stdout.splitlines()
    assert english[0].split() == ["case", "session", "last", "answered", "status"]
    assert f"9 of {short} answered (1 open)" in english[2] and english[2].endswith("short path done, full path open")
    data = json.loads(runner.invoke(app, ["sessions", "--json"]).stdout)
    assert [s["id"] for s in data["sessions"]] == [id_of(n) for n in (3, 2, 1, 0)] and data["problems"] == []
    assert data["sessions"][1] | {"created": "", "updated": ""} == {
        "case": case_of(2),
        "id": id_of(2),
        "file": f"{id_of(2)}.json",
        "kind": "first",
        "created": "",
        "updated": "",
        "answered": 9,
        "open": 1,
        "total": short,
        "path": "short",
        "status": "short_done",
    }


def test_resume_after_a_finished_short_path_offers_the_full_path(isolated, runner, monkeypatch):
    write_sessions(isolated, 3)  # the latest (2) is done on the short path
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    os.remove(isolated / f"{id_of(0)}.json")
    result = runner.invoke(app, ["resume"])
    assert result.exit_code == 1 and "Er is geen niet afgemaakte sessie" not in result.stderr
    assert f"De laatste reflectie, {case_of(2)} ({id_of(2)}), is rond op het korte pad" in result.stderr
    assert f"resume {id_of(2)} --path full" in result.stderr


def complete(runner, words, env=None):
    """The candidates typer's bash completion gives for COMP_WORDS (the last word being typed)."""
    line = " ".join(words)
    given = {"_GOEDGENOEG_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = runner.invoke(app, [], env={**given, **(env or {})}, prog_name="goedgenoeg")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_tab_completes_session_ids_case_references_and_option_values(isolated, runner, reads):
    write_sessions(isolated, 12)
    runner.invoke(app, ["sessions"])  # the index knows the case references
    reads.clear()
    for command in ("record", "resume", "followup", "archive"):
        expected = ["OCJ-GEN-0008", "OCJ-GEN-0007", "OCJ-GEN-0006", "OCJ-GEN-0005", "OCJ-GEN-0003", "OCJ-GEN-0002"]
        assert complete(runner, ["goedgenoeg", command, "OCJ-GEN-000"]) == [*expected, "OCJ-GEN-0001", "OCJ-GEN-0000"]
    assert complete(runner, ["goedgenoeg", "record", "OCJ-GEN-001"]) == [case_of(11), case_of(10)]
    assert complete(runner, ["goedgenoeg", "record", "2025010"])[:2] == [id_of(11), id_of(10)]
    assert reads == []  # no session file read
    assert complete(runner, ["goedgenoeg", "preview", "--decision", "placement,m"]) == ["placement,measure"]
    assert complete(runner, ["goedgenoeg", "preview", "--age", "1"]) == ["1-3", "12-18"]
    assert complete(runner, ["goedgenoeg", "preview", "--region", ""]) == ["flanders", "netherlands"]
    assert complete(runner, ["goedgenoeg", "preview", "--who", "d"]) == ["duo"]
    assert complete(runner, ["goedgenoeg", "record", "--format", "d"]) == ["docx"]
    assert complete(runner, ["goedgenoeg", "sessions", "--lang", ""]) == ["nl", "en"]


def set_updated(path, when):
    data = json.loads(path.read_text())
    data["updated"] = when.isoformat(timespec="seconds")
    path.write_text(json.dumps(data))


def test_older_than_lists_what_a_retention_rule_would_remove_and_removes_nothing(isolated, runner):
    paths = write_sessions(isolated, 5)
    now = datetime.now().astimezone()
    for n, days in enumerate((800, 400, 100, 20, 1)):
        set_updated(paths[n], now - timedelta(days=days))
    two_years = runner.invoke(app, ["sessions", "--older-than", "2y"]).stdout
    assert id_of(0) in two_years and id_of(1) not in two_years and "1 sessies zijn voor het laatst bijgewerkt" in two_years
    assert "Er is niets verplaatst of verwijderd." in two_years
    six_months = runner.invoke(app, ["sessions", "--older-than", "6m"]).stdout
    assert [id_of(n) in six_months for n in range(5)] == [True, True, False, False, False]
    thirty = json.loads(runner.invoke(app, ["sessions", "--older-than", "30d", "--json"]).stdout)
    assert [s["id"] for s in thirty["sessions"]] == [id_of(2), id_of(1), id_of(0)]
    assert all(p.exists() for p in paths)
    bad = runner.invoke(app, ["sessions", "--older-than", "2x"])
    assert bad.exit_code == 2 and "bijvoorbeeld 2y, 6m of 30d (niet '2x')" in bad.stderr


def test_archive_moves_finished_sessions_beside_them_owner_only(isolated, runner):
    paths = write_sessions(isolated, 5)
    result = runner.invoke(app, ["archive", id_of(0), id_of(1)])
    archive = isolated / "archief"
    assert result.exit_code == 0 and result.stdout.strip() == f"2 sessies verplaatst naar {archive}"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o700
    assert sorted(p.name for p in archive.iterdir()) == [paths[0].name, paths[1].name]
    assert not paths[0].exists() and not paths[1].exists()
    listed = runner.invoke(app, ["sessions"])
    assert id_of(0) not in listed.stdout and listed.stderr == ""  # the index knows they moved
    unfinished = runner.invoke(app, ["archive", id_of(3)])  # one in four is not finished
    assert unfinished.exit_code == 1 and paths[3].exists() and "nog niet afgerond" in unfinished.stderr


def test_nothing_is_deleted_without_delete_and_a_confirmation(isolated, runner, monkeypatch):
    paths = write_sessions(isolated, 3)
    refused = runner.invoke(app, ["archive", id_of(0), "--delete"])  # no terminal to ask in
    assert refused.exit_code == 2 and paths[0].exists() and "zonder terminal alleen met --yes" in refused.stderr
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    said_no = runner.invoke(app, ["archive", id_of(0), "--delete"], input="n\n")
    assert said_no.exit_code == 1 and paths[0].exists() and "definitief verwijderen" in said_no.stdout
    runner.invoke(app, ["archive", id_of(1)])
    said_yes = runner.invoke(app, ["archive", id_of(0), id_of(1), "--delete"], input="j\n")
    assert said_yes.exit_code == 0 and "2 sessies definitief verwijderd" in said_yes.stdout
    assert not paths[0].exists() and not (isolated / "archief" / paths[1].name).exists() and paths[2].exists()
    monkeypatch.delenv("GOEDGENOEG_FORCE_INTERACTIVE")
    assert runner.invoke(app, ["archive", id_of(2), "--delete", "--yes"]).exit_code == 0 and not paths[2].exists()
