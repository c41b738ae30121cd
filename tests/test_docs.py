"""The README and docs cannot drift from the tool: the README stays a README (the two commands,
one example, links), the help of every command is docs/cli.md (made by `make docs`), and how to
use the tool is docs/usage.md."""

import re

from typer.main import get_command

from conftest import REPO
from goedgenoeg.cli import app
from goedgenoeg.coverage import coverage_table

README = (REPO / "README.md").read_text(encoding="utf-8")
USAGE = (REPO / "docs" / "usage.md").read_text(encoding="utf-8")
CLI = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def commands(group, prefix="goedgenoeg"):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_the_readme_is_short_and_names_every_command_and_where_to_read_more():
    assert len(README.splitlines()) <= 250
    for name, _ in commands(get_command(app)):
        assert name.split()[1] in README, name  # "goedgenoeg libraries check": `libraries`, `check`
        assert f"`{name}" in USAGE, name
    for doc in ("docs/usage.md", "docs/cli.md", "docs/content.md", "docs/architecture.md"):
        assert f"]({doc})" in README and (REPO / doc).is_file(), doc


def test_the_hand_written_docs_do_not_list_the_record_formats_themselves():
    """The formats are listed where the tool itself says them (docs/cli.md, made from --help),
    so a new format cannot leave a stale list behind."""
    for name, text in (("README.md", README), ("docs/usage.md", USAGE)):
        assert not re.search(r"md\\?\|docx", text), f"{name} lists the formats: point to docs/cli.md"
    assert "md|docx|html" in CLI


def test_the_prepared_answers_example_works(tmp_path, runner):
    block = USAGE.split("## Prepared answers", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
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


def test_the_preview_in_the_usage_doc_is_what_the_tool_prints(runner):
    block = USAGE.split("## Plan the time", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, shown = block.split("\n", 1)
    args = command.removeprefix("$ goedgenoeg ").split()
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout.strip() == shown.strip(), "update the preview in docs/usage.md"


def docs_update():
    """docs/update.py, the script behind `make docs`, as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_update", REPO / "docs" / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_doc_is_what_help_prints_in_dutch_and_english():
    update = docs_update()
    assert update.cli_reference() == CLI, "run 'make docs' to update docs/cli.md"
    dutch, english = CLI.split("## Nederlands", 1)[1].split("## English", 1)
    for name, _ in commands(get_command(app)):
        nl = dutch.split(f"### `{name}` (nl)", 1)[1].split("```\n\n", 1)[0]
        en = english.split(f"### `{name}` (en)", 1)[1].split("```\n\n", 1)[0]
        assert f"Gebruik: {name} [OPTIES]" in nl and "Deze hulp tonen en stoppen." in nl, name
        assert f"Usage: {name} [OPTIONS]" in en and "Show this message and exit." in en, name
