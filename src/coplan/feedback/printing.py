"""Printable feedback forms (standard and Easy Read), one-time link slips, and
"you said, we did" letters for people who asked for post: all tagged PDFs made from
HTML (coplan.core.documents), styled by the one print stylesheet.

The Easy Read form is an Easy Read document (`plain_words.printing`: one sentence a
line, the picture on the left, 16 point): each answer has the same picture as on
screen (our own SVGs, `feedback/data/pictures`) and a box to tick; the opening lines
get the picture for their topic from the Easy Read picture bank, or none.
"""

import dataclasses

from coplan.core import documents
from coplan.core.qr import qr_src
from coplan.feedback import bank
from coplan.feedback.models import FeedbackForm, FeedbackQuestion, HowAnswered, YouSaidWeDid
from coplan.feedback.services import wants_easy_read
from coplan.people.choices import Format
from coplan.people.models import Person
from coplan.plain_words.easy_read import DrawnPicture, EasyReadLine, easy_read_lines
from coplan.plain_words.printing import easy_read_pdf, printed_lines

CLOSED_BOX_WORDS = (
    "This is a closed box. Do not write your name. We do not keep anything that says who you are."
)
NAMED_WORDS = "We keep your name with your answers, so we can reply to you."


def _printed_link(link: str) -> dict[str, str]:
    """A link as printed: a QR code (with its alternative text) and the address to type."""
    address = link.removeprefix("https://").removeprefix("http://")
    return {"address": address, "qr": qr_src(link), "alt": f"QR code for {address}"}


# The standard form ---------------------------------------------------------------


def standard_form_pdf(
    *, form: FeedbackForm, questions: list[FeedbackQuestion], link: str | None
) -> bytes:
    """The form to fill in on paper: each question with boxes to tick or a box to write in."""
    html = documents.render(
        "feedback/form_document.html",
        {
            "form": form,
            "keeping": CLOSED_BOX_WORDS if form.closed_box else NAMED_WORDS,
            "questions": [
                {"words": question.standard, "choices": bank.KINDS[question.kind].choices}
                for question in questions
            ],
            "link": _printed_link(link) if link else None,
        },
        title=form.title,
    )
    return documents.pdf_from_html(html)


# The Easy Read form ---------------------------------------------------------------


def _line(words: str, picture: DrawnPicture | None = None, **boxes: bool) -> EasyReadLine:
    return EasyReadLine(words, (), picture=picture, **boxes)


def answer_picture(name: str) -> DrawnPicture:
    """An answer's picture, the same as on screen, with its alternative text."""
    svg = (bank.DATA / "pictures" / f"{name}.svg").read_text(encoding="utf-8")
    return DrawnPicture(svg, bank.picture_title(name))


def number_picture(number: int) -> DrawnPicture:
    """The question's number, big, in a circle."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        '<circle cx="32" cy="32" r="29" fill="#ffffff" stroke="#0b0c0c" stroke-width="4"/>'
        '<text x="32" y="44" text-anchor="middle" font-family="Liberation Sans, sans-serif" '
        f'font-weight="bold" font-size="32" fill="#0b0c0c">{number}</text></svg>'
    )
    return DrawnPicture(svg, f"Number {number}")


def easy_read_form_lines(
    *, form: FeedbackForm, questions: list[FeedbackQuestion]
) -> list[EasyReadLine]:
    """The Easy Read form as lines: each question, then each answer with its picture
    and a box to tick, or a box to write or draw in."""
    # The opening lines get the picture for their topic from the bank, or none.
    lines = _sentences(form.intro)
    if form.closed_box:
        lines += [_line("This is a closed box."), _line("Do not write your name.")]
    for number, question in enumerate(questions, start=1):
        lines.append(_line(f"Question {number}. {question.easy_read}", number_picture(number)))
        for choice in bank.KINDS[question.kind].choices:
            lines.append(
                _line(
                    f"{choice.label}. Tick the box.", answer_picture(choice.picture), tick_box=True
                )
            )
        if not bank.KINDS[question.kind].choices:
            lines.append(
                _line(
                    "Write or draw your answer in the box.", answer_picture("words"), write_in=True
                )
            )
    lines.append(_line("Thank you."))
    return lines


def easy_read_form_pdf(*, form: FeedbackForm, questions: list[FeedbackQuestion]) -> bytes:
    return easy_read_pdf(
        title=form.title, lines=easy_read_form_lines(form=form, questions=questions)
    )


# One-time links ---------------------------------------------------------------------


def one_time_slips_pdf(*, form: FeedbackForm, links: list[str]) -> bytes:
    """A slip for each one-time link, to cut out and hand to each person. The links
    are printed whole: they are kept nowhere (only their hashes), so no short link."""
    html = documents.render(
        "feedback/slips_document.html",
        {"form": form, "slips": [_printed_link(link) for link in links]},
        title=f"{form.title}: one-time links",
    )
    return documents.pdf_from_html(html)


# You said, we did letters ---------------------------------------------------------------


def letters_pdf(
    *,
    project_name: str,
    letters: list[tuple[Person, list[YouSaidWeDid], list[EasyReadLine]]],
    today,
) -> bytes:
    """One letter a page, a tagged PDF (coplan.core.documents) from
    `feedback/letters_document.html`: large print for people who asked for it, and for people
    who asked for Easy Read an Easy Read letter, with the lines given for them (as the lead
    approved it: `selectors.easy_read_letter_lines`): one sentence a line, 16 point, the
    picture on the left (or none), as every Easy Read document prints."""
    shown = []
    for person, entries, easy_lines in letters:
        easy = wants_easy_read(person)
        lines, credit = printed_lines(_for_print(easy_lines)) if easy else ([], "")
        shown.append(
            {
                "name": person.full_name,
                "address": [line for line in person.address.splitlines() if line.strip()],
                "easy": easy,
                "large": easy or Format.LARGE_PRINT in (person.formats or []),
                "lines": lines,
                "credit": credit,
                "entries": [
                    {
                        "you_said": _paragraphs(entry.you_said),
                        "status": entry.get_status_display(),
                        "we_did": _paragraphs(entry.we_did),
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


def _for_print(lines: list[EasyReadLine]) -> list[EasyReadLine]:
    """The lines to print: the check's findings are for the lead's eyes."""
    return [dataclasses.replace(line, findings=(), notes=()) for line in lines if line.words]


def _sentences(text: str) -> list[EasyReadLine]:
    """The text as Easy Read lines to print: the check's findings are for the lead's eyes."""
    return [
        dataclasses.replace(line, findings=(), notes=())
        for line in easy_read_lines(text)
        if line.words
    ]


def _paragraphs(text: str) -> list[str]:
    return [paragraph.strip() for paragraph in text.splitlines() if paragraph.strip()]


def form_link_for_print(form: FeedbackForm, link: str) -> str | None:
    """Only a link anyone can use goes on the printed form (one-time links are each person's)."""
    return None if form.how_answered == HowAnswered.ONE_TIME else link
