"""Working together pages do the same number of queries with 1 row and with 40 of everything."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import Action, CarParkItem, Comment
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    CarParkItemFactory,
    DecisionAreaFactory,
    MembershipFactory,
    SessionRecordFactory,
    SharedDefinitionFactory,
)

pytestmark = pytest.mark.django_db

EARLIER = datetime.date(2027, 2, 1)
HELD_ON = datetime.date(2027, 3, 1)


def _project_with(count: int, role: str = Role.FACILITATOR):
    """A project with `count` of everything, seen by a member with `role`."""
    member = MembershipFactory(role=role)
    project = member.project
    people = MembershipFactory.create_batch(count, project=project)
    earlier = SessionRecordFactory(project=project, held_on=EARLIER)
    session = SessionRecordFactory(project=project, held_on=HELD_ON)
    session.came.set(people)
    services.agreement_revisit(
        session=session, outcome="changed", what_changed="More breaks", by=member.user
    )
    for n in range(count):
        AgreementFactory(project=project)
        SharedDefinitionFactory(project=project)
        DecisionAreaFactory(project=project)
        carried = CarParkItemFactory(
            project=project, session=earlier, raised_on=EARLIER, owner=people[n]
        )
        parked = CarParkItemFactory(
            project=project, session=session, raised_on=HELD_ON, raised_by=people[n].user
        )
        services.car_park_item_answer(item=parked, answer="Yes", by=member.user)
        for item in (carried, parked):
            Comment.objects.create(project=project, car_park_item=item, author=people[n].user)
        Comment.objects.create(project=project, session=session, author=people[n].user)
        ActionFactory(project=project, session=session, owner=people[n])
        ActionFactory(project=project, owner=people[n], status="done", done_on=HELD_ON)
    return member, session, carried


def _queries(client, path) -> int:
    client.get(path)  # the first visit may give the project its guides; count the steady state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


PAGES = [
    "",
    "sessions/",
    "sessions/{session}/",
    "sessions/{session}/minutes/",
    "agreements/",
    "agreements/history/",
    "car-park/",
    "car-park/{item}/",
    "actions/",
    "shared-definitions/",
    "what-can-change/",
]
# Pages for those who run sessions: a co-producer gets 403 (tests/projects/test_access.py).
SESSION_RUNNERS_ONLY = [
    "sessions/add/",
    "sessions/{session}/change/",
    "sessions/{session}/key-essentials/",
    "sessions/{session}/agreements-revisited/",
    "actions/add/",
    "car-park/{item}/follow-up/",
]
PAGES_AND_ROLES = [
    *((page, role) for page in PAGES for role in (Role.FACILITATOR, Role.CO_PRODUCER)),
    *((page, Role.FACILITATOR) for page in SESSION_RUNNERS_ONLY),
]


def _path(member, session, item, page) -> str:
    base = f"/projects/{member.project_id}/working-together/"
    return base + page.format(session=session.pk, item=item.pk)


@pytest.mark.parametrize(("page", "role"), PAGES_AND_ROLES)
def test_working_together_pages_queries_do_not_grow_with_rows(client_for, page, role):
    small, large = _project_with(1, role), _project_with(40, role)

    counts = []
    for member, session, item in (small, large):
        client = client_for(member.user)
        path = _path(member, session, item, page)
        client.get(path)
        counts.append(_queries(client, path))

    assert counts[0] == counts[1]


def test_session_page_query_budget(client_for):
    member, session, item = _project_with(40)

    count = _queries(client_for(member.user), _path(member, session, item, "sessions/{session}/"))

    # session, user, membership with project; the session with its revisit and meeting;
    # who came, current agreements, the key essentials guide, shared definitions,
    # carried car park items, items raised at it, its actions and its comments
    assert count == 12


def test_car_park_page_query_budget(client_for):
    member, session, item = _project_with(40, Role.CO_PRODUCER)

    count = _queries(client_for(member.user), _path(member, session, item, "car-park/"))

    # session, user, membership with project; their own records, for the Easy Read switch;
    # how many are waiting and answered; the page of waiting ones, with their people and
    # comment counts
    assert count == 6


def _bulk_project(count: int):
    """A session with `count` car park items carried to it, `count` raised at it, and
    `count` actions and comments, made in bulk. (5,000 of each gives the same counts
    too, but takes a minute to draw.)"""
    member = MembershipFactory(role=Role.FACILITATOR)
    project = member.project
    owner = MembershipFactory(project=project)
    earlier = SessionRecordFactory(project=project, held_on=EARLIER)
    session = SessionRecordFactory(project=project, held_on=HELD_ON)
    CarParkItem.objects.bulk_create(
        [
            CarParkItem(
                project=project,
                text=f"Item {n}",
                session=earlier if n % 2 else session,
                raised_on=EARLIER if n % 2 else HELD_ON,
                raised_by=owner.user,
                owner=owner,
            )
            for n in range(2 * count)
        ]
    )
    Action.objects.bulk_create(
        [
            Action(
                project=project, session=session, what=f"Action {n}", owner=owner, due_on=HELD_ON
            )
            for n in range(count)
        ]
    )
    Comment.objects.bulk_create(
        [
            Comment(project=project, session=session, author=owner.user, text="Yes")
            for _ in range(count)
        ]
    )
    return member, session


@pytest.mark.parametrize(
    "page", ["sessions/{session}/", "car-park/", "sessions/{session}/minutes/"]
)
def test_session_and_car_park_pages_same_queries_for_5_and_500(client_for, page):
    counts = []
    for count in (5, 500):
        member, session = _bulk_project(count)
        path = f"/projects/{member.project_id}/working-together/" + page.format(session=session.pk)
        with CaptureQueriesContext(connection) as captured:
            assert client_for(member.user).get(path).status_code == 200
        counts.append(len(captured))

    assert counts[0] == counts[1]
