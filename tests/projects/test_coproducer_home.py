"""The co-producer's first page in a project is theirs: what they do in it, never the
lead's checklist (no readiness, no STOP, no counts of questions or of what is late)."""

import datetime

import pytest
from django.utils import timezone

from coplan.projects.roles import Role
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    CarParkItemFactory,
    ClaimFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    ProjectFactory,
    SharedDefinitionFactory,
)
from tests.feedback.factories import FeedbackFormFactory, YouSaidWeDidFactory
from tests.homes import home_page, home_queries

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


def _co_producer_with(count: int):
    """A co-producer with `count` of everything their home shows: meetings they came to,
    each with an open feedback form and what was done about it, claims, car park items
    they raised, agreements and shared definitions."""
    member = MembershipFactory(role=Role.CO_PRODUCER)
    project = member.project
    person = InvolvementFactory(project=project, person__user=member.user).person
    for n in range(count):
        meeting = MeetingFactory(project=project, meets_on=datetime.date(2027, 2, 1 + n % 28))
        InvitedPersonFactory(meeting=meeting, person=person, attendance="came")
        form = FeedbackFormFactory(project=project, meeting=meeting)
        YouSaidWeDidFactory(project=project, form=form, published_at=timezone.now())
        ClaimFactory(
            project=project,
            person=person,
            status=["draft", "returned", "paid"][n % 3],
            paid_on=datetime.date(2027, 3, 1) if n % 3 == 2 else None,
        )
        CarParkItemFactory(project=project, raised_by=member.user)
        AgreementFactory(project=project)
        SharedDefinitionFactory(project=project)
    return member


def test_the_co_producer_home_asks_the_same_queries_however_much_they_have(client_for):
    few = _co_producer_with(1)
    many = _co_producer_with(30)

    small = home_queries(client_for(few.user), few.project_id)
    large = home_queries(client_for(many.user), many.project_id)

    print(f"co-producer's home: {small} queries with 1 of everything, {large} with 30")
    assert small == large
