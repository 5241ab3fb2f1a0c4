"""The demo meeting's printed invitations (meeting_invitations.letters), read back as a
screen reader would, and the Easy Read one to its conventions: at most 4 pages, a
picture with words beside each line or none, the reply link as a QR code and a short
address, the person's address together."""

import dataclasses
import re

import pytest

from coplan.core import formats
from coplan.core.demo import demo_data_load
from coplan.meeting_invitations import selectors, services
from coplan.meeting_invitations.letters import EASY_READ, LARGE_PRINT, STANDARD
from coplan.meetings.demo import DEMO_MEETING
from coplan.meetings.models import Meeting
from coplan.plain_words.easy_read import MAX_LINE_LENGTH
from tests.documents import assert_accessible_pdf, in_order, pdf_text, type_sizes

pytestmark = pytest.mark.django_db
SHORT = re.compile(r"127\.0\.0\.1:8000/r/[a-z0-9]{10}")


def _subject(meeting) -> str:
    return f"You are invited: {meeting.title}, {formats.long_date(meeting.meets_on)}"


@pytest.fixture
def demo_letters(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    demo_data_load()
    meeting = Meeting.objects.get(title=DEMO_MEETING)
    row = selectors.invitation_rows(meeting=meeting)[0]

    def letter(format: str) -> bytes:
        return services.letter_for(
            meeting=meeting, row=dataclasses.replace(row, letter_format=format)
        )

    return meeting, letter


def test_the_demo_s_easy_read_invitation_is_at_most_4_pages_to_the_conventions(demo_letters):
    meeting, letter = demo_letters

    pdf = letter(EASY_READ)

    read = assert_accessible_pdf(pdf, title=_subject(meeting))
    assert read.pages <= 4
    assert read.headings()[0] == "H1"
    assert set(read.headings()[1:]) == {"H2"}
    assert all(figure.alt for figure in read.figures()), "a picture with no words"
    assert [figure.alt for figure in read.figures()][-1].startswith("QR code for 127.0.0.1:8000/r/")
    text = pdf_text(pdf)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert not re.search(r"Picture to|Dear …|\{|\}|TODO|None|https?://", text)
    reading = [line for line in lines if "OpenMoji" not in line]
    assert max(len(line) for line in reading) <= MAX_LINE_LENGTH
    start = lines.index("12 Bridge Street")
    assert lines[start : start + 3] == ["12 Bridge Street", "Banbury", "OX16 5PN"]
    assert SHORT.search(text)
    assert set(type_sizes(pdf, "Banbury")) == {16}


@pytest.mark.parametrize(("format", "size"), [(STANDARD, 12), (LARGE_PRINT, 18)])
def test_the_demo_s_letters_are_tagged_with_the_reply_link_short_and_as_a_qr_code(
    demo_letters, format, size
):
    meeting, letter = demo_letters

    pdf = letter(format)

    read = assert_accessible_pdf(pdf, title=_subject(meeting))
    (qr,) = read.figures()
    assert SHORT.fullmatch(qr.alt.removeprefix("QR code for "))
    text = pdf_text(pdf)
    assert in_order(text, "Dear", "What the project is", "Tell us if you can come")
    assert SHORT.search(text)
    assert set(type_sizes(pdf, "Dear")) == {size}
