"""Loading and checking libraries: bundled content and authors' mistakes."""

import textwrap
from pathlib import Path

from goedgenoeg.cli import app
from goedgenoeg.library import bundled_dir
from samples import OWN_LIBRARY

# one valid question (its text is what tests below change)
GOOD = OWN_LIBRARY.replace(
    "{nl: Wat vraagt onze dienst altijd?, en: What does our service always ask?}", "{nl: Een vraag?, en: A question?}"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_bundled_libraries_pass_the_check(runner):
    result = runner.invoke(app, ["libraries", "check"])
    assert result.exit_code == 0, result.output + str(result.stderr)
    assert "geen problemen" in result.output


def test_typo_missing_nl_and_duplicate_id_give_three_file_line_messages(tmp_path, runner):
    path = write(
        tmp_path,
        "kapot.yaml",
        """\
        id: kapot
        version: "1"
        title: {nl: Kapot, en: Broken}
        sections:
          - id: deel
            title: {nl: Deel}
            prompts:
              - id: een
                kind: text
                txet: {nl: Typo in de sleutel}
                text: {nl: Vraag een}
                help: {nl: Waarom}
                source: "goedgenoeg-2025 §3.1"
              - id: twee
                kind: text
                text: {en: Only English}
                help: {nl: Waarom}
                source: "goedgenoeg-2025 §3.1"
              - id: een
                kind: text
                text: {nl: Nog een}
                help: {nl: Waarom}
                source: "goedgenoeg-2025 §3.1"
        """,
    )
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code != 0
    lines = [x for x in result.stderr.splitlines() if x.startswith(str(path))]
    assert lines == [
        f"{path}:10: sections[0].prompts[0].txet: onbekende sleutel 'txet' (bedoel je 'text'?)",
        f"{path}:16: sections[0].prompts[1].text.nl: de Nederlandse tekst ('nl') ontbreekt; elke tekst heeft 'nl' nodig",
        f"{path}:19: vraag-id 'een' staat er twee keer (de eerste op regel 8)",
    ]
    assert "Traceback" not in result.stderr + result.output


def test_all_three_problems_in_one_run_when_in_separate_files(tmp_path, runner):
    folder = tmp_path / "libs"
    folder.mkdir()
    write(folder, "a.yaml", GOOD.replace("kind: text", "kind: text\n        txet: {nl: x}"))
    write(
        folder,
        "b.yaml",
        GOOD.replace("id: eigen", "id: eigen2").replace("{nl: Een vraag?, en: A question?}", "{en: A question?}"),
    )
    write(folder, "c.yaml", GOOD.replace("id: eigen", "id: eigen3") + GOOD[GOOD.index("      - id: vraag") :])
    result = runner.invoke(app, ["libraries", "check", str(folder)])
    assert result.exit_code == 1
    problems = [x for x in result.stderr.splitlines() if ".yaml:" in x]
    assert len(problems) == 3, result.stderr
    assert problems[0].startswith(f"{folder / 'a.yaml'}:10: ") and "onbekende sleutel 'txet'" in problems[0]
    assert problems[1].startswith(f"{folder / 'b.yaml'}:10: ") and "'nl'" in problems[1]
    assert problems[2].startswith(f"{folder / 'c.yaml'}:13: ") and "vraag-id 'vraag' staat er twee keer" in problems[2]


def test_a_given_library_replaces_the_bundled_one_with_the_same_id(tmp_path):
    path = write(tmp_path, "ctx.yaml", GOOD.replace("id: eigen", "id: kanttekeningen"))
    from goedgenoeg.library import load_all

    libs = load_all([path])
    replaced = libs.get("kanttekeningen")
    assert [s.id for s in replaced.sections] == ["deel"]
    assert libs.get("mentaliseren") is not None


def test_unknown_source_is_reported(tmp_path, runner):
    path = write(tmp_path, "x.yaml", GOOD.replace("goedgenoeg-2025 §3.1", "onbekend-1999 §2"))
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:12: bron 'onbekend-1999' staat niet in de bibliografie" in result.stderr


def test_reflect_with_a_broken_library_says_what_to_fix(tmp_path, runner):
    path = write(tmp_path, "x.yaml", GOOD.replace("kind: text", "kind: essay"))
    result = runner.invoke(app, ["reflect", "--library", str(path), "--answers", str(path)])
    assert result.exit_code == 2
    assert f"{path}:9:" in result.stderr and "onbekende vraagsoort 'essay'" in result.stderr


def test_schema_is_json_schema_of_a_library(runner):
    import json

    result = runner.invoke(app, ["libraries", "schema"])
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"id", "version", "title", "sections"}
    assert schema["additionalProperties"] is False


def test_bundled_folder_is_inside_the_package_or_the_checkout_under_test():
    """Installed, the libraries come from inside the package (tests/test_install.py checks the
    wheel); the tests import the checkout's src/, and then read the checkout's prompts/."""
    import goedgenoeg

    assert (bundled_dir() / "context.yaml").is_file()
    package = Path(goedgenoeg.__file__).parent
    assert bundled_dir() in (package / "prompts", package.parent.parent / "prompts")


def test_a_tab_inside_text_is_fine(tmp_path, runner):
    text = GOOD.replace(
        "help: {nl: Waarom, en: Why}",
        "help:\n          nl: >-\n            Waarom\n            \tmet een tab erin\n          en: Why",
    )
    path = write(tmp_path, "tab.yaml", text)
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code == 0, result.stderr


def test_deep_nesting_is_refused_cleanly_wherever_the_brackets_hide(tmp_path):
    """Brackets after a quote inside a word still nest; only real quoted text is left out of
    the depth estimate (the C composer would crash on 100,000 levels)."""
    from goedgenoeg.library import LibraryError, read_yaml
    from goedgenoeg.yamlread import could_nest_deeply

    for n, text in enumerate(["x: [a'" + "[" * 100_000 + "'\n", "x: " + "[" * 100_000 + "\n"]):
        assert could_nest_deeply(text)
        path = write(tmp_path, f"deep{n}.yaml", text)
        try:
            read_yaml(path)
        except LibraryError as err:
            assert err.problems[0].line == 1 and err.lines()[0].startswith(f"{path}:1: ")
        else:
            raise AssertionError("a 100,000-deep file was accepted")
    assert not could_nest_deeply("x: '" + "[" * 5000 + "'\n")  # quoted text is only text


def test_paths_and_dossier_flags_are_checked(tmp_path, runner):
    flags = '        source: "goedgenoeg-2025 §3.1"\n        short: true\n        dossier: false\n        summary: facts\n'
    path = write(tmp_path, "x.yaml", GOOD.replace('        source: "goedgenoeg-2025 §3.1"\n', flags))
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code == 1
    assert (
        f"{path}:15: 'summary: facts' zet het antwoord bovenaan het dossierverslag, maar 'dossier: false' houdt het eruit"
        in result.stderr
    )
    wrong = write(
        tmp_path,
        "y.yaml",
        GOOD.replace("    title: {nl: Deel, en: Part}\n", "    phase: afweging\n    title: {nl: Deel, en: Part}\n"),
    )
    result = runner.invoke(app, ["libraries", "check", str(wrong)])
    assert result.exit_code == 1 and f"{wrong}:6: " in result.stderr and "weighing" in result.stderr


def test_a_prompt_may_give_its_own_estimate_within_limits(tmp_path, runner):
    """`seconds:` overrides the kind's estimate (the case reference: a code typed on one line),
    between 5 and 600; outside that the check says so on its line, in Dutch by default."""
    from goedgenoeg.library import load_all, load_library

    library = GOOD.replace("        kind: text\n", "        kind: text\n        seconds: SECONDS\n")
    path = tmp_path / "eigen.yaml"
    path.write_text(library.replace("SECONDS", "20"), encoding="utf-8")
    prompt = load_library(path).library.sections[0].prompts[0]
    assert prompt.answering() == 20 and prompt.estimate() == 20 + prompt.reading()  # reading comes on top
    assert load_all().get("context").sections[0].prompts[0].answering() == 20  # the case reference
    path.write_text(library.replace("SECONDS", "2"), encoding="utf-8")
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:10: sections[0].prompts[0].seconds: moet minstens 5 zijn" in result.stderr
