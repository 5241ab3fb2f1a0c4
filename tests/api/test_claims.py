"""Claims through the API, for finance: read with any token, approve and mark paid only
with a read and change token, under the pages' rules (two people for money, the steps,
the dates) and in the pages' words."""

import datetime
import json

import pytest
from django.utils import timezone

from coplan.api import services as api_services
from coplan.core import events
from coplan.notifications.models import Update
from coplan.payments import services
from coplan.payments.models import Claim, ClaimNotice
from coplan.projects.roles import Role
from tests.api.helpers import bearer
from tests.factories import MembershipFactory
from tests.payments.conftest import Team, sent_claim

pytestmark = pytest.mark.django_db
CO = Role.CO_PRODUCER


@pytest.fixture
def team():
    return Team()


def _token(user, scope="read_write") -> dict[str, str]:
    return bearer(
        api_services.access_token_create(
            user=user, name="Finance system", scope=scope, days=30
        ).token
    )


def _post(client, path, user, body=None, scope="read_write"):
    return client.post(
        path, data=json.dumps(body or {}), content_type="application/json", **_token(user, scope)
    )


def _approve(client, claim, user, **kwargs):
    return _post(
        client, f"/api/v1/projects/{claim.project_id}/claims/{claim.pk}/approve", user, **kwargs
    )


def _pay(client, claim, user, paid_on=None, reference="BACS 1", **kwargs):
    body = {"paid_on": (paid_on or timezone.localdate()).isoformat(), "reference": reference}
    return _post(
        client, f"/api/v1/projects/{claim.project_id}/claims/{claim.pk}/paid", user, body, **kwargs
    )


def _send_back(client, claim, user, reason="The bus ticket photo is blurred", **kwargs):
    return _post(
        client,
        f"/api/v1/projects/{claim.project_id}/claims/{claim.pk}/send-back",
        user,
        {"reason": reason},
        **kwargs,
    )


def _problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()["detail"]


def test_finance_lists_the_projects_claims_newest_first_with_totals(client, team):
    older = sent_claim(team, activity="Reading")
    newer = sent_claim(team, activity="Preparing")
    Claim.objects.filter(pk=newer.pk).update(activity_on=datetime.date(2027, 3, 9))

    response = client.get(
        f"/api/v1/projects/{team.project.pk}/claims", **_token(team.user(Role.FINANCE), "read")
    )

    items = response.json()["items"]
    assert [(each["id"], each["what"], each["total_pence"]) for each in items] == [
        (newer.pk, "Preparing", 450),
        (older.pk, "Reading", 450),
    ]
    assert items[0]["status_words"] == "Sent, waiting for approval"
    assert items[0]["person_name"] == team.person(CO).full_name
    assert "bank" not in response.content.decode().lower()


def test_claims_filtered_by_step_and_by_date(client, team):
    approved = sent_claim(team, activity="Reading")
    services.claim_approve(claim=approved, approved_by=team.user(Role.LEAD))
    waiting = sent_claim(team, activity="Preparing")
    Claim.objects.filter(pk=waiting.pk).update(activity_on=datetime.date(2027, 4, 1))
    token = _token(team.user(Role.FINANCE), "read")
    path = f"/api/v1/projects/{team.project.pk}/claims"

    by_step = client.get(path, {"status": "approved"}, **token).json()["items"]
    by_date = client.get(path, {"from_date": "2027-03-15"}, **token).json()["items"]
    wrong = client.get(path, {"status": "lost"}, **token)

    assert [each["id"] for each in by_step] == [approved.pk]
    assert [each["id"] for each in by_date] == [waiting.pk]
    assert wrong.status_code == 422


def test_one_claim_with_its_lines_and_total(client, team):
    claim = sent_claim(team)

    response = client.get(
        f"/api/v1/projects/{team.project.pk}/claims/{claim.pk}",
        **_token(team.user(Role.LEAD), "read"),
    )

    found = response.json()
    assert (found["total_pence"], found["line_count"]) == (450, 1)
    assert [
        (line["what"], line["amount_pence"], line["has_receipt"]) for line in found["lines"]
    ] == [("Bus, train or tram fares", 450, True)]


def test_a_co_producer_reads_their_own_claim_but_not_the_list(client, team):
    claim = sent_claim(team)
    token = _token(team.user(CO), "read")

    own = client.get(f"/api/v1/projects/{team.project.pk}/claims/{claim.pk}", **token)
    listed = client.get(f"/api/v1/projects/{team.project.pk}/claims", **token)

    assert own.status_code == 200
    assert listed.status_code == 403


def test_a_read_token_cannot_approve_or_mark_paid(client, team):
    claim = sent_claim(team)

    approving = _approve(client, claim, team.user(Role.LEAD), scope="read")
    paying = _pay(client, claim, team.user(Role.FINANCE), scope="read")

    for response in (approving, paying):
        assert "This token can only read" in _problem(response, 403)
    assert Claim.objects.get(pk=claim.pk).status == "submitted"


def test_approving_tells_the_person_and_the_webhooks(client, team, monkeypatch):
    heard = []
    monkeypatch.setitem(events.LISTENERS._entries, "test", (10_000, heard.append))
    claim = sent_claim(team)

    response = _approve(client, claim, team.user(Role.LEAD), body={"total_seen_pence": 450})

    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert ClaimNotice.objects.filter(claim=claim, event="approved").count() == 1
    assert [(event.name, event.facts["claim_id"]) for event in heard] == [
        ("claim.approved", claim.pk)
    ]


def test_a_claim_cannot_be_approved_twice(client, team):
    claim = sent_claim(team)
    _approve(client, claim, team.user(Role.LEAD))

    again = _approve(client, claim, team.user(Role.FINANCE))

    assert _problem(again, 409) == "This claim has already been approved"


def test_a_changed_total_is_not_approved(client, team):
    claim = sent_claim(team)

    response = _approve(client, claim, team.user(Role.LEAD), body={"total_seen_pence": 100})

    assert _problem(response, 409).startswith("The claim changed while you were looking at it")
    assert Claim.objects.get(pk=claim.pk).status == "submitted"


def test_nobody_approves_their_own_claim_nor_one_they_sent(client, team):
    own = services.claim_start(
        project=team.project,
        person=team.person(Role.LEAD),
        created_by=team.user(Role.LEAD),
        activity="Reading",
        activity_on=datetime.date(2027, 3, 1),
    )
    Claim.objects.filter(pk=own.pk).update(status="submitted")
    sent_for_them = sent_claim(team)
    Claim.objects.filter(pk=sent_for_them.pk).update(submitted_by=team.user(Role.FINANCE))

    mine = _approve(client, own, team.user(Role.LEAD))
    for_them = _approve(client, sent_for_them, team.user(Role.FINANCE))

    assert _problem(mine, 403) == "You cannot approve your own claim"
    assert _problem(for_them, 403) == (
        "You sent this claim for them, so someone else must approve it"
    )


def test_only_leads_and_finance_approve(client, team):
    claim = sent_claim(team)

    response = _approve(client, claim, team.user(Role.FACILITATOR))

    assert _problem(response, 403) == "Your role in this project does not allow this."


def test_finance_marks_an_approved_claim_paid(client, team, monkeypatch):
    claim = services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.LEAD))
    heard = []
    monkeypatch.setitem(events.LISTENERS._entries, "test", (10_000, heard.append))

    response = _pay(client, claim, team.user(Role.FINANCE), reference="BACS 7")

    paid = response.json()
    assert (paid["status"], paid["payment_reference"]) == ("paid", "BACS 7")
    assert paid["paid_on"] == timezone.localdate().isoformat()
    assert [event.name for event in heard] == ["claim.paid"]


def test_whoever_approved_cannot_also_mark_it_paid(client, team):
    claim = services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.FINANCE))

    response = _pay(client, claim, team.user(Role.FINANCE))

    assert _problem(response, 403) == "You approved this claim, so someone else must mark it paid"
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_a_claim_is_marked_paid_only_once_approved_and_only_by_finance(client, team):
    claim = sent_claim(team)

    waiting = _pay(client, claim, team.user(Role.FINANCE))
    by_lead = _pay(client, claim, team.user(Role.LEAD))

    assert _problem(waiting, 409) == "This claim is at the step: sent, waiting for approval."
    assert _problem(by_lead, 403) == "Your role in this project does not allow this."


def test_a_claim_cannot_be_paid_before_it_was_approved_nor_in_the_future(client, team):
    claim = services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.LEAD))
    Claim.objects.filter(pk=claim.pk).update(
        approved_at=timezone.now() - datetime.timedelta(days=3)
    )
    before = timezone.localdate() - datetime.timedelta(days=10)

    too_early = _pay(client, claim, team.user(Role.FINANCE), paid_on=before)
    future = _pay(
        client, claim, team.user(Role.FINANCE), paid_on=timezone.localdate() + datetime.timedelta(1)
    )

    assert _problem(too_early, 422).startswith(
        "The date paid must be the day the claim was approved or after: it was approved on"
    )
    assert _problem(future, 422) == "The date paid must be today or in the past"
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_claims_of_another_project_are_not_found(client, team):
    claim = sent_claim(team)
    stranger = MembershipFactory(role=Role.FINANCE).user

    response = _approve(client, claim, stranger)

    assert response.status_code == 404


def test_sending_a_claim_back_tells_the_person_why(client, team):
    claim = sent_claim(team)

    response = _send_back(client, claim, team.user(Role.LEAD), reason="  Add the receipt.  ")

    found = response.json()
    assert (found["status"], found["returned_reason"]) == ("returned", "Add the receipt.")
    told = Update.objects.filter(person=team.person(CO)).values_list("subject", flat=True)
    assert "Your claim for Reading the papers needs a change" in told


def test_finance_sends_back_an_approved_claim_but_a_lead_cannot(client, team):
    claim = services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.LEAD))

    by_lead = _send_back(client, claim, team.user(Role.LEAD))
    by_finance = _send_back(client, claim, team.user(Role.FINANCE))

    assert _problem(by_lead, 409) == "This claim is at the step: approved, waiting to be paid."
    assert by_finance.json()["status"] == "returned"


def test_a_claim_sent_back_cannot_be_sent_back_again(client, team):
    claim = sent_claim(team)
    _send_back(client, claim, team.user(Role.LEAD))

    again = _send_back(client, claim, team.user(Role.FINANCE))

    assert _problem(again, 409) == "This claim is at the step: sent back to you to change."


def test_the_reason_is_checked_as_on_the_page(client, team):
    claim = sent_claim(team)
    lead = team.user(Role.LEAD)

    empty = _send_back(client, claim, lead, reason="   ")
    hidden = _send_back(client, claim, lead, reason="Add the\u0007 receipt")
    too_long = _send_back(client, claim, lead, reason="x" * 2001)

    assert _problem(empty, 422) == "Enter what needs to change"
    assert "must not contain hidden or control characters" in _problem(hidden, 422)
    assert "2,000 characters or fewer" in _problem(too_long, 422)
    assert Claim.objects.get(pk=claim.pk).status == "submitted"


def test_nobody_sends_back_their_own_claim_nor_one_they_sent(client, team):
    sent_for_them = sent_claim(team)
    Claim.objects.filter(pk=sent_for_them.pk).update(submitted_by=team.user(Role.FINANCE))

    for_them = _send_back(client, sent_for_them, team.user(Role.FINANCE))
    by_co_producer = _send_back(client, sent_claim(team), team.user(CO))

    assert _problem(for_them, 403) == (
        "You sent this claim for them, so someone else must decide about it"
    )
    assert _problem(by_co_producer, 403) == "Your role in this project does not allow this."


def test_a_read_token_cannot_send_a_claim_back(client, team):
    claim = sent_claim(team)

    response = _send_back(client, claim, team.user(Role.LEAD), scope="read")

    assert "This token can only read" in _problem(response, 403)
    assert Claim.objects.get(pk=claim.pk).status == "submitted"
