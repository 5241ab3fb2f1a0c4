"""Printed invitations (PDF) for people who asked for post, in the format they asked for:
tagged PDFs made from HTML (coplan.core.documents), styled by the one print stylesheet.

- Standard print: 12 point type.
- Large print: 18 point type, bold headings, wide spacing, left aligned (RNIB's
  clear print guidance asks for 16 to 18 point at least); `.document-large-print`.
- Easy Read: the Easy Read document (`plain_words.printing`): one short sentence a
  line, 16 point, the picture on the left, the link as a QR code and a short address.
The reply link is printed as a QR code and its address (a short link for print, made
by the caller: `short_links`).
Formats we cannot print (audio, British Sign Language, Braille, another
language) are listed for the lead to arrange; the letter goes in large print
if they asked for that too, otherwise in standard print.
"""

import datetime

from coplan.core import documents
from coplan.core.qr import qr_src
from coplan.meeting_invitations.invitations import Invitation, text_for_reading
from coplan.plain_words.easy_read import ApprovedVersion, easy_read_lines
from coplan.plain_words.printing import easy_read_pdf

STANDARD, LARGE_PRINT, EASY_READ = "standard", "large_print", "easy_read"
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


def printed_address(link: str) -> str:
    """A link as it is printed for someone to type: without `https://`."""
    return link.removeprefix("https://").removeprefix("http://").rstrip("/")


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
    address_lines = tuple(line.strip() for line in address.splitlines() if line.strip())
    if format == EASY_READ:
        lines = easy_read_lines(text_for_reading(invitation, reply_link=reply_link))
        if easy_read is not None:
            lines = easy_read.applied_to(lines)
        return easy_read_pdf(
            title=invitation.subject, lines=lines, address=address_lines, today=today
        )
    html = documents.render(
        "meeting_invitations/letter_document.html",
        {
            "invitation": invitation,
            "large_print": format == LARGE_PRINT,
            "address": address_lines,
            "today": today,
            "reply_link": reply_link,
            "reply_address": printed_address(reply_link),
            "reply_qr": qr_src(reply_link) if reply_link else "",
            "sender": sender,
        },
        title=invitation.subject,
    )
    return documents.pdf_from_html(html)
