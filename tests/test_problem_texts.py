"""The words of library problems: each kind of problem is used, and worded in Dutch and English
with the same values."""

import re
import string
from pathlib import Path

import pytest

from goedgenoeg.problem_texts import TEXTS
from goedgenoeg.problems import Message, OneOf, Problem, message

SOURCES = Path(__file__).resolve().parent.parent / "src" / "goedgenoeg"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_take_the_same_values(key):
    nl, en = TEXTS[key]
    assert nl and en and nl != en or key == "other"
    assert fields(nl) == fields(en)


def test_every_kind_of_problem_is_used():
    code = "".join((SOURCES / name).read_text(encoding="utf-8") for name in ("problems.py", "yamlread.py", "library.py"))
    named = set(re.findall(r"""["']([a-z_0-9]+)["']""", code))
    assert sorted(set(TEXTS) - named) == []


def test_a_problem_is_worded_at_the_edge_in_the_language_asked():
    problem = Problem(
        "lib.yaml", 8, message("not_allowed", value="wallonia", expected=OneOf("'flanders' or 'netherlands'")), "when.region[0]"
    )
    assert (
        problem.text()
        == "lib.yaml:8: when.region[0]: 'wallonia' is hier niet toegelaten; gebruik een van 'flanders' of 'netherlands'"
    )
    assert (
        problem.text("en") == "lib.yaml:8: when.region[0]: 'wallonia' is not allowed here; use one of 'flanders' or 'netherlands'"
    )
    nested = Problem("lib.yaml", 4, message("must_be_list", shown=message("shown_number", number=5)), "sections")
    assert nested.text("en") == "lib.yaml:4: sections: must be a list (one '- ' line per item, or [a, b]), not the number 5"
    assert isinstance(nested.message, Message) and nested.line == 4


def test_a_line_break_in_a_quoted_value_keeps_a_problem_on_one_line():
    problem = Problem("lib.yaml", 3, message("unknown_key", key="a\nb"))
    assert problem.text("en") == "lib.yaml:3: unknown key 'a\\nb'; remove it"


def test_pyyaml_words_for_a_syntax_error_are_dutch_where_known(tmp_path):
    from goedgenoeg.problem_texts import YAML_WORDS_NL
    from goedgenoeg.problems import LibraryError
    from goedgenoeg.yamlread import read_yaml

    path = tmp_path / "kapot.yaml"
    path.write_text("id: x\nsections:\n  - id: a\n    title: {nl: A\n", encoding="utf-8")
    with pytest.raises(LibraryError) as err:
        read_yaml(path)
    assert err.value.lines("en") == [
        f"{path}:5: YAML syntax error: did not find expected ',' or '}}' (while parsing a flow mapping that starts on line 4)"
    ]
    assert err.value.lines() == [
        f"{path}:5: YAML-syntaxfout: verwachtte ',' of '}}' maar vond die niet (in een mapping tussen {{ }}, begonnen op regel 4)"
    ]
    assert all(nl and nl != en for en, nl in YAML_WORDS_NL.items())


MINUTES = """\
id: kapot
version: "1"
title: {nl: Kapot}
sections:
  - id: deel
    title: {nl: Deel}
    minutes: MINUTES
    prompts:
      - id: vraag
        kind: text
        text: {nl: Vraag}
        help: {nl: Waarom}
        source: "goedgenoeg-2025 §3.1"
"""


@pytest.mark.parametrize(
    ("minutes", "dutch", "english"),
    [
        ("0", "moet groter zijn dan 0", "input should be greater than 0"),
        ("900", "mag hoogstens 600 zijn", "input should be less than or equal to 600"),
    ],
)
def test_a_time_box_out_of_bounds_is_named_in_both_languages(tmp_path, minutes, dutch, english):
    from goedgenoeg.library import LibraryError, load_library

    path = tmp_path / "kapot.yaml"
    path.write_text(MINUTES.replace("MINUTES", minutes), encoding="utf-8")
    with pytest.raises(LibraryError) as err:
        load_library(path, {"goedgenoeg-2025"})
    assert err.value.lines() == [f"{path}:7: sections[0].minutes: {dutch}"]
    assert err.value.lines("en") == [f"{path}:7: sections[0].minutes: {english}"]
