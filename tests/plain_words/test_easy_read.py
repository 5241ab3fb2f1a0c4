import io
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from coplan.plain_words.easy_read import (
    EASY_READ_POINT_SIZE,
    PICTURE_SIZE,
    approved_from,
    easy_read_lines,
    easy_read_pdf,
    lines_as_approved,
    picture_drawing,
)
from coplan.plain_words.pictures import bank, picture_for
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


def _font_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size: sizes.add(size) if text.strip() else None
        )
    return sizes


def test_pdf_has_every_line_in_large_type():
    pdf = easy_read_pdf(title="Changes to day services", lines=easy_read_lines(TEXT))

    pages = PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Changes to day services" in text
    assert "Please come to a meeting on 4 March at the library." in text
    assert "Picture to choose" not in text
    assert min(_font_sizes(pdf)) >= EASY_READ_POINT_SIZE - 4  # the pictures' credit is smaller
    assert EASY_READ_POINT_SIZE in _font_sizes(pdf)


def test_pdf_copes_with_odd_characters():
    pdf = easy_read_pdf(title="Zoë’s “group” – <b>", lines=easy_read_lines("Hello 👋 & welcome."))

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Zoë’s “group” – <b>" in text


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
    assert "bus fare" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()


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


def _pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def test_pdf_credits_the_pictures_only_when_it_shows_some():
    with_pictures = _pdf_text(easy_read_pdf(title="Day services", lines=easy_read_lines(TEXT)))
    without = _pdf_text(
        easy_read_pdf(title="Hello", lines=easy_read_lines("We want to hear from you."))
    )

    assert (
        "Pictures: OpenMoji, the open-source emoji project, CC BY-SA 4.0: openmoji.org"
        in with_pictures
    )
    assert "OpenMoji" not in without
    assert "Picture to choose" not in without


def test_a_bank_picture_is_drawn_at_picture_size_for_print():
    picture = picture_for("Come on 4 March.")
    assert picture is not None

    drawing = picture_drawing(picture)

    assert round(drawing.width) == round(drawing.height) == round(PICTURE_SIZE)
    assert drawing.contents  # the shapes of the picture, not an empty box


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


def test_a_picture_the_build_has_not_made_leaves_the_line_without_one(monkeypatch, tmp_path):
    monkeypatch.setattr("coplan.plain_words.pictures.BUILT_FOLDER", tmp_path)

    text = _pdf_text(easy_read_pdf(title="Day services", lines=easy_read_lines(TEXT)))

    assert "Please come to a meeting on 4 March at the library." in text
    assert "Picture to choose" not in text
    assert "OpenMoji" not in text


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
