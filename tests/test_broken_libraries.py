"""A corpus of broken libraries: each gives one `file:line: message` that says what is wrong and
what to do, a non-zero exit, and never a traceback.

The files are in tests/broken/; cases a file cannot hold (bytes that are not UTF-8, a file over
the size limit, nesting deep enough to crash the C composer) are generated into tmp_path."""

from pathlib import Path

import pytest

from goedgenoeg.cli import app
from goedgenoeg.library import MAX_BYTES

BROKEN = Path(__file__).parent / "broken"

# file name -> (line, a substring of the message after `file:line: `)
CASES = {
    "syntax_error.yaml": (
        4,
        "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping that starts on line 3)",
    ),
    "tab_indent.yaml": (8, "a tab is used for indentation; YAML needs spaces"),
    "duplicate_key_top.yaml": (13, "duplicate key 'version' (the first is on line 2)"),
    "duplicate_key_nested.yaml": (12, "duplicate key 'help' (the first is on line 11)"),
    "document_list.yaml": (
        1,
        "the file holds a list, but a library must be a mapping (key: value lines) with id, version, title and sections",
    ),
    "document_string.yaml": (1, "the file holds 'Dit is geen bibliotheek maar gewoon e...', but a library must be a mapping"),
    "unknown_top_key.yaml": (4, "sectoins: unknown key 'sectoins' (did you mean 'sections'?)"),
    "unknown_prompt_key.yaml": (11, "sections[0].prompts[0].hulp: unknown key 'hulp' (did you mean 'help'?)"),
    "order_not_a_number.yaml": (3, "order: must be a whole number, not 'many'"),
    "sections_not_a_list.yaml": (4, "sections: must be a list (one '- ' line per item, or [a, b]), not the number 5"),
    "long_not_yes_no.yaml": (10, "sections[0].prompts[0].long: must be true or false, not 'maybe'"),
    "version_a_number.yaml": (2, 'version: must be text, not the number 1; put it in quotes: "1"'),
    "text_not_a_mapping.yaml": (3, "title: must be a text per language, like {nl: ..., en: ...}, not 'Kapot'"),
    "missing_version.yaml": (1, "'version' is missing; add it"),
    "section_without_prompts.yaml": (7, "sections[0].prompts: give at least 1 item here (now 0)"),
    "duplicate_section_id.yaml": (13, "duplicate section id 'deel' (first on line 5)"),
    "duplicate_prompt_id.yaml": (16, "duplicate prompt id 'vraag' (first on line 8)"),
    "duplicate_option_id.yaml": (18, "duplicate option id 'ja' (first on line 14)"),
    "when_unknown_decision.yaml": (
        8,
        "sections[0].when.decision[1]: 'verhuizing' is not allowed here; use one of 'placement', 'measure', 'report' or 'other'",
    ),
    "when_unknown_region.yaml": (
        14,
        "sections[0].prompts[0].when.region[0]: 'wallonia' is not allowed here; use one of 'flanders' or 'netherlands'",
    ),
    "when_not_a_list.yaml": (8, "sections[0].when.age: must be a list"),
    "alternative_unknown_region.yaml": (
        13,
        "sections[0].prompts[0].region[1]: 'belgium' is not allowed here; use one of 'flanders' or 'netherlands'",
    ),
    "missing_nl.yaml": (6, "sections[0].title.nl: the Dutch text ('nl') is missing; every text needs 'nl'"),
    "empty_nl.yaml": (10, "sections[0].prompts[0].text.nl: the Dutch text ('nl') is empty; write it"),
    "unknown_kind.yaml": (
        9,
        "sections[0].prompts[0].kind: unknown prompt kind 'essay'; use one of: 'text', 'reflection', 'choice'",
    ),
    "missing_kind.yaml": (
        8,
        "sections[0].prompts[0]: a prompt needs 'kind' "
        "(text, reflection, choice, multi, alternative, people, children, actions, participants, list, guiding)",
    ),
    "choice_one_option.yaml": (13, "sections[0].prompts[0].options: give at least 2 items here (now 1)"),
    "id_uppercase.yaml": (5, "sections[0].id: 'Deel' is not a valid id: use lowercase letters, digits, '-' and '_'"),
    "id_with_spaces.yaml": (
        8,
        "sections[0].prompts[0].id: 'mijn vraag' is not a valid id: use lowercase letters, digits, '-' and '_'",
    ),
    "unknown_source.yaml": (
        12,
        "source 'jansen-2020' is not in the bibliography; use one of complexe-werkelijkheid-2009, goedgenoeg-2025",
    ),
    "key_not_text.yaml": (4, "a key must be plain text, such as 'id' or 'text'"),
    "value_not_readable.yaml": (2, "'2024-02-30' cannot be read as timestamp; put it in quotes if it is text"),
    "merge_key.yaml": (14, "merge keys ('<<') are not supported; write the keys out"),
    "unknown_tag.yaml": (2, "the YAML tag '!versie' is not supported; remove it"),
    "undefined_alias.yaml": (11, "an alias (*name) has no anchor (&name) above it; add the anchor or write the value out"),
    "empty.yaml": (1, "the file is empty; a library needs at least id, version, title and sections"),
    "only_blank_lines.yaml": (1, "the file is empty; a library needs at least id, version, title and sections"),
    "only_comments.yaml": (1, "the file holds only comments; a library needs at least id, version, title and sections"),
    "alias_bomb.yaml": (1, "the anchors (&) and aliases (*) expand to far too many values (an alias bomb?)"),
    "deep_nesting.yaml": (4, "nested more than 40 levels deep; a library needs far fewer, check the brackets and indentation"),
    "multiple_documents.yaml": (
        14,
        "the file holds more than one YAML document (a second '---'); put each library in its own file",
    ),
}


def generate_not_utf8(folder: Path) -> Path:
    path = folder / "not_utf8.yaml"
    path.write_bytes(b'id: kapot\nversion: "1"\ntitle: {nl: Caf\xe9}\n')  # Latin-1, as an old editor saves it
    return path


def generate_too_big(folder: Path) -> Path:
    path = folder / "too_big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\nid: kapot\n")
    return path


def generate_control_character(folder: Path) -> Path:
    path = folder / "control_character.yaml"
    path.write_bytes(b'id: kapot\nversion: "1"\ntitle: {nl: "Ka\x07pot"}\n')
    return path


def generate_very_deep_flow(folder: Path) -> Path:
    """100,000 nested brackets: 200 KB, under the size limit. libyaml's C composer recurses once
    per level and overflowed the C stack here (the process died with a segmentation fault)."""
    path = folder / "very_deep_flow.yaml"
    path.write_text("id: kapot\nsections: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return path


def generate_very_deep_block(folder: Path) -> Path:
    """The same crash in block style: '- - - - ...' nests one level per two characters."""
    path = folder / "very_deep_block.yaml"
    path.write_text("- " * 100_000 + "a\n", encoding="utf-8")
    return path


GENERATED = {
    generate_not_utf8: (3, "the file is not UTF-8 text; save it as UTF-8"),
    generate_too_big: (0, f"KiB; a library may be at most {MAX_BYTES // 1024} KiB, split it into smaller libraries"),
    generate_control_character: (3, "the file holds a control character (#x0007) that YAML does not allow; remove it"),
    generate_very_deep_flow: (2, "nested more than 40 levels deep"),
    generate_very_deep_block: (1, "nested more than 40 levels deep"),
}


def check(runner, path: Path, line: int, message: str) -> None:
    result = runner.invoke(app, ["libraries", "check", str(path)])
    output = result.output + (result.stderr or "")
    assert result.exit_code == 1, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    problems = [x for x in result.stderr.splitlines() if x.startswith(f"{path}:")]
    assert len(problems) == 1, result.stderr
    prefix = f"{path}:{line}: "
    assert problems[0].startswith(prefix), f"expected line {line}: {problems[0]}"
    assert message in problems[0][len(prefix) :], problems[0]


def test_every_broken_file_has_a_case():
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(CASES)
    assert len(CASES) + len(GENERATED) >= 22


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda n: n.removesuffix(".yaml"))
def test_broken_file(name, runner):
    line, message = CASES[name]
    check(runner, BROKEN / name, line, message)


@pytest.mark.parametrize("make", list(GENERATED), ids=lambda f: f.__name__.removeprefix("generate_"))
def test_generated_broken_file(make, tmp_path, runner):
    line, message = GENERATED[make]
    check(runner, make(tmp_path), line, message)


def test_a_folder_of_broken_files_reports_each_file_in_one_run(tmp_path, runner):
    """All files at once: one problem per file, no file stops the others (an alias bomb and a
    crash-deep file included)."""
    folder = tmp_path / "libs"
    folder.mkdir()
    for name in CASES:
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    for make in GENERATED:
        make(folder)
    result = runner.invoke(app, ["libraries", "check", str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output + result.stderr
    files = {x.split(".yaml:", 1)[0] for x in result.stderr.splitlines() if ".yaml:" in x}
    assert len(files) == len(CASES) + len(GENERATED)
    assert f"{len(CASES) + len(GENERATED)} probleem/problemen gevonden; 0 bibliothe(e)k(en) in orde." in result.stderr
