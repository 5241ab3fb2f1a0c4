import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coplan.plain_words.easy_read import approved_from, easy_read_lines, lines_as_approved
from coplan.plain_words.pictures import bank
from tests.documents import assert_accessible_pdf, pdf_text
from tests.factories import UserFactory

TEXT = (
    "We want to hear from you. Please come to a meeting on 4 March at the library.\n"
    "We will pay for your bus fare. We will liaise with twenty partners going forward."
)


def test_each_sentence_is_a_line_of_its_own():
    lines = easy_read_lines(TEXT)

    assert [line.words for line in lines] == [
        "We want to hear from you.",
        "Please come to a meeting on 4 March at the library.",
        "We will pay for your bus fare.",
        "We will liaise with 20 partners going forward.",  # numbers as digits
    ]
    assert [line.needs_work for line in lines] == [False, False, False, True]


def test_markup_is_left_out_of_the_lines():
    lines = easy_read_lines("<p>Come to the <strong>meeting</strong>.</p><p>Bring a friend.</p>")

    assert [line.words.strip() for line in lines] == ["Come to the meeting .", "Bring a friend."]


@pytest.mark.django_db
def test_easy_read_page_and_pdf_download(client_for):
    client = client_for(UserFactory())

    page = client.post("/check-wording/easy-read/", {"text": TEXT, "title": "Day services"})
    pdf = client.post(
        "/check-wording/easy-read/", {"text": TEXT, "title": "Day services", "pdf": "yes"}
    )

    assert "We will pay for your bus fare." in page.content.decode()
    assert "Picture to choose" not in page.content.decode()
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="day-services.pdf"'
    assert_accessible_pdf(pdf.content, title="Day services")
    assert "bus fare" in pdf_text(pdf.content)


@pytest.mark.django_db
def test_easy_read_needs_some_text(client_for):
    page = client_for(UserFactory()).post("/check-wording/easy-read/", {"text": ""})

    assert "Enter some text to make an Easy Read version of" in page.content.decode()


def test_each_line_gets_the_picture_for_its_topic_or_none():
    lines = easy_read_lines(TEXT)

    assert [line.bank_picture and line.bank_picture.alt for line in lines] == [
        None,
        "A calendar",
        "Some bank notes",
        None,
    ]


@pytest.mark.django_db
def test_easy_read_page_shows_each_picture_on_the_left_with_its_alternative_text(client_for):
    page = (
        client_for(UserFactory()).post("/check-wording/easy-read/", {"text": TEXT}).content.decode()
    )

    rows = re.findall(
        r'<tr class="govuk-table__row">\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>\s*([^<]*?)\s*<',
        page,
        re.S,
    )
    assert [(words, re.findall(r'alt="([^"]*)"', cell)) for cell, words in rows] == [
        ("We want to hear from you.", []),
        ("Please come to a meeting on 4 March at the library.", ["A calendar"]),
        ("We will pay for your bus fare.", ["Some bank notes"]),
        ("We will liaise with 20 partners going forward.", []),
    ]
    assert 'src="/static/coplan/pictures/1F4C5.svg"' in page
    assert "Pictures: <a" in page.split("</table>")[1]


# The lead's version of the lines (issue 15) ------------------------------------------------------


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
@settings(max_examples=60, deadline=None)
def test_lines_the_lead_did_not_change_come_out_as_the_maker_made_them(text):
    lines = easy_read_lines(text)
    pictures = {picture.key: picture for picture in bank()}

    shown = lines_as_approved(lines, approved_from(lines), pictures)

    assert [(line.words, line.kind, line.bank_picture) for line in shown] == [
        (line.words, line.kind, line.bank_picture) for line in lines
    ]


def test_a_changed_line_goes_into_each_persons_copy_and_their_own_lines_stay():
    general = easy_read_lines("Dear …,\n\nWe would love you to come.\nLunch is provided.")
    approved = [
        replace(line, words="Please come.", picture="1F68C")
        if line.source.startswith("We would")
        else line
        for line in approved_from(general)
    ]
    pictures = {picture.key: picture for picture in bank()}
    sams = easy_read_lines("Dear Sam,\n\nWe would love you to come.\nLunch is provided.")

    shown = lines_as_approved(sams, approved, pictures)

    assert [(line.words, line.bank_picture and line.bank_picture.alt) for line in shown] == [
        ("Dear Sam,", None),
        ("Please come.", "A bus"),
        ("Lunch is provided.", "A sandwich"),
    ]


def test_a_line_left_empty_is_left_out():
    lines = easy_read_lines("We would love you to come. Lunch is provided.")
    approved = [replace(approved_from(lines)[0], words=""), *approved_from(lines)[1:]]

    shown = lines_as_approved(lines, approved, {})

    assert [line.words for line in shown] == ["Lunch is provided."]
