"""The claims list does the same, exact, number of queries for 10 claims and for 5,000."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.payments.models import Claim, ClaimLine
from coplan.projects.roles import Role
from tests.factories import InvolvementFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _finance_with_claims(count: int):
    finance = MembershipFactory(role=Role.FINANCE)
    people = [InvolvementFactory(project=finance.project).person for _ in range(5)]
    statuses = ["draft", "submitted", "approved", "paid", "returned"]
    claims = Claim.objects.bulk_create(
        [
            Claim(
                project=finance.project,
                person=people[n % 5],
                activity=f"Reading papers {n}",
                activity_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=n % 300),
                status=statuses[n % 5],
                pay_by=datetime.date(2020, 1, 1) if n % 7 == 0 else datetime.date(2099, 1, 1),
                paid_on=datetime.date(2027, 2, 1) if statuses[n % 5] == "paid" else None,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    ClaimLine.objects.bulk_create(
        [
            ClaimLine(claim=claim, kind="expense", category="public_transport", amount_pence=450)
            for claim in claims
        ]
        + [
            ClaimLine(claim=claim, kind="time", activity="reading", amount_pence=1500)
            for claim in claims
        ],
        batch_size=1000,
    )
    return finance


def _queries(client, path) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?late=yes", "?status=approved", "?page=2"])
def test_claims_list_queries_do_not_grow_with_claims(client_for, query):
    small = _finance_with_claims(10)
    large = _finance_with_claims(5000)

    small_count = _queries(
        client_for(small.user), f"/projects/{small.project_id}/payments/claims/{query}"
    )
    large_count = _queries(
        client_for(large.user), f"/projects/{large.project_id}/payments/claims/{query}"
    )

    print(f"claims list{query}: {small_count} queries with 10 claims, {large_count} with 5,000")
    # session, user, membership with project; how many claims are late; how many claims
    # are shown (paging); one page of 50 with totals, people and meetings
    assert small_count == large_count == 6


def test_your_claims_page_queries_do_not_grow_with_claims(client_for):
    def own(count):
        member = MembershipFactory(role=Role.CO_PRODUCER)
        person = InvolvementFactory(project=member.project, person__user=member.user).person
        Claim.objects.bulk_create(
            [
                Claim(
                    project=member.project,
                    person=person,
                    activity="x",
                    activity_on=datetime.date(2027, 1, 1),
                )
                for _ in range(count)
            ]
        )
        return member

    small, large = own(10), own(500)

    counts = [
        _queries(client_for(member.user), f"/projects/{member.project_id}/payments/")
        for member in (small, large)
    ]

    print(f"paying people: {counts[0]} queries with 10 claims, {counts[1]} with 500")
    assert counts[0] == counts[1]


def test_a_claim_page_does_the_same_queries_for_2_lines_and_40(client_for):
    def claim_with(lines: int):
        finance = MembershipFactory(role=Role.FINANCE)
        person = InvolvementFactory(project=finance.project).person
        claim = Claim.objects.create(
            project=finance.project,
            person=person,
            activity="Reading",
            activity_on=datetime.date(2027, 1, 1),
            status="submitted",
        )
        ClaimLine.objects.bulk_create(
            ClaimLine(claim=claim, kind="expense", category="food", amount_pence=100)
            for _ in range(lines)
        )
        return finance, claim

    counts = []
    for lines in (2, 40):
        finance, claim = claim_with(lines)
        counts.append(
            _queries(
                client_for(finance.user),
                f"/projects/{finance.project_id}/payments/claims/{claim.pk}/",
            )
        )

    print(f"claim page: {counts[0]} queries with 2 lines, {counts[1]} with 40")
    assert counts[0] == counts[1]
