"""Two people approving, or marking paid, at the same moment change a claim once.

These run real concurrent transactions, one database connection per thread, so they
need PostgreSQL: SQLite takes one writer at a time (IMMEDIATE transactions), so two
writes can never overlap there and the race cannot even be set up.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from coplan.notifications.models import Update
from coplan.payments import services
from coplan.payments.models import Claim, ClaimNotice
from coplan.payments.telling import CLAIM_PAID
from coplan.projects.roles import Role
from tests.at_once import at_once
from tests.factories import MembershipFactory
from tests.payments.conftest import PDF, Team

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time, so two "
        "approvals can never overlap",
    ),
]


def _sent_claim() -> tuple[Team, Claim]:
    team = Team()
    claim = services.claim_start(
        project=team.project,
        person=team.person(Role.CO_PRODUCER),
        created_by=team.user(Role.CO_PRODUCER),
        activity="Reading",
        activity_on=datetime.date(2027, 3, 1),
    )
    services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(Role.CO_PRODUCER),
    )
    services.claim_submit(claim=claim, submitted_by=team.user(Role.CO_PRODUCER))
    return team, claim


def _at_once(*steps) -> list[str]:
    """Run each step in its own thread and connection, released together: "done", or
    the words of the rule that said no."""
    results = at_once(*steps)
    for result in results:
        if isinstance(result, Exception) and not isinstance(result, services.PaymentError):
            raise result
    return sorted(
        result.message if isinstance(result, services.PaymentError) else "done"
        for result in results
    )


def test_two_approvals_at_once_approve_once():
    team, claim = _sent_claim()

    results = _at_once(
        lambda: services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD)),
        lambda: services.claim_approve(claim=claim, approved_by=team.user(Role.FINANCE)),
    )

    assert results == ["This claim has already been approved", "done"]
    assert ClaimNotice.objects.filter(claim=claim).count() == 1


def test_two_mark_paid_at_once_pay_once():
    team, claim = _sent_claim()
    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    finance = team.user(Role.FINANCE)

    results = _at_once(
        *[
            (
                lambda reference=reference: services.claim_mark_paid(
                    claim=claim, paid_by=finance, paid_on=timezone.localdate(), reference=reference
                )
            )
            for reference in ("FIRST", "SECOND", "THIRD")
        ]
    )

    paid = Claim.objects.get(pk=claim.pk)
    assert results == ["This claim has already been paid"] * 2 + ["done"]
    assert (paid.status, paid.paid_reference in {"FIRST", "SECOND", "THIRD"}) == ("paid", True)
    assert ClaimNotice.objects.filter(claim=claim, event="paid").count() == 1


def test_two_batches_marked_paid_at_once_pay_each_claim_once_and_say_the_rest():
    team, first = _sent_claim()
    second = services.claim_start(
        project=team.project,
        person=team.person(Role.CO_PRODUCER),
        created_by=team.user(Role.CO_PRODUCER),
        activity="Preparing",
        activity_on=datetime.date(2027, 3, 2),
    )
    services.expense_line_add(
        claim=second,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(Role.CO_PRODUCER),
    )
    services.claim_submit(claim=second, submitted_by=team.user(Role.CO_PRODUCER))
    for claim in (first, second):
        services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    finance = team.user(Role.FINANCE)
    colleague = MembershipFactory(project=team.project, role=Role.FINANCE).user
    said: list[tuple[int, list[str]]] = []

    def batch(user, reference):
        done = services.claims_mark_paid(
            claims=[first, second], paid_by=user, paid_on=timezone.localdate(), reference=reference
        )
        said.append((len(done.paid), [why for _, why in done.not_paid]))

    _at_once(lambda: batch(finance, "FIRST"), lambda: batch(colleague, "SECOND"))

    paid = Claim.objects.filter(pk__in=[first.pk, second.pk])
    assert {claim.status for claim in paid} == {"paid"}
    assert sum(count for count, _ in said) == 2
    assert (
        sorted(why for _, reasons in said for why in reasons)
        == ["This claim has already been paid"] * 2
    )
    assert ClaimNotice.objects.filter(claim__in=paid, event="paid").count() == 2
    assert (
        Update.objects.filter(kind=CLAIM_PAID.code, person=team.person(Role.CO_PRODUCER)).count()
        == 2
    )
