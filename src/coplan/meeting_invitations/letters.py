"""Printed invitations (PDF) for people who asked for post, in the format they asked for.

- Standard print: 12 point type.
- Large print: 18 point type, bold headings, wide spacing, left aligned (RNIB's
  clear print guidance asks for 16 to 18 point at least).
- Easy Read: the Easy Read PDF the language checker already makes
  (`plain_words.easy_read`): one short sentence a line, 16 point, with a
  picture column.
Formats we cannot print (audio, British Sign Language, Braille, another
language) are listed for the lead to arrange; the letter goes in large print
if they asked for that too, otherwise in standard print.
"""

import datetime
import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from coplan.core import formats
from coplan.meeting_invitations.invitations import Invitation, text_for_reading
from coplan.plain_words.easy_read import (
    ApprovedVersion,
    easy_read_lines,
    easy_read_pdf,
    vera_fonts,
)

STANDARD, LARGE_PRINT, EASY_READ = "standard", "large_print", "easy_read"
POINT_SIZES = {STANDARD: 12, LARGE_PRINT: 18}
# Formats someone may ask for that a printed letter cannot be.
NOT_PRINTABLE = {"audio", "bsl", "braille", "other_language"}


def letter_format(asked: list[str] | tuple[str, ...]) -> str:
    """The printed format for someone who asked for these formats: Easy Read first,
    then large print, otherwise standard print."""
    if EASY_READ in asked:
        return EASY_READ
    if LARGE_PRINT in asked:
        return LARGE_PRINT
    return STANDARD


def letter_pdf(
    *,
    invitation: Invitation,
    format: str,
    address: str = "",
    reply_link: str = "",
    sender: str = "",
    today: datetime.date,
    easy_read: ApprovedVersion | None = None,
) -> bytes:
    """One person's invitation as a letter to print, in their format; in Easy Read,
    with the lines as the lead approved them (`easy_read`), if given."""
    if format == EASY_READ:
        lines = easy_read_lines(text_for_reading(invitation, reply_link=reply_link))
        if easy_read is not None:
            lines = easy_read.applied_to(lines)
        return easy_read_pdf(title=invitation.subject, lines=lines)
    regular, bold = vera_fonts()
    size = POINT_SIZES.get(format, POINT_SIZES[STANDARD])
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.5)
    heading = ParagraphStyle(
        "heading", fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.4, spaceBefore=size
    )
    title = ParagraphStyle("title", fontName=bold, fontSize=size + 6, leading=(size + 6) * 1.3)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    story: list = []
    for line in address.splitlines():
        if line.strip():
            story.append(para(line.strip()))
    story += [Spacer(1, size), para(formats.long_date(today)), Spacer(1, size)]
    story += [para(invitation.subject, title), Spacer(1, size / 2), para(invitation.greeting)]
    if invitation.message:
        story += [Spacer(1, size / 2)] + [para(line) for line in invitation.message.splitlines()]
    for section in invitation.sections:
        story.append(
            KeepTogether([para(section.heading, heading)] + [para(line) for line in section.lines])
        )
    if reply_link:
        story += [
            para("Tell us if you can come", heading),
            para("Open this link to say if you are coming, or if your needs have changed:"),
            para(reply_link),
        ]
        if sender:
            story.append(para(f"Or tell {sender}, who is running the project."))
    if sender:
        story += [Spacer(1, size), para("With best wishes,"), para(sender)]
    buffer = io.BytesIO()
    margin = 2.5 * cm if format == LARGE_PRINT else 2 * cm
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=invitation.subject,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    ).build(story)
    return buffer.getvalue()
