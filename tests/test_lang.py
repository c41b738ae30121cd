"""Dutch by default, English on request: help, errors and listings."""

import re

import pytest
from typer.main import get_command

from goedgenoeg.cli import app
from goedgenoeg.helptext import COMMANDS, PARAMS

# Words that give English away. Command names, option names and option values (short|full,
# md|docx|html, placement|measure, ...) stay English by design and are not in this list.
ENGLISH = {
    "the",
    "and",
    "with",
    "your",
    "this",
    "that",
    "from",
    "into",
    "where",
    "which",
    "what",
    "when",
    "every",
    "without",
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Examples",
    "Show",
    "message",
    "exit",
    "default",
    "required",
    "FILE",
    "PATH",
    "DIR",
    "questions",
    "answers",
    "reflection",
    "folder",
    "file",
    "write",
    "start",
    "saved",
    "Where",
    "Write",
    "Start",
    "List",
    "Continue",
    "Change",
    "range",
    "int",
    "integer",
    "text",
    "boolean",
    "Overwrite",
    "Also",
    "Print",
    "Check",
    "Counts",
    "Switch",
}
ALLOWED_VALUES = re.compile(
    r"\b(?:placement|measure|report|other|unborn|under-1|flanders|netherlands|alone|duo|team|short|full|md|docx|html|nl|en)\b"
)


def all_commands(group=None, path=()):
    group = group or get_command(app)
    yield path
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from all_commands(command, path + (name,))
        else:
            yield path + (name,)


COMMAND_PATHS = list(all_commands())


def command_at(path):
    command = get_command(app)
    for name in path:
        command = command.commands[name]
    return command


def english_words(text):
    text = ALLOWED_VALUES.sub(" ", text)
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # option names
    text = re.sub(r"goedgenoeg [a-z ]+", " ", text)  # example command lines
    return sorted({w for w in re.findall(r"[A-Za-z]+", text) if w in ENGLISH})


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "goedgenoeg")
def test_every_commands_help_is_dutch_by_default_and_english_on_request(path, monkeypatch, runner):
    dutch = runner.invoke(app, [*path, "--help"])
    assert dutch.exit_code == 0, dutch.output
    assert dutch.output.startswith("Gebruik: ") and "Opties:" in dutch.output
    assert english_words(dutch.output) == [], dutch.output

    monkeypatch.setenv("GOEDGENOEG_LANG", "en")
    by_env = runner.invoke(app, [*path, "--help"])
    assert by_env.output.startswith("Usage: ") and "Options:" in by_env.output
    assert "Gebruik" not in by_env.output and "Opties" not in by_env.output
    monkeypatch.delenv("GOEDGENOEG_LANG")
    if any(param.name == "lang" for param in command_at(path).params):
        assert runner.invoke(app, [*path, "--lang", "en", "--help"]).output == by_env.output


def test_every_command_and_option_has_help_in_both_languages():
    for path in COMMAND_PATHS:
        command = command_at(path)
        if path:
            assert " ".join(path) in COMMANDS, path
        for param in command.params:
            key = f"{' '.join(path)} {param.name}".strip()
            pair = PARAMS.get(key) or PARAMS.get(param.name)
            assert pair and all(pair), f"{key} has no help text"


@pytest.mark.parametrize("command", ["record", "resume"])
def test_an_unknown_session_id_is_an_error_in_dutch_and_in_english(command, monkeypatch, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    dutch = runner.invoke(app, [command, "20990101-nope"])
    assert dutch.exit_code == 1
    assert "Geen sessie '20990101-nope' in" in dutch.stderr and "goedgenoeg sessions' toont ze" in dutch.stderr
    assert "No session" not in dutch.stderr

    monkeypatch.setenv("GOEDGENOEG_LANG", "en")
    english = runner.invoke(app, [command, "20990101-nope"])
    assert english.exit_code == 1
    assert "No session '20990101-nope' in" in english.stderr and "goedgenoeg sessions' lists them" in english.stderr

    by_option = runner.invoke(app, [command, "20990101-nope", "--lang", "en"])
    monkeypatch.delenv("GOEDGENOEG_LANG")
    assert "No session '20990101-nope' in" in by_option.stderr


def test_without_a_command_the_help_is_shown_not_an_error(runner):
    for path in ([], ["libraries"]):
        result = runner.invoke(app, path)
        shown = result.output + (result.stderr or "")
        assert shown.startswith("Gebruik: ") and "Opdrachten:" in shown
        assert "Fout" not in shown


def test_usage_errors_are_dutch_too(runner):
    result = runner.invoke(app, ["reflect", "--nope"])
    assert result.exit_code == 2
    assert "Fout: Onbekende optie: --nope" in result.stderr and "voor hulp" in result.stderr
    result = runner.invoke(app, ["record"])
    assert result.exit_code == 2 and "Het argument 'ID' ontbreekt." in result.stderr
    result = runner.invoke(app, ["recrod"])
    assert result.exit_code == 2 and "Onbekende opdracht 'recrod'. Bedoelde je 'record'?" in result.stderr
    english = runner.invoke(app, ["record", "--lang", "en"])
    assert "Error: Missing argument 'ID'." in english.stderr


def test_listing_statuses_are_dutch_and_english(tmp_path, monkeypatch, runner):
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-LIST\ncontext.region: flanders\n", encoding="utf-8")
    assert runner.invoke(app, ["reflect", "--answers", str(answers), "--path", "full", "-o", "r.md"]).exit_code == 0
    assert "afgerond" in runner.invoke(app, ["sessions"]).output
    assert "finished" in runner.invoke(app, ["sessions", "--lang", "en"]).output


def test_lang_is_taken_before_the_command_as_well_as_after_it(tmp_path, runner):
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-LANG\ncontext.region: flanders\n", encoding="utf-8")
    given = ["--answers", str(answers), "--path", "full", "-o", "r.md"]  # finished: no path left open
    assert runner.invoke(app, ["--lang", "en", "reflect", *given]).exit_code == 0
    assert "# Reflection: GG-LANG" in (tmp_path / "r.md").read_text(encoding="utf-8")
    before = runner.invoke(app, ["--lang", "en", "sessions"])
    after = runner.invoke(app, ["sessions", "--lang", "en"])
    assert before.exit_code == 0 and "finished" in before.stdout and before.stdout == after.stdout
    # the language of one run does not carry over into the next, and after the command beats before it
    assert "afgerond" in runner.invoke(app, ["sessions"]).stdout
    assert "afgerond" in runner.invoke(app, ["--lang", "en", "sessions", "--lang", "nl"]).stdout
    config = runner.invoke(app, ["--lang=en", "config"]).stdout
    assert re.search(r"^  lang +en +\[option --lang\]$", config, re.M), config
    # errors and help before the command follow it too
    missing = runner.invoke(app, ["--lang", "en", "record", "20990101-nope"])
    assert missing.exit_code == 1 and "No session '20990101-nope' in" in missing.stderr
    assert runner.invoke(app, ["--lang", "en", "record", "--help"]).stdout.startswith("Usage: ")
    wrong = runner.invoke(app, ["--lang", "fr", "sessions"])
    assert wrong.exit_code == 2 and "'fr'" in wrong.stderr and "nl | en" in wrong.stderr


def test_tab_completion_describes_the_commands_in_the_users_language(runner):
    """typer's completion shows the help texts beside the commands (zsh, fish, PowerShell): Dutch by
    default, English with GOEDGENOEG_LANG=en. (What typer itself prints is English: see docs/usage.md.)"""
    asked = {"_GOEDGENOEG_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "goedgenoeg "}
    dutch = runner.invoke(app, [], prog_name="goedgenoeg", env=asked).stdout
    english = runner.invoke(app, [], prog_name="goedgenoeg", env=dict(asked, GOEDGENOEG_LANG="en")).stdout
    assert '"reflect":"Een nieuwe reflectie beginnen."' in dutch, dutch[:300]
    assert '"reflect":"Start a new reflection."' in english, english[:300]
