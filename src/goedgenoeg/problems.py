"""Problems in a library file, and the author messages that say what is wrong and what to do.

A `Problem` is a value: the file, the line, where in the file (a path of keys) and a `Message`
(a key of problem_texts.py and its values). It becomes the text `file:line: message` only at the
edge (`libraries check`, LibraryError's text), in the language the user chose there. This module
also turns pydantic's validation errors and PyYAML's errors into such messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import KINDS, library_keys

if TYPE_CHECKING:
    import yaml
    from pydantic_core import ErrorDetails

DEFAULT_LANG = "nl"

KeyPath = tuple[object, ...]  # the keys and list indexes from the top of a file to a value


@dataclass(frozen=True)
class Message:
    """One kind of problem (a key of problem_texts.TEXTS) with its values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        from .problem_texts import TEXTS

        nl, en = TEXTS[self.key]
        template = en if lang == "en" else nl
        values = {name: value.text(lang) if hasattr(value, "text") else value for name, value in self.values}
        return template.format(**values)


def message(key: str, /, **values: object) -> Message:
    return Message(key, tuple(values.items()))


@dataclass(frozen=True)
class OneOf:
    """A choice of values as pydantic lists them ("'a', 'b' or 'c'"), with 'or' in the user's language."""

    listed: str

    def text(self, lang: str) -> str:
        if lang == "en" or " or " not in self.listed:
            return self.listed
        head, last = self.listed.rsplit(" or ", 1)
        return f"{head} of {last}"


@dataclass(frozen=True)
class YamlWords:
    """PyYAML's own words for a syntax error: in Dutch where problem_texts knows them, else as written."""

    words: str

    def text(self, lang: str) -> str:
        if lang == "en":
            return self.words
        from .problem_texts import YAML_WORDS_NL

        return YAML_WORDS_NL.get(self.words, self.words)


@dataclass(frozen=True)
class Problem:
    """One problem in one file: formatted as `file:line: where: message` only at the edge."""

    path: str
    line: int
    message: Message
    where: str = ""  # the place in the file, such as sections[0].prompts[1].kind

    def text(self, lang: str = DEFAULT_LANG) -> str:
        where = f"{self.where}: " if self.where else ""
        text = f"{self.path}:{self.line}: {where}{self.message.text(lang)}"
        # a key or value quoted in a message may hold a line break: one problem stays one line
        return text if text.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class LibraryError(Exception):
    """One or more problems in library files."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self, lang: str = DEFAULT_LANG) -> list[str]:
        """Each problem as `file:line: message`, in the given language."""
        return [problem.text(lang) for problem in self.problems]


def refuse(path: str, line: int, key: str, /, **values: object) -> LibraryError:
    """A LibraryError with one problem."""
    return LibraryError([Problem(path, line, message(key, **values))])


# --- what the author wrote, in words ---------------------------------------------------


def shown(value: object) -> Message | str:
    """What the author wrote, in words: 'many', a list, a mapping, an empty value."""
    if value is None:
        return message("shown_empty")
    if isinstance(value, list):
        return message("shown_list")
    if isinstance(value, dict):
        return message("shown_mapping")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return message("shown_number", number=value)
    return "'" + short(str(value)) + "'"


def short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


# --- pydantic's errors ------------------------------------------------------------------

KNOWN_KEYS = library_keys()  # every key a library may use, from the models


def validation_problems(path: str, errors: Sequence[ErrorDetails], lines: Mapping[KeyPath, int]) -> list[Problem]:
    """Every pydantic error as a Problem on the line of the value it is about."""
    problems = []
    for err in errors:
        loc = _clean_loc(err)
        problems.append(Problem(path, _line_for(loc, lines), _validation_message(err), _where(loc, lines)))
    return problems


def _clean_loc(err: ErrorDetails) -> KeyPath:
    """Drop the prompt kind pydantic puts in the location of a discriminated union, and point
    an unknown kind at its 'kind' key."""
    loc = list(err["loc"])
    out: list[object] = []
    for i, part in enumerate(loc):
        after_prompt = i >= 2 and loc[i - 2] == "prompts" and isinstance(loc[i - 1], int)
        if after_prompt and part in KINDS:  # pydantic's tag, always right after the index
            continue
        out.append(part)
    if err["type"] == "union_tag_invalid":
        out.append("kind")
    return tuple(out)


def _line_for(loc: KeyPath, lines: Mapping[KeyPath, int]) -> int:
    """The line of the deepest part of a pydantic error location that exists in the file."""
    path: KeyPath = ()
    for part in loc:
        if path + (part,) in lines:
            path = path + (part,)
    return lines.get(path, 1)


def _where(loc: KeyPath, lines: Mapping[KeyPath, int]) -> str:
    parts: list[str] = []
    path: KeyPath = ()
    for part in loc:
        if path + (part,) not in lines and not isinstance(part, int):
            if part in ("nl", "en") or not parts:
                parts.append(("." if parts else "") + str(part))
            continue
        path = path + (part,)
        parts.append(f"[{part}]" if isinstance(part, int) else ("." if parts else "") + str(part))
    return "".join(parts).lstrip(".")


def _last(err: ErrorDetails) -> str:
    loc = err["loc"]
    return str(loc[-1]) if loc else ""


def _ctx(err: ErrorDetails) -> dict[str, object]:
    return dict(err.get("ctx") or {})


def _unknown_key(err: ErrorDetails) -> Message:
    import difflib  # only needed when there is a problem to report

    hint = difflib.get_close_matches(_last(err), KNOWN_KEYS, n=1)
    return message("unknown_key_hint", key=_last(err), hint=hint[0]) if hint else message("unknown_key", key=_last(err))


def _missing(err: ErrorDetails) -> Message:
    return message("missing_nl") if _last(err) == "nl" else message("missing", key=_last(err))


def _too_short_text(err: ErrorDetails) -> Message:
    return message("empty_nl") if _last(err) == "nl" else message("empty_value")


def _too_few(err: ErrorDetails) -> Message:
    ctx = _ctx(err)
    n = ctx.get("min_length")
    return message("too_few_one" if n == 1 else "too_few", n=n, actual=ctx.get("actual_length"))


def _not_text(err: ErrorDetails) -> Message:
    value = err.get("input")
    if isinstance(value, (list, dict, type(None))):
        return message("must_be_text", shown=shown(value))
    return message("must_be_text_quoted", shown=shown(value), value=str(value))


def _not_a_model(err: ErrorDetails) -> Message:
    key = "must_be_texts" if _ctx(err).get("class_name") == "Text" else "must_be_mapping"
    return message(key, shown=shown(err.get("input")))


def _of_type(key: str) -> Callable[[ErrorDetails], Message]:
    return lambda err: message(key, shown=shown(err.get("input")))


def _other(err: ErrorDetails) -> Message:
    text = err["msg"]
    return message("other", detail=text[:1].lower() + text[1:])


_BY_TYPE: dict[str, Callable[[ErrorDetails], Message]] = {
    "extra_forbidden": _unknown_key,
    "missing": _missing,
    "union_tag_invalid": lambda err: message(
        "unknown_kind", kind=str(_ctx(err).get("tag")), expected=str(_ctx(err).get("expected_tags"))
    ),
    "union_tag_not_found": lambda err: message("needs_kind", kinds=", ".join(KINDS)),
    "literal_error": lambda err: message(
        "not_allowed", value=str(err.get("input")), expected=OneOf(str(_ctx(err).get("expected")))
    ),
    "string_pattern_mismatch": lambda err: message("bad_id", value=str(err.get("input"))),
    "string_too_short": _too_short_text,
    "string_too_long": lambda err: message("too_long", limit=_ctx(err).get("max_length")),
    "too_short": _too_few,
    "string_type": _not_text,
    "int_type": _of_type("must_be_int"),
    "int_parsing": _of_type("must_be_int"),
    "int_from_float": _of_type("must_be_int"),
    "bool_type": _of_type("must_be_bool"),
    "bool_parsing": _of_type("must_be_bool"),
    "list_type": _of_type("must_be_list"),
    "model_type": _not_a_model,
    "dict_type": _of_type("must_be_mapping"),
    "invalid_key": lambda err: message("invalid_key", key=_last(err)),
    "greater_than": lambda err: message("greater_than", limit=_ctx(err).get("gt")),
    "less_than_equal": lambda err: message("at_most", limit=_ctx(err).get("le")),
    "greater_than_equal": lambda err: message("at_least", limit=_ctx(err).get("ge")),
}


def _validation_message(err: ErrorDetails) -> Message:
    return _BY_TYPE.get(err["type"], _other)(err)


# --- PyYAML's errors --------------------------------------------------------------------


def yaml_problem(path: str, text: str, err: yaml.MarkedYAMLError, max_depth: int) -> Problem:
    """A YAML syntax or constructor error as a Problem; a tab in the indentation is named as such
    (`max_depth`: the reader's limit on nesting, named when PyYAML's own limit was hit)."""
    tab_line = _tab_indent_line(text, err)
    if tab_line:  # a tab inside text is fine; a tab in the indentation breaks the file
        return Problem(path, tab_line, message("tab_indent"))
    mark = err.problem_mark or err.context_mark
    return Problem(path, mark.line + 1 if mark else 0, _yaml_message(err, max_depth))


def _tab_indent_line(text: str, err: yaml.MarkedYAMLError) -> int:
    """The line (1-based) near a YAML error whose indentation holds a tab, or 0."""
    mark = err.problem_mark or err.context_mark
    if mark is None or "\t" not in text:
        return 0
    lines = text.splitlines()
    for number in (mark.line, mark.line - 1, mark.line + 1):
        if 0 <= number < len(lines):
            line = lines[number]
            if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
                return number + 1
    return 0


_YAML_PROBLEMS = (  # how PyYAML's problem text starts -> the message
    ("exceeded maximum nesting depth", "too_deep"),  # PyYAML 6.0.3+ has a depth limit of its own
    ("but found another document", "more_documents"),
    ("found undefined alias", "undefined_alias"),
)


def _yaml_message(err: yaml.MarkedYAMLError, max_depth: int) -> Message:
    import yaml

    problem = err.problem or err.context or "cannot be read"
    for start, key in _YAML_PROBLEMS:
        if problem.startswith(start):
            return message(key, depth=max_depth) if key == "too_deep" else message(key)
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.split("'")[1] if "'" in problem else ""
        return message("merge_key") if tag == "tag:yaml.org,2002:merge" else message("unknown_tag", tag=tag)
    if isinstance(err, yaml.constructor.ConstructorError):
        return message("cannot_construct", problem=problem)
    mark = err.problem_mark or err.context_mark
    if err.context and err.context_mark and mark and err.context_mark.line != mark.line:
        return message("syntax_in", problem=YamlWords(problem), context=YamlWords(err.context), line=err.context_mark.line + 1)
    return message("syntax", problem=YamlWords(problem))
