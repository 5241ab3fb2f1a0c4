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

    # session, user, membership with project, role counts; the plan's readiness:
    # which guides the project has, then its guides, answers and chosen ways forward;
    # what needs attention: overdue sign-offs, the timeline, the budget, its lines and
    # the claims approved and paid against it (coplan.payments project_spend);
    # claims past the payment target (one count, coplan.payments);
    # meetings to come with whether any paperwork is to do (one, coplan.meetings: the
    # people invited, papers and paperwork are read only for meetings whose own plan is
    # ready, and no meeting here has one);
    # how many actions are overdue and car park items late (one query with two
    # counts, working together);
    # and whether people are waiting to hear back (one query with two counts:
    # you said we did not finished or not sent, forms answered with nothing said
    # back; coplan.feedback closing_the_loop)
    assert count == 17
