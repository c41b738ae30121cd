"""The record document as a Word file (python-docx): A4 with sensible margins, Word's own
heading styles, tables with borders ("Table Grid") and column widths that fit the page, line
breaks kept, no markdown escapes. The network is a table (a picture would need a drawing
library). Only imported when a docx is written.

The file is marked with the record's language (nl-BE for Flanders, nl-NL for the Netherlands,
en-GB in English: the document defaults, every style, the theme fonts), so Word proofs it in the
right language; it is dated with the record's time and says who made it only when that is known
(never "python-docx" or the Word that made python-docx's own template); the footer says "pagina N
van M". An organisation's own .docx (setting `docx_template`) can be the base: its styles, page
set-up, header and footer (a logo) are kept, its body text is not, and a style it lacks is taken
from python-docx's template."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..document import BulletList, Document, Heading, Network, Notice, Paragraph, Table, clean
from ..texts import t
from . import TemplateError

if TYPE_CHECKING:
    from docx.document import Document as Docx
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import _Footer, _Header
    from docx.table import _Row
    from docx.text.paragraph import Paragraph as DocxParagraph

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)  # A4
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.0), Cm(2.0), Cm(2.2)
TEXT_WIDTH_CM = 21.0 - 2 * 2.0
INTERNAL = RGBColor(0xA0, 0x00, 0x00)  # the internal record's notice


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
        for cell, value in zip(cells, row, strict=False):
            _add_text(cell.paragraphs[0], value)
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
        elif _has_style(doc, "List Bullet"):
            paragraph = doc.add_paragraph(style="List Bullet")
        else:  # a template without Word's list style (its numbering would be missing too)
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.75)
            paragraph.paragraph_format.first_line_indent = Cm(-0.75)
            paragraph.add_run("\u2022\t")
        _add_text(paragraph, item)


def _network(doc: Docx, block: Network) -> None:
    if block.label:
        _add_text(doc.add_paragraph(), block.label, italic=True)
    rows = [(p.who, p.relation, p.meaning, p.worry) for p in block.people]
    _table(doc, block.headers, rows, (22, 22, 28, 28))


def _notice(doc: Docx, block: Notice) -> None:
    """The internal notice as a bordered box at the top."""
    table = doc.add_table(rows=1, cols=1)
    table.style = doc.styles["Table Grid"]
    cell = table.rows[0].cells[0]
    cell.width = Cm(TEXT_WIDTH_CM)
    _add_text(cell.paragraphs[0], block.title, bold=True, color=INTERNAL)
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


def _free_paragraph(part: _Header | _Footer) -> DocxParagraph:
    """An empty paragraph in a header or footer: its first when it is empty (python-docx's own),
    else a new one after what a template put there (a logo, an address)."""
    first: DocxParagraph = part.paragraphs[0]
    if not first.text and not first._p.xpath(".//w:drawing | .//w:pict | .//w:fldSimple"):
        return first
    return part.add_paragraph()


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it shows the page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _running(doc: Docx, document: Document) -> None:
    """On every page: the title (and for an internal record its notice) in the header, "pagina N
    van M" in the footer, so a page that comes loose still says what it belongs to and where."""
    notices = [b for b in document.blocks if isinstance(b, Notice)]
    for section in doc.sections:
        header = _free_paragraph(section.header)
        _add_text(header, document.title)
        for notice in notices:
            header.add_run(" · ")
            _add_text(header, notice.title, bold=True, color=INTERNAL)
        footer = _free_paragraph(section.footer)
        # "pagina {page} van {pages}": the words around the two fields in the record's language
        for piece in re.split(r"(\{page\}|\{pages\})", t(document.lang, "docx_page_of")):
            if piece == "{page}":
                _field(footer, "PAGE")
            elif piece == "{pages}":
                _field(footer, "NUMPAGES")
            elif piece:
                footer.add_run(piece)


def language_tag(lang: str, region: str) -> str:
    """The language Word proofs the record in: English as written in Europe, Dutch as written
    in Flanders or the Netherlands (the Netherlands' when the region is not known)."""
    if lang == "en":
        return "en-GB"
    return "nl-BE" if region == "flanders" else "nl-NL"


def _mark_language(doc: Docx, tag: str) -> None:
    """The record's language in the document defaults, in every style that names one, and for
    the theme fonts; runs follow their styles."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_default.append(properties)
    if properties.find(qn("w:lang")) is None:
        properties.append(OxmlElement("w:lang"))
    for element in styles.iter(qn("w:lang")):
        element.set(qn("w:val"), tag)
        if element.get(qn("w:eastAsia")):  # python-docx's template says en-US here too
            element.set(qn("w:eastAsia"), tag)
    settings = doc.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
    value = rb'\1"' + tag.encode() + b'"'

    def marked(lang: re.Match[bytes]) -> bytes:
        return re.sub(rb'(w:val=|w:eastAsia=)"[^"]*"', value, lang[0])

    for part in doc.part.package.iter_parts():
        # Word 2010's copy of the styles (python-docx's template has one): a generic part, as bytes
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = re.sub(rb"<w:lang\b[^>]*>", marked, part.blob)


def _written(document: Document) -> datetime:
    """The record's time in UTC (Word's core properties are UTC); now when it is not known."""
    try:
        moment = datetime.fromisoformat(document.written)
    except ValueError:
        return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None, microsecond=0)


def _properties(doc: Docx, document: Document, tag: str) -> None:
    """What Word shows under File > Info: the title, the language, the record's time, and who
    made it only when that is known; nothing left from the template's own history."""
    properties = doc.core_properties
    properties.title = document.title
    properties.language = tag
    properties.author = properties.last_modified_by = document.author
    properties.comments = properties.keywords = properties.subject = properties.category = ""
    properties.created = properties.modified = _written(document)
    properties.revision = 1
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            # "Microsoft Macintosh Word" and its version came with python-docx's template
            blob = re.sub(rb"<Application>[^<]*</Application>", b"<Application>goedgenoeg</Application>", part.blob)
            part._blob = re.sub(rb"<AppVersion>[^<]*</AppVersion>", b"", blob)


# Styles the record uses; a template made in Word often lacks them (Word keeps only the styles
# a document uses), and python-docx cannot use a style that is not in the file.
_WORD_STYLES = ("Table Grid",) + tuple(f"Heading {n}" for n in range(1, 10))


def _has_style(doc: Docx, name: str) -> bool:
    return any(style.name == name for style in doc.styles)


def _borrow_styles(doc: Docx) -> None:
    """Each style the record uses that the template lacks, copied from python-docx's own template
    with the styles it is based on or linked to (a template's own styles are never replaced)."""
    source = new_docx().styles.element
    target = doc.styles.element
    have = {s.get(qn("w:styleId")) for s in target.findall(qn("w:style"))}

    def by_id(style_id: str) -> BaseOxmlElement | None:
        return next((s for s in source.findall(qn("w:style")) if s.get(qn("w:styleId")) == style_id), None)

    def borrow(style_id: str) -> None:
        if style_id in have:
            return
        element = by_id(style_id)
        if element is None:
            return
        have.add(style_id)
        target.append(copy.deepcopy(element))
        for tag in ("w:basedOn", "w:link", "w:next"):
            reference = element.find(qn(tag))
            if reference is not None:
                borrow(reference.get(qn("w:val")))

    for name in _WORD_STYLES:
        if not _has_style(doc, name):
            style = new_docx().styles[name]
            borrow(style.style_id)


def _base(template: Path | None, lang: str) -> Docx:
    """A new document: python-docx's own, or the organisation's template with its body emptied."""
    if template is None:
        doc = new_docx()
        _page(doc)
        return doc
    if not template.is_file():
        raise TemplateError("docx_template_missing", path=template)
    try:
        doc = new_docx(str(template))
    except Exception as err:  # any file that is not a Word document: a zip, XML or content-type error
        raise TemplateError("docx_template_broken", path=template, err=str(err)) from None
    body = doc.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    _borrow_styles(doc)
    return doc


def write(document: Document, template: Path | None = None) -> bytes:
    """The document as a .docx file (bytes), on the organisation's template when one is given
    (TemplateError when it is missing or not a Word document)."""
    document = clean(document)  # no terminal escapes or control characters in a record
    doc = _base(template, document.lang)
    tag = language_tag(document.lang, document.region)
    _mark_language(doc, tag)
    _properties(doc, document, tag)
    _running(doc, document)
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
