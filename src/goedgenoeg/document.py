"""The record as a small document: headings, paragraphs, tables, lists, the network and a
notice. record.py builds it once; each writer (writers/markdown.py, word.py, html.py) turns it
into one format. Text here is plain text: escaping belongs to each writer."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Literal, TypeVar, cast

from .sanitize import strip_control


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the title
    text: str


@dataclass(frozen=True)
class Paragraph:
    """Plain text; line breaks in it are kept as line breaks."""

    text: str
    emphasis: Literal["", "em", "strong"] = ""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] | None = None  # relative column widths (e.g. percentages)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Person:
    who: str
    relation: str = ""
    meaning: str = ""
    worry: str = ""  # what the worry about this person is and who sees it; empty: none named
    household: bool = False  # a parent, or someone who lives with the child (household.py)


@dataclass(frozen=True)
class Network:
    """The meaningful people around the child (each child) in the middle."""

    children: tuple[str, ...]
    people: tuple[Person, ...]
    headers: tuple[str, ...] = ("", "", "", "")  # who, relation, meaning, worry
    worry_label: str = "worry"  # the word before a worry in the picture ("Zorg: ...")
    label: str = ""  # whose view of the network (a team member's voice), if not everyone's


@dataclass(frozen=True)
class Notice:
    """A banner: this record is an internal reflection, not for the case file."""

    title: str
    text: str


Block = Heading | Paragraph | Table | BulletList | Network | Notice


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    blocks: tuple[Block, ...]
    region: str = ""  # flanders | netherlands | "" (the language a Word file is marked with)
    written: str = ""  # the record's time (ISO 8601): a Word file is dated with it
    author: str = ""  # who made the record, when known


def clean(document: Document) -> Document:
    """The same document without escape sequences or control characters in any of its text
    (answers, case references and library texts may hold them; a record must not), nor any
    character XML cannot hold (U+FFFE, U+FFFF, a lone surrogate: Word refuses them). The one
    cleaning of a record: record.build and every writer go through it."""

    return _fix(document)


# What XML 1.0 cannot hold beyond the control characters strip_control removes.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """One text as `clean` leaves it."""
    return _NOT_XML.sub("", strip_control(text))


_T = TypeVar("_T")


def _fix(value: _T) -> _T:
    """`value` with its text cleaned, of the same type (a string, a tuple or a block)."""
    fixed: object = value
    if isinstance(value, str):
        fixed = clean_text(value)
    elif isinstance(value, tuple):
        fixed = tuple(_fix(v) for v in value)
    elif is_dataclass(value) and not isinstance(value, type):
        fixed = replace(value, **{f.name: _fix(getattr(value, f.name)) for f in fields(value)})
    return cast(_T, fixed)  # each branch rebuilds a value of the type it was given
