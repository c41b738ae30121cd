"""A corpus of broken libraries: each gives one `file:line: message` that says what is wrong and
what to do, a non-zero exit, and never a traceback.

The files are in tests/broken/; cases a file cannot hold (bytes that are not UTF-8, a file over
the size limit, nesting deep enough to crash the C composer) are generated into tmp_path."""

import os
import sys
from pathlib import Path

import pytest

from goedgenoeg.cli import app
from goedgenoeg.library import MAX_BYTES

BROKEN = Path(__file__).parent / "broken"

# file name -> (line, a substring of the message after `file:line: ` in Dutch (the default), the same in English)
CASES = {
    "syntax_error.yaml": (
        4,
        "YAML-syntaxfout: verwachtte ',' of '}' maar vond die niet (in een mapping tussen { }, begonnen op regel 3)",
        "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping that starts on line 3)",
    ),
    "tab_indent.yaml": (
        8,
        "er staat een tab in de inspringing; YAML wil spaties",
        "a tab is used for indentation; YAML needs spaces",
    ),
    "duplicate_key_top.yaml": (
        13,
        "sleutel 'version' staat er twee keer (de eerste op regel 2)",
        "duplicate key 'version' (the first is on line 2)",
    ),
    "duplicate_key_nested.yaml": (
        12,
        "sleutel 'help' staat er twee keer (de eerste op regel 11)",
        "duplicate key 'help' (the first is on line 11)",
    ),
    "document_list.yaml": (
        1,
        "het bestand bevat een lijst, maar een bibliotheek moet een mapping zijn (regels sleutel: waarde) "
        "met id, version, title en sections",
        "the file holds a list, but a library must be a mapping (key: value lines) with id, version, title and sections",
    ),
    "document_string.yaml": (
        1,
        "het bestand bevat 'Dit is geen bibliotheek maar gewoon e...', maar een bibliotheek moet een mapping "
        "zijn (regels sleutel: waarde) met id, version, title en sections",
        "the file holds 'Dit is geen bibliotheek maar gewoon e...', but a library must be a mapping",
    ),
    "unknown_top_key.yaml": (
        4,
        "sectoins: onbekende sleutel 'sectoins' (bedoel je 'sections'?)",
        "sectoins: unknown key 'sectoins' (did you mean 'sections'?)",
    ),
    "unknown_prompt_key.yaml": (
        11,
        "sections[0].prompts[0].hulp: onbekende sleutel 'hulp' (bedoel je 'help'?)",
        "sections[0].prompts[0].hulp: unknown key 'hulp' (did you mean 'help'?)",
    ),
    "order_not_a_number.yaml": (3, "order: moet een geheel getal zijn, niet 'many'", "order: must be a whole number, not 'many'"),
    "sections_not_a_list.yaml": (
        4,
        "sections: moet een lijst zijn (een regel '- ' per item, of [a, b]), niet het getal 5",
        "sections: must be a list (one '- ' line per item, or [a, b]), not the number 5",
    ),
    "long_not_yes_no.yaml": (
        10,
        "sections[0].prompts[0].long: moet true of false zijn, niet 'maybe'",
        "sections[0].prompts[0].long: must be true or false, not 'maybe'",
    ),
    "version_a_number.yaml": (
        2,
        'version: moet tekst zijn, niet het getal 1; zet het tussen aanhalingstekens: "1"',
        'version: must be text, not the number 1; put it in quotes: "1"',
    ),
    "text_not_a_mapping.yaml": (
        3,
        "title: moet een tekst per taal zijn, zoals {nl: ..., en: ...}, niet 'Kapot'",
        "title: must be a text per language, like {nl: ..., en: ...}, not 'Kapot'",
    ),
    "missing_version.yaml": (1, "version: 'version' ontbreekt; voeg het toe", "'version' is missing; add it"),
    "section_without_prompts.yaml": (
        7,
        "sections[0].prompts: geef hier minstens 1 item (nu 0)",
        "sections[0].prompts: give at least 1 item here (now 0)",
    ),
    "duplicate_section_id.yaml": (
        13,
        "sectie-id 'deel' staat er twee keer (de eerste op regel 5)",
        "duplicate section id 'deel' (first on line 5)",
    ),
    "duplicate_prompt_id.yaml": (
        16,
        "vraag-id 'vraag' staat er twee keer (de eerste op regel 8)",
        "duplicate prompt id 'vraag' (first on line 8)",
    ),
    "duplicate_option_id.yaml": (
        18,
        "optie-id 'ja' staat er twee keer (de eerste op regel 14)",
        "duplicate option id 'ja' (first on line 14)",
    ),
    "when_unknown_decision.yaml": (
        8,
        "sections[0].when.decision[1]: 'verhuizing' is hier niet toegelaten; gebruik een van 'placement', "
        "'measure', 'report' of 'other'",
        "sections[0].when.decision[1]: 'verhuizing' is not allowed here; use one of 'placement', 'measure', 'report' or 'other'",
    ),
    "when_unknown_region.yaml": (
        14,
        "sections[0].prompts[0].when.region[0]: 'wallonia' is hier niet toegelaten; gebruik een van 'flanders' of 'netherlands'",
        "sections[0].prompts[0].when.region[0]: 'wallonia' is not allowed here; use one of 'flanders' or 'netherlands'",
    ),
    "when_not_a_list.yaml": (
        8,
        "sections[0].when.age: moet een lijst zijn (een regel '- ' per item, of [a, b]), niet 'under-1'",
        "sections[0].when.age: must be a list",
    ),
    "alternative_unknown_region.yaml": (
        13,
        "sections[0].prompts[0].region[1]: 'belgium' is hier niet toegelaten; gebruik een van 'flanders' of 'netherlands'",
        "sections[0].prompts[0].region[1]: 'belgium' is not allowed here; use one of 'flanders' or 'netherlands'",
    ),
    "missing_nl.yaml": (
        6,
        "sections[0].title.nl: de Nederlandse tekst ('nl') ontbreekt; elke tekst heeft 'nl' nodig",
        "sections[0].title.nl: the Dutch text ('nl') is missing; every text needs 'nl'",
    ),
    "empty_nl.yaml": (
        10,
        "sections[0].prompts[0].text.nl: de Nederlandse tekst ('nl') is leeg; schrijf hem",
        "sections[0].prompts[0].text.nl: the Dutch text ('nl') is empty; write it",
    ),
    "unknown_kind.yaml": (
        9,
        "sections[0].prompts[0].kind: onbekende vraagsoort 'essay'; gebruik een van: 'text', 'reflection', "
        "'choice', 'multi', 'alternative', 'people', 'children', 'actions', 'participants', 'list', 'guiding'",
        "sections[0].prompts[0].kind: unknown prompt kind 'essay'; use one of: 'text', 'reflection', 'choice'",
    ),
    "missing_kind.yaml": (
        8,
        "sections[0].prompts[0]: een vraag heeft 'kind' nodig (text, reflection, choice, multi, alternative, "
        "people, children, actions, participants, list, guiding, table)",
        "sections[0].prompts[0]: a prompt needs 'kind' (text, reflection, choice, multi, alternative, "
        "people, children, actions, participants, list, guiding, table)",
    ),
    "choice_one_option.yaml": (
        13,
        "sections[0].prompts[0].options: geef hier minstens 2 items (nu 1)",
        "sections[0].prompts[0].options: give at least 2 items here (now 1)",
    ),
    "id_uppercase.yaml": (
        5,
        "sections[0].id: 'Deel' is geen geldige id: gebruik kleine letters, cijfers, '-' en '_'",
        "sections[0].id: 'Deel' is not a valid id: use lowercase letters, digits, '-' and '_'",
    ),
    "id_with_spaces.yaml": (
        8,
        "sections[0].prompts[0].id: 'mijn vraag' is geen geldige id: gebruik kleine letters, cijfers, '-' en '_'",
        "sections[0].prompts[0].id: 'mijn vraag' is not a valid id: use lowercase letters, digits, '-' and '_'",
    ),
    "unknown_source.yaml": (
        12,
        "bron 'jansen-2020' staat niet in de bibliografie; gebruik een van complexe-werkelijkheid-2009, goedgenoeg-2025",
        "source 'jansen-2020' is not in the bibliography; use one of complexe-werkelijkheid-2009, goedgenoeg-2025",
    ),
    "key_not_text.yaml": (
        4,
        "een sleutel moet gewone tekst zijn, zoals 'id' of 'text'",
        "a key must be plain text, such as 'id' or 'text'",
    ),
    "value_not_readable.yaml": (
        2,
        "'2024-02-30' kan niet gelezen worden als timestamp; zet het tussen aanhalingstekens als het tekst is",
        "'2024-02-30' cannot be read as timestamp; put it in quotes if it is text",
    ),
    "merge_key.yaml": (
        14,
        "merge-sleutels ('<<') worden niet ondersteund; schrijf de sleutels uit",
        "merge keys ('<<') are not supported; write the keys out",
    ),
    "unknown_tag.yaml": (
        2,
        "de YAML-tag '!versie' wordt niet ondersteund; haal hem weg",
        "the YAML tag '!versie' is not supported; remove it",
    ),
    "undefined_alias.yaml": (
        11,
        "een alias (*naam) heeft geen anker (&naam) erboven; voeg het anker toe of schrijf de waarde uit",
        "an alias (*name) has no anchor (&name) above it; add the anchor or write the value out",
    ),
    "empty.yaml": (
        1,
        "het bestand is leeg; een bibliotheek heeft minstens id, version, title en sections nodig",
        "the file is empty; a library needs at least id, version, title and sections",
    ),
    "only_blank_lines.yaml": (
        1,
        "het bestand is leeg; een bibliotheek heeft minstens id, version, title en sections nodig",
        "the file is empty; a library needs at least id, version, title and sections",
    ),
    "only_comments.yaml": (
        1,
        "het bestand bevat alleen commentaar; een bibliotheek heeft minstens id, version, title en sections nodig",
        "the file holds only comments; a library needs at least id, version, title and sections",
    ),
    "alias_bomb.yaml": (
        1,
        "de ankers (&) en aliassen (*) worden veel te veel waarden (een aliasbom?); schrijf de waarden uit "
        "of gebruik minder aliassen",
        "the anchors (&) and aliases (*) expand to far too many values (an alias bomb?)",
    ),
    "deep_nesting.yaml": (
        4,
        "meer dan 40 niveaus diep genest; een bibliotheek heeft er veel minder nodig, kijk de haakjes en inspringing na",
        "nested more than 40 levels deep; a library needs far fewer, check the brackets and indentation",
    ),
    "multiple_documents.yaml": (
        14,
        "het bestand bevat meer dan één YAML-document (een tweede '---'); zet elke bibliotheek in een eigen bestand",
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
    generate_not_utf8: (
        3,
        "het bestand is geen UTF-8-tekst; bewaar het als UTF-8",
        "the file is not UTF-8 text; save it as UTF-8",
    ),
    generate_too_big: (
        0,
        f"KiB; een bibliotheek mag hoogstens {MAX_BYTES // 1024} KiB zijn, splits ze in kleinere bibliotheken",
        f"KiB; a library may be at most {MAX_BYTES // 1024} KiB, split it into smaller libraries",
    ),
    generate_control_character: (
        3,
        "het bestand bevat een stuurteken (#x0007) dat YAML niet toelaat; haal het weg",
        "the file holds a control character (#x0007) that YAML does not allow; remove it",
    ),
    generate_very_deep_flow: (
        2,
        "meer dan 40 niveaus diep genest; een bibliotheek heeft er veel minder nodig, kijk de haakjes en inspringing na",
        "nested more than 40 levels deep",
    ),
    generate_very_deep_block: (
        1,
        "meer dan 40 niveaus diep genest; een bibliotheek heeft er veel minder nodig, kijk de haakjes en inspringing na",
        "nested more than 40 levels deep",
    ),
}


def check(runner, path: Path, line: int, message: str, lang: str = "nl") -> None:
    result = runner.invoke(app, ["libraries", "check", str(path)] + (["--lang", lang] if lang != "nl" else []))
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
    line, dutch, english = CASES[name]
    check(runner, BROKEN / name, line, dutch)
    check(runner, BROKEN / name, line, english, "en")


@pytest.mark.parametrize("make", list(GENERATED), ids=lambda f: f.__name__.removeprefix("generate_"))
def test_generated_broken_file(make, tmp_path, runner):
    line, dutch, english = GENERATED[make]
    path = make(tmp_path)
    check(runner, path, line, dutch)
    check(runner, path, line, english, "en")


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
    assert f"Problemen gevonden: {len(CASES) + len(GENERATED)}. Bibliotheken in orde: 0." in result.stderr


WHOLE = ("missing_version.yaml", "unknown_prompt_key.yaml", "when_unknown_region.yaml", "duplicate_prompt_id.yaml")


def whole_check(runner, tmp_path: Path, args: list[str]) -> tuple[Path, str]:
    folder = tmp_path / "libs"
    folder.mkdir(exist_ok=True)
    for name in WHOLE:
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    result = runner.invoke(app, ["libraries", "check", str(folder), *args])
    assert result.exit_code == 1 and result.stdout == "", result.output
    return folder, result.stderr


def test_the_check_output_is_dutch_by_default(tmp_path, runner):
    folder, output = whole_check(runner, tmp_path, [])
    assert output == (
        f"{folder}/duplicate_prompt_id.yaml:16: vraag-id 'vraag' staat er twee keer (de eerste op regel 8)\n"
        f"{folder}/missing_version.yaml:1: version: 'version' ontbreekt; voeg het toe\n"
        f"{folder}/unknown_prompt_key.yaml:11: sections[0].prompts[0].hulp: onbekende sleutel 'hulp' (bedoel je 'help'?)\n"
        f"{folder}/when_unknown_region.yaml:14: sections[0].prompts[0].when.region[0]: "
        "'wallonia' is hier niet toegelaten; gebruik een van 'flanders' of 'netherlands'\n"
        "Problemen gevonden: 4. Bibliotheken in orde: 0.\n"
    )


ENGLISH_OUTPUT = (
    "{folder}/duplicate_prompt_id.yaml:16: duplicate prompt id 'vraag' (first on line 8)\n"
    "{folder}/missing_version.yaml:1: version: 'version' is missing; add it\n"
    "{folder}/unknown_prompt_key.yaml:11: sections[0].prompts[0].hulp: unknown key 'hulp' (did you mean 'help'?)\n"
    "{folder}/when_unknown_region.yaml:14: sections[0].prompts[0].when.region[0]: "
    "'wallonia' is not allowed here; use one of 'flanders' or 'netherlands'\n"
    "Problems found: 4. Libraries passed: 0.\n"
)


def test_the_check_output_is_english_with_lang_en(tmp_path, runner):
    folder, output = whole_check(runner, tmp_path, ["--lang", "en"])
    assert output == ENGLISH_OUTPUT.format(folder=folder)


def test_the_check_output_is_english_with_the_environment_or_the_config_file(tmp_path, monkeypatch, runner):
    monkeypatch.setenv("GOEDGENOEG_LANG", "en")
    folder, output = whole_check(runner, tmp_path, [])
    assert output == ENGLISH_OUTPUT.format(folder=folder)
    monkeypatch.delenv("GOEDGENOEG_LANG")
    config = tmp_path / "goedgenoeg.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    folder, output = whole_check(runner, tmp_path, [])
    assert output == ENGLISH_OUTPUT.format(folder=folder)


def test_a_broken_extra_library_stops_a_reflection_in_the_chosen_language(tmp_path, runner):
    """The same problems when a library is loaded for a reflection, before anything is asked."""
    path = tmp_path / "eigen.yaml"
    path.write_bytes((BROKEN / "unknown_prompt_key.yaml").read_bytes())
    dutch = runner.invoke(
        app, ["preview", "--decision", "placement", "--age", "under-1", "--region", "flanders", "--library", str(path)]
    )
    assert dutch.exit_code == 2
    assert f"{path}:11: sections[0].prompts[0].hulp: onbekende sleutel 'hulp' (bedoel je 'help'?)" in dutch.stderr
    english = runner.invoke(
        app,
        [
            "preview",
            "--decision",
            "placement",
            "--age",
            "under-1",
            "--region",
            "flanders",
            "--library",
            str(path),
            "--lang",
            "en",
        ],
    )
    assert english.exit_code == 2
    assert f"{path}:11: sections[0].prompts[0].hulp: unknown key 'hulp' (did you mean 'help'?)" in english.stderr


def test_files_checked_side_by_side_give_the_same_report(tmp_path, monkeypatch):
    """Large sets of files are checked in worker processes on Linux: the same problems, in the
    same order, and the same count of libraries that passed, as one at a time."""
    from goedgenoeg import library

    folder = tmp_path / "libs"
    folder.mkdir()
    for path in sorted(library.bundled_dir().glob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    for name in ("unknown_source.yaml", "duplicate_key_top.yaml", "missing_kind.yaml"):
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    monkeypatch.setattr(library, "PARALLEL_BYTES", 10**12)
    assert library._workers(sorted(folder.iterdir())) == 1
    one_at_a_time = library.check_paths([folder])
    monkeypatch.setattr(library, "PARALLEL_BYTES", 0)
    if sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1:
        assert library._workers(sorted(folder.iterdir())) > 1
    side_by_side = library.check_paths([folder])
    assert side_by_side == one_at_a_time
    assert one_at_a_time[0] >= 5 and len(one_at_a_time[1]) == 3


def test_without_worker_processes_the_files_are_checked_one_at_a_time(tmp_path, monkeypatch, runner):
    """No process to be had (a limit on processes) or a worker that dies: the same report, no
    traceback."""
    from goedgenoeg import library

    folder = tmp_path / "libs"
    folder.mkdir()
    for name in ("unknown_source.yaml", "missing_kind.yaml"):
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    expected = library.check_paths([folder])

    def no_processes(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(library, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(library, "_workers", lambda paths: 2)
    with monkeypatch.context() as patch:
        patch.setattr(library.os, "fork", no_processes)
        assert library.check_paths([folder]) == expected
        result = runner.invoke(app, ["libraries", "check", str(folder)])
        assert result.exit_code == 1 and "Traceback" not in result.output + result.stderr
        assert "Problemen gevonden: 2." in result.stderr
    if sys.platform == "linux":  # a worker killed half-way (the parent checks the files itself)
        parent, check_one = os.getpid(), library._check_one

        def dies_in_a_worker(path, source_ids):
            if os.getpid() != parent:
                os._exit(9)
            return check_one(path, source_ids)

        monkeypatch.setattr(library, "_check_one", dies_in_a_worker)
        assert library._side_by_side(sorted(folder.iterdir()), set(), 2) is None
        assert library.check_paths([folder]) == expected
