"""Two people for money: one finance member cannot divert a payment alone."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from coplan.notifications.models import Update
from coplan.payments import services
from coplan.payments.models import BankDetails, Claim
from coplan.payments.services import PaymentError
from coplan.projects.roles import Role
from tests.factories import MembershipFactory
from tests.notifications.worker import run_worker
from tests.payments.conftest import sent_claim

pytestmark = pytest.mark.django_db
CO = Role.CO_PRODUCER


def _approved(team) -> Claim:
    return services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.LEAD))


def _bank(team, actor):
    return services.bank_details_set(
        person=team.person(CO),
        name="S Person",
        sort_code="30-94-57",
        account_number="12345678",
        actor=actor,
        where="test",
        project=team.project,
    )


def _pay(claim, user):
    return services.claim_mark_paid(
        claim=claim, paid_by=user, paid_on=timezone.localdate(), reference="BACS 1"
    )


def test_whoever_approved_a_claim_cannot_also_mark_it_paid(team):
    MembershipFactory(project=team.project, role=Role.FINANCE)
    claim = sent_claim(team)
    services.claim_approve(claim=claim, approved_by=team.user(Role.FINANCE))

    with pytest.raises(PaymentError, match="You approved this claim, so someone else"):
        _pay(claim, team.user(Role.FINANCE))
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_details_staff_entered_wait_for_a_second_finance_member_before_a_payment(team):
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    claim = _approved(team)
    details = _bank(team, team.user(Role.FINANCE))

    with pytest.raises(PaymentError, match=r"entered by staff .* Another finance member must"):
        _pay(claim, team.user(Role.FINANCE))
    with pytest.raises(PaymentError, match="You entered these bank details"):
        services.bank_details_confirm(
            details=details,
            confirmed_by=team.user(Role.FINANCE),
            seen_updated_at=details.updated_at,
        )
    services.bank_details_confirm(
        details=details, confirmed_by=second, seen_updated_at=details.updated_at
    )

    assert _pay(claim, team.user(Role.FINANCE)).status == "paid"


def test_a_change_made_after_someone_looked_needs_confirming_again(team):
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    seen = _bank(team, team.user(Role.FINANCE)).updated_at
    changed = _bank(team, team.user(Role.LEAD))

    with pytest.raises(PaymentError, match="changed while you were looking"):
        services.bank_details_confirm(details=changed, confirmed_by=second, seen_updated_at=seen)
    assert BankDetails.objects.get().confirmed_by is None


def test_the_person_changing_their_own_details_waits_the_organisations_days(team):
    claim = _approved(team)
    details = _bank(team, team.user(CO))

    with pytest.raises(PaymentError, match=r"changed their bank details .* in the last 7 days"):
        _pay(claim, team.user(Role.FINANCE))
    BankDetails.objects.filter(pk=details.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert _pay(claim, team.user(Role.FINANCE)).status == "paid"


def test_a_batch_from_the_queue_leaves_out_claims_whose_details_wait(team):
    claim = _approved(team)
    _bank(team, team.user(Role.LEAD))

    batch = services.claims_mark_paid(
        claims=[claim],
        paid_by=team.user(Role.FINANCE),
        paid_on=timezone.localdate(),
        reference="BACS 9",
    )

    assert batch.paid == []
    assert "Another finance member must confirm" in batch.not_paid[0][1]


@pytest.mark.django_db(transaction=True)
def test_the_person_is_always_told_and_the_other_finance_members_are_asked(team):
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    mail.outbox.clear()

    _bank(team, team.user(Role.FINANCE))
    run_worker()

    told = {message.to[0]: message.subject for message in mail.outbox}
    assert told[team.person(CO).email or team.user(CO).email] == "Your bank details have changed"
    assert told[second.email] == f"Bank details to confirm for {team.person(CO).full_name}"
    assert team.user(Role.FINANCE).email not in told
    assert Update.objects.filter(kind="payments.bank_details_to_confirm").count() == 1


def test_a_second_finance_member_confirms_on_the_persons_payment_page(team, client_for):
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    _bank(team, team.user(Role.FINANCE))
    page_url = f"/projects/{team.project.pk}/payments/people/{team.person(CO).pk}/"

    own = client_for(team.user(Role.FINANCE)).get(page_url).content.decode()
    theirs = client_for(second).get(page_url).content.decode()
    seen = BankDetails.objects.get().updated_at.isoformat()
    done = client_for(second).post(page_url + "bank-details/confirm/", {"seen": seen}, follow=True)

    assert "You entered these details, so another finance member" in own
    assert "Confirm these bank details" not in own
    assert "Confirm these bank details" in theirs
    assert "You confirmed the bank details" in done.content.decode()
    assert BankDetails.objects.get().confirmed_by == second


def test_only_finance_may_confirm(team, client_for):
    _bank(team, team.user(Role.FINANCE))
    url = f"/projects/{team.project.pk}/payments/people/{team.person(CO).pk}/bank-details/confirm/"

    response = client_for(team.user(Role.LEAD)).post(url, {"seen": "x"})

    assert response.status_code == 403
    assert BankDetails.objects.get().confirmed_by is None
