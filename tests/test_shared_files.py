"""Issue 22, points 4-15: nothing broken by the files people share (odd files in a sessions
folder, a config file not in UTF-8, a cache folder others can write), the disk that is full, and
the words a user reads around them."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import resource
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from goedgenoeg.cli import app

ANSWERS = """\
context.case: GG-22
context.decision: placement
context.age: 3-6
context.region: flanders
context.who: alone
"""
MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space the tool may take reading a shared folder


def _a_session(runner, directory: Path, tmp_path: Path) -> Path:
    """One finished session in `directory`, made as a user makes one (reflect --answers)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    result = runner.invoke(
        app, ["reflect", "--answers", str(answers), "--sessions-dir", str(directory), "-o", str(tmp_path / "r.md")]
    )
    assert result.exit_code == 0, result.output
    (tmp_path / "r.md").unlink()
    return next(directory.glob("*.json"))


def _odd_folder(runner, tmp_path: Path) -> tuple[Path, list[Path]]:
    """A shared sessions folder with one good session and three odd files beside it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    _a_session(runner, folder, tmp_path)
    zero = folder / "zero.json"
    zero.symlink_to("/dev/zero")
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    return folder, [zero, fifo, deep]


def _limited(tool, args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """The installed tool under a memory limit, with a time-out for a hang; standard input empty."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    environment = tool.env({})
    environment.update(env)
    return subprocess.run(
        [*tool.argv, *args],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


# --- 4. an odd file in a shared folder -------------------------------------------------------


def test_a_dev_zero_link_a_fifo_and_deep_json_in_a_shared_folder_are_named_and_passed_by(tool, runner, tmp_path):
    folder, odd = _odd_folder(runner, tmp_path)
    listed = _limited(tool, ["sessions", "--sessions-dir", str(folder)])
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert "GG-22" in listed.stdout  # the good session is still listed
    for path in odd:
        assert sum(str(path) in line for line in listed.stdout.splitlines()) == 1, listed.stdout
    assert "geen gewoon bestand" in listed.stdout and "te diep genest" in listed.stdout

    counted = _limited(tool, ["overview", str(folder)])
    assert counted.returncode == 0, counted.stderr
    assert "Traceback" not in counted.stderr
    for path in odd:
        assert sum(str(path) in line for line in counted.stderr.splitlines()) == 1, counted.stderr

    # reflect (it looks for an unfinished reflection to offer first) reaches its first question
    started = _limited(tool, ["reflect", "--sessions-dir", str(folder)], GOEDGENOEG_FORCE_INTERACTIVE="1")
    assert "Traceback" not in started.stderr, started.stderr
    assert "MemoryError" not in started.stderr
    assert "Dossiernummer" in started.stdout or "dossier" in started.stdout.lower(), started.stdout

    # resume without an id passes them by; with the odd file's id it names it and stops
    again = _limited(tool, ["resume", "--sessions-dir", str(folder)], GOEDGENOEG_FORCE_INTERACTIVE="1")
    assert again.returncode == 1 and "Traceback" not in again.stderr, again.stderr
    # nothing unfinished: the finished short path is offered its full path (issue 25)
    assert "is rond op het korte pad" in again.stderr and "--path full" in again.stderr
    for path in odd:
        named = _limited(tool, ["resume", str(path)], GOEDGENOEG_FORCE_INTERACTIVE="1")
        assert named.returncode == 1 and "Traceback" not in named.stderr, named.stderr
        assert str(path) in named.stderr and "overgeslagen" in named.stderr


# --- 5. reflect --answers where nothing can be saved --------------------------------------------


@pytest.mark.parametrize(
    "how, said",
    [("full", "de schijf is vol"), ("read-only", "alleen-lezen"), ("dangling", "kan niet gebruikt worden")],
)
def test_answers_file_on_a_full_disk_a_read_only_folder_or_a_dangling_link_says_so_and_exits_1(
    tmp_path, runner, monkeypatch, how, said
):
    from goedgenoeg import session

    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    before = answers.read_bytes()
    folder = tmp_path / "sessions"
    if how == "dangling":
        folder.symlink_to(tmp_path / "gone")
    else:
        code = errno.ENOSPC if how == "full" else errno.EROFS

        def failing_write(path, data, overwrite=True):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(session, "write_private", failing_write)
    result = runner.invoke(app, ["reflect", "--answers", str(answers), "--sessions-dir", str(folder), "-o", "r.md"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "De map voor sessies kan niet gebruikt worden" in result.stderr and said in result.stderr
    assert "No space left" not in result.stderr and "Read-only" not in result.stderr
    assert answers.read_bytes() == before
    assert not Path("r.md").exists()


# --- 6. escape codes from data ---------------------------------------------------------------


def test_config_shows_values_without_escape_codes(tmp_path, runner, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('sessions_dir = "/tmp/x\\u001b]0;pwned\\u0007\\u001b[2Jy"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    monkeypatch.delenv("GOEDGENOEG_SESSIONS_DIR")  # else it, not the file, gives the sessions folder
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "/tmp/x" in result.output


def test_the_resume_greeting_shows_a_session_id_without_escape_codes(tmp_path, runner, monkeypatch, isolated):
    isolated.mkdir()
    path = _a_session(runner, isolated, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["id"] = "20260101-0000-\x1b]0;pwned\x07\x1b[2J"
    data["finished"] = False
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    result = runner.invoke(app, ["resume", str(path)], input="!stop\n")
    assert "Verder met sessie 20260101-0000-" in result.output, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


# --- 7. characters Word's XML cannot hold -------------------------------------------------------


def test_an_answer_with_u_fffe_and_u_ffff_gives_a_word_record_and_every_other_form(tmp_path, runner, isolated):
    isolated.mkdir()
    path = _a_session(runner, isolated, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["answers"]["context.case"]["value"] = "GG\ufffe-\uffff22\ud800"
    path.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("docx", "html", "md"):
        out = tmp_path / f"r.{fmt}"
        result = runner.invoke(app, ["record", data["id"], "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, (fmt, result.output, result.exception)
        text = zipfile.ZipFile(out).read("word/document.xml").decode() if fmt == "docx" else out.read_text(encoding="utf-8")
        assert "GG-22" in text, fmt
        assert "\ufffe" not in text and "\uffff" not in text


def test_one_cleaning_for_every_writer():
    from goedgenoeg import record
    from goedgenoeg.document import Document, Paragraph, clean

    assert not hasattr(record, "_clean")  # record.build uses document.clean, as the writers do
    assert clean(Document("nl", "t", (Paragraph("a\ufffeb\x1b[2Jc\uffff"),))).blocks == (Paragraph("abc"),)


# --- 8. a config file not in UTF-8, a huge value ------------------------------------------------


def test_a_config_file_saved_as_ansi_is_named_with_its_byte(tmp_path, runner, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_bytes(b'sessions_dir = "C:\\\\Users\\\\Ren' + b'\xe9\\\\sessies"\n')
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    for command in (["config"], ["sessions"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)
        offset = config.read_bytes().index(b"\xe9")
        assert str(config) in result.stderr and "0xE9" in result.stderr and f"positie {offset}" in result.stderr
        assert "UTF-8" in result.stderr


def test_a_twenty_megabyte_value_is_cut_in_the_message(tmp_path, runner, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('record_format = "' + "x" * 20_000_000 + '"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert "record_format" in result.stderr and "xxxx" in result.stderr
    assert len(result.stderr) < 2000


# --- 9. names as people write them -----------------------------------------------------------

NAMES = ["Şeyma Yılmaz", "Łukasz Nowak", "İbrahim", "Žaneta", "lotte de vries"]


@pytest.mark.parametrize(
    "written, found",
    [
        ("Seyma belde; SEYMA en şeyma ook.", ["Seyma", "SEYMA", "şeyma"]),
        ("lukasz en Lukasz kwamen, ŁUKASZ niet.", ["lukasz", "Lukasz", "ŁUKASZ"]),
        ("ibrahim, Ibrahim en İBRAHİM", ["ibrahim", "Ibrahim", "İBRAHİM"]),
        ("zaneta bleef thuis", ["zaneta"]),
        ("Lotte de Vries belde. Lottes fiets en Lotte's jas; lotte.", ["Lotte", "Vries", "Lottes", "Lotte's", "lotte"]),
        ("Yilmaz en Nowak", ["Yilmaz", "Nowak"]),
    ],
)
def test_names_are_found_case_folded_accent_aware_and_with_a_possessive(written, found):
    from goedgenoeg.privacy import find_personal_data, name_words

    words = name_words(NAMES)
    assert [f.text for f in find_personal_data(written, words) if f.kind == "name"] == found


def test_the_privacy_review_shows_each_name_once_with_a_count():
    from io import StringIO

    from rich.console import Console

    from goedgenoeg import pages
    from goedgenoeg.privacy import find_personal_data, name_words

    class Screen:
        lang = "nl"
        console = Console(file=StringIO(), width=200)

        def __init__(self):
            self.said = []

        def say(self, text, style=""):
            self.said.append(text)

        def read(self, label):
            return ""

        def pick(self, rows, key):
            return None

    class Prompt:
        class text:
            @staticmethod
            def get(lang):
                return "Wat is er gebeurd?"

    class Step:
        prompt = Prompt

    text = " ".join(["Şeyma belde."] * 9 + ["seyma ook."])
    screen = Screen()
    pages.privacy_review(screen, [(0, Step, find_personal_data(text, name_words(["Şeyma"])))])
    line = screen.said[0]
    assert line.count("Şe***") == 1 and "10 keer" in line, line


# --- 10. company numbers and amounts are not phone numbers --------------------------------------


def _kbo_numbers(n: int) -> list[str]:
    """Valid Belgian company numbers (be.vat), as 0403.170.701."""
    from stdnum.be import vat

    found: list[str] = []
    rng = random.Random(22)
    while len(found) < n:
        base = rng.randrange(2_000_000, 19_999_999)
        number = f"{base:08d}{97 - base % 97:02d}"
        if len(number) == 10 and vat.is_valid(number):
            found.append(f"{number[:4]}.{number[4:7]}.{number[7:]}")
    return found


def test_belgian_company_numbers_near_their_label_are_not_phone_numbers():
    from goedgenoeg.privacy import _phone_ok, find_personal_data

    numbers = _kbo_numbers(300)
    phone_like = [n for n in numbers if _phone_ok(n, n.replace(".", ""), False)]
    assert len(phone_like) > 30  # the ones that would be taken for a phone number
    for number in numbers:
        for written in (
            f"KBO {number}",
            f"ondernemingsnummer: {number}",
            f"De school (btw BE {number}) belde.",
            f"BE {number}",
            f"BE{number.replace('.', '')}",
        ):
            assert find_personal_data(written) == [], written
    # without a label a phone-shaped number is still pointed out
    assert find_personal_data(f"bel {phone_like[0]}")[0].kind == "phone"


def test_nine_digit_amounts_in_euro_are_not_taken_for_a_bsn():
    from stdnum.nl import bsn

    from goedgenoeg.privacy import find_personal_data

    rng = random.Random(7)
    amounts = [n for n in (f"{rng.randrange(100_000_000, 999_999_999)}" for _ in range(3000)) if bsn.is_valid(n)][:100]
    assert len(amounts) == 100
    for amount in amounts:
        assert find_personal_data(f"een schuld van {amount} euro") == []
        assert find_personal_data(f"een schuld van {amount} €") == []
        assert find_personal_data(f"BSN {amount}")[0].kind == "bsn"  # as a BSN it is still found


# --- 11. libraries check and its cache -------------------------------------------------------


def _library_files(folder: Path, n: int, source: str = "afsluiting.yaml") -> list[Path]:
    """n copies of a bundled library, each with an id of its own."""
    from goedgenoeg.library import bundled_dir

    text = (bundled_dir() / source).read_text(encoding="utf-8")
    old_id = source.removesuffix(".yaml")
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"lib{i:04d}.yaml"
        path.write_text(text.replace(f"id: {old_id}\n", f"id: lib{i:04d}\n", 1), encoding="utf-8")
        paths.append(path)
    return paths


def test_check_prunes_the_cache_once_per_run_not_once_per_file(tmp_path, monkeypatch):
    from goedgenoeg import cache
    from goedgenoeg.library import check_paths

    monkeypatch.setenv("GOEDGENOEG_CACHE_DIR", str(tmp_path / "cache"))
    _library_files(tmp_path / "libs", 40)
    prunes = []
    real = cache._prune
    monkeypatch.setattr(cache, "_prune", lambda folder: prunes.append(folder) or real(folder))
    passed, problems = check_paths([tmp_path / "libs"])
    assert passed == 40, [p.text("en") for p in problems]
    assert len(list((tmp_path / "cache").glob("*.json"))) == 40  # every library was cached
    assert len(prunes) <= 1


def test_a_fifo_named_as_a_library_is_refused_not_waited_for(tool, tmp_path):
    fifo = tmp_path / "lib.yaml"
    os.mkfifo(fifo)
    result = _limited(tool, ["libraries", "check", str(fifo)])
    assert result.returncode == 1
    assert str(fifo) in result.stderr and "geen gewoon bestand" in result.stderr
    assert "Traceback" not in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir() or len(os.sched_getaffinity(0)) < 2, reason="needs Linux and two cores")
def test_checks_workers_end_when_their_parent_is_killed(tool, tmp_path):
    _library_files(tmp_path / "libs", 1500, "alternatieven.yaml")  # ~90 MB: a minute of work for the workers
    env = tool.env({"GOEDGENOEG_CACHE_DIR": str(tmp_path / "cache")})
    parent = subprocess.Popen(
        [*tool.argv, "libraries", "check", str(tmp_path / "libs")], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        workers: list[int] = []
        for _ in range(600):  # until the workers are forked
            workers = _children(parent.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert len(workers) >= 2, "no workers were started"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(100):  # the kernel ends them at once; without that they work on for a minute
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        for pid in _children(parent.pid) + ([] if parent.poll() is not None else [parent.pid]):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


# --- 12. a cache folder others can write ----------------------------------------------------------


@pytest.mark.parametrize("how", ["world-writable", "group-writable", "someone else's"])
def test_a_cache_folder_others_can_write_is_not_used_and_said_once(tool, tmp_path, how):
    folder = tmp_path / "cache"
    folder.mkdir()
    if how == "world-writable":
        folder.chmod(0o777)
    elif how == "group-writable":
        folder.chmod(0o770)
    else:
        if os.getuid() != 0:
            pytest.skip("giving a folder to another user needs root")
        folder.chmod(0o700)
        os.chown(folder, os.getuid() + 4321, -1)
    env = tool.env({"GOEDGENOEG_CACHE_DIR": str(folder)})
    result = subprocess.run([*tool.argv, "libraries", "list"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("zonder cache") == 1, result.stderr
    assert str(folder) in result.stderr
    assert list(folder.iterdir()) == []  # nothing kept there, nothing read from there


def test_a_cache_folder_of_ones_own_is_used_without_a_word(tool, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    env = tool.env({"GOEDGENOEG_CACHE_DIR": str(folder)})
    result = subprocess.run([*tool.argv, "libraries", "list"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "cache" not in result.stderr
    assert list(folder.glob("*.json"))


# --- 13. an id prefix that fits two sessions ----------------------------------------------------


@pytest.mark.parametrize("command", ["record", "resume", "followup"])
def test_an_id_prefix_that_fits_two_sessions_is_refused(tmp_path, runner, monkeypatch, isolated, command):
    isolated.mkdir()
    first = _a_session(runner, isolated, tmp_path)
    data = json.loads(first.read_text(encoding="utf-8"))
    for suffix, case in (("aaa1", "GG-EEN"), ("aaa2", "GG-TWEE")):
        data["id"] = f"20260101-0000-{suffix}"
        data["finished"] = False
        data["answers"]["context.case"]["value"] = case
        (isolated / f"{data['id']}.json").write_text(json.dumps(data), encoding="utf-8")
    first.unlink()
    before = {p.name: p.read_bytes() for p in isolated.iterdir()}
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    result = runner.invoke(app, [command, "20260101-0000-aaa", "-o", str(tmp_path / "r.md")], input="GG-X\n" * 5 + "!stop\n")
    assert result.exit_code == 1, result.output
    assert "'20260101-0000-aaa' past bij meerdere sessies" in result.stderr
    assert "20260101-0000-aaa1" in result.stderr and "20260101-0000-aaa2" in result.stderr
    assert "GG-EEN" not in result.output and "GG-TWEE" not in result.output  # neither was opened
    assert not (tmp_path / "r.md").exists()
    assert {p.name: p.read_bytes() for p in isolated.iterdir()} == before


# --- 14. system errors in the user's language -----------------------------------------------------


@pytest.mark.parametrize(
    "code, nl, en",
    [
        (errno.ENOSPC, "de schijf is vol", "the disk is full"),
        (errno.EROFS, "alleen-lezen", "read-only"),
        (errno.EACCES, "geen toestemming", "no permission"),
        (errno.EPERM, "geen toestemming", "no permission"),
        (errno.EEXIST, "bestaat al", "already exists"),
        (errno.ENOENT, "bestaat niet", "does not exist"),
        (errno.EMFILE, "het systeem meldt een fout: Too many open files", "the system reports an error: Too many"),
    ],
)
def test_a_system_error_is_said_in_the_users_language(tmp_path, runner, isolated, monkeypatch, code, nl, en):
    from goedgenoeg import record_file

    isolated.mkdir()
    path = _a_session(runner, isolated, tmp_path)
    session_id = json.loads(path.read_text(encoding="utf-8"))["id"]

    def failing_write(target, data, overwrite=True):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(record_file, "write_private", failing_write)
    for lang, said in (("nl", nl), ("en", en)):
        result = runner.invoke(app, ["record", session_id, "-f", "html", "-o", str(tmp_path / "r.html"), "--lang", lang])
        assert result.exit_code == 1, result.output
        assert said in result.stderr, result.stderr
        if code != errno.EMFILE:
            assert os.strerror(code) not in result.stderr


def test_a_damaged_session_is_listed_in_dutch(tmp_path, runner):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "20260101-0000-abcd.json").write_bytes(b"")
    (folder / "20260101-0000-abce.json").write_bytes(b'{"format": 1, "id": "x", "created": "')
    listed = runner.invoke(app, ["sessions", "--sessions-dir", str(folder)])
    assert "beschadigd" in listed.output and "het is leeg" in listed.output
    assert "geen geldige JSON op regel 1" in listed.output
    assert "is damaged" not in listed.output and "The file is left" not in listed.output


# --- 15. a huge answers file ------------------------------------------------------------------


def test_an_answers_file_larger_than_anyone_types_is_refused_at_once(tmp_path, runner, isolated, monkeypatch):
    from goedgenoeg import privacy_review

    body = ("Moeder belt 06-12345678, BSN 123456782. " + "woorden " * 40 + "\n") * 10_000
    path = tmp_path / "groot.yaml"
    path.write_text(ANSWERS + "context.role: |\n" + "".join("  " + line + "\n" for line in body.splitlines()), encoding="utf-8")
    assert path.stat().st_size > 3_500_000
    checked = []
    monkeypatch.setattr(privacy_review, "find_personal_data", lambda *a, **k: checked.append(1) or [])
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 2
    assert str(path) in result.stderr and "groter dan 1024 KiB" in result.stderr and "Er is niets bewaard" in result.stderr
    assert checked == []  # refused before any of it was checked
    assert not isolated.exists() or not list(isolated.glob("*.json"))


def test_an_answers_file_of_a_long_reflection_is_still_taken(tmp_path, runner):
    path = tmp_path / "lang.yaml"
    text = "Een lange toelichting zonder gegevens. " * 20_000  # 780 kB: long, yet what a person could type
    path.write_text(ANSWERS + f"context.role: {json.dumps(text)}\n", encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
