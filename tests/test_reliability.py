"""Nothing lost, nothing leaked (issue 11): paste, two windows, odd files, full disks, escape codes."""

import json
import os
import re
import time

import pexpect
import pytest


def only_session(sessions):
    files = sorted(sessions.glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


def wait_for(predicate, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


# --- 1. a paste is one answer ------------------------------------------------------------


def test_a_pasted_block_is_one_answer_and_does_not_answer_the_next_questions(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")  # the case reference
    child.send("Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n")
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")  # the next question is asked, not answered
    assert wait_for(lambda: "context.case" in only_session(sessions)["answers"])
    answers = only_session(sessions)["answers"]
    assert answers["context.case"]["value"] == "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea."
    assert set(answers) == {"context.case"}
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_a_paste_at_a_one_line_question_is_refused_there_and_asked_again(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("GG-1")
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")  # the decision: one number expected
    child.send("1\n2\n3\n")
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")  # asked again
    time.sleep(0.5)
    answers = only_session(sessions)["answers"]
    assert set(answers) == {"context.case"}  # nothing spilled into the next questions
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_a_typed_answer_is_not_kept_waiting_and_a_paste_is_still_gathered_whole(monkeypatch):
    """Issue 15: the paste check waited 30 ms after every answer. It now looks without waiting
    whether more input came along; only a line that brought more (a paste) waits for the rest."""
    import io

    from rich.console import Console

    from goedgenoeg import ask

    console = Console(file=io.StringIO(), width=200)
    asker = ask.TerminalAsker(console, "nl")
    asker.editing = False
    waits: list[float] = []
    pending: list[str] = []

    def waiting(wait: float = 0.03) -> bool:
        waits.append(wait)
        return bool(pending)

    monkeypatch.setattr(ask, "_waiting", waiting)
    monkeypatch.setattr(console, "input", lambda *a, **k: "getypt")
    assert asker._input("Je antwoord") == "getypt"
    assert waits == [0.0]  # one look, no wait

    waits.clear()
    pending[:] = ["tweede regel", "derde regel"]
    monkeypatch.setattr("builtins.input", lambda *a: pending.pop(0))
    monkeypatch.setattr(console, "input", lambda *a, **k: "eerste regel")
    assert asker._input("Je antwoord") == "eerste regel\ntweede regel\nderde regel"
    assert waits[0] == 0.0 and len(waits) == 3 and all(w > 0 for w in waits[1:])  # then it waits for the rest


# --- 2. two windows on one session --------------------------------------------------------


def started_session(spawn, sessions, case="GG-2"):
    """A reflection with its case reference answered, stopped; returns its id."""
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline(case)
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(r"goedgenoeg resume (\S+)")
    session_id = child.match.group(1)
    child.expect(pexpect.EOF)
    return session_id


def test_a_second_window_on_an_open_session_is_told_and_saves_nothing(tmp_path, spawn):
    sessions = tmp_path / "s"
    session_id = started_session(spawn, sessions)
    first = spawn(["resume", session_id], sessions)
    first.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    second = spawn(["resume", session_id], sessions)
    second.expect("al open in een ander venster")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 1
    first.sendline("1")  # the first window goes on and its answer is kept
    first.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    assert wait_for(lambda: "context.decision" in only_session(sessions)["answers"])
    # a kill -9 leaves no lock behind: the session opens again at once
    first.kill(9)
    first.close()
    again = spawn(["resume", session_id], sessions)
    again.expect("Verder met sessie")
    again.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    again.sendline("!stop")
    again.expect(pexpect.EOF)


# --- 8. the file you open is the file you save ---------------------------------------------


def test_resuming_a_copy_saves_into_the_copy_and_the_id_still_finds_the_original(tmp_path, spawn):
    sessions = tmp_path / "s"
    session_id = started_session(spawn, sessions)
    original = sessions / f"{session_id}.json"
    copy = sessions / f"{session_id} (kopie).json"
    copy.write_bytes(original.read_bytes())
    before = original.read_bytes()
    child = spawn(["resume", str(copy)], sessions)
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    child.sendline("1")
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    child.sendline("!stop")
    child.expect("goedgenoeg resume ")
    child.expect("kopie")  # the way back is to the copy, not to the original
    child.expect(pexpect.EOF)
    assert original.read_bytes() == before
    assert "context.decision" in json.loads(copy.read_text(encoding="utf-8"))["answers"]
    child = spawn(["resume", session_id], sessions)
    child.expect("Verder met sessie")
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")  # the original, still without a decision
    child.sendline("!stop")
    child.expect(pexpect.EOF)


# --- 5. a full disk, a read-only folder, a dangling symlink ---------------------------------


from goedgenoeg.cli import app  # noqa: E402


def failing_writes(monkeypatch, times):
    """The disk is full for the next `times` saves that hold the case reference."""
    import errno

    import goedgenoeg.session as session_module

    real = session_module.write_private
    left = {"n": times}

    def write(path, data, overwrite=True):
        if b"context.case" in data and left["n"] > 0:
            left["n"] -= 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data, overwrite)

    monkeypatch.setattr(session_module, "write_private", write)


def test_a_full_disk_keeps_the_answer_and_saves_it_when_tried_again(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    failing_writes(monkeypatch, 2)
    result = runner.invoke(app, ["reflect", "--path", "full"], input="GG-VOL\n\n\n!stop\n")
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    said = " ".join(result.output.split())
    assert said.count("kon niet bewaard worden") == 2
    assert "opnieuw te proberen" in said
    assert only_session(isolated)["answers"]["context.case"]["value"] == "GG-VOL"


def test_stopping_after_a_failed_save_says_what_is_saved(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    failing_writes(monkeypatch, 99)
    result = runner.invoke(app, ["reflect", "--path", "full"], input="GG-VOL\n!stop\n")
    assert result.exit_code == 130
    said = " ".join(result.output.split())
    assert "Je laatste antwoord kon niet bewaard worden" in said
    assert "Je antwoorden zijn bewaard" not in said
    assert "context.case" not in only_session(isolated)["answers"]


@pytest.mark.parametrize("make", ["dangling_symlink", "a_file"])
def test_an_unusable_sessions_folder_gets_a_message_not_a_traceback(tmp_path, monkeypatch, make, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    target = tmp_path / "sessies"
    if make == "dangling_symlink":
        target.symlink_to(tmp_path / "gone")
    else:
        target.write_text("not a folder")
    monkeypatch.setenv("GOEDGENOEG_SESSIONS_DIR", str(target))
    result = runner.invoke(app, ["reflect", "--path", "full"], input="GG-1\n!stop\n")
    assert result.exit_code == 1
    assert "De map voor sessies kan niet gebruikt worden" in " ".join(result.output.split())
    assert not isinstance(result.exception, OSError)


# --- 3. an answers file keeps typed text ------------------------------------------------------

ANSWERS_AS_TYPED = """\
context.case: 0123
context.decision: placement
context.age: 3-6
context.region: netherlands
context.who: alone
context.role: 12:30:00
"""


def test_an_answers_file_keeps_exactly_what_was_typed(tmp_path, isolated, runner):
    path = tmp_path / "antwoorden.yaml"
    path.write_text(ANSWERS_AS_TYPED, encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    answers = only_session(isolated)["answers"]
    assert answers["context.case"]["value"] == "0123"
    assert answers["context.role"]["value"] == "12:30:00"
    assert "0123" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_bsn_in_an_answers_file_stays_itself_and_is_found(tmp_path, isolated, runner):
    path = tmp_path / "antwoorden.yaml"
    # 012345672 is a valid BSN, and to YAML 1.1 an octal number (2739130): it must stay itself
    text = ANSWERS_AS_TYPED.replace("context.case: 0123", "context.case: 012345672")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    assert only_session(isolated)["answers"]["context.case"]["value"] == "012345672"
    assert "mogelijk persoonsgegevens in context.case" in result.output


# --- 12. an endless answers file -------------------------------------------------------------


def test_an_endless_answers_file_is_read_only_up_to_the_limit(tmp_path, isolated):
    """Under a memory limit of 1 GB: a reader without a limit ends in a MemoryError (exit 1 and
    a traceback) instead of the tool's own message; no clock is needed to tell them apart."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "goedgenoeg", "reflect", "--answers", "/dev/zero"],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "geen gewoon bestand" in done.stdout + done.stderr


def test_a_four_megabyte_answers_file_is_refused_at_once_not_checked_for_a_minute(tmp_path, isolated, runner):
    # More than anyone types for one reflection: refused before it is read into answers (issue 22, 15);
    # tests/test_shared_files.py holds that nothing of it is checked and that a long one is still taken.
    body = ("Moeder belt 06-12345678, BSN 123456782, mail jan@example.nl. " + "woorden " * 40 + "\n") * 10_000
    lines = "".join("  " + line + "\n" for line in body.splitlines())
    path = tmp_path / "groot.yaml"
    path.write_text(ANSWERS_AS_TYPED.replace("context.role: 12:30:00\n", "context.role: |\n" + lines), encoding="utf-8")
    assert path.stat().st_size > 3_500_000
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 2, result.output
    assert "groter dan 1024 KiB" in result.stderr and "Er is niets bewaard" in result.stderr
    assert not (tmp_path / "r.md").exists()


# --- 7. record -o creates the file exclusively -------------------------------------------


def test_a_file_that_appears_while_the_record_is_written_is_not_overwritten(tmp_path, monkeypatch):
    from goedgenoeg import files

    target = tmp_path / "verslag.md"
    real_fsync = os.fsync

    def other_writer_finishes_now(fd):  # another process creates the file at the last moment
        real_fsync(fd)
        if not target.exists():
            target.write_text("van een collega")

    monkeypatch.setattr(files.os, "fsync", other_writer_finishes_now)
    monkeypatch.setattr(files.Path, "exists", lambda self: False)  # the check-first moment has passed
    with pytest.raises(FileExistsError):
        files.write_private(target, b"ons verslag", overwrite=False)
    monkeypatch.undo()
    assert target.read_text() == "van een collega"
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.md"]  # no temporary file left


def test_simultaneous_record_writers_only_one_is_told_written(tmp_path, spawn):
    sessions = tmp_path / "s"
    session_id = started_session(spawn, sessions)
    out = tmp_path / "verslag.md"
    procs = [spawn.run(["record", session_id, "-o", str(out)], sessions) for _ in range(12)]
    said = [p.communicate()[0] for p in procs]
    assert sum("Verslag geschreven" in s for s in said) == 1
    assert sum(p.returncode == 1 for p in procs) == 11


# --- 6. an answer is saved before it is checked ------------------------------------------------


def test_an_answer_is_on_disk_before_the_personal_data_question(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("dossier van kind met BSN 111222333")
    child.expect(r"Antwoord aanpassen\? \[j/n\]: ")
    assert only_session(sessions)["answers"]["context.case"]["value"] == "dossier van kind met BSN 111222333"
    child.kill(9)  # the window closes at the question: the answer is not lost
    child.close()
    assert only_session(sessions)["answers"]["context.case"]["value"] == "dossier van kind met BSN 111222333"


# --- 10. folders the tool did not create keep their permissions --------------------------------


def test_an_existing_shared_sessions_folder_keeps_its_permissions(tmp_path, libraries):
    from goedgenoeg import session as sessions

    shared = tmp_path / "team"
    shared.mkdir()
    os.chmod(shared, 0o2775)
    session = sessions.new_session(libraries, "nl")
    sessions.save(session, shared)
    assert oct(shared.stat().st_mode & 0o7777) == "0o2775"
    assert oct(sessions.path_of(shared, session.id).stat().st_mode & 0o777) == "0o600"


def test_parents_the_tool_creates_are_owner_only_under_umask_000(tmp_path, libraries):
    from goedgenoeg import session as sessions

    old = os.umask(0)
    try:
        sessions.save(sessions.new_session(libraries, "nl"), tmp_path / "a" / "b" / "sessions")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "sessions"):
        assert oct(folder.stat().st_mode & 0o777) == "0o700", folder


# --- 11. temporary files of a killed save are cleaned up ---------------------------------------


def test_a_temporary_file_left_by_a_killed_save_is_removed_on_the_next_start(tmp_path, spawn):
    sessions = tmp_path / "s"
    session_id = started_session(spawn, sessions)
    left = sessions / f".{session_id}.json.k3x9.tmp"
    left.write_text('{"answers": "alles"}')
    other = sessions / ".20990101-0000-beef.json.a1b2.tmp"  # another session's, also stale
    other.write_text("{}")
    child = spawn(["resume", session_id], sessions)
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    assert not left.exists() and not other.exists()
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_a_temporary_file_of_a_session_open_elsewhere_is_left_alone(tmp_path):
    from goedgenoeg import session as sessions

    tmp_path.joinpath("x.json").write_text("{}")
    busy = tmp_path / ".x.json.zz.tmp"
    busy.write_text("{}")
    lock = sessions.hold(tmp_path / "x.json")
    try:
        import subprocess
        import sys

        code = (
            f"from goedgenoeg import session; from pathlib import Path; print(session.clean_leftovers(Path({str(tmp_path)!r})))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    finally:
        lock.release()
    assert out.strip() == "0" and busy.exists()


def test_a_held_session_is_busy_for_a_second_holder_until_released_and_its_lock_file_is_private(tmp_path):
    from goedgenoeg import session as sessions

    first = sessions.hold(tmp_path / "x.json")
    with pytest.raises(sessions.SessionBusy):
        sessions.hold(tmp_path / "x.json")
    first.release()
    first.release()  # twice is harmless
    again = sessions.hold(tmp_path / "x.json")
    again.release()
    if os.name == "posix":
        assert sessions.lock_path(tmp_path / "x.json").stat().st_mode & 0o777 == 0o600


# --- 13. no escape sequence from answers or libraries reaches the screen or a record -----------


@pytest.mark.parametrize("plain", [False, True])
def test_an_answer_is_shown_as_typed_emoji_codes_included(plain):
    from goedgenoeg.ask import TerminalAsker
    from goedgenoeg.console import make_console

    console = make_console(plain)
    with console.capture() as shown:
        TerminalAsker(console, "nl").say("Moeder zei :smile: en :+1: (letterlijk)")
    assert "Moeder zei :smile: en :+1: (letterlijk)" in shown.get()


HOSTILE = "GG\x1b]0;TITEL\x07-1\x1b[2J\x00\x07"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def hostile_session(libraries, sessions_dir):
    from goedgenoeg import session as sessions
    from goedgenoeg.models import Answer

    session = sessions.new_session(libraries, "nl")
    for key, value in {
        "context.case": HOSTILE,
        "context.decision": "placement",
        "context.age": "3-6",
        "context.region": "netherlands",
        "context.who": "alone",
        "context.role": "coach\x1b[31m rood",
    }.items():
        session.answers[key] = Answer(status="answered", value=value)
    sessions.save(session, sessions_dir)
    return session


def test_sessions_list_and_records_carry_no_control_characters(libraries, isolated, tmp_path, runner):
    session = hostile_session(libraries, isolated)
    listed = runner.invoke(app, ["sessions"])
    assert listed.exit_code == 0 and "GG" in listed.output
    assert not CONTROL.search(listed.output)
    record = runner.invoke(app, ["record", session.id, "--full"])
    assert record.exit_code == 0 and "GG" in record.output
    assert not CONTROL.search(record.output.replace("\n", "").replace("\t", ""))
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["record", session.id, "--format", "html", "-o", str(out)]).exit_code == 0
    assert not CONTROL.search(out.read_text(encoding="utf-8").replace("\n", "").replace("\t", ""))
    docx = tmp_path / "r.docx"
    result = runner.invoke(app, ["record", session.id, "--format", "docx", "-o", str(docx)])
    assert result.exit_code == 0, result.output


def test_library_texts_with_escape_codes_are_shown_without_them(tmp_path, runner):
    from goedgenoeg.library import bundled_dir

    text = (bundled_dir() / "netwerk.yaml").read_text(encoding="utf-8")
    text = text.replace("id: netwerk", "id: eigen-netwerk", 1).replace(
        "nl: Het netwerk", 'nl: "Het \\e]0;weg\\a\\e[2Jnetwerk"', 1
    )
    lib = tmp_path / "eigen.yaml"
    lib.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["libraries", "list", "--library", str(lib)])
    assert result.exit_code == 0, result.output
    assert "Het netwerk" in result.output
    assert not CONTROL.search(result.output)


def test_the_greeting_and_previous_answer_show_no_escape_codes(libraries, tmp_path, spawn):
    import io

    sessions = tmp_path / "s"
    session = hostile_session(libraries, sessions)
    child = spawn(["resume", session.id, "--path", "full"], sessions)
    child.logfile_read = transcript = io.StringIO()
    child.expect("Verder met sessie")
    child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
    for _ in range(3):  # back to the context questions: their earlier answers are shown
        child.sendline("<")
        child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    seen = transcript.getvalue()
    assert "GG" in seen and "Vorig antwoord" in seen
    assert "\x1b]0;TITEL" not in seen and "\x1b[2J" not in seen and "\x1b[31m" not in seen
    assert "\x07" not in seen and "\x00" not in seen


# --- 14. a crash prints no local variables -----------------------------------------------------


def test_a_crash_does_not_print_the_case_data_held_in_variables(tmp_path):
    import subprocess
    import sys

    code = (
        "import goedgenoeg.session as s\n"
        "def boom(*args, **kwargs):\n"
        "    raise RuntimeError('kapot')\n"
        "s.find = boom\n"
        "from goedgenoeg.cli import app\n"
        "app(['record', 'GEHEIM-KIND-Janssens'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_TYPER_STANDARD_TRACEBACK"}
    env.update(GOEDGENOEG_SESSIONS_DIR=str(tmp_path), TERM="xterm", COLUMNS="200")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode != 0
    assert "kapot" in done.stderr  # the crash itself is shown
    assert "GEHEIM-KIND-Janssens" not in done.stderr + done.stdout
    # newer typer versions show no locals by default, the oldest allowed ones do: say it ourselves
    assert app.pretty_exceptions_show_locals is False


# --- 4. a line longer than the terminal's line buffer -------------------------------------------


def test_a_line_of_five_thousand_characters_is_kept_whole(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    long_line = "abcdefghij" * 500
    child.sendline(long_line)
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    assert only_session(sessions)["answers"]["context.case"]["value"] == long_line
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_without_line_editing_a_line_at_the_terminal_limit_is_said_to_be_cut(monkeypatch):
    import io

    from rich.console import Console

    from goedgenoeg.ask import LINE_LIMIT, TerminalAsker

    out = io.StringIO()
    console = Console(file=out, width=200)
    asker = TerminalAsker(console, "nl")
    asker.editing = False
    monkeypatch.setattr(console, "input", lambda *a, **k: "x" * LINE_LIMIT)
    assert asker._input("Je antwoord") == "x" * LINE_LIMIT
    said = " ".join(out.getvalue().split())
    assert "afgeknipt" in said and "!multi" in said and "!edit" in said
    out.truncate(0)
    monkeypatch.setattr(console, "input", lambda *a, **k: "kort")
    asker._input("Je antwoord")
    assert "afgeknipt" not in out.getvalue()


# --- 16. the terminal: arrow keys, UTF-8 output, a file held by another program -------------------


def test_the_arrow_keys_move_in_the_line_instead_of_typing_escape_codes(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.send("GG-13\x1b[D\x1b[DX\r")  # two to the left, then an X
    child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
    assert only_session(sessions)["answers"]["context.case"]["value"] == "GG-X13"
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_a_record_redirected_from_a_cp1252_console_is_written_whole_in_utf8(libraries, isolated, tmp_path):
    import subprocess
    import sys

    from goedgenoeg import session as sessions
    from goedgenoeg.models import Answer

    session = sessions.new_session(libraries, "nl")
    session.answers["context.case"] = Answer(status="answered", value="Zoë Őrs ✓ — 漢")
    sessions.save(session, isolated)
    env = dict(os.environ, PYTHONIOENCODING="cp1252", GOEDGENOEG_SESSIONS_DIR=str(isolated))
    out = tmp_path / "verslag.md"
    with open(out, "wb") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "goedgenoeg", "record", session.id], stdout=handle, stderr=subprocess.PIPE, env=env
        )
    assert done.returncode == 0, done.stderr
    assert "Zoë Őrs ✓ — 漢" in out.read_text(encoding="utf-8")


def test_a_save_tries_again_while_another_program_holds_the_file(tmp_path, monkeypatch):
    from goedgenoeg import files

    real = os.replace
    tries = {"n": 0}

    def held(src, dst):
        tries["n"] += 1
        if tries["n"] <= 2:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", held)
    files.write_private(tmp_path / "s.json", b"{}")
    assert (tmp_path / "s.json").read_bytes() == b"{}" and tries["n"] == 3


# --- 9. team voices ------------------------------------------------------------------------------


def team_answers():
    from goedgenoeg.models import Answer

    people = [{"name": n, "organisation": "CKG", "role": "coach", "meeting_role": "member"} for n in ("An", "Bo", "Cy")]
    return {
        "context.who": Answer(status="answered", value="team"),
        "overleg.deelnemers": Answer(status="answered", value=people),
    }


def team_asker(libraries, answers, inputs):
    import io

    from rich.console import Console

    from goedgenoeg.ask import TerminalAsker
    from goedgenoeg.walk import Walk

    console = Console(file=io.StringIO(), width=200)
    feed = iter(inputs)
    console.input = lambda *a, **k: next(feed)
    asker = TerminalAsker(console, "nl")
    walk = Walk(libraries, answers, path="full")
    asker.walk = walk
    step = next(
        s for s in walk.steps() if s.prompt.kind == "text" and s.library.id not in ("context", "overleg") and asker._names(s)
    )
    return asker, walk, step


def test_skipping_one_persons_voice_keeps_the_voices_given_before(libraries):
    answers = team_answers()
    asker, walk, step = team_asker(libraries, answers, ["!stemmen", "An zegt ja", ">", "Cy twijfelt"])
    reply = asker.ask(step, walk.position(walk.index_of(step.key)), None)
    assert reply.action == "answer"
    assert reply.voices == {"An": "An zegt ja", "Cy": "Cy twijfelt"}


def test_a_group_answer_is_not_recorded_for_someone_who_said_nothing(libraries):
    from goedgenoeg.models import Answer

    answers = team_answers()
    asker, walk, step = team_asker(libraries, answers, ["!stemmen", "", "Bo is het eens", ""])
    previous = Answer(status="answered", value="Weet ik niet")
    reply = asker.ask(step, walk.position(walk.index_of(step.key)), previous)
    assert reply.voices == {"Bo": "Bo is het eens"}


def test_a_single_voice_keeps_its_name_in_the_record(libraries):
    from goedgenoeg.models import Answer
    from goedgenoeg.record import render
    from goedgenoeg.session import new_session

    answers = team_answers()
    _, _, step = team_asker(libraries, answers, [])
    session = new_session(libraries, "nl")
    session.answers.update(answers)
    session.answers[step.key] = Answer(status="answered", voices={"Bo": "Ik ben het hier niet mee eens"})
    record = render(session, libraries, fmt="md", full=True)
    at = record.index("Ik ben het hier niet mee eens")
    assert "Bo" in record[max(0, at - 200) : at]
    assert "één stem, niet het hele team" in record[max(0, at - 200) : at]


def test_a_really_full_disk_on_a_small_tmpfs(tmp_path, spawn):
    """The same on a real full file system, where the machine allows mounting one."""
    import shutil
    import subprocess

    mount = tmp_path / "klein"
    mount.mkdir()
    if not shutil.which("mount") or os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        sessions = mount / "s"
        child = spawn(["reflect", "--path", "full"], sessions)
        child.expect(r"Je antwoord[^:\n]*: ")  # the empty session is saved: now fill the disk
        filler = mount / "vol"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (4096, 512, 1):
                try:
                    while True:
                        os.write(fd, b"x" * size)
                except OSError:
                    pass
        finally:
            os.close(fd)
        child.sendline("GG-VOL")
        child.expect("kon niet bewaard worden")
        child.expect(r"opnieuw proberen[^:\n]*: ")
        filler.unlink()  # space freed
        child.sendline("")
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        assert only_session(sessions)["answers"]["context.case"]["value"] == "GG-VOL"
        child.sendline("!stop")
        child.expect(pexpect.EOF)
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
