"""The things to do (actions), as a co-producer reads them in Easy Read: the switch is
theirs only, each is one idea a line with who does it and by when, their own has a
button to say it is done, and the same queries however many there are."""

import datetime

import pytest

from coplan.projects.roles import Role
from coplan.working_together.models import Action
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says
from tests.factories import ActionFactory, SessionRecordFactory
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


@pytest.fixture
def actions(group):
    """Cara books a room, from the first meeting; the lead's leaflet is late."""
    project = group[CO].project
    meeting = SessionRecordFactory(project=project, held_on=datetime.date(2027, 3, 1))
    return [
        ActionFactory(
            project=project,
            session=meeting,
            what="Book a room.",
            owner=group[CO],
            due_on=datetime.date(2099, 4, 5),
        ),
        ActionFactory(
            project=project,
            what="Print the leaflet.",
            owner=group[Role.LEAD],
            due_on=datetime.date(2020, 1, 6),
        ),
    ]


def test_the_co_producer_has_the_switch_and_the_lead_does_not(as_role, base, actions):
    cara = as_role(CO).get(base + "actions/").content.decode()
    lead = as_role(Role.LEAD).get(base + "actions/").content.decode()

    assert switch_says(cara) == "Turn Easy Read on"
    assert switch_says(lead) == ""
    assert read(lead).lines == []


def test_the_actions_are_in_easy_read_for_someone_who_asked_and_pass_the_check(easy, base, actions):
    page = easy.get(base + "actions/").content.decode()

    lines = assert_easy_read(page)
    assert switch_says(page) == "Turn Easy Read off"
    assert hard_words(lines) == []
    words = [line.words for line in lines]
    start = words.index("Book a room.")
    assert words[start + 1 : start + 4] == [
        "You will do it.",
        "By Sunday 5 April 2099.",
        "From the meeting on Monday 1 March 2027.",
    ]
    assert "I did it" in words
    assert "Lee Lead will do it." in words
    assert "It is late. It was for Monday 6 January 2020." in words
    assert "Things that are late: 1." in words
    assert "Mark as done" not in page  # the usual words, not both; not theirs to mark


def test_saying_their_own_is_done_in_easy_read_marks_it_done(easy, base, actions):
    mine = actions[0]

    response = easy.post(base + f"actions/{mine.pk}/done/")

    assert response.status_code == 302
    assert Action.objects.get(pk=mine.pk).status == "done"
    page = easy.get(base + "actions/").content.decode()
    assert "We did it." in [line.words for line in read(page).lines]


def test_the_actions_in_easy_read_do_the_same_queries_with_1_row_and_40(client_for):
    counts = easy_read_queries(client_for, "actions/")

    assert counts[0] == counts[1]
