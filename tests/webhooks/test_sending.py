"""How an event reaches the organisation's own system: signed so the receiver can check
it, tried again later (waiting longer each time) when the receiver fails, each try in
the delivery log, and never to an address the admin did not enter. Sent to a real HTTP
server the test starts."""

import datetime
import itertools
import json

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from coplan.webhooks import services, signing
from coplan.webhooks.addresses import address_problem
from coplan.webhooks.models import Delivery, DeliveryStatus
from tests.webhooks.conftest import webhook_for

pytestmark = pytest.mark.django_db


def _test_event(receiver, admin, **sent):
    made = webhook_for(admin.organisation, receiver.url)
    services.webhook_test_send(webhook=made.webhook)
    return made


def _at(minutes: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_the_receiver_can_check_the_signature_with_the_secret(receiver, admin):
    made = _test_event(receiver, admin)

    result = services.deliveries_send_due()

    [request] = receiver.received
    header = request["headers"]["Coplan-Signature"]
    now = int(timezone.now().timestamp())
    assert result.sent == 1
    assert signing.verified(secret=made.secret, header=header, body=request["body"], now=now)
    assert not signing.verified(secret="whsec_wrong", header=header, body=request["body"], now=now)
    assert not signing.verified(
        secret=made.secret, header=header, body=request["body"] + b" ", now=now
    )
    assert not signing.verified(
        secret=made.secret, header=header, body=request["body"], now=now + 3600
    )


def test_the_signature_is_hmac_sha256_of_the_time_a_full_stop_and_the_body(receiver, admin):
    import hashlib
    import hmac

    made = _test_event(receiver, admin)
    services.deliveries_send_due()

    [request] = receiver.received
    parts = dict(part.split("=", 1) for part in request["headers"]["Coplan-Signature"].split(","))
    expected = hmac.new(
        made.secret.encode(), parts["t"].encode() + b"." + request["body"], hashlib.sha256
    ).hexdigest()
    assert parts["v1"] == expected


def test_what_is_sent_says_the_event_its_id_and_the_facts(receiver, admin):
    _test_event(receiver, admin)
    services.deliveries_send_due()

    [request] = receiver.received
    sent = json.loads(request["body"])
    delivery = Delivery.objects.get()
    assert request["path"] == "/coplan-events"
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["headers"]["Coplan-Event"] == "test"
    assert request["headers"]["Coplan-Delivery"] == str(delivery.event_id) == sent["id"]
    assert sent["event"] == "test"
    assert "your webhook works" in sent["data"]["message"]


def test_a_failure_is_tried_again_later_waiting_longer_each_time(receiver, admin):
    receiver.answers = [500, 503, 200]
    _test_event(receiver, admin)
    now = timezone.now()

    first = services.deliveries_send_due(now=now)
    too_soon = services.deliveries_send_due(now=now + datetime.timedelta(seconds=29))
    second = services.deliveries_send_due(now=now + datetime.timedelta(seconds=30))
    delivery = Delivery.objects.get()
    wait_after_second = delivery.try_after - (now + datetime.timedelta(seconds=30))
    third = services.deliveries_send_due(now=delivery.try_after)

    assert (first.failed, too_soon.failed, second.failed, third.sent) == (1, 0, 1, 1)
    assert first.try_again_at == now + datetime.timedelta(seconds=30)
    assert wait_after_second == datetime.timedelta(minutes=2)
    assert len(receiver.received) == 3
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 3)
    # The same event each time, so the receiver can ignore one it already has.
    assert len({request["headers"]["Coplan-Delivery"] for request in receiver.received}) == 1


def test_the_waits_grow_four_times_each_try_to_about_two_days_in_all():
    waits = [services.retry_after(attempt) for attempt in range(1, services.MAX_ATTEMPTS)]

    assert waits[:3] == [
        datetime.timedelta(seconds=30),
        datetime.timedelta(minutes=2),
        datetime.timedelta(minutes=8),
    ]
    assert all(later == earlier * 4 for earlier, later in itertools.pairwise(waits))
    assert (
        datetime.timedelta(days=1) < sum(waits, datetime.timedelta()) < datetime.timedelta(days=3)
    )


def test_after_the_last_try_it_stops_trying(receiver, admin):
    receiver.answers = [500] * services.MAX_ATTEMPTS
    _test_event(receiver, admin)
    now = timezone.now()

    for _ in range(services.MAX_ATTEMPTS):
        services.deliveries_send_due(now=now)
        now += datetime.timedelta(days=3)
    last = services.deliveries_send_due(now=now + datetime.timedelta(days=30))

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.GIVEN_UP, services.MAX_ATTEMPTS)
    assert (last.sent, last.failed, last.try_again_at) == (0, 0, None)
    assert len(receiver.received) == services.MAX_ATTEMPTS


def test_every_try_is_in_the_delivery_log_in_plain_words(receiver, admin, settings):
    receiver.answers = [500]
    _test_event(receiver, admin)
    now = timezone.now()

    services.deliveries_send_due(now=now)
    services.deliveries_send_due(now=now + datetime.timedelta(minutes=1))

    tries = list(Delivery.objects.get().tries.values_list("number", "status_code", "error"))
    assert tries == [
        (1, 500, "The receiver answered 500 (Internal Server Error)"),
        (2, 200, ""),
    ]


def test_a_redirect_is_never_followed(receiver, admin):
    receiver.answers = [302]
    _test_event(receiver, admin)

    result = services.deliveries_send_due()

    [attempt] = Delivery.objects.get().tries.all()
    assert result.failed == 1
    assert receiver.paths() == ["/coplan-events"]  # nothing went to /moved
    assert attempt.status_code == 302
    assert attempt.error.startswith("The receiver answered 302 (Found), sending it to another")
    assert "We never follow that" in attempt.error


def test_a_receiver_that_does_not_answer_in_time_is_a_failure(receiver, admin, settings):
    settings.WEBHOOKS_TIMEOUT_SECONDS = 1
    receiver.slow_seconds = 2
    _test_event(receiver, admin)

    result = services.deliveries_send_due()

    [attempt] = Delivery.objects.get().tries.all()
    assert result.failed == 1
    assert (attempt.status_code, attempt.error) == (
        None,
        "The receiver did not answer within 1 second",
    )


def test_an_address_where_nothing_listens_is_said_in_plain_words(receiver, admin):
    made = webhook_for(admin.organisation, "http://127.0.0.1:9/nothing-here")
    services.webhook_test_send(webhook=made.webhook)

    services.deliveries_send_due()

    [attempt] = Delivery.objects.get().tries.all()
    assert attempt.error == (
        "Could not connect to the address: check it, and that the receiver is running"
    )


def test_a_paused_webhook_is_sent_nothing(receiver, admin):
    made = _test_event(receiver, admin)
    services.webhook_update(
        webhook=made.webhook, url=made.webhook.url, events=made.webhook.events, active=False
    )

    result = services.deliveries_send_due()

    assert (result.sent, receiver.received) == (0, [])


def test_a_new_secret_signs_what_is_sent_from_then_on(receiver, admin):
    made = _test_event(receiver, admin)
    renewed = services.webhook_secret_renew(webhook=made.webhook)

    services.deliveries_send_due()

    [request] = receiver.received
    header, body = request["headers"]["Coplan-Signature"], request["body"]
    now = int(timezone.now().timestamp())
    assert renewed.secret != made.secret
    assert signing.verified(secret=renewed.secret, header=header, body=body, now=now)
    assert not signing.verified(secret=made.secret, header=header, body=body, now=now)


def test_the_secret_is_kept_encrypted(admin, receiver):
    made = webhook_for(admin.organisation, receiver.url)

    stored = type(made.webhook).objects.values_list("secret_token", flat=True).get()

    assert made.secret.startswith("whsec_")
    assert len(made.secret) > 40
    assert made.secret not in stored
    assert services.webhook_secret(made.webhook) == made.secret


def test_the_secret_is_re_encrypted_when_the_keys_change(admin, receiver, settings):
    from coplan.people import crypto
    from coplan.people.services import all_keys_rotate

    made = webhook_for(admin.organisation, receiver.url)
    settings.PEOPLE_DATA_KEYS = [crypto.new_key(), *settings.PEOPLE_DATA_KEYS]

    done = all_keys_rotate()
    settings.PEOPLE_DATA_KEYS = settings.PEOPLE_DATA_KEYS[:1]

    made.webhook.refresh_from_db()
    assert "1 webhook secrets" in done
    assert services.webhook_secret(made.webhook) == made.secret


@given(st.text(max_size=300))
def test_any_typed_address_gets_a_message_or_is_taken_and_never_raises(typed):
    problem = address_problem(typed)

    assert isinstance(problem, str)
    if not problem:
        assert typed.strip().lower().startswith("https://")


@given(st.text(min_size=1, max_size=60), st.binary(max_size=500), st.integers(0, 2**33))
def test_a_signature_made_is_always_verified_and_never_for_another_body(secret, body, at):
    header = signing.signature_header(secret=secret, timestamp=at, body=body)

    assert signing.verified(secret=secret, header=header, body=body, now=at)
    assert not signing.verified(secret=secret, header=header, body=body + b"x", now=at)


def test_finished_deliveries_leave_the_log_after_the_days_it_keeps_them(receiver, admin, settings):
    settings.WEBHOOKS_LOG_KEPT_DAYS = 90
    _test_event(receiver, admin)
    now = timezone.now()
    services.deliveries_send_due(now=now)
    waiting = services.webhook_test_send(webhook=Delivery.objects.get().webhook)
    Delivery.objects.filter(pk=waiting.pk).update(try_after=now + datetime.timedelta(days=200))

    services.deliveries_send_due(now=now + datetime.timedelta(days=89))
    kept = Delivery.objects.count()
    services.deliveries_send_due(now=now + datetime.timedelta(days=91))

    assert kept == 2
    assert list(Delivery.objects.values_list("pk", flat=True)) == [waiting.pk]
