"""Working together "at a glance", as a co-producer reads it in Easy Read: the switch is
theirs only, how many agreements, car park items and things to do there are, one idea
a line, each with the link to its page, and the same queries however much there is."""

import datetime

import pytest

from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, read, switch_says
from tests.factories import (
    AgreementFactory,
    CarParkItemFactory,
    SessionRecordFactory,
)
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


@pytest.fixture
def filled(group):
    project = group[CO].project
    AgreementFactory.create_batch(2, project=project)
    CarParkItemFactory(project=project)
    SessionRecordFactory(
        project=project, title="Our first meeting", held_on=datetime.date(2027, 3, 1)
    )
    return project


def test_the_co_producer_has_the_switch_and_staff_do_not(as_role, base, filled):
    cara = as_role(CO).get(base).content.decode()
    staff = [as_role(role).get(base).content.decode() for role in (Role.LEAD, Role.MANAGER)]

    assert switch_says(cara) == "Turn Easy Read on"
    assert [switch_says(page) for page in staff] == ["", ""]
    assert all(read(page).lines == [] for page in staff)


def test_in_easy_read_it_says_what_there_is_with_a_link_to_each(easy, base, filled):
    page = easy.get(base).content.decode()

    words = [line.words for line in assert_easy_read(page)]
    assert switch_says(page) == "Turn Easy Read off"
    assert "We have 2 agreements. See our agreements" in words
    assert "1 thing is waiting for an answer. See the car park" in words
    assert "Things to do: 0. See the things to do" in words
    assert "Some things cannot change. See what can and cannot change" in words
    assert "Our first meeting. What happened on Monday 1 March 2027" in words
    assert "How the group works together" not in page  # the usual words, not both


def test_it_does_the_same_queries_in_easy_read_with_1_of_everything_and_40(client_for):
    counts = easy_read_queries(client_for, "")

    assert counts[0] == counts[1]


def test_taking_out_an_agreement_asks_in_easy_read_and_the_buttons_stay(as_role, base, easy, group):
    agreement = AgreementFactory(project=group[CO].project, text="We listen to each other.")
    url = base + f"agreements/{agreement.pk}/take-out/"

    page = easy.get(url).content.decode()
    lead_page = as_role(Role.LEAD).get(url).content.decode()

    words = [line.words for line in assert_easy_read(page)]
    assert words[:2] == ["You asked to take this out:", "We listen to each other."]
    assert "Yes, take it out" in page
    assert "No, keep it" in page
    assert switch_says(lead_page) == ""
    assert read(lead_page).lines == []
    easy.post(url)
    agreement.refresh_from_db()
    assert agreement.removed_at is not None
