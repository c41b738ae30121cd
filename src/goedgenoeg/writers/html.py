"""The record document as one self-contained html file: no scripts, nothing loaded from the
network, inline CSS with print styles for A4 (so "print to PDF" gives a file for the case
file). All user text is html-escaped. The network is an inline SVG picture: the child in the
middle, the parents and whoever lives with the child in a group above, the rest of the network
in a group below, each person with relation and meaning wrapped whole into a box of its own; a
person about whom a worry was named has a dotted border and the worry in words ("Zorg: ...",
what it is and who sees it), explained in a legend - no alarm colour, no warning sign."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from html import escape
from typing import NamedTuple

from ..document import BulletList, Document, Heading, Network, Notice, Paragraph, Person, Table, clean

CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8.5pt; } }
:root { color-scheme: light; }
body { font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #111; background: #fff; margin: 0; }
main { max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 20pt; margin: 0 0 .6em; }
h2 { font-size: 15pt; margin: 1.6em 0 .5em; border-bottom: 1px solid #999; padding-bottom: .15em; }
h3 { font-size: 12pt; margin: 1.2em 0 .3em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: .35em 0 .6em; overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #555; padding: .25em .45em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; word-break: normal; hyphens: manual; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
ul, ol { margin: .3em 0 .8em; padding-left: 1.6em; }
li { margin: .15em 0; overflow-wrap: break-word; }
.notice { border: 3px solid #a00; padding: .6em .9em; margin: 0 0 1.2em; }
.notice strong { color: #a00; display: block; font-size: 13pt; }
figure.network { margin: .5em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figure.network > svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9.5pt; margin-top: .3em; }
figcaption svg { vertical-align: middle; }
.voice { font-style: italic; }
@media print {
  main { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""

# The picture's geometry, in SVG units (the figure is drawn at about its own size on a page):
# the people in a grid of COLS boxes per row inside a group frame, so boxes cannot overlap
# however many people there are, and every text wrapped to its box's width, never cut.
WIDTH = 720
COLS, BOX_W, GAP = 3, 214, 14
FRAME_X, FRAME_PAD, FRAME_TITLE = 10, 15, 30
LINE_H, BOX_PAD_X, BOX_PAD_Y = 17, 10, 8
CHILD_RX, CHILD_LINE = 92, 18
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"  # one set of metrics on every system
# The width of each character from ' ' to '~' in Arial Bold, in thousandths of an em (bold is
# the widest of the styles used); anything else counts as a full em unless it is an accented
# letter, which counts as its letter.
_WIDTHS = (
    (278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556)
    + (556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778)
    + (722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333)
    + (278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611)
    + (611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584)
)
MARGIN = 1.05  # room for a font that is a little wider than Arial
INK, LINE_GREY = "#222", "#777"


def _lines(text: str) -> list[str]:
    return [x.strip() for x in str(text).splitlines() if x.strip()]


def _text(text: str) -> str:
    """User text as html: escaped, line breaks kept."""
    return "<br>".join(escape(x) for x in _lines(text))


def _paragraph(block: Paragraph) -> str:
    body = _text(block.text)
    if not body:
        return ""
    if block.emphasis == "strong":
        body = f"<strong>{body}</strong>"
    elif block.emphasis == "em":
        body = f"<em>{body}</em>"
    return f"<p>{body}</p>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int] | None = None) -> str:
    out = ["<table>"]
    if widths and len(widths) == len(headers):
        total = sum(widths) or 1
        out.append("<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths) + "</colgroup>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{_text(h)}</th>' for h in headers) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _list(block: BulletList) -> str:
    tag = "ol" if block.numbered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + f"</{tag}>"


def _char_width(char: str) -> int:
    base = unicodedata.normalize("NFD", char)[:1]
    code = ord(base) if base else 0
    return _WIDTHS[code - 32] if 32 <= code < 127 else 1000


def text_width(text: str, size: float) -> float:
    """The width a line of text takes at a font size, on the generous side (Arial Bold)."""
    return sum(_char_width(c) for c in text) * size / 1000 * MARGIN


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Text wrapped whole into lines no wider than `width` at `size`: word by word, a word
    too long for a line broken where it must."""
    lines: list[str] = []
    line = ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and text_width(line + char, size) > width:
                lines.append(line)
                line = ""
            line += char
    return lines + [line] if line else lines


class Line(NamedTuple):
    text: str
    size: float
    style: str = ""  # CSS for the line
    lead: str = ""  # a bold word before the text on the first line ("Zorg:")


class Box(NamedTuple):
    """A person's box: its top-left corner, size and lines."""

    x: float
    y: float
    w: float
    h: float
    person: Person
    lines: tuple[Line, ...]


class Frame(NamedTuple):
    """A group of people (the household, the rest of the network) with its title."""

    x: float
    y: float
    w: float
    h: float
    title: str
    note: str  # shown when the group is empty


class Child(NamedTuple):
    cx: float
    cy: float
    rx: float
    ry: float
    lines: tuple[str, ...]


class Layout(NamedTuple):
    width: float
    height: float
    frames: tuple[Frame, ...]
    boxes: tuple[Box, ...]
    children: tuple[Child, ...]


def person_lines(person: Person, worry_label: str) -> tuple[Line, ...]:
    """The lines of a person's box: who, relation, meaning and the worry, each wrapped whole."""
    inner = BOX_W - 2 * BOX_PAD_X
    lines = [Line(x, 14, "font-weight:bold") for x in _wrap(person.who, inner, 14)]
    lines += [Line(x, 12.5) for x in _wrap(person.relation, inner, 12.5)]
    lines += [Line(x, 12, "font-style:italic") for x in _wrap(person.meaning, inner, 12)]
    if person.worry:
        lead = f"{worry_label}:"
        # the lead takes room on the first line: wrap as if it were part of the text
        wrapped = _wrap(f"{lead} {person.worry}", inner, 12)
        first = wrapped[0][len(lead) :].lstrip() if wrapped and wrapped[0].startswith(lead) else wrapped[0]
        lines.append(Line(first, 12, "", lead))
        lines += [Line(x, 12) for x in wrapped[1:]]
    return tuple(lines)


def _grid(people: Sequence[Person], worry_label: str, top: float) -> tuple[list[Box], float]:
    """People in rows of COLS boxes from `top`, each row as tall as its tallest box; a short
    last row is centred. Returns the boxes and the bottom of the last row."""
    boxes: list[Box] = []
    y = top
    inner_w = WIDTH - 2 * (FRAME_X + FRAME_PAD)
    for start in range(0, len(people), COLS):
        row = people[start : start + COLS]
        texts = [person_lines(p, worry_label) for p in row]
        h = max(len(x) for x in texts) * LINE_H + 2 * BOX_PAD_Y
        used = len(row) * BOX_W + (len(row) - 1) * GAP
        x = FRAME_X + FRAME_PAD + (inner_w - used) / 2
        for person, lines in zip(row, texts, strict=True):
            boxes.append(Box(x, y, BOX_W, h, person, lines))
            x += BOX_W + GAP
        y += h + GAP
    return boxes, y - GAP if people else y


def _frame(title: str, note: str, people: Sequence[Person], worry_label: str, top: float) -> tuple[Frame, list[Box]]:
    boxes, bottom = _grid(people, worry_label, top + FRAME_TITLE)
    if not people:
        bottom = top + FRAME_TITLE + LINE_H
    frame = Frame(FRAME_X, top, WIDTH - 2 * FRAME_X, bottom + FRAME_PAD - top, title, note if not people else "")
    return frame, boxes


def layout(block: Network, lang: str) -> Layout:
    """Where everything goes: the parents and whoever lives with the child in a group above the
    child (each child), the rest of the network in a group below."""
    from ..texts import t

    home = [p for p in block.people if p.household]
    others = [p for p in block.people if not p.household]
    frames: list[Frame] = []
    boxes: list[Box] = []
    frame, placed = _frame(t(lang, "rec_household"), t(lang, "rec_household_none"), home, block.worry_label, 10)
    frames.append(frame)
    boxes += placed
    # the children in a row (three at most a row) between the two groups
    names = [_wrap(c, 2 * CHILD_RX - 28, 15) or [""] for c in (block.children or ("",))]
    ry = max(len(x) for x in names) * CHILD_LINE / 2 + 16
    children: list[Child] = []
    y = frame.y + frame.h + 40 + ry
    for start in range(0, len(names), 3):
        row = names[start : start + 3]
        spacing = 2 * CHILD_RX + 40
        x = WIDTH / 2 - (len(row) - 1) * spacing / 2
        for lines in row:
            children.append(Child(x, y, CHILD_RX, ry, tuple(lines)))
            x += spacing
        y += 2 * ry + 20
    bottom = y - ry - 20  # the last row's lower edge
    if others:
        frame, placed = _frame(t(lang, "rec_network_others"), "", others, block.worry_label, bottom + 40)
        frames.append(frame)
        boxes += placed
        bottom = frame.y + frame.h
    return Layout(WIDTH, bottom + 10, tuple(frames), tuple(boxes), tuple(children))


def _svg_text(x: float, y: float, line: Line) -> str:
    style = f' style="{line.style}"' if line.style else ""
    lead = f'<tspan style="font-weight:bold">{escape(line.lead)}</tspan> ' if line.lead else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="{line.size}"{style}>{lead}{escape(line.text)}</text>'


def _box(box: Box) -> str:
    worry = bool(box.person.worry)
    # a worry: a dotted border and the word before it, in the same ink (no alarm colour)
    stroke = f'stroke="{INK}" stroke-width="2" stroke-dasharray="3 3"' if worry else f'stroke="{INK}" stroke-width="1.2"'
    out = [f'<g class="person{" worry" if worry else ""}">']
    out.append(f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="6" fill="#f7f7f7" {stroke}/>')
    for n, line in enumerate(box.lines):
        out.append(_svg_text(box.x + box.w / 2, box.y + BOX_PAD_Y + n * LINE_H + 13, line))
    out.append("</g>")
    return "".join(out)


def network_svg(block: Network, lang: str = "nl") -> str:
    """The network as an inline SVG: the household group, the child (each child), the network
    group; a line joins each child to each group."""
    shape = layout(block, lang)
    out = [
        f'<svg viewBox="0 0 {shape.width:.0f} {shape.height:.0f}" role="img" '
        f'aria-label="{escape(", ".join(p.who for p in block.people))}" font-family="{FONT}">'
    ]
    for child in shape.children:
        for frame in shape.frames:
            above = frame.y < child.cy
            end = frame.y + frame.h if above else frame.y
            start = child.cy - child.ry if above else child.cy + child.ry
            ends = f'x1="{child.cx:.1f}" y1="{start:.1f}" x2="{child.cx:.1f}" y2="{end:.1f}"'
            out.append(f'<line {ends} stroke="{LINE_GREY}" stroke-width="2"/>')
    for frame in shape.frames:
        out.append('<g class="group">')
        out.append(
            f'<rect x="{frame.x:.1f}" y="{frame.y:.1f}" width="{frame.w:.1f}" height="{frame.h:.1f}" rx="10" '
            'fill="#fff" stroke="#999" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{frame.x + FRAME_PAD:.1f}" y="{frame.y + 20:.1f}" font-size="13" style="font-weight:bold">'
            f"{escape(frame.title)}</text>"
        )
        if frame.note:
            note = Line(frame.note, 12, "font-style:italic")
            out.append(_svg_text(frame.x + frame.w / 2, frame.y + FRAME_TITLE + 13, note))
        out.append("</g>")
    for child in shape.children:
        out.append('<g class="child">')
        out.append(
            f'<ellipse cx="{child.cx:.1f}" cy="{child.cy:.1f}" rx="{child.rx:.1f}" ry="{child.ry:.1f}" '
            'fill="#e8f0fe" stroke="#1a4d8f" stroke-width="2.5"/>'
        )
        top = child.cy - (len(child.lines) - 1) * CHILD_LINE / 2 + 5
        for n, text in enumerate(child.lines):
            out.append(_svg_text(child.cx, top + n * CHILD_LINE, Line(text, 15, "font-weight:bold")))
        out.append("</g>")
    out += [_box(box) for box in shape.boxes]
    out.append("</svg>")
    return "".join(out)


def _legend(block: Network, lang: str) -> str:
    from ..texts import t

    def sample(worry: bool) -> str:
        stroke = f'stroke="{INK}" stroke-width="2" stroke-dasharray="3 3"' if worry else f'stroke="{INK}" stroke-width="1.2"'
        return (
            '<svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true">'
            f'<rect x="2" y="2" width="30" height="14" rx="3" fill="#f7f7f7" {stroke}/></svg>'
        )

    return (
        f"<figcaption><strong>{escape(t(lang, 'rec_legend'))}:</strong> "
        f"{sample(False)} {escape(t(lang, 'rec_legend_person'))} &nbsp; "
        f"{sample(True)} {escape(t(lang, 'rec_legend_risk'))}</figcaption>"
    )


def _network(block: Network, lang: str) -> str:
    from ..texts import t

    label = f'<p class="voice">{_text(block.label)}</p>' if block.label else ""
    figure = (
        f'<figure class="network" aria-label="{escape(t(lang, "rec_network_caption"))}">'
        f"{network_svg(block, lang)}{_legend(block, lang)}</figure>"
    )
    rows = [(p.who, p.relation, p.meaning, p.worry) for p in block.people]
    return label + figure + _table(block.headers, rows, (22, 22, 28, 28))


def _notice(block: Notice) -> str:
    return f'<div class="notice" role="note"><strong>{_text(block.title)}</strong>{_text(block.text)}</div>'


def _css_string(text: str) -> str:
    """Text as a CSS string literal: quotes, backslashes and line breaks escaped."""
    return '"' + "".join(c if c.isalnum() or c in " -.,:;()" else f"\\{ord(c):x} " for c in " ".join(text.split())) + '"'


def _page_label(document: Document) -> str:
    """An internal record says so at the foot of every printed page."""
    notices = [b for b in document.blocks if isinstance(b, Notice)]
    if not notices:
        return ""
    label = _css_string(notices[0].title)
    return f"@page {{ @bottom-center {{ content: {label}; color: #a00; font-weight: bold; font-size: 8.5pt; }} }}"


def write(document: Document) -> bytes:
    """The document as a self-contained html file (UTF-8 bytes)."""
    document = clean(document)  # no terminal escapes or control characters in a record
    body = []
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{escape(' '.join(_lines(block.text)))}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append(_paragraph(block))
        elif isinstance(block, Table):
            body.append(_table(block.headers, block.rows, block.widths))
        elif isinstance(block, BulletList):
            if block.items:
                body.append(_list(block))
        elif isinstance(block, Network):
            body.append(_network(block, document.lang))
        elif isinstance(block, Notice):
            body.append(_notice(block))
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown block {block!r}")
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{CSS}{_page_label(document)}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(b for b in body if b)
        + "\n</main>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
