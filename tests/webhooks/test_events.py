"""What happens in a project reaches the organisation's webhooks that asked for it: a
claim approved or paid, a meeting changed, "you said, we did" published. What is sent
holds ids and plain facts, never who a claim is for or how they are paid."""

import datetime
import json

import pytest
from django.db import transaction
from django.utils import timezone

from coplan.core import events
from coplan.feedback import services as feedback
from coplan.meetings import services as meetings
from coplan.payments import services as payments
from coplan.projects.roles import Role
from coplan.webhooks import services
from coplan.webhooks.models import Delivery
from tests.feedback.factories import YouSaidWeDidFactory
from tests.payments.conftest import Team, sent_claim
from tests.webhooks.conftest import webhook_for

pytestmark = pytest.mark.django_db

URL = "https://finance.example.org/coplan"


def _sent(receiver) -> list[dict]:
    services.deliveries_send_due()
    return [json.loads(request["body"]) for request in receiver.received]


def test_an_approved_claim_is_sent_with_its_amount_and_never_who_it_is_for(receiver):
    team = Team()
    webhook_for(team.project.organisation, receiver.url, events=["claim.approved"])
    claim = sent_claim(team)

    payments.claim_approve(claim=claim, approved_by=team.user(Role.FINANCE))

    [sent] = _sent(receiver)
    assert (sent["event"], sent["project_id"]) == ("claim.approved", team.project.pk)
    assert sent["organisation_id"] == team.project.organisation_id
    assert sent["data"]["claim_id"] == claim.pk
    assert sent["data"]["status"] == "approved"
    assert sent["data"]["total_pence"] == 450  # the bus fare; no meeting, so no time
    body = receiver.received[0]["body"].decode()
    person = team.person(Role.CO_PRODUCER)
    for personal in (person.full_name, person.email, "Bus", "public_transport"):
        assert personal not in body
    assert set(sent["data"]) == {
        "project_id", "claim_id", "status", "total_pence", "activity_on", "meeting_id",
        "approved_at", "paid_on", "payment_reference",
    }  # fmt: skip


def test_a_paid_claim_is_sent_with_the_day_and_reference(receiver):
    team = Team()
    webhook_for(team.project.organisation, receiver.url, events=["claim.paid"])
    claim = sent_claim(team)
    payments.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))

    payments.claim_mark_paid(
        claim=claim, paid_by=team.user(Role.FINANCE), paid_on=timezone.localdate(), reference="B7"
    )

    [sent] = _sent(receiver)  # the approval was not asked for
    assert sent["event"] == "claim.paid"
    assert (sent["data"]["paid_on"], sent["data"]["payment_reference"]) == (
        timezone.localdate().isoformat(),
        "B7",
    )


def test_a_changed_meeting_is_sent_with_what_changed(receiver):
    team = Team()
    webhook_for(team.project.organisation, receiver.url, events=["meeting.changed"])

    meetings.meeting_update(
        meeting=team.meeting, title=team.meeting.title, meets_on=datetime.date(2027, 3, 8)
    )
    meetings.meeting_update(meeting=team.meeting, title=team.meeting.title)  # nothing new

    [sent] = _sent(receiver)
    assert sent["event"] == "meeting.changed"
    assert sent["data"]["meeting_id"] == team.meeting.pk
    assert (sent["data"]["changed"], sent["data"]["meets_on"]) == (["meets_on"], "2027-03-08")


def test_published_you_said_we_did_is_sent_once(receiver):
    team = Team()
    webhook_for(team.project.organisation, receiver.url, events=["you_said_we_did.published"])
    entry = YouSaidWeDidFactory(project=team.project, we_did="We opened the windows.")

    feedback.you_said_we_did_publish(entry=entry)
    feedback.you_said_we_did_publish(entry=entry)

    [sent] = _sent(receiver)
    assert sent["event"] == "you_said_we_did.published"
    assert (sent["data"]["entry_id"], sent["data"]["we_did"]) == (
        entry.pk,
        "We opened the windows.",
    )


def test_only_the_organisations_own_webhooks_that_asked_hear_of_it(receiver):
    team = Team()
    other = Team()
    webhook_for(other.project.organisation, URL)
    webhook_for(team.project.organisation, URL, events=["claim.paid"])
    paused = webhook_for(team.project.organisation, URL).webhook
    services.webhook_update(webhook=paused, url=URL, events=paused.events, active=False)

    payments.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.FINANCE))

    assert Delivery.objects.count() == 0


def test_nothing_is_sent_when_what_happened_is_undone(receiver):
    team = Team()
    webhook_for(team.project.organisation, URL, events=["meeting.changed"])

    def change_then_fail() -> None:
        with transaction.atomic():
            meetings.meeting_update(meeting=team.meeting, title="A new name")
            raise RuntimeError("something after it failed")

    with pytest.raises(RuntimeError):
        change_then_fail()

    assert Delivery.objects.count() == 0


def test_an_event_no_app_declared_is_refused():
    team = Team()

    with pytest.raises(ValueError, match="not an event any app declared"):
        events.happened("claim.lost", project=team.project, facts={})


def test_the_events_an_admin_chooses_from_are_the_four_apps_declared():
    assert events.event_choices() == [
        ("claim.approved", "A claim is approved"),
        ("claim.paid", "A claim is paid"),
        ("meeting.changed", "A meeting's date, time, place or plan changes"),
        ("you_said_we_did.published", "“You said, we did” is published"),
    ]
