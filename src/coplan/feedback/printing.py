"""Printable feedback forms (standard and Easy Read), one-time link slips, and
"you said, we did" letters for people who asked for post (these from HTML, tagged, by
coplan.core.documents; the forms and slips still with ReportLab).

The Easy Read form is built with the Easy Read PDF of plain_words (one
sentence a line, a picture column, 16 point type); the pictures are the same
drawings as on screen, redrawn with ReportLab shapes, each with its words; the
opening lines get their topic's picture from the Easy Read picture bank, or none.
"""

import dataclasses
import io

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coplan.core import documents
from coplan.feedback import bank
from coplan.feedback.models import FeedbackForm, FeedbackQuestion, HowAnswered, YouSaidWeDid
from coplan.feedback.presenters import qr_matrix
from coplan.feedback.services import wants_easy_read
from coplan.people.choices import Format
from coplan.people.models import Person
from coplan.plain_words.easy_read import (
    EasyReadLine,
    easy_read_lines,
    easy_read_pdf,
    pdf_fonts,
)

CLOSED_BOX_WORDS = (
    "This is a closed box. Do not write your name. We do not keep anything that says who you are."
)
NAMED_WORDS = "We keep your name with your answers, so we can reply to you."


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _styles(size: int = 12) -> dict[str, ParagraphStyle]:
    regular, bold = pdf_fonts()
    return {
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=size + 8, leading=(size + 8) * 1.3
        ),
        "heading": ParagraphStyle(
            "heading", fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.4
        ),
        "body": ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.45),
        "small": ParagraphStyle(
            "small", fontName=regular, fontSize=size - 2, leading=(size - 2) * 1.4
        ),
    }


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )


# Pictures, drawn again for print ------------------------------------------------


def picture_drawing(name: str, size: float = 48) -> Drawing:
    """The picture of an answer, drawn with shapes (no colour needed to read it)."""
    drawing = Drawing(size, size)
    unit = size / 64
    stroke = {"strokeColor": colors.black, "strokeWidth": 3 * unit}

    def point(x: float, y: float) -> tuple[float, float]:
        return x * unit, (64 - y) * unit

    def poly(*xy: tuple[float, float]) -> PolyLine:
        flat = [value for x, y in xy for value in point(x, y)]
        return PolyLine(flat, **stroke)

    if name in {"good", "okay", "not_good"}:
        drawing.add(Circle(32 * unit, 32 * unit, 29 * unit, fillColor=colors.white, **stroke))
        for x in (22, 42):
            drawing.add(Circle(*point(x, 25), 4 * unit, fillColor=colors.black, strokeColor=None))
        mouth = {
            "good": [(18, 38), (25, 44), (32, 46), (39, 44), (46, 38)],
            "okay": [(19, 42), (45, 42)],
            "not_good": [(18, 47), (25, 41), (32, 39), (39, 41), (46, 47)],
        }[name]
        drawing.add(poly(*mouth))
    else:
        drawing.add(
            Rect(
                3 * unit,
                3 * unit,
                58 * unit,
                58 * unit,
                rx=8 * unit,
                fillColor=colors.white,
                **stroke,
            )
        )
        if name == "yes":
            drawing.add(poly((15, 33), (27, 45), (49, 19)))
        elif name == "no":
            drawing.add(Line(*point(19, 19), *point(45, 45), **stroke))
            drawing.add(Line(*point(45, 19), *point(19, 45), **stroke))
        elif name == "not_sure":
            _regular, bold = pdf_fonts()
            drawing.add(
                String(
                    32 * unit,
                    14 * unit,
                    "?",
                    fontName=bold,
                    fontSize=40 * unit,
                    textAnchor="middle",
                )
            )
        else:  # words
            for y in (18, 28, 38, 48):
                drawing.add(Line(*point(12, y), *point(52, y), **stroke))
    return drawing


def _tick_box(size: float = 18) -> Drawing:
    drawing = Drawing(size, size)
    drawing.add(
        Rect(
            1,
            1,
            size - 2,
            size - 2,
            fillColor=colors.white,
            strokeColor=colors.black,
            strokeWidth=1.5,
        )
    )
    return drawing


def qr_drawing(link: str, size: float = 4 * cm) -> Drawing:
    matrix = qr_matrix(link)
    modules = len(matrix) + 8
    unit = size / modules
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for row_index, row in enumerate(matrix):
        for column_index, dark in enumerate(row):
            if dark:
                drawing.add(
                    Rect(
                        (column_index + 4) * unit,
                        size - (row_index + 5) * unit,
                        unit,
                        unit,
                        fillColor=colors.black,
                        strokeColor=None,
                    )
                )
    return drawing


# The standard form ---------------------------------------------------------------


def standard_form_pdf(
    *, form: FeedbackForm, questions: list[FeedbackQuestion], link: str | None
) -> bytes:
    styles = _styles(12)
    buffer = io.BytesIO()
    story: list = [
        Paragraph(_escape(form.title), styles["title"]),
        Spacer(1, 0.3 * cm),
        Paragraph(_escape(form.intro), styles["body"]),
        Spacer(1, 0.3 * cm),
        Paragraph(CLOSED_BOX_WORDS if form.closed_box else NAMED_WORDS, styles["body"]),
        Spacer(1, 0.5 * cm),
    ]
    for number, question in enumerate(questions, start=1):
        block: list = [Paragraph(f"{number}. {_escape(question.standard)}", styles["heading"])]
        choices = bank.KINDS[question.kind].choices
        if choices:
            rows = [[_tick_box(), Paragraph(choice.label, styles["body"])] for choice in choices]
            table = Table(rows, colWidths=[1 * cm, 12 * cm], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            block.append(table)
        else:
            box = Table([[""]], colWidths=[17 * cm], rowHeights=[4 * cm])
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black)]))
            block.append(box)
        block.append(Spacer(1, 0.4 * cm))
        story.append(KeepTogether(block))
    if link:
        story.append(
            KeepTogether(
                [
                    Paragraph("You can fill this in online instead", styles["heading"]),
                    Paragraph(_escape(link), styles["small"]),
                    qr_drawing(link),
                ]
            )
        )
    story.append(Paragraph("Thank you for telling us what you think.", styles["body"]))
    _document(buffer, form.title).build(story)
    return buffer.getvalue()


# The Easy Read form ---------------------------------------------------------------


def _line(words: str, picture=None, write_in: bool = False) -> EasyReadLine:
    # Lines without a picture get an empty picture box, never "picture to choose".
    return EasyReadLine(words, (), picture=picture or Spacer(1, 1), write_in=write_in)


def number_drawing(number: int, size: float = 44) -> Drawing:
    """The question's number, big, in a circle."""
    _regular, bold = pdf_fonts()
    drawing = Drawing(size, size)
    drawing.add(
        Circle(
            size / 2,
            size / 2,
            size / 2 - 2,
            fillColor=colors.white,
            strokeColor=colors.black,
            strokeWidth=2,
        )
    )
    drawing.add(
        String(
            size / 2,
            size * 0.3,
            str(number),
            fontName=bold,
            fontSize=size * 0.45,
            textAnchor="middle",
        )
    )
    return drawing


def easy_read_form_pdf(*, form: FeedbackForm, questions: list[FeedbackQuestion]) -> bytes:
    """The Easy Read form: each question, then each answer with its picture and a box to tick."""
    # The opening lines get the picture for their topic from the bank, or none.
    lines = [
        dataclasses.replace(line, findings=(), notes=())
        for line in easy_read_lines(form.intro)
        if line.words
    ]
    if form.closed_box:
        lines += [_line("This is a closed box."), _line("Do not write your name.")]
    for number, question in enumerate(questions, start=1):
        lines.append(_line(f"Question {number}. {question.easy_read}", number_drawing(number)))
        choices = bank.KINDS[question.kind].choices
        if choices:
            for choice in choices:
                picture = Table(
                    [[_tick_box(22), picture_drawing(choice.picture, 44)]],
                    colWidths=[0.9 * cm, 1.8 * cm],
                )
                picture.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
                lines.append(_line(f"{choice.label}. Tick the box.", picture))
        else:
            lines.append(
                _line("Write or draw your answer in the box.", picture_drawing("words", 44), True)
            )
    lines.append(_line("Thank you."))
    return easy_read_pdf(title=form.title, lines=lines)


# One-time links ---------------------------------------------------------------------


def one_time_slips_pdf(*, form: FeedbackForm, links: list[str]) -> bytes:
    """A slip for each one-time link, to cut out and hand to each person."""
    styles = _styles(14)
    buffer = io.BytesIO()
    story: list = []
    for link in links:
        slip = Table(
            [
                [
                    qr_drawing(link, 3.5 * cm),
                    [
                        Paragraph(_escape(form.title), styles["heading"]),
                        Paragraph(
                            "Your own link to tell us what you think. It works once.",
                            styles["body"],
                        ),
                        Paragraph(
                            "Point your phone camera at the square, or type:", styles["small"]
                        ),
                        Paragraph(_escape(link), styles["small"]),
                    ],
                ]
            ],
            colWidths=[4 * cm, 13 * cm],
        )
        slip.setStyle(
            TableStyle(
                [("BOX", (0, 0), (-1, -1), 1, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            )
        )
        story += [KeepTogether([slip]), Spacer(1, 0.6 * cm)]
    _document(buffer, f"{form.title}: one-time links").build(story)
    return buffer.getvalue()


# You said, we did letters ---------------------------------------------------------------


def letters_pdf(
    *, project_name: str, letters: list[tuple[Person, list[YouSaidWeDid]]], today
) -> bytes:
    """One letter a page, a tagged PDF (coplan.core.documents) from
    `feedback/letters_document.html`: large print for people who asked for it, and Easy
    Read words (one sentence a line, large print) for people who asked for Easy Read."""
    shown = []
    for person, entries in letters:
        easy = wants_easy_read(person)
        shown.append(
            {
                "name": person.full_name,
                "address": [line for line in person.address.splitlines() if line.strip()],
                "easy": easy,
                "large": easy or Format.LARGE_PRINT in (person.formats or []),
                "entries": [
                    {
                        "you_said": _words(entry.you_said, easy),
                        "status": entry.get_status_display(),
                        "we_did": _words(entry.we_did, easy),
                    }
                    for entry in entries
                ],
            }
        )
    html = documents.render(
        "feedback/letters_document.html",
        {"letters": shown, "project_name": project_name, "today": today},
        title=f"You said, we did: {project_name}",
    )
    return documents.pdf_from_html(html)


def _words(text: str, easy: bool) -> list[str]:
    """The text's paragraphs, or for Easy Read one sentence a line."""
    if easy:
        return [line.words for line in easy_read_lines(text) if line.words]
    return [paragraph.strip() for paragraph in text.splitlines() if paragraph.strip()]


def form_link_for_print(form: FeedbackForm, link: str) -> str | None:
    """Only a link anyone can use goes on the printed form (one-time links are each person's)."""
    return None if form.how_answered == HowAnswered.ONE_TIME else link
