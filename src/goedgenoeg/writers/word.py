"""The record document as a Word file (python-docx): A4 with sensible margins, Word's own
heading styles, tables with borders ("Table Grid") and column widths that fit the page, line
breaks kept, no markdown escapes. The network is a table (a picture would need a drawing
library). Only imported when a docx is written."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..document import BulletList, Document, Heading, Network, Notice, Paragraph, Table, clean

if TYPE_CHECKING:
    from docx.document import Document as Docx
    from docx.table import _Row
    from docx.text.paragraph import Paragraph as DocxParagraph

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)  # A4
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.0), Cm(2.0), Cm(2.2)
TEXT_WIDTH_CM = 21.0 - 2 * 2.0
RISK = RGBColor(0xB0, 0x00, 0x20)


def _lines(text: str) -> list[str]:
    return [x.strip() for x in str(text).splitlines() if x.strip()]


def _add_text(
    paragraph: DocxParagraph, text: str, bold: bool = False, italic: bool = False, color: RGBColor | None = None
) -> None:
    """Text into a paragraph as runs, its line breaks kept as line breaks."""
    for n, line in enumerate(_lines(text)):
        run = paragraph.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if color is not None:
            run.font.color.rgb = color
        if n < len(_lines(text)) - 1:
            run.add_break()


def _repeat_header(row: _Row) -> None:
    """Repeat a table's header row on every page it runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_together(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.insert(0, OxmlElement("w:cantSplit"))  # the schema wants it before w:tblHeader


def _table(
    doc: Docx,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[int] | None = None,
    risk_column: int | None = None,
) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    weights = widths if widths and len(widths) == len(headers) else (1,) * len(headers)
    total = sum(weights) or 1
    sizes = [Cm(TEXT_WIDTH_CM * w / total) for w in weights]
    for cell, header in zip(table.rows[0].cells, headers, strict=False):
        _add_text(cell.paragraphs[0], header, bold=True)
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for n, (cell, value) in enumerate(zip(cells, row, strict=False)):
            color = RISK if risk_column == n and value else None
            _add_text(cell.paragraphs[0], value, bold=color is not None, color=color)
    for row in table.rows:
        _keep_row_together(row)
        for cell, size in zip(row.cells, sizes, strict=False):
            cell.width = size
    for column, size in zip(table.columns, sizes, strict=False):
        column.width = size
    doc.add_paragraph()


def _list(doc: Docx, block: BulletList) -> None:
    for n, item in enumerate(block.items, 1):
        if block.numbered:  # numbered by hand: Word's list numbering would run on across lists
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.75)
            paragraph.paragraph_format.first_line_indent = Cm(-0.75)
            paragraph.add_run(f"{n}.\t")
        else:
            paragraph = doc.add_paragraph(style="List Bullet")
        _add_text(paragraph, item)


def _network(doc: Docx, block: Network) -> None:
    if block.label:
        _add_text(doc.add_paragraph(), block.label, italic=True)
    rows = [(p.who, p.relation, p.meaning, f"\u26a0 {block.risk_label}" if p.risk else "") for p in block.people]
    _table(doc, block.headers, rows, (25, 25, 35, 15), risk_column=3)


def _notice(doc: Docx, block: Notice) -> None:
    """The internal notice as a bordered box at the top."""
    table = doc.add_table(rows=1, cols=1)
    table.style = doc.styles["Table Grid"]
    cell = table.rows[0].cells[0]
    cell.width = Cm(TEXT_WIDTH_CM)
    _add_text(cell.paragraphs[0], block.title, bold=True, color=RISK)
    _add_text(cell.add_paragraph(), block.text)
    doc.add_paragraph()


def _page(doc: Docx) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.name = "Calibri"
    normal.paragraph_format.space_after = Pt(4)


def _running(doc: Docx, document: Document) -> None:
    """On every page: the title (and for an internal record its notice) in the header, the page
    number in the footer, so a page that comes loose still says what it belongs to."""
    notices = [b for b in document.blocks if isinstance(b, Notice)]
    for section in doc.sections:
        header = section.header.paragraphs[0]
        _add_text(header, document.title)
        for notice in notices:
            header.add_run(" · ")
            _add_text(header, notice.title, bold=True, color=RISK)
        footer = section.footer.paragraphs[0]
        number = OxmlElement("w:fldSimple")
        number.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        number.append(run)
        footer._p.append(number)


def write(document: Document) -> bytes:
    """The document as a .docx file (bytes)."""
    document = clean(document)  # no terminal escapes or control characters in a record
    doc = new_docx()
    _page(doc)
    _running(doc, document)
    properties = doc.core_properties
    properties.title = document.title
    properties.language = document.lang
    properties.author = properties.last_modified_by = ""
    properties.comments = properties.keywords = properties.subject = ""
    for block in document.blocks:
        if isinstance(block, Heading):
            doc.add_heading(" ".join(_lines(block.text)), level=min(max(block.level, 1), 9))
        elif isinstance(block, Paragraph):
            if _lines(block.text):
                _add_text(doc.add_paragraph(), block.text, bold=block.emphasis == "strong", italic=block.emphasis == "em")
        elif isinstance(block, Table):
            _table(doc, block.headers, block.rows, block.widths)
        elif isinstance(block, BulletList):
            _list(doc, block)
        elif isinstance(block, Network):
            _network(doc, block)
        elif isinstance(block, Notice):
            _notice(doc, block)
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown block {block!r}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
