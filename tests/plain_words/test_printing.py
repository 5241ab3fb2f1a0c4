"""The printed Easy Read document (plain_words.printing): tagged, 16 point, the picture
on the left of each line with its alternative text, or none; never a placeholder."""

import datetime
import re

from coplan.plain_words.easy_read import (
    EASY_READ_POINT_SIZE,
    DrawnPicture,
    EasyReadLine,
    easy_read_lines,
)
from coplan.plain_words.printing import easy_read_html, easy_read_pdf
from tests.documents import assert_accessible_pdf, in_order, pdf_text, type_sizes

TEXT = (
    "We want to hear from you. Please come to a meeting on 4 March at the library.\n"
    "We will pay for your bus fare. We will liaise with twenty partners going forward."
)
CREDIT = "Pictures: OpenMoji, the open-source emoji project, CC BY-SA 4.0: openmoji.org"


def test_the_easy_read_pdf_is_tagged_with_a_title_and_language():
    pdf = easy_read_pdf(title="Changes to day services", lines=easy_read_lines(TEXT))

    read = assert_accessible_pdf(pdf, title="Changes to day services")
    assert read.headings() == ["H1"]
    assert [figure.alt for figure in read.figures()] == ["A calendar", "Some bank notes"]


def test_every_line_is_printed_in_order_in_16_point():
    pdf = easy_read_pdf(title="Changes to day services", lines=easy_read_lines(TEXT))

    text = " ".join(pdf_text(pdf).split())
    assert in_order(
        text,
        "Changes to day services",
        "We want to hear from you.",
        "Please come to a meeting on 4 March at the library.",
        "We will pay for your bus fare.",
        "We will liaise with 20 partners going forward.",
    )
    assert "Picture to choose" not in text
    assert set(type_sizes(pdf, "library.")) == {EASY_READ_POINT_SIZE}


def test_each_picture_is_on_the_left_of_its_line():
    html = easy_read_html(title="Day services", lines=easy_read_lines(TEXT))

    rows = re.findall(
        r'<div class="document-easy-read__picture">(.*?)</div>\s*'
        r'<div class="document-easy-read__words">\s*<p>(.*?)</p>',
        html,
        re.S,
    )
    assert [(words, re.findall(r'alt="([^"]*)"', picture)) for picture, words in rows] == [
        ("We want to hear from you.", []),
        ("Please come to a meeting on 4 March at the library.", ["A calendar"]),
        ("We will pay for your bus fare.", ["Some bank notes"]),
        ("We will liaise with 20 partners going forward.", []),
    ]
    assert 'src="data:image/svg+xml;base64,' in html  # nothing to fetch


def test_the_pictures_are_credited_only_when_there_are_some():
    with_pictures = pdf_text(easy_read_pdf(title="Day", lines=easy_read_lines(TEXT)))
    without = pdf_text(
        easy_read_pdf(title="Hello", lines=easy_read_lines("We want to hear from you."))
    )

    assert CREDIT in " ".join(with_pictures.split())
    assert "OpenMoji" not in without


def test_odd_characters_are_printed_as_typed():
    pdf = easy_read_pdf(title="Zoë’s “group” – <b>", lines=easy_read_lines("Hello & welcome."))

    assert_accessible_pdf(pdf, title="Zoë’s “group” – <b>")
    assert "Zoë’s “group” – <b>" in pdf_text(pdf)
    assert "Hello & welcome." in pdf_text(pdf)


def test_a_picture_the_build_has_not_made_leaves_the_line_without_one(monkeypatch, tmp_path):
    monkeypatch.setattr("coplan.plain_words.pictures.BUILT_FOLDER", tmp_path)

    pdf = easy_read_pdf(title="Day services", lines=easy_read_lines(TEXT))

    text = " ".join(pdf_text(pdf).split())
    assert "Please come to a meeting on 4 March at the library." in text
    assert "OpenMoji" not in text
    assert assert_accessible_pdf(pdf, title="Day services").figures() == []


def test_a_link_is_a_qr_code_with_alternative_text_and_a_short_address():
    lines = easy_read_lines("Tell us if you can come.\nhttps://coplan.example.org/r/k7m2x9qp4w\n")

    pdf = easy_read_pdf(title="Reply", lines=lines)

    text = pdf_text(pdf)
    assert "Or go to coplan.example.org/r/k7m2x9qp4w" in text
    assert "https://" not in text
    figures = assert_accessible_pdf(pdf, title="Reply").figures()
    assert [figure.alt for figure in figures][-1] == "QR code for coplan.example.org/r/k7m2x9qp4w"


def test_a_document_can_give_a_line_its_own_picture_and_boxes():
    face = DrawnPicture(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" '
        'r="4"/></svg>',
        "A smiling face",
    )
    lines = [
        EasyReadLine("Good. Tick the box.", (), picture=face, tick_box=True),
        EasyReadLine("Write your answer in the box.", (), write_in=True),
    ]

    pdf = easy_read_pdf(title="Feedback", lines=lines)

    read = assert_accessible_pdf(pdf, title="Feedback")
    assert [figure.alt for figure in read.figures()] == ["A smiling face"]
    assert in_order(pdf_text(pdf), "Good. Tick the box.", "Write your answer in the box.")


def test_a_letter_has_the_address_and_the_date_first():
    pdf = easy_read_pdf(
        title="You are invited",
        lines=easy_read_lines("Dear Sam,\n\nCome to the meeting."),
        address=("Sam Green", "1 High Street", "Banbury"),
        today=datetime.date(2027, 4, 1),
    )

    assert in_order(
        pdf_text(pdf), "Sam Green\n1 High Street\nBanbury", "1 April 2027", "You are invited"
    )
