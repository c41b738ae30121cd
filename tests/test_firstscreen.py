"""The first screen of `goedgenoeg reflect`, kept in the cache and shown at once on the next
start while the rest of the start runs (firstscreen.py, issue 15). What a person must see: the
same screen as without it, once; an answer typed straight away kept; a kept screen that no
longer fits replaced, never trusted when someone else could have written it, and never shown
when `reflect` asks something else first."""

import json
import os
import re
import stat

import pexpect

from samples import OWN_LIBRARY

FIRST = r"Je antwoord[^:\n]*: "  # the first question's input line
SECOND = r"Kies nummers[^:\n]*: "  # the second question (which decision): a choice


def start(spawn, tmp_path, *args, **env):
    child = spawn(["reflect", *args], tmp_path / "s", GOEDGENOEG_CACHE_DIR=str(tmp_path / "c"), **env)
    child.expect(FIRST)
    return child


def stop(child):
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    child.close()


def kept(tmp_path):
    return sorted((tmp_path / "c").glob("screen-*.txt"))


def test_the_first_screen_is_kept_and_then_shown_at_once_and_only_once(spawn, tmp_path):
    first = start(spawn, tmp_path)
    screen = first.before + first.after
    stop(first)  # nothing answered: nothing kept in the sessions folder, `reflect` starts anew
    [entry] = kept(tmp_path)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
    assert entry.read_text(encoding="utf-8").replace("\n", "\r\n") == screen

    second = start(spawn, tmp_path)
    assert second.before + second.after == screen  # what the kept screen shows is the real one
    second.sendline("GG-1")  # typed at once, while the rest of the start still runs
    second.expect(SECOND)
    shown = second.before
    # the input line is drawn again over itself ("\r") with what was typed, the screen and the
    # answer are not shown twice
    assert re.match(r"^\r" + FIRST + "GG-1", shown), shown[:200]
    assert (screen + shown).count("Deel 1 van 7") == 1
    stop(second)
    [session] = (tmp_path / "s").glob("*.json")
    assert json.loads(session.read_text())["answers"]["context.case"]["value"] == "GG-1"


def test_a_kept_screen_that_no_longer_fits_is_followed_by_the_real_one_and_replaced(spawn, tmp_path):
    stop(start(spawn, tmp_path))
    [entry] = kept(tmp_path)
    real = entry.read_text(encoding="utf-8")
    entry.write_text(real.replace("Casusreferentie", "Een oude vraag"), encoding="utf-8")

    child = spawn(["reflect"], tmp_path / "s", GOEDGENOEG_CACHE_DIR=str(tmp_path / "c"))
    child.expect("Een oude vraag")
    child.expect(FIRST)  # the old screen's input line
    child.expect("Casusreferentie")  # then the real screen
    child.expect(FIRST)
    child.sendline("GG-2")
    child.expect(SECOND)
    stop(child)
    assert entry.read_text(encoding="utf-8") == real
    [session] = (tmp_path / "s").glob("*.json")
    assert json.loads(session.read_text())["answers"]["context.case"]["value"] == "GG-2"


def _marked(tmp_path):
    """Put a mark in every kept screen, to see whether one is shown."""
    for entry in kept(tmp_path):
        entry.write_text(entry.read_text(encoding="utf-8").replace("Casusreferentie", "MARK"), encoding="utf-8")


def test_a_changed_library_or_a_screen_others_could_write_is_never_shown(spawn, tmp_path):
    own = tmp_path / "eigen.yaml"
    own.write_text(OWN_LIBRARY, encoding="utf-8")
    stop(start(spawn, tmp_path, "--library", str(own)))
    _marked(tmp_path)
    # the library changed: another key, the marked screen is not shown
    own.write_text(OWN_LIBRARY.replace("altijd", "telkens"), encoding="utf-8")
    child = start(spawn, tmp_path, "--library", str(own))
    assert "MARK" not in child.before
    stop(child)
    assert len(kept(tmp_path)) == 2

    # back to the first text: its marked screen is shown (it is the user's own) ...
    own.write_text(OWN_LIBRARY, encoding="utf-8")
    child = start(spawn, tmp_path, "--library", str(own))
    assert "MARK" in child.before
    stop(child)
    # ... but not when it is too large to be a screen at all
    for entry in kept(tmp_path):
        entry.write_text("MARK\n" * 20_000, encoding="utf-8")
    child = start(spawn, tmp_path, "--library", str(own))
    assert "MARK" not in child.before
    stop(child)
    # ... nor when others could have written it
    _marked(tmp_path)
    for entry in kept(tmp_path):
        os.chmod(entry, 0o666)
    child = start(spawn, tmp_path, "--library", str(own))
    assert "MARK" not in child.before
    stop(child)


def test_an_unfinished_reflection_is_offered_first_not_a_kept_screen(spawn, tmp_path):
    child = start(spawn, tmp_path)
    child.sendline("GG-3")
    child.expect(SECOND)
    stop(child)  # one answer: `reflect` offers to continue it
    _marked(tmp_path)
    child = spawn(["reflect"], tmp_path / "s", GOEDGENOEG_CACHE_DIR=str(tmp_path / "c"))
    child.expect("n = nieuw: ")  # the list of unfinished reflections
    assert "MARK" not in child.before and "GG-3" in child.before
    child.sendline("n")  # a new one after all
    child.expect(FIRST)
    assert "MARK" not in child.before
    stop(child)


def test_with_the_cache_off_no_screen_is_kept(spawn, tmp_path):
    stop(start(spawn, tmp_path, GOEDGENOEG_NO_CACHE="1"))
    assert kept(tmp_path) == []


def test_a_message_after_the_shown_screen_stands_on_a_line_of_its_own(tmp_path, monkeypatch):
    """The kept screen is up, then the start says something on standard error (an error, a
    note): it is written under the input line, not behind it; what standard output held back
    and is not on screen yet follows when the start ends without an answer."""
    import io

    from goedgenoeg import firstscreen

    entry = tmp_path / "screen-x.txt"
    entry.write_text("Welkom\nJe antwoord: ", encoding="utf-8")
    entry.chmod(0o600)
    screen, errors = io.StringIO(), io.StringIO()
    monkeypatch.setattr(firstscreen, "_entry", lambda cfg, arguments: entry)
    monkeypatch.setattr(firstscreen, "_quiet_keys", lambda: None)
    monkeypatch.setattr("sys.stdout", screen)
    monkeypatch.setattr("sys.stderr", errors)
    firstscreen.begin(None, {})
    import sys

    print("Welkom")  # the start writes what was shown: held back
    print("De map kan niet gebruikt worden", file=sys.stderr)
    print("Gestopt.")
    firstscreen.release()
    assert screen.getvalue() == "Welkom\nJe antwoord: \n" + "\nGestopt.\n"
    assert errors.getvalue() == "De map kan niet gebruikt worden\n"
    assert sys.stdout is screen and sys.stderr is errors
