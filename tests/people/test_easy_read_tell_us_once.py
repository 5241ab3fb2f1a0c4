"""The questions of "tell us once" in Easy Read: each question page, "Check your
answers" and "someone changed your details". The switch is the co-producer's only; the
questions stay the same form fields, with a picture line above each, and an error still
shows beside its field."""

import re

import pytest

from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says, turn
from tests.factories import InvolvementFactory
from tests.form_controls import error_beside
from tests.people.test_tell_us_once import _staff_changes_phone

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "getting-there",
    "communication",
    "food-and-drink",
    "reminders",
    "other-support",
    "papers",
    "contact",
    "keeping-your-details",
]
CHECK = "check-your-answers"


def _url(project, page: str) -> str:
    return f"/projects/{project.pk}/tell-us-once/{page}/"


def _field_names(page: str) -> list[str]:
    return sorted(set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', page)))


def _questions(page: str) -> int:
    """How many questions the page asks: its fields, not the switch's."""
    return len(set(_field_names(page)) - {"csrfmiddlewaretoken", "easy_read", "next"})


@pytest.fixture
def co_producer(member_of, project):
    """A co-producer who asked for Easy Read papers."""
    user = member_of(Role.CO_PRODUCER)
    InvolvementFactory(project=project, person__user=user, person__formats=["easy_read"])
    return user


@pytest.mark.parametrize("page", [*QUESTIONS, CHECK])
def test_the_co_producer_has_the_switch_and_the_lead_does_not(client_for, member_of, project, page):
    lead = client_for(member_of(Role.LEAD))

    theirs = lead.get(_url(project, page)).content.decode()

    assert switch_says(theirs) == ""
    assert read(theirs).lines == []


@pytest.mark.parametrize("question", QUESTIONS)
def test_each_question_is_in_easy_read_for_someone_who_asked_with_the_same_fields(
    client_for, co_producer, project, question
):
    client = client_for(co_producer)
    url = _url(project, question)

    easy = client.get(url).content.decode()
    turn(client, on=False, back=url)
    usual = client.get(url).content.decode()

    lines = assert_easy_read(easy)
    assert switch_says(easy) == "Turn Easy Read off"
    assert switch_says(usual) == "Turn Easy Read on"
    assert read(usual).lines == []
    assert _field_names(easy) == _field_names(usual)
    assert hard_words(lines) == []
    assert "You do not have to answer. You can skip this question." in [
        line.words for line in lines
    ]
    # A picture line above each question: the page's question and each box after it.
    with_pictures = [line for line in lines if line.pictures]
    assert len(with_pictures) >= _questions(easy)


def test_the_contact_question_has_a_line_with_its_picture_above_each_box(
    client_for, co_producer, project
):
    page = client_for(co_producer).get(_url(project, "contact")).content.decode()

    pictures = {line.words: line.pictures[0]["alt"] for line in read(page).lines if line.pictures}
    assert pictures["Your email address."] == "An email"
    assert pictures["Your phone number."] == "A phone"
    assert pictures["Your address for letters."] == "A letter in an envelope"


def test_a_bad_phone_number_in_easy_read_is_said_beside_the_box_and_nothing_is_kept(
    client_for, co_producer, project
):
    client = client_for(co_producer)

    response = client.post(_url(project, "contact"), {"contact_by": "phone", "phone": "call me"})

    page = response.content.decode()
    assert response.status_code == 400
    assert switch_says(page) == "Turn Easy Read off"
    assert read(page).lines
    assert "Enter a phone number" in error_beside(page, "id_phone")
    assert "call me" not in client.get(_url(project, CHECK)).content.decode()
    assert not Person.objects.filter(phone="call me").exists()


def test_check_your_answers_in_easy_read_says_what_to_do_above_the_same_answers(
    client_for, co_producer, project
):
    client = client_for(co_producer)
    client.post(_url(project, "food-and-drink"), {"dietary": ["halal"]})

    page = client.get(_url(project, CHECK)).content.decode()

    lines = assert_easy_read(page)
    words = [line.words for line in lines]
    assert "To change an answer, press Change." in words
    assert "Press Save to keep your answers." in words
    assert hard_words(lines) == []
    assert "Halal" in page
    assert "Only the project lead and the facilitator" not in page  # the usual words, not both


def test_when_someone_changed_your_details_easy_read_says_so_and_asks_which_to_keep(
    client_for, co_producer, project
):
    client = client_for(co_producer)
    client.get(_url(project, "getting-there"))  # starts from what is stored
    client.post(_url(project, "contact"), {"contact_by": "phone", "phone": "0111 111 111"})
    person = Person.objects.get(user=co_producer)
    _staff_changes_phone(person)

    response = client.post(_url(project, CHECK))

    page = response.content.decode()
    lines = assert_easy_read(page)
    assert response.status_code == 409
    assert "Pick the answers to keep." in [line.words for line in lines]
    assert hard_words(lines) == []
    assert "Keep what you told us" in page
    assert Person.objects.get(pk=person.pk).phone == "0700 900 900"
