"""The co-producer's home in a project: their claims, each with what to do next, and the
way to start one (coplan.payments' HomePanel)."""

import datetime

import pytest

from coplan.payments.models import Claim, ClaimLine
from coplan.projects.roles import Role
from tests.factories import ClaimFactory, ClaimLineFactory, InvolvementFactory, MembershipFactory
from tests.homes import home_page, home_queries

pytestmark = pytest.mark.django_db

HEADING = "Your claims"


def _co_producer():
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=member.project, person__user=member.user).person
    return member, person


def test_a_co_producer_with_no_claims_can_start_one(client_for):
    member, _ = _co_producer()

    page = home_page(client_for(member.user), member.project_id)

    assert HEADING in page
    assert "You have not made any claims in this project yet." in page
    assert "Claim expenses or your time" in page
    assert f'href="/projects/{member.project_id}/payments/claims/new/"' in page


def test_each_claim_says_where_it_is_up_to_and_what_to_do_next(client_for):
    member, person = _co_producer()
    project = member.project
    draft = ClaimFactory(project=project, person=person, activity="Reading the March papers")
    ClaimLineFactory(claim=draft, amount_pence=450)
    ClaimFactory(
        project=project,
        person=person,
        activity="Travel to the April workshop",
        status="returned",
        returned_reason="Add the receipt for the train.",
    )
    ClaimFactory(project=project, person=person, activity="The May meeting", status="approved")

    page = home_page(client_for(member.user), member.project_id)

    assert "Reading the March papers" in page
    assert "£4.50" in page
    assert "Not sent yet: finish it and send it." in page
    assert "Add the receipt for the train." in page
    assert "Sent back: change what we asked and send it again." in page
    assert "Approved: finance will pay it." in page
    assert f'href="/projects/{project.pk}/payments/claims/{draft.pk}/"' in page


def test_a_paid_claim_says_when(client_for):
    member, person = _co_producer()
    ClaimFactory(
        project=member.project,
        person=person,
        status="paid",
        paid_on=datetime.date(2027, 3, 12),
        paid_reference="BACS-1",
    )

    page = home_page(client_for(member.user), member.project_id)

    assert "Paid on 12 March 2027." in page


def test_claims_to_act_on_come_first_and_only_a_few_are_shown(client_for):
    member, person = _co_producer()
    for n in range(6):
        ClaimFactory(
            project=member.project,
            person=person,
            activity=f"Paid claim {n}",
            status="paid",
            paid_on=datetime.date(2027, 1, 1),
            activity_on=datetime.date(2027, 6, 1),
        )
    ClaimFactory(
        project=member.project,
        person=person,
        activity="An old claim sent back",
        status="returned",
        activity_on=datetime.date(2026, 1, 1),
    )

    page = home_page(client_for(member.user), member.project_id)

    assert "An old claim sent back" in page
    assert page.count("Paid on 1 January 2027.") == 2
    assert "See all your claims" in page


def test_a_co_producer_sees_only_their_own_claims(client_for):
    member, _ = _co_producer()
    someone_else = InvolvementFactory(project=member.project).person
    ClaimFactory(project=member.project, person=someone_else, activity="Someone else's taxi")
    elsewhere = MembershipFactory(role=Role.CO_PRODUCER, user=member.user)
    ClaimFactory(
        project=elsewhere.project,
        person=InvolvementFactory(project=elsewhere.project, person__user=member.user).person,
        activity="A claim in another project",
    )

    page = home_page(client_for(member.user), member.project_id)

    assert "taxi" not in page
    assert "A claim in another project" not in page


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MANAGER, Role.FINANCE, Role.LEAD])
def test_other_roles_do_not_get_this_part_on_their_first_page(client_for, role):
    member = MembershipFactory(role=role)
    page = home_page(client_for(member.user), member.project_id)

    assert "Claim expenses or your time" not in page


def test_the_home_asks_the_same_number_of_queries_however_many_claims(client_for):
    few, few_person = _co_producer()
    ClaimFactory(project=few.project, person=few_person)
    many, many_person = _co_producer()
    claims = Claim.objects.bulk_create(
        Claim(
            project=many.project,
            person=many_person,
            activity=f"Claim {n}",
            activity_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=n),
            status=["draft", "submitted", "returned", "approved", "paid"][n % 5],
            paid_on=datetime.date(2027, 2, 1) if n % 5 == 4 else None,
        )
        for n in range(200)
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(claim=claim, kind="expense", category="parking", amount_pence=300)
        for claim in claims
    )

    small = home_queries(client_for(few.user), few.project_id)
    large = home_queries(client_for(many.user), many.project_id)

    print(f"co-producer's home: {small} queries with 1 claim, {large} with 200")
    assert small == large
