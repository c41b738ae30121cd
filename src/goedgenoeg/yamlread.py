"""Read one YAML file into plain data and the line of every value in it, within limits.

Two routes give the same data and lines (tests/test_yaml_routes.py): libyaml's event stream,
built straight into data (fast), and the node tree PyYAML composes (the fallback for anything
unusual, and the one that words every problem). Limits keep a hostile or broken file from
hanging or crashing the tool: its size, its nesting and the values its aliases expand to."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer

from .cache import gc_paused
from .problems import KeyPath, LibraryError, Message, Problem, message, refuse, short, yaml_problem

_Loader: Any  # the C loader is much faster; fall back to pure Python where libyaml is missing
_DeepLoader: Any
try:
    _Loader = yaml.CSafeLoader

    class _CDeepLoader(Composer, yaml.CSafeLoader):
        """The C parser with PyYAML's Python composer. The C composer recurses in C for every
        level of nesting and crashes the process (stack overflow) on a few thousand nested
        brackets; the Python one stops with a RecursionError instead. A little slower, so it is
        only used where the text could nest that deep."""

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            Composer.__init__(self)

    _DeepLoader = _CDeepLoader
except AttributeError:  # pragma: no cover
    _Loader = _DeepLoader = yaml.SafeLoader

MAX_BYTES = 5 * 1024 * 1024  # a library larger than this is refused
# An answers file larger than this is refused: more than anyone types for one reflection (a long
# one is tens of kB), and checking 4 MB for personal data took a minute without a word.
MAX_ANSWERS_BYTES = 1024 * 1024
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

_STR_TAG = "tag:yaml.org,2002:str"
# Plain scalars that YAML would turn into numbers or times: in an answers file they are text as
# typed (a case reference 0123 is not 83, 12:30:00 is not 45000, a BSN stays its digits).
_AS_TYPED_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}
_BOOL_TAG = "tag:yaml.org,2002:bool"

Lines = dict[KeyPath, int]


def could_nest_deeply(text: str) -> bool:
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


class _Refused(Exception):
    """A value the builder refuses, with its line."""

    def __init__(self, line: int, refusal: Message):
        self.line = line
        self.message = refusal


class _Fallback(Exception):
    """The event route cannot build this file as the node route would (an anchor, an alias, a tag,
    a complex key, a problem to report): build it from the node tree instead."""


class _Builder:
    """Turns a composed YAML node tree into plain data, remembering the line of every path."""

    def __init__(self, constructor: Any, max_nodes: int = MAX_NODES, as_typed: bool = False):
        self.constructor = constructor
        self.as_typed = as_typed  # plain numbers, times and yes/no stay the text that was typed
        self.lines: Lines = {}
        self.problems: list[tuple[int, Message]] = []
        self.count = 0
        self.max_nodes = max_nodes

    def build(self, node: yaml.Node, path: KeyPath = (), depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.max_nodes:
            raise _Refused(node.start_mark.line + 1, message("alias_bomb"))
        if depth > MAX_DEPTH:
            raise _Refused(node.start_mark.line + 1, message("too_deep", depth=MAX_DEPTH))
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.construct(node)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[object, Any]:
        result: dict[object, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct(key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) or key is None:
                self.problems.append((line, message("key_not_text")))
            elif key in result:
                self.problems.append((line, message("duplicate_key", key=key, first=self.lines[path + (key,)])))
            else:
                self.lines[path + (key,)] = line
                result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def construct(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
            return node.value  # what the constructor returns for text, without its bookkeeping
        if self.as_typed and _typed_as_text(node):
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, KeyError, OverflowError):  # e.g. 2024-02-30, !!int abc, a 5000-digit number
            kind = node.tag.rsplit(":", 1)[-1]
            raise _Refused(node.start_mark.line + 1, message("not_readable", value=short(str(node.value)), kind=kind)) from None


def _typed_as_text(node: yaml.Node) -> bool:
    """A plain (unquoted) number, time or yes/no that an answers file keeps as typed."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return False
    return node.tag in _AS_TYPED_TAGS or (node.tag == _BOOL_TAG and node.value.lower() not in ("true", "false"))


class _EventBuilder(_Builder):
    """The same data and line map as _Builder, built straight from libyaml's event stream,
    without composing a node tree first (about half the time on a large library). It takes the
    plain road only: anything unusual, and every problem, is left to the node route, so the
    messages stay exactly the same."""

    plain_tags: dict[str, str]
    maybe_not_text: frozenset[str] | None

    def build_document(self, loader: Any) -> Any:
        self.plain_tags = {}
        # the first characters with which a plain scalar may be something else than text (a
        # number, yes/no, null, a date...); none at all when a resolver looks at every scalar
        resolvers = self.constructor.yaml_implicit_resolvers
        self.maybe_not_text = None if None in resolvers else frozenset(key for key in resolvers if key)
        loader.get_event()  # the stream's start
        if loader.check_event(yaml.StreamEndEvent):
            raise _Fallback  # only comments
        loader.get_event()  # the document's start
        data = self.build_event(loader, (), 0)
        loader.get_event()  # the document's end
        if not loader.check_event(yaml.StreamEndEvent):
            raise _Fallback  # a second document
        return data

    def build_event(self, loader: Any, path: KeyPath, depth: int) -> Any:
        event = loader.get_event()
        self.count += 1
        if self.count > self.max_nodes or depth > MAX_DEPTH or getattr(event, "anchor", None) is not None:
            raise _Fallback
        self.lines.setdefault(path, event.start_mark.line + 1)
        cls = type(event)
        if cls is yaml.ScalarEvent:
            return self.scalar(event)
        if cls is yaml.MappingStartEvent:
            return self._mapping_events(loader, event, path, depth)
        if cls is yaml.SequenceStartEvent:
            return self._sequence_events(loader, event, path, depth)
        raise _Fallback  # an alias

    def _mapping_events(self, loader: Any, event: Any, path: KeyPath, depth: int) -> dict[object, Any]:
        if not event.implicit and event.tag is not None:
            raise _Fallback
        result: dict[object, Any] = {}
        lines = self.lines
        while not loader.check_event(yaml.MappingEndEvent):
            key_event: Any = loader.get_event()
            if type(key_event) is not yaml.ScalarEvent or key_event.anchor is not None:
                raise _Fallback
            key = self.scalar(key_event)
            if not isinstance(key, (str, int, float, bool)) or key in result:
                raise _Fallback
            start: Any = key_event.start_mark
            lines[path + (key,)] = start.line + 1
            result[key] = self.build_event(loader, path + (key,), depth + 1)
        loader.get_event()
        return result

    def _sequence_events(self, loader: Any, event: Any, path: KeyPath, depth: int) -> list[Any]:
        if not event.implicit and event.tag is not None:
            raise _Fallback
        items: list[Any] = []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.append(self.build_event(loader, path + (len(items),), depth + 1))
        loader.get_event()
        return items

    def scalar(self, event: Any) -> Any:
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


class _DataBuilder(_EventBuilder):
    """The data alone, straight from the event stream: no line map, no key paths, no node count
    (without anchors there is at most a value per event). For a library without problems, whose
    lines nobody asks for; anything unusual still falls back."""

    def build_event(self, loader: Any, path: KeyPath, depth: int) -> Any:
        return self._value(loader, loader.get_event(), depth)

    def _value(self, loader: Any, event: Any, depth: int) -> Any:
        if depth > MAX_DEPTH or event.anchor is not None:
            raise _Fallback
        cls = type(event)
        if cls is yaml.ScalarEvent:
            return self.scalar(event)
        if cls is yaml.MappingStartEvent:
            return self._map(loader, event, depth)
        if cls is yaml.SequenceStartEvent:
            return self._seq(loader, event, depth)
        raise _Fallback  # an alias

    def _map(self, loader: Any, event: Any, depth: int) -> dict[object, Any]:
        if not event.implicit and event.tag is not None:
            raise _Fallback
        result: dict[object, Any] = {}
        next_event = loader.get_event
        text = self._text
        while True:
            key_event = next_event()
            if type(key_event) is yaml.MappingEndEvent:
                return result
            key = text(key_event)  # a plain text key (most are), else worked out in full
            if key is None:
                if type(key_event) is not yaml.ScalarEvent or key_event.anchor is not None:
                    raise _Fallback
                key = self.scalar(key_event)
                if not isinstance(key, (str, int, float, bool)):
                    raise _Fallback
            if key in result:
                raise _Fallback
            value_event = next_event()
            value = text(value_event)
            result[key] = self._value(loader, value_event, depth + 1) if value is None else value

    def _seq(self, loader: Any, event: Any, depth: int) -> list[Any]:
        if not event.implicit and event.tag is not None:
            raise _Fallback
        items: list[Any] = []
        next_event = loader.get_event
        text = self._text
        while True:
            item = next_event()
            if type(item) is yaml.SequenceEndEvent:
                return items
            value = text(item)
            items.append(self._value(loader, item, depth + 1) if value is None else value)

    def _text(self, event: Any) -> str | None:
        """The text of a scalar that is plainly text (most values of a library), else None (then
        `_value` works it out). One call instead of three for those: on a 5,000-prompt library,
        a fifth of the reading (issue 15)."""
        if type(event) is not yaml.ScalarEvent or event.tag is not None or event.anchor is not None:
            return None
        implicit = event.implicit
        if not implicit[0]:
            return event.value if implicit[1] else None  # quoted
        value: str = event.value
        starts = self.maybe_not_text
        if value and starts is not None and value[0] not in starts:
            return value  # what resolve() would say, without its lists and regular expressions
        return value if self.plain_tags.get(value) == _STR_TAG else None


def read_yaml(path: Path, as_typed: bool = False) -> tuple[Any, Lines, str]:
    """Read one YAML file. Returns (data, lines by path, sha256); raises LibraryError.
    With `as_typed` (answers files), plain scalars that look like numbers, times or yes/no
    stay the text that was typed; only true/false and null keep their YAML meaning."""
    return parse_yaml(str(path), read_bytes(path), as_typed)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, never more than the limit plus one (/dev/zero is not read
    to the end). Anything else (a FIFO would hang the read) is refused with a problem."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise refuse(str(path), 0, "cannot_read", reason=err.strerror) from None
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise refuse(str(path), 0, "not_regular_file")
        try:
            return handle.read(MAX_BYTES + 1)
        except OSError as err:
            raise refuse(str(path), 0, "cannot_read", reason=err.strerror) from None


def parse_yaml(name: str, raw: bytes, as_typed: bool = False) -> tuple[Any, Lines, str]:
    """read_yaml on bytes already read: the content hash is of exactly what was parsed."""
    text = _text(name, raw, as_typed)
    max_nodes = min(MAX_NODES, NODES_PER_CHAR * len(text) + 10_000)
    # First the event route: libyaml's parser keeps its own stack (no recursion in C) and the
    # builder stops at MAX_DEPTH, so it needs no scan for deep nesting. Only when it falls back
    # is the text scanned, to choose a composer that cannot crash on it.
    built = _event_route(text, max_nodes, as_typed) if _Loader is not yaml.SafeLoader else None
    data, lines = built if built is not None else _node_route(name, text, max_nodes, as_typed)
    return data, lines, hashlib.sha256(raw).hexdigest()


def parse_data(name: str, raw: bytes) -> Any:
    """The data of a library file without its line map: the fast road for a file without
    problems, about a third less work than parse_yaml. Whatever the event stream cannot give
    the plain way, and every problem, goes through parse_yaml (same data, or a LibraryError)."""
    text = _text(name, raw, False)
    if _Loader is yaml.SafeLoader:  # pragma: no cover (no libyaml)
        return parse_yaml(name, raw)[0]
    loader = _Loader(text)
    builder = _DataBuilder(loader)
    try:
        with gc_paused():
            return builder.build_document(loader)
    except (_Fallback, _Refused, yaml.YAMLError, RecursionError):
        pass
    finally:
        loader.dispose()
    return parse_yaml(name, raw)[0]


def _text(name: str, raw: bytes, as_typed: bool) -> str:
    """The file's text, or a LibraryError when it is too big, not UTF-8 or empty."""
    most = MAX_ANSWERS_BYTES if as_typed else MAX_BYTES
    if len(raw) > most:
        limit = f"{most // 1024} KiB"
        raise refuse(name, 0, "too_big_answers" if as_typed else "too_big_library", limit=limit)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise refuse(name, raw[: err.start].count(b"\n") + 1, "not_utf8") from None
    if not text.strip():
        raise refuse(name, 1, "empty")
    return text


def _event_route(text: str, max_nodes: int, as_typed: bool) -> tuple[Any, Lines] | None:
    """The data and lines from the event stream, or None where the node route must take over."""
    fast = _EventBuilder(None, max_nodes, as_typed)
    loader = fast.constructor = _Loader(text)
    try:
        with gc_paused():
            return fast.build_document(loader), fast.lines
    except (_Fallback, _Refused, yaml.YAMLError, RecursionError):
        return None  # the node route reads it again and reports exactly what is wrong
    finally:
        loader.dispose()


def _node_route(name: str, text: str, max_nodes: int, as_typed: bool) -> tuple[Any, Lines]:
    """The data and lines from the composed node tree; every problem raised as a LibraryError."""
    loader = (_DeepLoader if could_nest_deeply(text) else _Loader)(text)
    try:
        with gc_paused():
            node = loader.get_single_node()
            if node is None:
                raise refuse(name, 1, "only_comments")
            builder = _Builder(loader, max_nodes, as_typed)
            data = builder.build(node)
            node = None  # the node tree is garbage now: free it before the collector runs again
    except (_Refused, yaml.YAMLError, RecursionError) as err:
        raise LibraryError([_problem(name, text, err, loader)]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise LibraryError([Problem(name, line, found) for line, found in builder.problems])
    return data, builder.lines


def _problem(name: str, text: str, err: Exception, loader: Any) -> Problem:
    """What stopped the node route, as a Problem on its line."""
    if isinstance(err, _Refused):
        return Problem(name, err.line, err.message)
    if isinstance(err, yaml.MarkedYAMLError):
        return yaml_problem(name, text, err, MAX_DEPTH)
    if isinstance(err, yaml.reader.ReaderError):
        return Problem(name, text[: err.position].count("\n") + 1, message("control_character", code=err.character))
    if isinstance(err, yaml.YAMLError):
        return Problem(name, 0, message("yaml_error", detail=" ".join(str(err).split())))
    return Problem(name, _peeked_line(loader), message("too_deep", depth=MAX_DEPTH))  # RecursionError


def _peeked_line(loader: Any) -> int:
    try:
        return int(loader.peek_event().start_mark.line + 1)
    except Exception:
        return 0
