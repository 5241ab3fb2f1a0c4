"""The co-producer's first page in a project is theirs: what they do in it, never the
lead's checklist (no readiness, no STOP, no counts of questions or of what is late)."""

import datetime

import pytest

from coplan.projects.roles import Role
from tests.factories import ActionFactory, MembershipFactory, ProjectFactory
from tests.homes import home_page

pytestmark = pytest.mark.django_db

STAFF_WORDS = (
    "Stop",
    "questions answered",
    "Is the project ready?",
    "Needs attention",
    "overdue",
    "Work on the plan",
)


def test_the_co_producer_home_has_no_readiness_stop_or_question_counts(client_for):
    project = ProjectFactory(
        start_date=datetime.date(2027, 1, 4), end_date=datetime.date(2027, 3, 1)
    )  # too short: the plan says STOP
    ActionFactory(project=project, due_on=datetime.date(2020, 1, 1))  # an overdue action
    lead = MembershipFactory(project=project, role=Role.LEAD)
    co_producer = MembershipFactory(project=project, role=Role.CO_PRODUCER)

    overview = home_page(client_for(lead.user), project.pk)
    home = home_page(client_for(co_producer.user), project.pk)

    assert "Stop: sort out 1 problem" in overview  # the lead's overview does say it
    assert "1 action is overdue" in overview
    assert [words for words in STAFF_WORDS if words in home] == []
    for heading in (
        "Your access needs and how we contact you",
        "Your claims",
        "Things you raised in the car park",
        "How we work together",
    ):
        assert heading in home
