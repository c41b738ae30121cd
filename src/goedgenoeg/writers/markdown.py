"""The record document as markdown: valid CommonMark with GFM tables. User text is escaped
only where it could become markup, so the file also reads well pasted as plain text: a '-' or
'|' inside a sentence stays as it is, a '-' at the start of a line (a list) does not."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set as AbstractSet

from ..document import BulletList, Document, Heading, Network, Notice, Paragraph, Table, clean

_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ALWAYS = set("`<[~$")  # code spans, html and autolinks, links and images, strikethrough, math
_ENTITY = re.compile(r"&(?=#?\w+;)")  # '&' only where it would start an entity such as &amp;
_SPACE = (" ", "\t")


def _inline(line: str, escape: AbstractSet[str] = frozenset()) -> str:
    """Escape one line (no line breaks) so no inline markup can start in it. '*' and '_' stay
    where they cannot open or close emphasis (between spaces; '_' inside a word)."""
    out = []
    for i, c in enumerate(line):
        before = line[i - 1] if i > 0 else ""
        after = line[i + 1] if i + 1 < len(line) else ""
        if c == "\\":
            needed = after == "" or after in _ASCII_PUNCT
        elif c in _ALWAYS or c in escape:
            needed = True
        elif c == "*":
            needed = not (before in _SPACE and after in _SPACE)
        elif c == "_":
            needed = not ((before in _SPACE and after in _SPACE) or (before.isalnum() and after.isalnum()))
        elif c == "&":
            needed = _ENTITY.match(line, i) is not None
        else:
            needed = False
        out.append("\\" + c if needed else c)
    return "".join(out)


# Lines that would start a block: a heading, a quote, a list item, a thematic break, a setext
# underline, or a table's delimiter row (which would turn the line above into a table).
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$|-+[ \t]*$|(?=[|:-])[|: \t-]*-[|: \t-]*$)"
)
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")


def _block_line(line: str) -> str:
    """One line of user text at the start of a line: inline escapes, and the first character
    escaped when the line would otherwise start a block."""
    escaped = _inline(line)
    ordered = _ORDERED.match(escaped)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{escaped[ordered.end() :]}"
    if _BLOCK_START.match(escaped):
        return "\\" + escaped
    return escaped


def _lines(text: str) -> list[str]:
    return [x.strip() for x in str(text).splitlines() if x.strip()]


def escape_line(line: str) -> str:
    """One line of user text that cannot become markup (heading, list, table, html). Line
    breaks inside it become spaces (a case reference with a line break stays in its heading)."""
    return _block_line(" ".join(_lines(line)))


def escape_block(text: str) -> str:
    """User text as a paragraph; its line breaks stay line breaks (hard breaks)."""
    return "  \n".join(_block_line(x) for x in _lines(text))


def escape_cell(text: str) -> str:
    """User text for a table cell: pipes escaped, line breaks as <br>."""
    return " <br> ".join(_inline(x, {"|"}) for x in _lines(text))


def _heading(block: Heading) -> str:
    text = _inline(" ".join(_lines(block.text)), {"#"}) or "-"
    return f"{'#' * min(max(block.level, 1), 6)} {text}"


def _paragraph(block: Paragraph) -> str:
    if not block.emphasis:
        return escape_block(block.text)
    mark = "**" if block.emphasis == "strong" else "*"
    return "  \n".join(f"{mark}{_inline(x)}{mark}" for x in _lines(block.text))


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(escape_cell(c) or " " for c in cells) + " |"

    return "\n".join([row(headers), "|" + "---|" * len(headers)] + [row(r) for r in rows])


def _list(block: BulletList) -> str:
    items = []
    for n, item in enumerate(block.items, 1):
        marker = f"{n}. " if block.numbered else "- "
        lines = [_block_line(x) for x in _lines(item)] or ["-"]
        indent = " " * len(marker)
        items.append(marker + ("  \n" + indent).join(lines))
    return "\n".join(items)


def _network(block: Network) -> str:
    rows = [(p.who, p.relation, p.meaning, p.worry) for p in block.people]
    table = _table(block.headers, rows)
    return f"*{_inline(block.label)}*\n\n{table}" if block.label else table


def _notice(block: Notice) -> str:
    return f"> **{_inline(block.title)}**  \n> {_inline(' '.join(_lines(block.text)))}"


def write(document: Document) -> str:
    """The document as markdown text."""
    document = clean(document)  # no terminal escapes or control characters in a record
    parts = []
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(_heading(block))
        elif isinstance(block, Paragraph):
            text = _paragraph(block)
            if text:
                parts.append(text)
        elif isinstance(block, Table):
            parts.append(_table(block.headers, block.rows))
        elif isinstance(block, BulletList):
            if block.items:
                parts.append(_list(block))
        elif isinstance(block, Network):
            parts.append(_network(block))
        elif isinstance(block, Notice):
            parts.append(_notice(block))
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown block {block!r}")
    return "\n\n".join(parts) + "\n"
