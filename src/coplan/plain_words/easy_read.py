"""Easy Read versions of a text: one short sentence per line, large type, and a
column for a picture beside each line (pictures are chosen later)."""

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

from coplan import language
from coplan.language.text import mask_markup, sentences

EASY_READ_POINT_SIZE = 16  # the least Easy Read guidance allows in print
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class EasyReadLine:
    words: str
    findings: tuple[language.Finding, ...]
    # In print: a picture for the picture column (a ReportLab flowable), and
    # whether the line is followed by a box to write an answer in.
    picture: Any = None
    write_in: bool = False

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
        lines.append(EasyReadLine(words, found))
    return lines


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
    """A printable Easy Read document: a picture box beside each line, 16 point type."""
    regular, bold = vera_fonts()
    size = EASY_READ_POINT_SIZE
    heading = ParagraphStyle("heading", fontName=bold, fontSize=size + 8, leading=(size + 8) * 1.3)
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.5)
    picture = ParagraphStyle(
        "picture", fontName=regular, fontSize=size - 4, leading=(size - 4) * 1.3
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=2 * cm, rightMargin=2 * cm
    )
    rows: list[list] = []
    write_in_rows: list[int] = []
    for line in lines:
        rows.append(
            [
                line.picture or Paragraph("Picture to choose", picture),
                Paragraph(_escape(line.words), body),
            ]
        )
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
                    ("BOX", (0, 0), (0, -1), 0.5, colors.grey),
                    ("INNERGRID", (0, 0), (0, -1), 0.5, colors.grey),
                    ("TOPPADDING", (0, 0), (-1, -1), 12),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                    ("LEFTPADDING", (1, 0), (1, -1), 14),
                    *(("BOX", (1, row), (1, row), 1, colors.black) for row in write_in_rows),
                ]
            )
        )
        story.append(table)
    document.build(story)
    return buffer.getvalue()


def pdf_fonts() -> tuple[str, str]:
    """The regular and bold font names for any of our PDFs (Bitstream Vera)."""
    return vera_fonts()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
