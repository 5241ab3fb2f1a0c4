"""Planning pages do the same number of queries with 1 row and with 40 of everything."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.planning.models import Budget, SignOffStatus
from coplan.projects.roles import Role
from tests.factories import (
    BarrierFactory,
    BudgetLineFactory,
    MembershipFactory,
    MilestoneFactory,
    SignOffFactory,
)
from tests.planning.pages import days_from_today

pytestmark = pytest.mark.django_db

PAGES = ["keeping-track/", "sign-offs/", "timeline/", "budget/", "barriers/"]
FORMS = [
    "sign-offs/add/",
    "timeline/add/",
    "budget/money/",
    "budget/spending/add/",
    "barriers/add/",
]


def _project_with(count: int):
    lead = MembershipFactory(role=Role.LEAD)
    project = lead.project
    managers = MembershipFactory.create_batch(count, project=project, role=Role.MANAGER)
    for n in range(count):
        SignOffFactory(project=project, due_on=days_from_today(n - count // 2), signer=managers[n])
        SignOffFactory(project=project, status=SignOffStatus.SIGNED, signed_by=lead.user)
        MilestoneFactory(project=project, due_on=days_from_today(n - 3))
        MilestoneFactory(
            project=project,
            due_on=days_from_today(n + 20),
            is_meeting=True,
            invitations_on=days_from_today(n),
        )
        BudgetLineFactory(project=project, category=["venue", "food", "other"][n % 3])
        BarrierFactory(project=project, owner=managers[n])
    Budget.objects.create(project=project, held_pence=100, money_source="Grant")
    return lead


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", PAGES + FORMS)
def test_planning_pages_queries_do_not_grow_with_rows(client_for, page):
    small, large = _project_with(1), _project_with(40)

    small_count = _queries(client_for(small.user), f"/projects/{small.project_id}/{page}")
    large_count = _queries(client_for(large.user), f"/projects/{large.project_id}/{page}")

    print(f"{page}: {small_count} queries with 1 of everything, {large_count} with 40")
    assert small_count == large_count


def test_planning_page_query_budgets(client_for):
    lead = _project_with(40)
    client = client_for(lead.user)

    counts = {page: _queries(client, f"/projects/{lead.project_id}/{page}") for page in PAGES}

    # session, user, membership with project; then each page's own reads:
    # keeping track: overdue sign-offs, timeline alerts (3: the milestones, then for the
    # meetings on it the organisation's least notice and the meetings planned on their
    # days, from coplan.meetings), budget (3: held, planned, and claims approved and paid
    # from coplan.payments), barrier counts;
    # timeline: the organisation's least notice, the milestones, the meetings planned
    assert counts == {
        "keeping-track/": 11,
        "sign-offs/": 5,
        "timeline/": 6,
        "budget/": 7,
        "barriers/": 4,
    }
