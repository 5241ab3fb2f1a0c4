"""Pages do the same number of database queries however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.projects.roles import Role
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    StaffMembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, path) -> int:
    client.get(path)  # the first visit to a project gives it its guides; count the steady state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def _person_in_projects(count: int):
    user = UserFactory()
    StaffMembershipFactory(user=user)
    MembershipFactory.create_batch(count, user=user, role=Role.LEAD)
    return user


def test_your_projects_page_queries_do_not_grow_with_projects(client_for):
    one = _queries(client_for(_person_in_projects(1)), "/projects/")
    fifty = _queries(client_for(_person_in_projects(50)), "/projects/")

    print(f"Your projects: {one} queries with 1 project, {fifty} with 50")
    assert one == fifty


def _project_with_people(count: int):
    lead = MembershipFactory(role=Role.LEAD)
    MembershipFactory.create_batch(count, project=lead.project)
    InvitationFactory.create_batch(count, project=lead.project)
    return lead


@pytest.mark.parametrize("page", ["", "people/"])
def test_project_pages_queries_do_not_grow_with_people(client_for, page):
    small = _project_with_people(1)
    large = _project_with_people(50)

    small_count = _queries(client_for(small.user), f"/projects/{small.project_id}/{page}")
    large_count = _queries(client_for(large.user), f"/projects/{large.project_id}/{page}")

    print(f"{page or 'overview'}: {small_count} queries with 1 person, {large_count} with 50")
    assert small_count == large_count


def test_overview_page_query_budget(client_for):
    lead = _project_with_people(50)

    count = _queries(client_for(lead.user), f"/projects/{lead.project_id}/")

    # session, user, membership with project; the plan's readiness: its guides,
    # answers and chosen ways forward (which guides it has is read from those);
    # every app's numbers in one query (coplan.projects PROJECT_COUNTS: people in each
    # role, overdue sign-offs, money held and planned, claims past the payment target,
    # actions overdue and car park items late, feedback waiting to be answered);
    # the timeline; meetings to come with whether any paperwork is to do (the people
    # invited, papers and paperwork are read only for meetings whose own plan is ready,
    # and no meeting here has one). What is spent is read only when money is held.
    assert count == 9
