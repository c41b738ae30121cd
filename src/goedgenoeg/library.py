"""Find, load and validate the YAML prompt libraries; every problem as `file:line: message`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError
from yaml.composer import Composer

from . import cache
from .cache import gc_paused
from .models import AGE_BANDS, DECISIONS, KINDS, REGIONS, WHO, Bibliography, Library, library_keys

try:  # the C loader is much faster; fall back to pure Python where libyaml is missing
    _Loader = yaml.CSafeLoader

    class _DeepLoader(Composer, yaml.CSafeLoader):
        """The C parser with PyYAML's Python composer. The C composer recurses in C for every
        level of nesting and crashes the process (stack overflow) on a few thousand nested
        brackets; the Python one stops with a RecursionError instead. A little slower, so it is
        only used where the text could nest that deep."""

        def __init__(self, stream):
            yaml.CSafeLoader.__init__(self, stream)
            Composer.__init__(self)

except AttributeError:  # pragma: no cover
    _Loader = _DeepLoader = yaml.SafeLoader

MAX_BYTES = 5 * 1024 * 1024  # a library larger than this is refused
MAX_DEPTH = 40  # deeper nesting than any library needs
MAX_NODES = 2_000_000  # after expanding aliases: stops "billion laughs"
# Without aliases a file has at most about one value per character; aliases may add some.
NODES_PER_CHAR = 10
# Text that cannot nest more than about a thousand levels: the C composer is safe with it.
# Flow nesting needs a bracket per level; block nesting needs a column of indentation or of
# "- ", "? ", ": " per two levels.
MAX_BRACKETS = 1000
_DEEP_BLOCK = re.compile(r"[ \t?:-]{200}")
# a quoted scalar starts after a space, a line start or a flow indicator (not inside a word)
_QUOTED = re.compile(r"(?<![^\s\[{,:])(?:'(?:[^'\n]|'')*'|\"(?:[^\"\\\n]|\\.)*\")")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


SOURCES_FILE = "sources.yaml"
CONTEXT_LIBRARY = "context"

# The context library must offer exactly the values conditions can name.
CONTEXT_OPTIONS = {"decision": DECISIONS, "age": AGE_BANDS, "region": REGIONS, "who": WHO}


class LibraryError(Exception):
    """One or more problems in library files, each already formatted as `file:line: message`."""

    def __init__(self, problems: list[str]):
        # A key or value quoted in a message may hold a line break: keep one problem one line.
        self.problems = [p if p.isprintable() else _printable(p) for p in problems]
        super().__init__("\n".join(self.problems))


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True)
class Loaded:
    library: Library
    path: str
    sha256: str
    lines: Mapping[tuple, int] = field(default_factory=dict, compare=False, repr=False)  # the line of every path


@dataclass
class LibrarySet:
    """The libraries of one reflection, in walk order, with the bibliography."""

    libraries: list[Loaded]
    sources: Bibliography | None = None

    def get(self, library_id: str) -> Library | None:
        for loaded in self.libraries:
            if loaded.library.id == library_id:
                return loaded.library
        return None

    def stamps(self) -> dict[str, dict[str, str]]:
        """Version and hash of each library; for one not bundled also its file, so that a
        record made later can load it again."""
        bundled = str(bundled_dir())
        return {
            x.library.id: {"version": x.library.version, "sha256": x.sha256}
            | ({} if x.path.startswith(bundled) else {"path": str(Path(x.path).resolve())})
            for x in self.libraries
        }


# --- reading YAML with line numbers --------------------------------------------


def _could_nest_deeply(text: str) -> bool:
    """Whether the text could nest more than about a thousand levels. Brackets inside quotes
    are left out; an unbalanced bracket in plain text can only make this say yes (then the
    slower, safe composer is used)."""
    if _DEEP_BLOCK.search(text) is not None:
        return True
    if text.count("[") + text.count("{") <= MAX_BRACKETS:
        return False
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", _QUOTED.sub("", text)):
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest > MAX_BRACKETS


_STR_TAG = "tag:yaml.org,2002:str"
# Plain scalars that YAML would turn into numbers or times: in an answers file they are text as
# typed (a case reference 0123 is not 83, 12:30:00 is not 45000, a BSN stays its digits).
_AS_TYPED_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
_BOOL_TAG = "tag:yaml.org,2002:bool"


_gc_paused = gc_paused  # one place: cache.gc_paused


class _Builder:
    """Turns a composed YAML node tree into plain data, remembering the line of every path."""

    def __init__(self, constructor, max_nodes: int = MAX_NODES, as_typed: bool = False):
        self.constructor = constructor
        self.as_typed = as_typed  # plain numbers, times and yes/no stay the text that was typed
        self.lines: dict[tuple, int] = {}
        self.problems: list[tuple[int, str]] = []
        self.count = 0
        self.max_nodes = max_nodes

    def build(self, node, path: tuple = (), depth: int = 0):
        self.count += 1
        if self.count > self.max_nodes:
            raise _Refused(
                node.start_mark.line + 1,
                "the anchors (&) and aliases (*) expand to far too many values (an alias bomb?); "
                "write the values out or use fewer aliases",
            )
        if depth > MAX_DEPTH:
            raise _Refused(
                node.start_mark.line + 1,
                f"nested more than {MAX_DEPTH} levels deep; a library needs far fewer, check the brackets and indentation",
            )
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = self.construct(key_node)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    self.problems.append((key_node.start_mark.line + 1, "a key must be plain text, such as 'id' or 'text'"))
                    continue
                if key in result:
                    self.problems.append(
                        (
                            key_node.start_mark.line + 1,
                            f"duplicate key '{key}' (the first is on line {self.lines[path + (key,)]})",
                        )
                    )
                    continue
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.construct(node)

    def construct(self, node):
        if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
            return node.value  # what the constructor returns for text, without its bookkeeping
        plain = self.as_typed and isinstance(node, yaml.ScalarNode) and not node.style  # not quoted
        if plain and (node.tag in _AS_TYPED_TAGS or (node.tag == _BOOL_TAG and node.value.lower() not in ("true", "false"))):
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, KeyError, OverflowError):  # e.g. 2024-02-30, !!int abc, a 5000-digit number
            value = str(node.value)
            shown = value if len(value) <= 40 else value[:37] + "..."
            kind = node.tag.rsplit(":", 1)[-1]
            raise _Refused(
                node.start_mark.line + 1, f"'{shown}' cannot be read as {kind}; put it in quotes if it is text"
            ) from None


class _Fallback(Exception):
    """The event route cannot build this file as the node route would (an anchor, an alias, a tag,
    a complex key, a problem to report): build it from the node tree instead."""


class _EventBuilder(_Builder):
    """The same data and line map as _Builder, built straight from libyaml's event stream,
    without composing a node tree first (about half the time on a large library). It takes the
    plain road only: anything unusual, and every problem, is left to the node route, so the
    messages stay exactly the same."""

    plain_tags: dict[str, str]

    def build_document(self, loader):
        self.plain_tags = {}
        loader.get_event()  # the stream's start
        if loader.check_event(yaml.StreamEndEvent):
            raise _Fallback  # only comments
        loader.get_event()  # the document's start
        data = self.build_event(loader, (), 0)
        loader.get_event()  # the document's end
        if not loader.check_event(yaml.StreamEndEvent):
            raise _Fallback  # a second document
        return data

    def build_event(self, loader, path: tuple, depth: int):
        event = loader.get_event()
        self.count += 1
        if self.count > self.max_nodes or depth > MAX_DEPTH or getattr(event, "anchor", None) is not None:
            raise _Fallback
        self.lines.setdefault(path, event.start_mark.line + 1)
        cls = type(event)
        if cls is yaml.ScalarEvent:
            return self.scalar(event)
        if cls is yaml.MappingStartEvent:
            if not event.implicit and event.tag is not None:
                raise _Fallback
            result = {}
            lines = self.lines
            while not loader.check_event(yaml.MappingEndEvent):
                key_event = loader.get_event()
                if type(key_event) is not yaml.ScalarEvent or key_event.anchor is not None:
                    raise _Fallback
                key = self.scalar(key_event)
                if not isinstance(key, (str, int, float, bool)) or key in result:
                    raise _Fallback
                lines[path + (key,)] = key_event.start_mark.line + 1
                result[key] = self.build_event(loader, path + (key,), depth + 1)
            loader.get_event()
            return result
        if cls is yaml.SequenceStartEvent:
            if not event.implicit and event.tag is not None:
                raise _Fallback
            items = []
            while not loader.check_event(yaml.SequenceEndEvent):
                items.append(self.build_event(loader, path + (len(items),), depth + 1))
            loader.get_event()
            return items
        raise _Fallback  # an alias

    def scalar(self, event):
        if event.tag is not None and event.tag != "!":
            raise _Fallback  # an explicit tag
        implicit = event.implicit
        if not implicit[0] and implicit[1]:  # quoted, no tag: text
            return event.value
        value = event.value
        if implicit[0]:  # plain: the tag depends on the text alone, and keys and kinds repeat
            tag = self.plain_tags.get(value)
            if tag is None:
                tag = self.plain_tags[value] = self.constructor.resolve(yaml.ScalarNode, value, implicit)
        else:
            tag = self.constructor.resolve(yaml.ScalarNode, value, implicit)
        if tag == _STR_TAG:
            return event.value
        return self.construct(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style))


class _Refused(Exception):
    """A value the builder refuses, with its line."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


def read_yaml(path: Path, as_typed: bool = False) -> tuple[object, dict[tuple, int], str]:
    """Read one YAML file. Returns (data, lines by path, sha256); raises LibraryError.
    With `as_typed` (answers files), plain scalars that look like numbers, times or yes/no
    stay the text that was typed; only true/false and null keep their YAML meaning."""
    return _parse_yaml(str(path), _read_bytes(path), as_typed)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a file, never more than the limit plus one (/dev/zero is not read to the end)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise LibraryError([f"{path}:0: cannot read the file ({err.strerror})"]) from None


def _parse_yaml(name: str, raw: bytes, as_typed: bool = False) -> tuple[object, dict[tuple, int], str]:
    """read_yaml on bytes already read: the content hash is of exactly what was parsed."""
    if len(raw) > MAX_BYTES:
        limit = f"{MAX_BYTES // 1024} KiB"
        advice = (
            f"an answers file may be at most {limit}"
            if as_typed
            else f"a library may be at most {limit}, split it into smaller libraries"
        )
        raise LibraryError([f"{name}:0: the file is over {limit}; {advice}"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise LibraryError([f"{name}:{line}: the file is not UTF-8 text; save it as UTF-8"]) from None
    if not text.strip():
        raise LibraryError([f"{name}:1: the file is empty; a library needs at least id, version, title and sections"])
    # First the event route: libyaml's parser keeps its own stack (no recursion in C) and the
    # builder stops at MAX_DEPTH, so it needs no scan for deep nesting. Only when it falls back
    # is the text scanned, to choose a composer that cannot crash on it.
    if _Loader is not yaml.SafeLoader:
        fast = _EventBuilder(None, min(MAX_NODES, NODES_PER_CHAR * len(text) + 10_000), as_typed)
        loader = fast.constructor = _Loader(text)
        try:
            with _gc_paused():
                data = fast.build_document(loader)
            return data, fast.lines, hashlib.sha256(raw).hexdigest()
        except (_Fallback, _Refused, yaml.YAMLError, RecursionError):
            pass  # the node route below reads it again and reports exactly what is wrong
        finally:
            loader.dispose()
    loader = (_DeepLoader if _could_nest_deeply(text) else _Loader)(text)
    try:
        with _gc_paused():
            node = loader.get_single_node()
            if node is None:
                raise LibraryError(
                    [f"{name}:1: the file holds only comments; a library needs at least id, version, title and sections"]
                )
            builder = _Builder(loader, min(MAX_NODES, NODES_PER_CHAR * len(text) + 10_000), as_typed)
            data = builder.build(node)
            node = None  # the node tree is garbage now: free it before the collector runs again
    except _Refused as err:
        raise LibraryError([f"{name}:{err.line}: {err.message}"]) from None
    except yaml.MarkedYAMLError as err:
        tab_line = _tab_indent_line(text, err)
        if tab_line:  # a tab inside text is fine; a tab in the indentation breaks the file
            raise LibraryError([f"{name}:{tab_line}: a tab is used for indentation; YAML needs spaces"]) from None
        raise LibraryError([f"{name}:{_yaml_problem(err)}"]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        raise LibraryError(
            [f"{name}:{line}: the file holds a control character (#x{err.character:04x}) that YAML does not allow; remove it"]
        ) from None
    except yaml.YAMLError as err:
        raise LibraryError([f"{name}:0: YAML error: " + " ".join(str(err).split())]) from None
    except RecursionError:
        try:
            line = loader.peek_event().start_mark.line + 1
        except Exception:
            line = 0
        raise LibraryError(
            [
                f"{name}:{line}: nested more than {MAX_DEPTH} levels deep; "
                "a library needs far fewer, check the brackets and indentation"
            ]
        ) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise LibraryError([f"{name}:{line}: {msg}" for line, msg in builder.problems])
    return data, builder.lines, hashlib.sha256(raw).hexdigest()


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


def _yaml_problem(err: yaml.MarkedYAMLError) -> str:
    """`line: message` for a YAML syntax or constructor error."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 0
    problem = err.problem or err.context or "cannot be read"
    if problem.startswith("exceeded maximum nesting depth"):  # PyYAML 6.0.3+ has a depth limit of its own
        return f"{line}: nested more than {MAX_DEPTH} levels deep; a library needs far fewer, check the brackets and indentation"
    if problem == "but found another document":
        return f"{line}: the file holds more than one YAML document (a second '---'); put each library in its own file"
    if problem.startswith("found undefined alias"):
        return f"{line}: an alias (*name) has no anchor (&name) above it; add the anchor or write the value out"
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.split("'")[1] if "'" in problem else ""
        if tag == "tag:yaml.org,2002:merge":
            return f"{line}: merge keys ('<<') are not supported; write the keys out"
        return f"{line}: the YAML tag '{tag}' is not supported; remove it"
    if isinstance(err, yaml.constructor.ConstructorError):
        return f"{line}: this value cannot be read: {problem}"
    where = ""
    if err.context and err.context_mark and mark and err.context_mark.line != mark.line:
        where = f" ({err.context} that starts on line {err.context_mark.line + 1})"
    return f"{line}: YAML syntax error: {problem}{where}"


# --- validation ----------------------------------------------------------------

_KNOWN_KEYS = library_keys()  # every key a library may use, from the models


def _line_for(loc: tuple, lines: dict[tuple, int]) -> int:
    """The line of the deepest part of a pydantic error location that exists in the file."""
    path: tuple = ()
    for part in loc:
        if path + (part,) in lines:
            path = path + (part,)
    return lines.get(path, 1)


def _where(loc: tuple, lines: dict[tuple, int]) -> str:
    parts = []
    path: tuple = ()
    for part in loc:
        if path + (part,) not in lines and not isinstance(part, int):
            if part in ("nl", "en") or not parts:
                parts.append(("." if parts else "") + str(part))
            continue
        path = path + (part,)
        parts.append(f"[{part}]" if isinstance(part, int) else ("." if parts else "") + str(part))
    return "".join(parts).lstrip(".")


def _shown(value: object) -> str:
    """What the author wrote, in words: 'many', a list, a mapping, an empty value."""
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return "'" + (text if len(text) <= 40 else text[:37] + "...") + "'"


def _message(err: dict) -> str:
    kind = err["type"]
    loc = err["loc"]
    last = loc[-1] if loc else ""
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        import difflib  # only needed when there is a problem to report

        hint = difflib.get_close_matches(str(last), _KNOWN_KEYS, n=1)
        return f"unknown key '{last}'" + (f" (did you mean '{hint[0]}'?)" if hint else "; remove it")
    if kind == "missing":
        if last == "nl":
            return "the Dutch text ('nl') is missing; every text needs 'nl'"
        return f"'{last}' is missing; add it"
    if kind == "union_tag_invalid":
        return f"unknown prompt kind '{ctx.get('tag')}'; use one of: {ctx['expected_tags']}"
    if kind == "union_tag_not_found":
        return "a prompt needs 'kind' (" + ", ".join(_KINDS) + ")"
    if kind == "literal_error":
        return f"'{err['input']}' is not allowed here; use one of {err['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"'{err['input']}' is not a valid id: use lowercase letters, digits, '-' and '_'"
    if kind == "string_too_short":
        if last == "nl":
            return "the Dutch text ('nl') is empty; write it"
        return "is empty; write something here"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters; make it shorter"
    if kind == "too_short":
        n = ctx.get("min_length")
        return f"give at least {n} item{'s' if n != 1 else ''} here (now {ctx.get('actual_length')})"
    if kind == "string_type":
        if isinstance(value, (int, float, bool)) or not isinstance(value, (list, dict, type(None))):
            return f'must be text, not {_shown(value)}; put it in quotes: "{value}"'
        return f"must be text, not {_shown(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, not {_shown(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {_shown(value)}"
    if kind == "list_type":
        return f"must be a list (one '- ' line per item, or [a, b]), not {_shown(value)}"
    if kind == "model_type" and ctx.get("class_name") == "Text":
        return f"must be a text per language, like {{nl: ..., en: ...}}, not {_shown(value)}"
    if kind in ("model_type", "dict_type"):
        return f"must be a mapping (key: value lines), not {_shown(value)}"
    if kind == "invalid_key":
        return f"'{last}' is not a valid key; keys are words such as 'id' or 'text'"
    return err["msg"][0].lower() + err["msg"][1:]


_KINDS = KINDS


def _clean_loc(err: dict) -> tuple:
    """Drop the prompt kind pydantic puts in the location of a discriminated union, and point
    an unknown kind at its 'kind' key."""
    loc = list(err["loc"])
    out: list = []
    for i, part in enumerate(loc):
        after_prompt = i >= 2 and loc[i - 2] == "prompts" and isinstance(loc[i - 1], int)
        if after_prompt and part in _KINDS:  # pydantic's tag, always right after the index
            continue
        out.append(part)
    if err["type"] in ("union_tag_invalid",):
        out.append("kind")
    return tuple(out)


def _validation_problems(name: str, exc: ValidationError, lines: dict) -> list[str]:
    problems = []
    for err in exc.errors():
        loc = _clean_loc(err)
        where = _where(loc, lines)
        problems.append(f"{name}:{_line_for(loc, lines)}: {where + ': ' if where else ''}{_message(err)}")
    return problems


def _id_problems(name: str, data: dict, lines: dict) -> list[str]:
    """Duplicate section, prompt and option ids, found on the raw data so they are reported
    together with any other problem in the file."""
    problems = []

    def check(items, path: tuple, what: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            line = lines.get(path + (i, "id"), 1)
            if item["id"] in seen:
                problems.append(f"{name}:{line}: duplicate {what} id '{item['id']}' (first on line {seen[item['id']]})")
            else:
                seen[item["id"]] = line

    sections = data.get("sections")
    check(sections, ("sections",), "section")
    prompts_seen: dict[str, int] = {}
    for s, section in enumerate(sections if isinstance(sections, list) else []):
        prompts = section.get("prompts") if isinstance(section, dict) else None
        for p, prompt in enumerate(prompts if isinstance(prompts, list) else []):
            if not isinstance(prompt, dict) or not isinstance(prompt.get("id"), str):
                continue
            line = lines.get(("sections", s, "prompts", p, "id"), 1)
            if prompt["id"] in prompts_seen:
                problems.append(
                    f"{name}:{line}: duplicate prompt id '{prompt['id']}' (first on line {prompts_seen[prompt['id']]})"
                )
            else:
                prompts_seen[prompt["id"]] = line
            check(prompt.get("options"), ("sections", s, "prompts", p, "options"), "option")
    return problems


def _source_problems(name: str, library: Library, lines: dict, source_ids: set[str]) -> list[str]:
    problems = []
    for s, section in enumerate(library.sections):
        for p, prompt in enumerate(section.prompts):
            for ref in prompt.source.split(";"):
                source_id = ref.strip().split(" ")[0]
                if source_id not in source_ids:
                    line = lines.get(("sections", s, "prompts", p, "source"), 1)
                    known = ", ".join(sorted(source_ids))
                    problems.append(
                        f"{name}:{line}: source '{source_id}' is not in the bibliography; "
                        f"use one of {known}, or add it to {SOURCES_FILE}"
                    )
    return problems


def _reference_problems(name: str, library: Library, lines: dict) -> list[str]:
    """A guiding prompt's `of` must name a list prompt of the same library that comes before it."""
    problems = []
    seen_lists: set[str] = set()
    for s, section in enumerate(library.sections):
        for p, prompt in enumerate(section.prompts):
            if prompt.kind == "list":
                seen_lists.add(prompt.id)
            if prompt.kind == "guiding" and "." not in prompt.of and prompt.of not in seen_lists:
                line = lines.get(("sections", s, "prompts", p, "of"), 1)
                problems.append(f"{name}:{line}: 'of: {prompt.of}' must name a list prompt earlier in this library")
    return problems


def _dossier_problems(name: str, library: Library, lines: dict) -> list[str]:
    """A prompt kept out of the dossier record cannot feed its summary."""
    problems = []
    for s, section in enumerate(library.sections):
        for p, prompt in enumerate(section.prompts):
            if prompt.summary and not prompt.dossier:
                line = lines.get(("sections", s, "prompts", p, "summary"), 1)
                problems.append(
                    f"{name}:{line}: 'summary: {prompt.summary}' puts the answer at the top of the dossier record, "
                    "but 'dossier: false' keeps it out; drop one of the two"
                )
    return problems


def _context_problems(name: str, library: Library, lines: dict) -> list[str]:
    """The context library must ask the case reference and the values conditions use."""
    problems = []
    prompts = {p.id: (s, i, p) for s, sec in enumerate(library.sections) for i, p in enumerate(sec.prompts)}
    for key, values in CONTEXT_OPTIONS.items():
        if key not in prompts:
            problems.append(f"{name}:1: the context library needs a choice prompt '{key}'")
            continue
        s, i, prompt = prompts[key]
        offered = tuple(o.id for o in getattr(prompt, "options", []) or [])
        if sorted(offered) != sorted(values):
            line = lines.get(("sections", s, "prompts", i), 1)
            problems.append(f"{name}:{line}: context prompt '{key}' must offer exactly: {', '.join(values)}")
    if "case" not in prompts:
        problems.append(f"{name}:1: the context library needs a text prompt 'case' (the case reference)")
    return problems


def _line_of(problem: str) -> int:
    try:
        return int(problem.rsplit(".yaml:", 1)[-1].split(":", 1)[0])
    except ValueError:
        return 0


def load_library(path: Path, source_ids: set[str] | None = None) -> Loaded:
    """Load and validate one library file. Raises LibraryError with every problem found."""
    name = str(path)
    raw = _read_bytes(path)
    digest = hashlib.sha256(raw).hexdigest() if len(raw) <= MAX_BYTES else ""
    cached = cache.get(digest, source_ids) if digest else None
    if cached is not None:
        return Loaded(library=cached[0], path=name, sha256=digest, lines=cached[1])
    data, lines, digest = _parse_yaml(name, raw)
    if not isinstance(data, dict):
        raise LibraryError(
            [
                f"{name}:1: the file holds {_shown(data)}, "
                "but a library must be a mapping (key: value lines) with id, version, title and sections"
            ]
        )
    problems = _id_problems(name, data, lines)
    try:
        with _gc_paused():
            library = Library.model_validate(data)
    except ValidationError as exc:
        raise LibraryError(sorted(_validation_problems(name, exc, lines) + problems, key=_line_of)) from None
    if source_ids is not None:
        problems += _source_problems(name, library, lines, source_ids)
    if library.id == CONTEXT_LIBRARY:
        problems += _context_problems(name, library, lines)
    problems += _reference_problems(name, library, lines)
    problems += _dossier_problems(name, library, lines)
    if problems:
        raise LibraryError(problems)
    cache.put(digest, source_ids, library, lines)
    return Loaded(library=library, path=name, sha256=digest, lines=lines)


def load_sources(path: Path) -> Bibliography:
    name = str(path)
    data, lines, _ = read_yaml(path)
    if not isinstance(data, dict):
        raise LibraryError([f"{name}:1: the bibliography must be a mapping with 'sources'"])
    try:
        return Bibliography.model_validate(data)
    except ValidationError as exc:
        raise LibraryError(_validation_problems(name, exc, lines)) from None


# --- finding libraries -----------------------------------------------------------


def bundled_dir() -> Path:
    """The folder of the libraries shipped inside the package."""
    return Path(str(resources.files("goedgenoeg") / "prompts"))


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def load_all(extra: list[Path] | None = None, with_bundled: bool = True) -> LibrarySet:
    """Bundled libraries plus the given files or folders; a given library replaces a bundled
    one with the same id. Raises LibraryError listing every problem in every file."""
    problems: list[str] = []
    bundled_files = _yaml_files(bundled_dir()) if with_bundled else []
    given_files: list[Path] = []
    for item in extra or []:
        if not item.exists():
            problems.append(f"{item}:0: no such file or folder")
            continue
        given_files += _yaml_files(item)

    sources = None
    source_files = [p for p in bundled_files + given_files if p.name == SOURCES_FILE]
    for path in source_files:  # a given bibliography is added to the bundled one
        try:
            found = load_sources(path)
            sources = found if sources is None else Bibliography(sources=sources.sources + found.sources)
        except LibraryError as err:
            problems += err.problems
    source_ids = {s.id for s in sources.sources} if sources else None

    by_id: dict[str, Loaded] = {}
    given_ids: dict[str, str] = {}
    for path in bundled_files + given_files:
        if path.name == SOURCES_FILE:
            continue
        try:
            loaded = load_library(path, source_ids)
        except LibraryError as err:
            problems += err.problems
            continue
        lib_id = loaded.library.id
        if path in given_files:
            if lib_id in given_ids:
                problems.append(f"{path}:1: library id '{lib_id}' is also used by {given_ids[lib_id]}")
                continue
            given_ids[lib_id] = str(path)
        by_id[lib_id] = loaded
    if problems:
        raise LibraryError(problems)
    ordered = sorted(by_id.values(), key=lambda x: (x.library.order, x.library.id))
    return LibrarySet(libraries=ordered, sources=sources)


def check_paths(paths: list[Path]) -> tuple[int, list[str]]:
    """Check files or folders on their own (plus the bundled bibliography for `source`).
    Returns (number of libraries that passed, problems)."""
    problems: list[str] = []
    files: list[Path] = []
    for item in paths:
        if not item.exists():
            problems.append(f"{item}:0: no such file or folder")
        else:
            files += _yaml_files(item)
    sources_paths = [p for p in files if p.name == SOURCES_FILE] or [bundled_dir() / SOURCES_FILE]
    ids: set[str] = set()
    for path in sources_paths:
        try:
            ids |= {s.id for s in load_sources(path).sources}
        except LibraryError as err:
            problems += err.problems
    passed = 0
    seen: dict[str, str] = {}
    for path in files:
        if path.name == SOURCES_FILE:
            continue
        try:
            loaded = load_library(path, ids)
        except LibraryError as err:
            problems += err.problems
            continue
        if loaded.library.id in seen:
            problems.append(f"{path}:1: library id '{loaded.library.id}' is also used by {seen[loaded.library.id]}")
            continue
        seen[loaded.library.id] = str(path)
        passed += 1
    return passed, problems
