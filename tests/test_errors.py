"""One kind of error a user reads (issue 24, point 4): a UserError names a text and its values,
is said in the user's language, and ends a command through one handler with its exit code."""

from __future__ import annotations

import pytest

from goedgenoeg.answers import AnswerError
from goedgenoeg.cli import app
from goedgenoeg.config import ConfigError
from goedgenoeg.errors import UserError
from goedgenoeg.meeting import PreparedError
from goedgenoeg.session import SessionBusy, SessionError, load
from goedgenoeg.writers import TemplateError


@pytest.mark.parametrize("kind", [ConfigError, SessionError, SessionBusy, PreparedError, AnswerError, TemplateError])
def test_every_error_a_user_reads_is_a_user_error(kind):
    assert issubclass(kind, UserError)


def test_a_damaged_session_is_said_in_both_languages_and_english_in_a_traceback(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        load(path)
    assert caught.value.text("nl").startswith(f"{path}: het sessiebestand is beschadigd")
    assert caught.value.text("en").startswith(f"{path}: the session file is damaged")
    assert str(caught.value) == caught.value.text("en")


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["record", "nosuch"], 1, "Geen sessie 'nosuch' in"),
        (["--lang", "en", "record", "nosuch"], 1, "No session 'nosuch' in"),
        (["record", "nosuch", "--lang", "en"], 1, "No session 'nosuch' in"),
        (["sessions", "--lang", "fr"], 2, "fr"),
    ],
)
def test_an_error_ends_the_command_in_the_users_language_with_its_exit_code(isolated, runner, args, code, said):
    isolated.mkdir(mode=0o700)
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert said in result.stderr and "Traceback" not in result.stderr and result.stdout == ""


def test_one_way_to_choose_by_number():
    """Every numbered list reads its number the same way (numbers.py): 1 to n, nothing else."""
    from goedgenoeg.numbers import choose, number, numbers

    assert [number(typed, 3) for typed in ("1", " 3 ", "0", "4", "-1", "²", "one", "")] == [
        0,
        2,
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    assert numbers("1, 3 2", 3) == [0, 2, 1] and numbers("1 4", 3) is None and numbers("1\n2", 3) is None
    typed, wrong = iter(["x", "²", "9", "2"]), []
    assert choose(lambda: next(typed), 3, lambda: wrong.append(1)) == 1 and len(wrong) == 3
    assert choose(lambda: "", 3, lambda: None, empty=0) == 0
