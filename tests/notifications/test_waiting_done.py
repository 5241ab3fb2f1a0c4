"""An update that something waits for someone stops being "New" once someone dealt with it:
finance's "A claim is waiting for you" once the claim is approved, sent back or paid."""

import pytest
from django.utils import timezone

from coplan.notifications.models import Update
from coplan.payments import services as payments
from coplan.projects.roles import Role
from tests.payments.conftest import Team, sent_claim

pytestmark = pytest.mark.django_db

CO, LEAD, FINANCE = Role.CO_PRODUCER, Role.LEAD, Role.FINANCE
WAITING = "A claim is waiting for you: Reading the papers"


@pytest.fixture
def team():
    return Team()


def _new_on_updates_page(client, subject) -> bool:
    page = client.get("/updates/").content.decode()
    row = next(line for line in page.splitlines() if subject in line)
    return ">New<" in row.replace(" ", "")


def test_the_claim_waiting_update_is_new_until_the_claim_is_paid(team, client_for):
    claim = sent_claim(team)
    finance = client_for(team.user(FINANCE))
    assert Update.objects.filter(user=team.user(FINANCE), subject=WAITING, seen_at=None).exists()

    payments.claim_approve(claim=claim, approved_by=team.user(LEAD))
    payments.claim_mark_paid(
        claim=claim, paid_by=team.user(FINANCE), paid_on=timezone.localdate(), reference="BACS-7"
    )

    assert not _new_on_updates_page(finance, WAITING)
    assert not Update.objects.filter(subject=WAITING, seen_at=None).exists()


@pytest.mark.parametrize("dealt_with", ["approved", "sent back"])
def test_the_claim_waiting_update_is_done_for_everyone_once_someone_deals_with_it(team, dealt_with):
    claim = sent_claim(team)
    waiting_for = set(Update.objects.filter(subject=WAITING).values_list("user", flat=True))
    assert waiting_for == {team.user(LEAD).pk, team.user(FINANCE).pk}

    if dealt_with == "approved":
        payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    else:
        payments.claim_return(claim=claim, returned_by=team.user(LEAD), reason="Add the receipt.")

    assert not Update.objects.filter(subject=WAITING, seen_at=None).exists()


def test_another_claims_waiting_update_stays_new(team):
    first, second = sent_claim(team), sent_claim(team)

    payments.claim_approve(claim=first, approved_by=team.user(FINANCE))

    still_new = Update.objects.filter(subject=WAITING, seen_at=None, user=team.user(FINANCE))
    assert [update.link for update in still_new] == [
        f"/projects/{team.project.pk}/payments/claims/{second.pk}/"
    ]
