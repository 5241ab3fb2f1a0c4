"""Claims and "how we pay you" in Easy Read, with the organisation's words on money and
benefits: on by default for a co-producer who asked for Easy Read papers, the money
written once, one way, and the switch remembered."""

import pytest

from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says, turn
from tests.factories import (
    ClaimFactory,
    ClaimLineFactory,
    InvolvementFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
)

pytestmark = pytest.mark.django_db

BENEFITS = (
    "Money for your time can change your benefits. Talk to us before you choose. "
    "You can choose to get money for your travel only."
)


def _co_producer(formats=("easy_read",), *, chose=True):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    project = member.project
    person = InvolvementFactory(
        project=project, person__user=member.user, person__formats=list(formats)
    ).person
    PaymentPolicyFactory(organisation=project.organisation, information=BENEFITS)
    if chose:
        PaymentChoiceFactory(person=person)
    claim = ClaimFactory(project=project, person=person, activity="Bus to the planning day")
    ClaimLineFactory(claim=claim)
    return member


def _home(member) -> str:
    return f"/projects/{member.project_id}/payments/"


def test_claims_and_how_we_pay_you_in_easy_read(client_for):
    member = _co_producer()

    page = client_for(member.user).get(_home(member)).content.decode()

    lines = assert_easy_read(page)
    words = [line.words for line in lines]
    assert switch_says(page) == "Turn Easy Read off"
    assert read(page).headings == [
        "Your claims",
        "How we pay you",
        "Money, tax and benefits",
        "What we pay",
    ]
    assert "We pay you by bank transfer." in words
    assert "Money for your time can change your benefits." in words
    assert "We pay £15 an hour for your time." in words
    assert sum("£4.50" in line for line in words) == 1
    assert hard_words(lines) == []


def test_choosing_how_we_pay_you_has_the_benefits_words_in_easy_read(client_for):
    member = _co_producer(chose=False)
    client = client_for(member.user)

    home = client.get(_home(member)).content.decode()
    choosing = client.get(_home(member) + "how-you-are-paid/").content.decode()

    assert "Money from us can change your benefits. Read about it first." in [
        line.words for line in read(home).lines
    ]
    lines = assert_easy_read(choosing)
    assert "Talk to us before you choose." in [line.words for line in lines]
    assert hard_words(lines) == []


def test_turned_off_paying_people_is_the_usual_page(client_for):
    member = _co_producer()
    client = client_for(member.user)

    turn(client, on=False, back=_home(member))
    page = client.get(_home(member)).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
    assert "How you are paid" in page


def test_paying_people_is_usual_by_default_for_someone_who_did_not_ask(client_for):
    member = _co_producer(formats=())

    page = client_for(member.user).get(_home(member)).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
