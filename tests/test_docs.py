"""The README and docs cannot drift from the tool."""

import re

from typer.main import get_command

from conftest import REPO
from goedgenoeg.cli import app
from goedgenoeg.coverage import coverage_table

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands(group, prefix="goedgenoeg"):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_and_option_is_in_the_readme():
    for name, command in commands(get_command(app)):
        assert f"`{name}" in README, name
        for param in command.params:
            if param.param_type_name == "option":
                assert any(opt in README for opt in param.opts), f"{name} {param.opts}"


def test_the_prepared_answers_example_works(tmp_path, runner):
    block = README.split("### Prepared answers", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    path = tmp_path / "answers.yaml"
    path.write_text(block, encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(path), "-o", "r.md"])
    assert result.exit_code == 0, result.stderr
    record = (tmp_path / "r.md").read_text()
    assert "wachtlijst van vier maanden" in record and "netwerkberaad plannen" in record


def test_content_doc_holds_the_current_coverage_table(libraries):
    doc = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- sources:start -->\n(.*?)\n<!-- sources:end -->", doc, re.S)
    assert match, "docs/content.md needs the generated table between the sources markers"
    assert match.group(1).strip() == coverage_table(libraries).strip(), "run 'make docs' to update docs/content.md"


def test_the_readme_preview_is_what_the_tool_prints(runner):
    block = README.split("## Plan the time", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, shown = block.split("\n", 1)
    args = command.removeprefix("$ goedgenoeg ").split()
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout.strip() == shown.strip(), "update the preview in the README"


def docs_update():
    """docs/update.py, the script behind `make docs`, as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_update", REPO / "docs" / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_command_reference_is_what_help_prints():
    update = docs_update()
    match = re.search(r"<!-- help:start -->\n(.*?)\n<!-- help:end -->", README, re.S)
    assert match, "the README needs the command reference between the help markers"
    assert match.group(1) == update.help_reference(), "run 'make docs' to update the README's command reference"
    # every command is in it, each with its Dutch help
    for name, _ in commands(get_command(app)):
        block = match.group(1).split(f"<code>{name} --help</code>", 1)[1].split("</details>", 1)[0]
        assert f"Gebruik: {name} [OPTIES]" in block and "Deze hulp tonen en stoppen." in block, name


def test_the_shipped_help_is_what_typer_prints(monkeypatch):
    """The package's --help for 80 columns or more (src/goedgenoeg/help, read by quickhelp.py)
    is typer's, for the installed typer and the current cli.py and helptext.py."""
    from goedgenoeg.quickhelp import shipped

    monkeypatch.setenv("COLUMNS", "100")
    update = docs_update()
    for lang in ("nl", "en"):
        path = REPO / "src" / "goedgenoeg" / "help" / f"{lang}.txt"
        assert path.read_text(encoding="utf-8") == update.shipped_help(lang), "run 'make docs' to update the shipped help"
        assert shipped(lang) == update.typer_help(lang)  # the installed package's, as it is read
