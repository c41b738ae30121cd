"""texts.py, the tool's own words: every text is used by the code and exists in Dutch and English,
and every text the code asks for exists."""

import ast
import string
from pathlib import Path

import goedgenoeg
from goedgenoeg.texts import _TEXTS

PACKAGE = Path(goedgenoeg.__file__).parent  # the installed code, as the tests import it

# Keys the code builds from a prefix and a value, e.g. t(lang, "role_" + r["meeting_role"]). Such a key
# counts as used when its prefix is listed here and the rest of it is a string in the code (a role,
# an age band, a phase ...). Prefixes may nest: ov_ + col_ + cases.
PREFIXES = {
    "part_": "a part's phase (ask.py, preview.py, record.py)",
    "preview_": "the path in preview.py: preview_short, preview_full",
    "cfg_file_": "where a config file lives, in `goedgenoeg config` (cli.py)",
    "cfg_from_": "where a setting comes from, in `goedgenoeg config` (cli.py)",
    "role_": "a participant's meeting role (answers.py, ask.py, record.py)",
    "guiding_": "the status of a guiding question (answers.py, ask.py, record.py)",
    "age_": "an age band (answers.py, ask.py, record.py)",
    "rec_sum_": "a summary slot of the record (record.py)",
    "rec_path_": "the path named in the record (record.py)",
    "par_stand_": "where the decision stands, on the parents' page (parents.py)",
    "author_": "the author, function and service asked once (commands/reflect.py, from config.AUTHOR_KEYS)",
    "ov_": "the overview's own words: overview.label tries ov_<key> first",
    "col_": "a column of the overview (overview.py, after ov_)",
    "decision_": "a decision in the overview (overview.py, after ov_)",
    "alt_": "an alternative's status in the overview (overview.py, after ov_)",
    "persp_": "a perspective's status in the overview (overview.py, after ov_)",
    "short_": "a short status word in the overview (overview.py, after ov_)",
    "step_": "a step's status in the overview (overview.py, after ov_)",
}


def sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name != "texts.py":
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def strings(tree):
    """Every string constant of the code, docstrings left out."""
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


def built_prefixes(tree):
    """The constant start of f"...{x}" and "..." + x: the prefixes a key can be built from."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            yield node.values[0].value
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
            yield node.left.value


def test_every_text_is_used_by_the_code():
    literals = set().union(*(strings(tree) for _, tree in sources()))

    def used(key):
        return key in literals or any(key.startswith(p) and used(key.removeprefix(p)) for p in PREFIXES)

    unused = [key for key in _TEXTS if not used(key)]
    assert unused == [], f"texts.py holds texts no code uses: {unused}"


def test_every_listed_prefix_is_built_by_the_code():
    built = {prefix for _, tree in sources() for prefix in built_prefixes(tree)}
    assert sorted(p for p in PREFIXES if p not in built) == []
    starts = {key[: len(p) + len(q)] for key in _TEXTS for p in ("", *PREFIXES) for q in PREFIXES if key.startswith(p + q)}
    assert sorted(p for p in PREFIXES if not any(start.endswith(p) for start in starts)) == []  # each names some texts


def fields(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_text_exists_in_dutch_and_english_with_the_same_blanks():
    for key, value in _TEXTS.items():
        assert isinstance(value, tuple) and len(value) == 2, key
        nl, en = value
        assert isinstance(nl, str) and nl.strip() and isinstance(en, str) and en.strip(), key
        assert fields(nl) == fields(en), key  # {n}, {path} ... filled in both


def test_every_text_the_code_asks_for_exists():
    asked = []
    for path, tree in sources():
        for node in ast.walk(tree):
            call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "label")
            if call and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                asked.append((path.name, node.func.id, node.args[1].value))
    assert len(asked) > 200  # the calls were found
    missing = [
        (name, key)
        for name, func, key in asked
        if key not in _TEXTS and not (func == "label" and name == "overview.py" and f"ov_{key}" in _TEXTS)
    ]
    assert missing == []
