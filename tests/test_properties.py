"""Properties, with hypothesis: the loader only ever raises LibraryError (each problem one
`file:line: message` line), and no answer text can change the layout of the record or get lost."""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from markdown_it import MarkdownIt

from goedgenoeg.answers import normalise
from goedgenoeg.library import LibraryError, Loaded, load_all, load_library
from goedgenoeg.models import Answer
from goedgenoeg.record import render
from goedgenoeg.sanitize import strip_control
from goedgenoeg.session import new_session
from goedgenoeg.walk import Walk

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SOURCE_IDS = {"goedgenoeg-2025", "proeftuinen-ls6"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def load(path: Path, text: str | None = None, data: object = None) -> Loaded | None:
    """Load text (or data dumped as YAML) as a library. Only LibraryError may come out, and
    every problem must be one line `file:line: message`."""
    if text is None:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    try:
        return load_library(path, SOURCE_IDS)
    except LibraryError as err:
        assert err.problems
        for problem in err.lines():
            assert re.match(rf"{re.escape(str(path))}:\d+: .", problem), problem
            assert "\n" not in problem and "\r" not in problem, problem
        return None


# --- (a) arbitrary text ----------------------------------------------------------

YAMLISH = st.text(alphabet="[]{}:-?,&*!|>'\"#%@`~ \n\t\r\x07abcnlid019.<=", max_size=200)
LINES = st.lists(
    st.sampled_from(
        [
            "id: x",
            "version: '1'",
            "title: {nl: T}",
            "sections:",
            "  - id: s",
            "    prompts:",
            "      - kind: text",
            "a: &a [1, 2]",
            "b: *a",
            "c: !!int x",
            "- - -",
            "---",
            "...",
            "  nl: x",
            "? [a]",
            ": b",
            "\t- x",
            "{",
            "]",
        ]
    ),
    max_size=12,
).map("\n".join)


@SETTINGS
@given(text=st.one_of(st.text(), YAMLISH, LINES))
def test_any_text_loads_or_raises_library_error(folder, text):
    load(folder / "any.yaml", text=text)


# --- (b) YAML-like structures and mutations of a valid library --------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["text", "choice", "nl", "en", "id", "flanders", "placement", "goedgenoeg-2025 §1"]),
)
KEYS = st.one_of(st.text(max_size=10), st.sampled_from(["id", "version", "title", "sections", "prompts", "kind", "nl", "when"]))
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=30)


@SETTINGS
@given(tree=TREES)
def test_any_structure_loads_or_raises_library_error(folder, tree):
    load(folder / "tree.yaml", data=tree)


def text(nl: str) -> dict:
    return {"nl": nl, "en": nl.upper()}


VALID = {
    "id": "eigen",
    "version": "1",
    "order": 60,
    "title": text("eigen"),
    "intro": text("inleiding"),
    "sections": [
        {
            "id": "deel",
            "title": text("deel"),
            "when": {"decision": ["placement"], "region": ["flanders", "netherlands"]},
            "prompts": [
                {
                    "id": "open",
                    "kind": "text",
                    "long": True,
                    "text": text("vraag"),
                    "help": text("waarom"),
                    "source": "goedgenoeg-2025 §1",
                },
                {
                    "id": "denk",
                    "kind": "reflection",
                    "text": text("denk"),
                    "help": text("h"),
                    "counter": text("c"),
                    "source": "proeftuinen-ls6 §2",
                },
                {
                    "id": "kies",
                    "kind": "choice",
                    "text": text("kies"),
                    "help": text("h"),
                    "source": "goedgenoeg-2025 §1; proeftuinen-ls6 §1",
                    "options": [{"id": "ja", "label": text("ja")}, {"id": "nee", "label": text("nee")}],
                },
                {
                    "id": "veel",
                    "kind": "multi",
                    "text": text("veel"),
                    "help": text("h"),
                    "source": "goedgenoeg-2025",
                    "options": [{"id": "a", "label": text("a")}, {"id": "b", "label": text("b")}],
                    "when": {"age": ["under-1"], "who": ["team"]},
                },
            ],
        },
        {
            "id": "ander",
            "title": text("ander"),
            "prompts": [
                {
                    "id": "oma",
                    "kind": "alternative",
                    "text": text("oma"),
                    "help": text("h"),
                    "source": "goedgenoeg-2025 §4",
                    "description": text("d"),
                    "fits": text("f"),
                    "region": ["flanders"],
                },
                {"id": "wie", "kind": "people", "text": text("wie"), "help": text("h"), "source": "goedgenoeg-2025 §5"},
                {"id": "doen", "kind": "actions", "text": text("doen"), "help": text("h"), "source": "goedgenoeg-2025 §6"},
            ],
        },
    ],
}


def test_the_valid_library_loads(folder):
    assert load(folder / "valid.yaml", data=VALID) is not None


def places(tree, path=()):
    """Every (path, container) in a tree: the spots a mutation can touch."""
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from places(value, path + (key,))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from places(value, path + (i,))


def at(tree, path):
    for part in path:
        tree = tree[part]
    return tree


@st.composite
def mutated(draw):
    tree = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        spots = list(places(tree))
        path = draw(st.sampled_from(spots))
        if not path:
            continue
        parent, last = at(tree, path[:-1]), path[-1]
        op = draw(st.sampled_from(["replace", "delete", "add", "duplicate", "context", "tree"]))
        if op == "replace":
            parent[last] = draw(SCALARS)
        elif op == "tree":
            parent[last] = draw(TREES)
        elif op == "delete":
            del parent[last]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(KEYS)] = draw(SCALARS)
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif op == "context":
            tree["id"] = "context"  # the context library has checks of its own
    return tree


@SETTINGS
@given(tree=mutated())
def test_a_mutated_library_loads_or_raises_library_error(folder, tree):
    load(folder / "mutated.yaml", data=tree)


# --- (c) answer text in the record --------------------------------------------------

from test_cli import BABY_FLANDERS  # noqa: E402  (the same case as the command tests)

PLACEHOLDER = "QQPLACEHOLDERQQ"
MARKDOWN = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(
            [
                "# x",
                "## kop",
                "| a | b |",
                "|---|---|",
                "<script>alert(1)</script>",
                "<br>",
                "---",
                "===",
                "***",
                "- item",
                "+ item",
                "1. een",
                "2) twee",
                "> quote",
                "```",
                "~~~",
                "    code",
                "\t\tcode",
                "[a](http://x)",
                "![i](x.png)",
                "<http://x>",
                "&amp;",
                "&#35;",
                "*em*",
                "**strong**",
                "_x_",
                "`code`",
                "\\",
                "\\|",
                "a\\",
                "[x]: http://y",
                "<!-- c -->",
                "<div>",
                "\n",
                "\n\n",
                "\r\n",
                " ",
                "  ",
                "=",
                "-",
                "+",
                "|",
                "#",
                ":",
                "*",
                "_",
            ]
        ),
    ),
    min_size=1,
    max_size=8,
).map("".join)


@functools.cache
def record_setup():
    """The bundled libraries, one full set of plain answers, and the places arbitrary text goes."""
    libraries = load_all()
    context = {f"context.{k}": Answer(status="answered", value=v) for k, v in BABY_FLANDERS.items()}
    steps = [s for s in Walk(libraries, context, path="full").steps() if s.library.id != "context"]
    by_kind: dict[str, list] = {}
    for step in steps:
        by_kind.setdefault(step.prompt.kind, []).append(step)
    targets = {s.key: s.prompt for kind in ("text",) for s in by_kind[kind][:3]}
    for kind in ("reflection", "alternative", "people", "actions"):
        targets[by_kind[kind][0].key] = by_kind[kind][0].prompt
    raw = {}
    for n, step in enumerate(steps):
        prompt = step.prompt
        raw[step.key] = {
            "text": f"antwoord {n}",
            "reflection": {"response": "recognise", "note": f"notitie {n}"},
            "alternative": {"status": "not_feasible", "note": f"reden {n}"},
            "choice": prompt.options[0].id if prompt.kind == "choice" else None,
            "multi": [prompt.options[0].id] if prompt.kind == "multi" else None,
            "people": [{"who": f"oma {n}", "relation": "grootmoeder", "meaning": "vangt op"}],
            "actions": [{"who": "consulent", "what": f"stap {n}", "when": "vrijdag", "result": "plan"}],
            "table": [s.key for s in steps if s.prompt.kind == "alternative"][:3],
        }[prompt.kind]
    prompts = {s.key: s.prompt for s in steps}
    return libraries, context, prompts, targets, raw


def record_with(value: str) -> str:
    """The full record (every prompt, whatever its dossier flag) with `value` as the case, the
    role and the answer of each target prompt."""
    libraries, context, prompts, targets, raw = record_setup()
    session = new_session(libraries, "nl")
    session.id = "20250101-1000-abcd"
    session.created = session.updated = "2025-01-01T10:00:00"
    session.answers = dict(context)
    session.answers["context.case"] = Answer(status="answered", value=value.strip())
    session.answers["context.role"] = Answer(status="answered", value=value.strip())
    for key, prompt in prompts.items():
        answer = raw[key]
        if key in targets:
            answer = {
                "text": value,
                "reflection": {"response": "recognise", "note": value},
                "alternative": {"status": "not_feasible", "note": value},
                "people": [{"who": value, "relation": value, "meaning": value}],
                "actions": [{"who": value, "what": value, "when": value, "result": value}],
            }[prompt.kind]
        session.answers[key] = Answer(status="answered", value=normalise(prompt, answer))
    return render(session, libraries, full=True)


@functools.cache
def plain_shape():
    return shape(record_with(PLACEHOLDER))


def squash(text: str) -> str:
    """Whitespace normalised: runs collapsed, ends stripped. markdown-it, as CommonMark asks,
    reads NUL as U+FFFD."""
    return " ".join(text.replace("\0", "\ufffd").split())


def shape(record: str) -> tuple[list, list, str]:
    """(block tokens, headings, inline text) of a record as a CommonMark + tables parser sees it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(record)
    blocks = [(t.type, t.tag) for t in tokens if t.type != "inline"]
    headings, texts = [], []
    for i, token in enumerate(tokens):
        if token.type in ("html_block", "code_block", "fence"):
            texts.append(f"<<{token.type}>>")  # never expected: user text became a block of its own
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content if child.type == "text" else f"<<code>>{child.content}")
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "html_inline":
                parts.append(" " if child.content == "<br>" else f"<<html>>{child.content}")
            elif child.type in ("link_open", "image"):
                parts.append(f"<<{child.type}>>")
        inline = squash("".join(parts))
        texts.append(inline)
        if tokens[i - 1].type == "heading_open":
            headings.append((tokens[i - 1].tag, inline))
    return blocks, headings, " ".join(texts)


@SETTINGS
@given(value=st.one_of(st.text(), MARKDOWN))
def test_answer_text_cannot_change_the_record_layout_or_get_lost(value):
    assume(strip_control(value).strip() and PLACEHOLDER not in value)
    plain_blocks, plain_headings, plain_text = plain_shape()
    blocks, headings, text = shape(record_with(value))
    expected = squash(strip_control(value))
    assert blocks == plain_blocks  # same headings, paragraphs, tables, rows and cells
    assert headings == [(tag, h.replace(PLACEHOLDER, expected)) for tag, h in plain_headings]
    assert text == plain_text.replace(PLACEHOLDER, expected)


def test_the_plain_record_has_what_the_property_compares():
    blocks, headings, text = shape(record_with(PLACEHOLDER))
    assert headings[0] == ("h1", f"Reflectie: {PLACEHOLDER}")
    assert sum(1 for b in blocks if b[0] == "table_open") >= 4
    _, _, _, targets, _ = record_setup()
    per_kind = {"text": 1, "reflection": 1, "people": 3, "actions": 4, "alternative": 1}
    in_answers = sum(per_kind[p.kind] for p in targets.values())
    assert in_answers == 3 + 1 + 1 + 3 + 4
    # the summary names whose reading the interpretations are: the role
    whose = any(p.summary == "interpretations" for p in record_setup()[2].values())
    # case (heading, table) and role; each answer once: what the summary shows is not repeated below it
    duo = record_setup()[1]["context.who"].value == "duo"  # the header: 'Samen met:' the role of the duo
    assert text.count(PLACEHOLDER) == 3 + in_answers + whose + duo
