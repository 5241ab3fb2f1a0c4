"""Printed feedback forms and slips (feedback.printing) read back as a screen reader
would: tagged PDF/UA, headings in order, a title and a language, pictures and QR codes
with their words, the text in reading order; Easy Read to its conventions."""

import re

import pytest

from coplan.feedback.models import HowAnswered
from coplan.plain_words.easy_read import EASY_READ_POINT_SIZE, MAX_LINE_LENGTH
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, in_order, pdf_text, type_sizes
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory

pytestmark = pytest.mark.django_db


def _form_url(form) -> str:
    return f"/projects/{form.project_id}/feedback/forms/{form.pk}/"


def test_the_standard_form_is_tagged_with_a_heading_a_question(as_role, closed_box):
    response = as_role(Role.LEAD).get(_form_url(closed_box) + "print/")

    read = assert_accessible_pdf(response.content, title=closed_box.title)
    assert read.headings() == ["H1", "H2", "H2", "H2"]  # two questions, then online
    (qr,) = read.figures()
    assert qr.alt.startswith("QR code for ")
    assert in_order(
        " ".join(pdf_text(response.content).split()),
        closed_box.title,
        "1. Overall, how was the meeting for you?",
        "Good",
        "Okay",
        "Not good",
        "2. ",
        "You can fill this in online instead",
        "Thank you for telling us what you think.",
    )


def test_a_one_time_form_prints_no_link_for_everyone(as_role, project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    FeedbackQuestionFactory(form=form)

    response = as_role(Role.LEAD).get(_form_url(form) + "print/")

    read = assert_accessible_pdf(response.content, title=form.title)
    assert read.figures() == []
    assert "online instead" not in pdf_text(response.content)


def test_the_easy_read_form_has_a_picture_with_words_beside_each_answer(as_role, closed_box):
    response = as_role(Role.LEAD).get(_form_url(closed_box) + "print/easy-read/")

    read = assert_accessible_pdf(response.content, title=closed_box.title)
    assert read.headings() == ["H1"]
    alts = [figure.alt for figure in read.figures()]
    assert alts[-6:] == [
        "Number 1",
        "A smiling face",
        "A face with a straight mouth",
        "A sad face",
        "Number 2",
        "A pencil writing on paper",
    ]
    text = pdf_text(response.content)
    assert in_order(
        " ".join(text.split()),
        "Question 1.",
        "Good. Tick the box.",
        "Okay. Tick the box.",
        "Not good. Tick the box.",
        "Question 2.",
        "Write or draw your answer in the box.",
        "Thank you.",
    )
    assert not re.search(r"Picture to|TODO|None|\{", text)
    reading = [line for line in text.splitlines() if "OpenMoji" not in line]
    assert max(len(line.strip()) for line in reading) <= MAX_LINE_LENGTH
    assert set(type_sizes(response.content, "Tick")) == {EASY_READ_POINT_SIZE}


def test_one_time_slips_are_tagged_with_a_qr_code_each(as_role, project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    FeedbackQuestionFactory(form=form)

    response = as_role(Role.LEAD).post(_form_url(form) + "one-time-links/", {"count": "3"})

    read = assert_accessible_pdf(response.content, title=f"{form.title}: one-time links")
    assert read.headings() == ["H1", "H2", "H2", "H2"]
    assert len(read.figures()) == 3
    assert all(figure.alt.startswith("QR code for ") for figure in read.figures())
    assert pdf_text(response.content).count("It works once.") == 3
