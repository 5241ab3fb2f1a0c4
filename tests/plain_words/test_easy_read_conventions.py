"""The Easy Read maker follows the published Easy Read guidance (Mencap's "Am I making
myself clear?", the Department of Health's "Making written information easier to
understand"): headings stand out, addresses stay together, links become a QR code and
a short address in print, money is shown once and the same way, numbers as digits."""

import datetime
import itertools
import re

import pytest

from coplan.meeting_invitations.invitations import (
    MeetingFacts,
    PersonFacts,
    Wording,
    invitation_build,
)
from coplan.meeting_invitations.letters import EASY_READ, letter_pdf
from coplan.plain_words.easy_read import EASY_READ_POINT_SIZE, MAX_LINE_LENGTH, easy_read_lines
from tests.documents import assert_accessible_pdf, pdf_text, type_sizes
from tests.factories import UserFactory

LINK = "https://coplan.example.org/invitations/reply/abcdefghijklmnopqrstuvwxyz0123456789/"
TEXT = f"""Dear Sam,

What the project is
Project 0
A better day service.

When
Tuesday 4 May 2027, 10am to 1pm (3 hours).

Where
In person at Banbury Community Centre.
1 High Street
Banbury
OX16 1AA
Call 01295 123456 if you get lost.

Payment and expenses
We pay £20.00 an hour for your time.
We pay £20.00 an hour for your time.
Payment, tax and benefits:
We pay £15 an hour for meetings.

Tell us if you can come
Open this link to say if you are coming.
{LINK}
"""


def _by_kind(kind):
    return [line.words for line in easy_read_lines(TEXT) if line.kind == kind]


def test_headings_stand_on_their_own_and_do_not_run_into_the_text():
    lines = easy_read_lines(TEXT)

    assert _by_kind("heading") == [
        "What the project is",
        "When",
        "Where",
        "Payment and expenses",
        "Tell us if you can come",
    ]
    assert "Project 0" in [line.words for line in lines]
    assert not [line.words for line in lines if "What the project is " in line.words]


def test_an_address_is_one_block_not_a_sentence_a_line():
    lines = easy_read_lines(TEXT)

    assert _by_kind("address") == ["1 High Street\nBanbury\nOX16 1AA"]
    assert "Banbury" not in [line.words for line in lines]
    assert "Call 01295 123456 if you get lost." in [line.words for line in lines]


def test_a_link_becomes_a_qr_code_and_a_short_address():
    lines = easy_read_lines(TEXT)

    assert not [line.words for line in lines if "https://" in line.words]
    (link,) = [line for line in lines if line.kind == "link"]
    assert link.link == LINK
    assert "coplan.example.org" in link.words
    assert max(len(line) for line in link.words.splitlines()) <= MAX_LINE_LENGTH


def test_money_is_shown_once_and_the_same_way():
    lines = easy_read_lines(TEXT)
    words = [line.words for line in lines]

    assert words.count("We pay £20 an hour for your time.") == 1
    assert not [line for line in words if "£20.00" in line]
    (other_rate,) = [line for line in lines if "£15" in line.words]
    assert other_rate.needs_work
    assert "£20 an hour" in " ".join(other_rate.notes)


def test_a_heading_and_the_line_after_it_do_not_get_the_same_picture():
    lines = easy_read_lines(TEXT)

    pairs = [
        (line.words, after.words)
        for line, after in itertools.pairwise(lines)
        if line.kind == "heading" and line.bank_picture and line.bank_picture == after.bank_picture
    ]
    assert pairs == []
    when = next(index for index, line in enumerate(lines) if line.words == "When")
    assert lines[when + 1].bank_picture is not None  # the date keeps its calendar


def test_numbers_are_digits_and_dates_are_written_out():
    words = [line.words for line in easy_read_lines("Bring two friends. Come on 04/05/2027.")]

    assert words == ["Bring 2 friends.", "Come on 4 May 2027."]


@pytest.mark.django_db
def test_the_easy_read_page_shows_headings_addresses_and_links(client_for):
    page = client_for(UserFactory()).post("/check-wording/easy-read/", {"text": TEXT}).content
    html = page.decode()

    assert '<th scope="row" colspan="2" class="govuk-table__header">When</th>' in html
    assert "1 High Street<br>Banbury<br>OX16 1AA" in html
    assert f'<a class="govuk-link" href="{LINK}">' in html
    assert "but an earlier line says £20 an hour" in html


# The printed Easy Read invitation letter ------------------------------------------


def _letter() -> bytes:
    facts = MeetingFacts(
        project_name="Day services together",
        project_description="We want to make day services better.",
        project_starts=datetime.date(2027, 1, 4),
        project_ends=datetime.date(2027, 12, 17),
        key_dates=(),
        title="First workshop",
        purpose="Meet everyone.",
        format="in_person",
        meets_on=datetime.date(2027, 5, 4),
        starts_at=datetime.time(10, 0),
        length_minutes=180,
        zone="Europe/London",
        venue_name="Banbury Community Centre",
        venue_address="1 High Street\nBanbury\nOX16 1AA",
        food="provided",
        payment_information="Call 01295 123456 to ask about payment.",
    )
    wording = Wording(message="We would love you to come.", payment="We pay £20 an hour.")
    invitation = invitation_build(
        facts=facts, wording=wording, person=PersonFacts(name="Sam Green")
    )
    return letter_pdf(
        invitation=invitation, format=EASY_READ, reply_link=LINK, today=datetime.date(2027, 4, 1)
    )


def test_the_easy_read_letter_is_printed_to_the_conventions():
    pdf = _letter()
    text = pdf_text(pdf)
    lines = [line.strip() for line in text.splitlines() if line.strip()]

    read = assert_accessible_pdf(pdf, title="You are invited: First workshop, 4 May 2027")
    assert read.headings()[:2] == ["H1", "H2"]
    assert not re.search(r"Picture to|Dear …|\{|\}|TODO|None", text)
    for heading in ("What the project is", "When", "Where", "Tell us if you can come"):
        assert heading in lines, f"{heading!r} is not a line of its own"
    start = lines.index("1 High Street")
    assert lines[start : start + 3] == ["1 High Street", "Banbury", "OX16 1AA"]
    assert "01295 123456" in text
    assert "https://" not in text
    assert "abcdefghij" not in text
    assert "coplan.example.org" in text
    (qr,) = [figure for figure in read.figures() if figure.alt.startswith("QR code")]
    assert qr.alt == "QR code for coplan.example.org", "the reply link is not a QR code"
    assert all(figure.alt for figure in read.figures()), "a picture with no words"
    reading = [line for line in lines if not re.search(r"OpenMoji|BY-SA|openmoji.org", line)]
    assert max(len(line) for line in reading) <= MAX_LINE_LENGTH
    assert set(type_sizes(pdf, "Banbury")) == {EASY_READ_POINT_SIZE}
    assert read.pages <= 4
