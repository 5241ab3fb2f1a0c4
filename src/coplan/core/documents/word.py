"""A document's HTML as a Word file: headings in Word's own heading styles (so its
navigation pane and a screen reader find them), tables with a header row that repeats
on each page, lists as lists, pictures as their alternative text.

Only what documents use is understood: headings, paragraphs, lists, tables, definition
lists, figures; anything else is read for the blocks inside it. An Easy Read line
(`document-easy-read__line`: a picture, then its words) becomes the picture itself,
with its alternative text, on the left of the words, and an Easy Read document
(`document-easy-read`) is set in 16-point type.
"""

import base64
import binascii
import io
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import html as lxml_html

SPACES = re.compile(r"\s+")
HEADINGS = {f"h{level}": level for level in range(1, 7)}
CONTAINERS = {
    "div", "section", "article", "main", "header", "footer", "aside", "body", "form",
    "fieldset", "nav", "figure",
}  # fmt: skip
SKIPPED = {"script", "style", "template", "head", "title", "input", "button", "select"}


def _skipped(element) -> bool:
    classes = (element.get("class") or "").split()
    return (
        not isinstance(element.tag, str)
        or element.tag in SKIPPED
        or element.get("hidden") is not None
        or "govuk-visually-hidden" in classes
        or "document-not-in-word" in classes
    )


def _text(element) -> str:
    """The words of an element, spaces as a reader sees them."""
    parts = []

    def gather(node):
        if _skipped(node):
            if isinstance(node.tag, str) and node.tail:
                parts.append(node.tail)
            return
        if node.tag == "br":
            parts.append("\n")
        elif node.tag == "img":
            parts.append(node.get("alt") or "")
        if node.text:
            parts.append(node.text)
        for child in node:
            gather(child)
        if node is not element and node.tail:
            parts.append(node.tail)

    gather(element)
    lines = [SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _runs(paragraph, element) -> None:
    """The element's words into `paragraph`, bold and italic where the HTML has them."""

    def add(text: str, bold: bool, italic: bool):
        text = SPACES.sub(" ", text)
        if text.strip() or (text and paragraph.runs):
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None

    def walk(node, bold=False, italic=False):
        if _skipped(node):
            return
        bold = bold or node.tag in ("strong", "b", "th")
        italic = italic or node.tag in ("em", "i")
        if node.tag == "br":
            paragraph.add_run().add_break()
        elif node.tag == "img" and node.get("alt"):
            add(node.get("alt"), bold, True)
        if node.text:
            add(node.text, bold, italic)
        for child in node:
            walk(child, bold, italic)
            if child.tail:
                add(child.tail, bold, italic)

    walk(element)
    # Trimmed only where there is something to trim: setting a run's text empties it,
    # and the first run may be a picture (an Easy Read line's).
    if paragraph.runs and paragraph.runs[0].text != paragraph.runs[0].text.lstrip():
        paragraph.runs[0].text = paragraph.runs[0].text.lstrip()
    if paragraph.runs and paragraph.runs[-1].text != paragraph.runs[-1].text.rstrip():
        paragraph.runs[-1].text = paragraph.runs[-1].text.rstrip()


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document, element) -> None:
    caption = element.find("caption")
    if caption is not None and _text(caption):
        document.add_paragraph(_text(caption), style="Caption")
    rows = [
        (row, [cell for cell in row if cell.tag in ("th", "td") and not _skipped(cell)])
        for row in element.iter("tr")
    ]
    rows = [(row, cells) for row, cells in rows if cells]
    if not rows:
        return
    columns = max(len(cells) for _, cells in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    # Row by row: `table.cell(row, column)` lays out the whole table on each call.
    for index, ((row, cells), word_row) in enumerate(zip(rows, table.rows, strict=True)):
        in_head = row.getparent().tag == "thead" or all(cell.tag == "th" for cell in cells)
        if in_head and index == 0:
            _repeat_as_header(word_row)
        word_cells = word_row.cells
        for column, cell in enumerate(cells):
            _runs(word_cells[column].paragraphs[0], cell)
    document.add_paragraph()


def _list(document, element, depth: int) -> None:
    style = "List Number" if element.tag == "ol" else "List Bullet"
    if depth > 1:
        style = f"{style} {min(depth, 3)}"
    for item in element:
        if _skipped(item) or item.tag != "li":
            continue
        paragraph = document.add_paragraph(style=style)
        nested = [child for child in item if child.tag in ("ul", "ol")]
        for child in nested:
            item.remove(child)
        _runs(paragraph, item)
        for child in nested:
            _list(document, child, depth + 1)


def _blocks(document, element, list_depth: int = 0) -> None:
    """Each block inside `element`, in reading order."""
    if element.text and element.text.strip():
        document.add_paragraph(SPACES.sub(" ", element.text).strip())
    for child in element:
        if not _skipped(child):
            _block(document, child, list_depth)
        if child.tail and child.tail.strip():
            document.add_paragraph(SPACES.sub(" ", child.tail).strip())


PICTURE_WIDTH = Cm(2)
WORDS_FROM = Cm(2.6)
EASY_READ_SIZE = Pt(16)


def _png(src: str) -> bytes | None:
    """A picture given as a `data:` address (SVG or PNG, as documents hold them) as PNG
    bytes for Word, which shows no SVG; None if it is neither."""
    header, _, data = src.partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        return None
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None
    if header.startswith("data:image/png"):
        return content
    if header.startswith("data:image/svg+xml"):
        import resvg_py  # only documents with pictures need it

        try:
            return bytes(resvg_py.svg_to_bytes(svg_string=content.decode("utf-8"), width=160))
        except (UnicodeDecodeError, ValueError):
            return None
    return None


def _picture_line(document, element) -> None:
    """An Easy Read line: its picture (with the alternative text a screen reader
    says) on the left, then its words, lined up under one another."""
    picture = next(
        (img for img in element.iter("img") if not _skipped(img) and img.get("src")), None
    )
    words = next((p for p in element.iter("p") if not _skipped(p)), None)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = WORDS_FROM  # with a picture or without
    png = _png(picture.get("src")) if picture is not None else None
    if png is not None:
        paragraph.paragraph_format.first_line_indent = -WORDS_FROM
        paragraph.paragraph_format.tab_stops.add_tab_stop(WORDS_FROM)
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=PICTURE_WIDTH)
        shape._inline.docPr.set("descr", picture.get("alt") or "")
        paragraph.add_run("\t")
    if words is not None:
        _runs(paragraph, words)
    if not paragraph.runs:
        paragraph._p.getparent().remove(paragraph._p)


def _block(document, element, list_depth: int) -> None:
    tag = element.tag
    if "document-easy-read__line" in (element.get("class") or "").split():
        _picture_line(document, element)
    elif tag in HEADINGS:
        document.add_heading(_text(element), level=HEADINGS[tag])
    elif tag == "table":
        _table(document, element)
    elif tag in ("ul", "ol"):
        _list(document, element, list_depth + 1)
    elif tag == "dl":
        for item in element:
            if _skipped(item):
                continue
            if item.tag == "div":  # <div><dt/><dd/></div>, as GOV.UK summary lists
                for part in item:
                    _definition(document, part)
            else:
                _definition(document, item)
    elif tag == "figcaption":
        document.add_paragraph(_text(element), style="Caption")
    elif tag in CONTAINERS:
        _blocks(document, element, list_depth)
    elif tag == "hr":
        document.add_paragraph()
    else:  # p, blockquote, and anything inline standing on its own
        paragraph = document.add_paragraph()
        _runs(paragraph, element)
        if not paragraph.runs:
            paragraph._p.getparent().remove(paragraph._p)


def _definition(document, element) -> None:
    if _skipped(element) or not _text(element):
        return
    paragraph = document.add_paragraph()
    _runs(paragraph, element)
    if element.tag == "dt":
        for run in paragraph.runs:
            run.bold = True


def docx_from_html(html: str) -> bytes:
    """A Word file of a document's HTML, with its title and language."""
    page = lxml_html.document_fromstring(html)
    document = Document()
    title = page.find(".//title")
    title_text = title.text_content() if title is not None else ""
    document.core_properties.title = SPACES.sub(" ", title_text).strip()
    language = page.get("lang") or ""
    document.core_properties.language = language
    if language:
        run_properties = document.styles["Normal"].element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language)
        run_properties.append(lang)
    if page.find_class("document-easy-read"):
        document.styles["Normal"].font.size = EASY_READ_SIZE
    body = page.find("body")
    _blocks(document, body if body is not None else page)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
