"""The record document as one self-contained html file: no scripts, nothing loaded from the
network, inline CSS with print styles for A4 (so "print to PDF" gives a file for the case
file). All user text is html-escaped. The network is an inline SVG picture: the child in the
middle, each person around it with relation and meaning; a person marked as a risk has a
dashed red border and a warning sign (not colour alone), explained in a legend."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from html import escape

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

RISK_STROKE = "#b00020"
BOX_W, LINE_H = 210, 17


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


def _fit(text: str, width: int, lines: int) -> list[str]:
    """Text wrapped into at most `lines` lines for a box in the picture (the table below the
    picture holds the whole text)."""
    text = " ".join(str(text).split())
    return textwrap.wrap(text, width, max_lines=lines, placeholder=" …") if text else []


def _svg_text(x: float, y: float, text: str, css: str = "", size: float = 12) -> str:
    style = f' style="{css}"' if css else ""
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="middle" font-size="{size}"{style}>{escape(text)}</text>'


def _box(x: float, y: float, risk: bool, h: float, w: int = BOX_W) -> str:
    stroke = f'stroke="{RISK_STROKE}" stroke-width="3" stroke-dasharray="7 4"' if risk else 'stroke="#333" stroke-width="1.5"'
    fill = "#fff5f5" if risk else "#f7f7f7"
    return f'<rect x="{x - w / 2:.0f}" y="{y - h / 2:.0f}" width="{w}" height="{h}" rx="8" fill="{fill}" {stroke}/>'


def _person_lines(person: Person, risk_label: str) -> list[tuple[str, str, float]]:
    """The lines of text in a person's box: who, relation, meaning, and the risk marker."""
    lines: list[tuple[str, str, float]] = [(t, "font-weight:bold", 14) for t in _fit(person.who, 24, 2)]
    lines += [(t, "", 12.5) for t in _fit(person.relation, 28, 1)]
    lines += [(t, "font-style:italic", 12) for t in _fit(person.meaning, 30, 2)]
    if person.risk:
        lines.append((f"\u26a0 {risk_label}", f"fill:{RISK_STROKE};font-weight:bold", 12.5))
    return lines


def network_svg(block: Network) -> str:
    """The network as an inline SVG: the child (each child) in the middle, the people around
    on an ellipse, a line from the child to each."""
    n = max(len(block.people), 1)
    texts = [_person_lines(p, block.risk_label) for p in block.people]
    tallest = max((len(x) for x in texts), default=1) * LINE_H + 16
    rx, ry = 250.0, max(140.0, 24.0 * n)
    width, height = 2 * rx + BOX_W + 20, 2 * ry + tallest + 20
    cx, cy = width / 2, height / 2
    out = [
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="{escape(", ".join(p.who for p in block.people))}" font-family="sans-serif">'
    ]
    places = []
    for i in range(len(block.people)):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        places.append((cx + rx * math.cos(angle), cy + ry * math.sin(angle)))
    for (x, y), person in zip(places, block.people, strict=False):
        stroke = (
            f'stroke="{RISK_STROKE}" stroke-dasharray="7 4" stroke-width="2.5"'
            if person.risk
            else 'stroke="#777" stroke-width="1.5"'
        )
        out.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" {stroke}/>')
    children = block.children or ("",)
    for k, child in enumerate(children):
        y = cy + (k - (len(children) - 1) / 2) * 60
        out.append('<g class="child">')
        out.append(f'<ellipse cx="{cx:.0f}" cy="{y:.0f}" rx="72" ry="27" fill="#e8f0fe" stroke="#1a4d8f" stroke-width="2.5"/>')
        out.append(_svg_text(cx, y + 5, (_fit(child, 18, 1) or [""])[0], "font-weight:bold", 15))
        out.append("</g>")
    for (x, y), person, lines in zip(places, block.people, texts, strict=False):
        out.append(f'<g class="person{" risk" if person.risk else ""}">')
        out.append(_box(x, y, person.risk, len(lines) * LINE_H + 14))
        top = y - (len(lines) - 1) * LINE_H / 2
        for j, (text, css, size) in enumerate(lines):
            out.append(_svg_text(x, top + j * LINE_H + 4.5, text, css, size))
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _legend(block: Network, lang: str) -> str:
    from ..texts import t

    def sample(risk: bool) -> str:
        stroke = (
            f'stroke="{RISK_STROKE}" stroke-width="2.5" stroke-dasharray="5 3"' if risk else 'stroke="#333" stroke-width="1.5"'
        )
        fill = "#fff5f5" if risk else "#f7f7f7"
        return (
            '<svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true">'
            f'<rect x="2" y="2" width="30" height="14" rx="3" fill="{fill}" {stroke}/></svg>'
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
        f"{network_svg(block)}{_legend(block, lang)}</figure>"
    )
    rows = [(p.who, p.relation, p.meaning, f"\u26a0 {block.risk_label}" if p.risk else "") for p in block.people]
    return label + figure + _table(block.headers, rows, (25, 25, 35, 15))


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
