"""Easy Read versions of a text: one short sentence per line, large type, and the
picture for its topic on the left of each line, from the picture bank
(`plain_words.pictures`); a line about nothing in the bank has no picture."""

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from svglib.svglib import svg2rlg

from coplan import language
from coplan.language.text import mask_markup, sentences
from coplan.plain_words.pictures import Picture, credit, picture_for

EASY_READ_POINT_SIZE = 16  # the least Easy Read guidance allows in print
PICTURE_SIZE = 2.5 * cm
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class EasyReadLine:
    words: str
    findings: tuple[language.Finding, ...]
    # In print: a picture for the picture column (a ReportLab flowable), and
    # whether the line is followed by a box to write an answer in.
    picture: Any = None
    write_in: bool = False
    # The picture for the line's topic from the picture bank, if one fits.
    bank_picture: Picture | None = None

    @property
    def needs_work(self) -> bool:
        return bool(self.findings)


def easy_read_lines(text: str) -> list[EasyReadLine]:
    """The text as Easy Read lines, each with what the Easy Read check found in it."""
    masked = mask_markup(text)
    report = language.check(text, mode=language.EASY_READ)
    lines = []
    for sentence in sentences(masked):
        words = _SPACES.sub(" ", masked[sentence.start : sentence.end]).strip()
        found = tuple(
            finding for finding in report.findings if sentence.start <= finding.start < sentence.end
        )
        lines.append(EasyReadLine(words, found, bank_picture=picture_for(words)))
    return lines


def lines_without_picture(text: str) -> list[str]:
    """The Easy Read lines of a text that no picture in the bank fits, to tell the
    lead before it goes (they get no picture, never a placeholder)."""
    return [line.words for line in easy_read_lines(text) if line.words and not line.bank_picture]


def uses_bank_pictures(lines: list[EasyReadLine]) -> bool:
    """Whether any line shows a picture from the bank (then its credit is due)."""
    return any(line.bank_picture and not line.picture for line in lines)


def picture_drawing(picture: Picture, size: float = PICTURE_SIZE):
    """A bank picture drawn for print (vector, from the SVG the asset build made), or
    None if the build has not made it: then the line has no picture, never a box.
    (tests/plain_words/test_pictures.py checks the build made every picture.)"""
    if not picture.built_file.is_file():
        return None
    drawing = svg2rlg(str(picture.built_file))
    scale = size / max(drawing.width, drawing.height)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    return drawing


def vera_fonts() -> tuple[str, str]:
    """ReportLab's own Bitstream Vera fonts, so the PDF needs nothing from the system."""
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        folder = next(
            Path(path) for path in rl_config.TTFSearchPath if (Path(path) / "Vera.ttf").exists()
        )
        pdfmetrics.registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(folder / "VeraBd.ttf")))
    return "Vera", "VeraBd"


def easy_read_pdf(*, title: str, lines: list[EasyReadLine]) -> bytes:
    """A printable Easy Read document: the picture on the left of each line that has
    one, the words on the right, 16 point type; the pictures' credit at the end."""
    regular, bold = vera_fonts()
    size = EASY_READ_POINT_SIZE
    heading = ParagraphStyle("heading", fontName=bold, fontSize=size + 8, leading=(size + 8) * 1.3)
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.5)
    small = ParagraphStyle("small", fontName=regular, fontSize=size - 4, leading=(size - 4) * 1.3)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=2 * cm, rightMargin=2 * cm
    )
    rows: list[list] = []
    write_in_rows: list[int] = []
    drawn = False
    for line in lines:
        picture = line.picture
        if picture is None and line.bank_picture:
            picture = picture_drawing(line.bank_picture)
            drawn = drawn or picture is not None
        rows.append([picture or "", Paragraph(_escape(line.words), body)])
        if line.write_in:
            write_in_rows.append(len(rows))
            rows.append(["", Spacer(1, 4 * cm)])
    story = [Paragraph(_escape(title), heading), Spacer(1, 0.5 * cm)]
    if rows:
        table = Table(rows, colWidths=[4 * cm, 13 * cm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 12),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                    ("LEFTPADDING", (1, 0), (1, -1), 14),
                    *(("BOX", (1, row), (1, row), 1, colors.black) for row in write_in_rows),
                ]
            )
        )
        story.append(table)
    if drawn:
        story += [Spacer(1, 0.5 * cm), Paragraph(_escape(picture_credit_words()), small)]
    document.build(story)
    return buffer.getvalue()


def picture_credit_words() -> str:
    """The pictures' credit as words for print, with where to find them."""
    given = credit()
    return f"{given.words}: {given.link.removeprefix('https://').rstrip('/')}"


def pdf_fonts() -> tuple[str, str]:
    """The regular and bold font names for any of our PDFs (Bitstream Vera)."""
    return vera_fonts()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
