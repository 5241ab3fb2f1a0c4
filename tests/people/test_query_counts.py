"""People pages do the same number of queries for 10 people and for 5,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.people import crypto
from coplan.people.models import ConsentRecord, Involvement, Person
from coplan.people.needs import AccessNeeds
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, StakeholderGroupFactory

pytestmark = pytest.mark.django_db

NEEDS = AccessNeeds.from_answers(chosen={"mobility": ["step_free"], "dietary": ["vegan"]}, notes={})


def _project_with_people(count: int):
    lead = MembershipFactory(role=Role.LEAD)
    project = lead.project
    groups = [StakeholderGroupFactory(project=project, representation_aim=count) for _ in range(5)]
    token = crypto.encrypt_json(NEEDS.to_json())
    people = Person.objects.bulk_create(
        [
            Person(
                organisation=project.organisation,
                full_name=f"Person {n:05d}",
                email=f"p{n}-{project.pk}@example.org",
                contact_by="email",
                needs_token=token if n % 2 else "",
            )
            for n in range(count)
        ]
    )
    Involvement.objects.bulk_create(
        [
            Involvement(project=project, person=person, role="co_producer", group=groups[n % 5])
            for n, person in enumerate(people)
        ]
    )
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                person=person,
                purpose="media",
                given=True,
                given_on="2027-01-04",
                method="paper",
                told="Photos",
            )
            for person in people[::3]
        ]
    )
    return lead


def _queries(client, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize(
    ("page", "budget"),
    [
        # session, user, membership; count, page of people with group and media consent
        ("participants/", 5),
        # session, user, membership; groups with counts
        ("stakeholders/", 4),
        # session, user, membership; groups; participant count; admin check
        ("involving-people/", 6),
        # session, user, membership; people with needs; one INSERT ... SELECT into the log;
        # participant count
        ("access-needs/", 6),
    ],
)
def test_people_pages_do_not_grow_with_people(client_for, page, budget):
    small = _project_with_people(10)
    large = _project_with_people(5000)

    small_count, _ = _queries(client_for(small.user), f"/projects/{small.project_id}/{page}")
    large_count, large_page = _queries(
        client_for(large.user), f"/projects/{large.project_id}/{page}"
    )

    print(f"{page}: {small_count} queries for 10 people, {large_count} for 5,000")
    assert small_count == large_count == budget
    assert "Person 0" in large_page or page in {"stakeholders/", "involving-people/"}


def test_audit_log_queries_do_not_grow_with_entries(client_for):
    from coplan.people.models import AuditEntry
    from tests.factories import StaffMembershipFactory

    counts = []
    for size in (10, 5000):
        lead = _project_with_people(size)
        admin = StaffMembershipFactory(organisation=lead.project.organisation, is_admin=True).user
        AuditEntry.objects.bulk_create(
            [
                AuditEntry(
                    organisation=lead.project.organisation,
                    project=lead.project,
                    person=involvement.person,
                    actor=lead.user,
                    action="viewed_needs",
                    where="test",
                )
                for involvement in Involvement.objects.filter(project=lead.project).select_related(
                    "person"
                )
            ]
        )
        count, _ = _queries(
            client_for(admin), f"/organisations/{lead.project.organisation_id}/access-needs-log/"
        )
        counts.append(count)

    assert counts[0] == counts[1]
