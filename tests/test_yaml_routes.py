"""The two ways yamlread.py builds data from YAML (libyaml's event stream, and the node tree it
falls back on) give the same data and the same line of every value."""

import pytest

from goedgenoeg import yamlread as lib
from goedgenoeg.library import bundled_dir

SAMPLES = {
    "types": "a: 1\nb: yes\nc: '012'\nd: 2024-02-01\ne: ~\nf: [x, {g: 1.5}]\nh: |\n  tekst\n  twee\n",
    "nested": "top:\n  - id: een\n    list:\n      - - diep\n        - 3\n  - id: twee\n    text: {nl: Hoi, en: Hi}\n",
    "typed": "case: 0123\ntime: 12:30:00\nok: no\nflag: true\n",
    # plain scalars that are not text, among text, as values and as list items (the data route
    # takes a plain scalar for text by its first character alone where it can)
    "plain": (
        "a: [Ja, ja, yes, Yes, on, Off, n, '~', ~, null, Null, -1, +2, .5, .inf, -.Inf, .NaN, 0x1f, 0o17,"
        " 1_000, 2026-11-29, 2026-11-29 12:00:00, Tekst, 'yes', \"1\", Één, _x, 'Z']\n"
        "b: {c: Yes, d: 12:30, e: text, f: 1e3, g: True, h: tilde~, i: ''}\n"
    ),
}


def node_route(text: str, as_typed: bool = False):
    loader = lib._Loader(text)
    try:
        builder = lib._Builder(loader, as_typed=as_typed)
        return builder.build(loader.get_single_node()), builder.lines
    finally:
        loader.dispose()


def event_route(text: str, as_typed: bool = False):
    loader = lib._Loader(text)
    try:
        builder = lib._EventBuilder(loader, as_typed=as_typed)
        return builder.build_document(loader), builder.lines
    finally:
        loader.dispose()


@pytest.mark.parametrize("as_typed", [False, True])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_are_built_the_same_way(name, as_typed):
    data, lines = event_route(SAMPLES[name], as_typed)
    expected_data, expected_lines = node_route(SAMPLES[name], as_typed)
    assert data == expected_data
    assert list(lines.items()) == list(expected_lines.items())  # the same lines, in the same order


@pytest.mark.parametrize("path", sorted(bundled_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_the_bundled_libraries_are_built_the_same_way(path):
    text = path.read_text(encoding="utf-8")
    assert event_route(text) == node_route(text)


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!str 1\n", "? [a]\n: 1\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "# only a comment\n"],
)
def test_what_the_event_route_does_not_take_is_left_to_the_node_route(text):
    with pytest.raises(lib._Fallback):
        event_route(text)


def data_route(text: str):
    loader = lib._Loader(text)
    try:
        return lib._DataBuilder(loader).build_document(loader)
    finally:
        loader.dispose()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_data_route_gives_the_same_data(name):
    """The road of a library without problems builds no line map, and the same data."""
    assert data_route(SAMPLES[name]) == node_route(SAMPLES[name])[0]


@pytest.mark.parametrize("path", sorted(bundled_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_the_bundled_libraries_give_the_same_data_on_the_data_route(path):
    text = path.read_text(encoding="utf-8")
    assert data_route(text) == node_route(text)[0]
    assert lib.parse_data(str(path), path.read_bytes()) == lib.parse_yaml(str(path), path.read_bytes())[0]


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!str 1\n", "? [a]\n: 1\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "# only a comment\n"],
)
def test_what_the_data_route_does_not_take_is_left_to_the_node_route(text):
    with pytest.raises(lib._Fallback):
        data_route(text)


def test_too_deep_for_the_data_route_is_left_to_the_node_route():
    deep = "a: " + "[" * (lib.MAX_DEPTH + 1) + "]" * (lib.MAX_DEPTH + 1) + "\n"
    with pytest.raises(lib._Fallback):
        data_route(deep)
    fine = "a: " + "[" * (lib.MAX_DEPTH - 1) + "]" * (lib.MAX_DEPTH - 1) + "\n"
    assert data_route(fine) == node_route(fine)[0]
