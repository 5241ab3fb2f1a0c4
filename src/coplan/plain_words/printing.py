"""Easy Read documents to print: a tagged PDF (coplan.core.documents) from
`plain_words/easy_read_document.html`, styled by the one print stylesheet
(`.document-easy-read`): the picture on the left of each line that has one, the words
on the right, 16 point; a heading alone; a link as a QR code and a short address.

Takes a list of `EasyReadLine` (from `easy_read_lines`, or lines a lead has edited, or
lines a form makes), so whatever makes the lines, they print the same way.
"""

import datetime
from dataclasses import dataclass

from coplan.core import documents
from coplan.core.qr import qr_src
from coplan.plain_words.easy_read import (
    HEADING,
    LINK,
    EasyReadLine,
    picture_credit_words,
)


@dataclass(frozen=True)
class PrintedLine:
    kind: str
    words: tuple[str, ...]  # printed one under the other (an address's lines)
    picture_src: str = ""
    picture_alt: str = ""
    is_qr: bool = False
    tick_box: bool = False
    write_in: bool = False


def _printed(line: EasyReadLine) -> tuple[PrintedLine, bool]:
    """The line as printed, and whether it shows an OpenMoji picture (then its credit
    is due)."""
    words = tuple(part for part in line.words.splitlines() if part.strip())
    shown = {"kind": line.kind, "words": words, "tick_box": line.tick_box,
             "write_in": line.write_in}  # fmt: skip
    if line.kind == HEADING:
        return PrintedLine(**shown), False
    if line.kind == LINK:
        address = words[-1].removeprefix("Or go to ") if words else line.link
        src, alt = qr_src(line.link), f"QR code for {address}"
        return PrintedLine(**shown, picture_src=src, picture_alt=alt, is_qr=True), False
    if line.picture:
        src, alt = documents.data_src(line.picture.svg), line.picture.alt
        return PrintedLine(**shown, picture_src=src, picture_alt=alt), False
    picture = line.bank_picture
    # A picture the asset build has not made leaves the line without one, never a box.
    # An organisation's own picture (SVG or PNG, checked when added) needs no credit.
    if picture and picture.file_content():
        shown_picture = PrintedLine(
            **shown, picture_src=picture.data_uri(), picture_alt=picture.alt
        )
        return shown_picture, picture.is_openmoji
    return PrintedLine(**shown), False


def printed_lines(lines: list[EasyReadLine]) -> tuple[list[PrintedLine], str]:
    """The lines as printed (for `plain_words/_easy_read_lines.html`), and the pictures'
    credit if any line shows an OpenMoji picture, else ""."""
    printed = [_printed(line) for line in lines]
    credit = picture_credit_words() if any(bank for _, bank in printed) else ""
    return [line for line, _ in printed], credit


def easy_read_html(
    *,
    title: str,
    lines: list[EasyReadLine],
    address: tuple[str, ...] = (),
    today: datetime.date | None = None,
) -> str:
    """The Easy Read document's HTML; as a letter when given an address and a date."""
    printed, credit = printed_lines(lines)
    return documents.render(
        "plain_words/easy_read_document.html",
        {
            "lines": printed,
            "credit": credit,
            "address": address,
            "today": today,
        },
        title=title,
    )


def easy_read_pdf(
    *,
    title: str,
    lines: list[EasyReadLine],
    address: tuple[str, ...] = (),
    today: datetime.date | None = None,
) -> bytes:
    """A tagged Easy Read PDF of the lines (see `easy_read_html`)."""
    return documents.pdf_from_html(
        easy_read_html(title=title, lines=lines, address=address, today=today)
    )
