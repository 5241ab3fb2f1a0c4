"""Setting up an organisation's webhooks, and sending them what happened.

When something happens (`coplan.core.events.happened`), `event_heard` makes a
`Delivery` for each of the organisation's webhooks that asked for that event, and
queues the sending task, in the same transaction as what happened. The background
worker (`tasks.deliveries_send_task`) sends each one, signed (`signing`), with a short
timeout and never following a redirect, only to the address checked when it is sent
(`sending`): it goes only to the address the admin entered, never inside our network.
A failure is tried again later, waiting longer each time (`retry_after`), up to
MAX_ATTEMPTS tries; every try is kept in the delivery log.
"""

import datetime
import http
import json
import logging
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from coplan.core.errors import RuleError
from coplan.core.events import Event, event_choices
from coplan.organisations.models import Organisation
from coplan.people import crypto
from coplan.webhooks import signing
from coplan.webhooks.addresses import address_problem
from coplan.webhooks.models import Attempt, Delivery, DeliveryStatus, Webhook

logger = logging.getLogger(__name__)

TEST_EVENT = "test"
MAX_ATTEMPTS = 8
# After the first failure wait 30 seconds, then four times as long each time: 2 minutes,
# 8, 32, about 2 hours, 8½ hours and 34 hours. The last try is about two days after the first.
FIRST_RETRY = datetime.timedelta(seconds=30)
BACK_OFF = 4
SECRET_PREFIX = "whsec_"  # noqa: S105 - how a secret starts, not a secret


class WebhookError(RuleError):
    """A webhook the rules do not take, in plain words."""


def retry_after(attempts: int) -> datetime.timedelta:
    """How long to wait after the `attempts`-th failed try."""
    return FIRST_RETRY * BACK_OFF ** (attempts - 1)


def _new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _check(url: str, events: Iterable[str]) -> tuple[str, list[str]]:
    url = url.strip()
    problem = address_problem(url)
    if problem:
        raise WebhookError(problem, field="url")
    known = [name for name, _ in event_choices()]
    chosen = [name for name in known if name in set(events)]
    if not chosen or len(chosen) != len(set(events)):
        raise WebhookError("Select the events to send", field="events")
    return url, chosen


@dataclass(frozen=True)
class WebhookMade:
    """A new webhook, and its secret: shown once, never again."""

    webhook: Webhook
    secret: str


def webhook_create(
    *, organisation: Organisation, url: str, events: Iterable[str], by: AbstractBaseUser
) -> WebhookMade:
    url, chosen = _check(url, events)
    secret = _new_secret()
    webhook = Webhook.objects.create(
        organisation=organisation,
        url=url,
        events=chosen,
        secret_token=crypto.encrypt_json(secret),
        created_by=by,
    )
    return WebhookMade(webhook, secret)


def webhook_update(*, webhook: Webhook, url: str, events: Iterable[str], active: bool) -> Webhook:
    webhook.url, webhook.events = _check(url, events)
    webhook.active = active
    webhook.updated_at = timezone.now()
    webhook.save()
    return webhook


def webhook_secret_renew(*, webhook: Webhook) -> WebhookMade:
    """A new secret: deliveries not yet sent are signed with it when they go."""
    secret = _new_secret()
    webhook.secret_token = crypto.encrypt_json(secret)
    webhook.updated_at = timezone.now()
    webhook.save(update_fields=["secret_token", "updated_at"])
    return WebhookMade(webhook, secret)


def webhook_remove(*, webhook: Webhook) -> None:
    """The webhook goes, with its delivery log; nothing more is sent to it."""
    webhook.delete()


def webhook_secret(webhook: Webhook) -> str:
    return crypto.decrypt_json(webhook.secret_token)


def webhooks_reencrypt() -> int:
    from coplan.people.services import tokens_reencrypt

    return tokens_reencrypt(Webhook, "secret_token")


# Hearing what happened ----------------------------------------------------------------


def _body(*, event_id, name: str, at: datetime.datetime, event: Event | None, facts) -> str:
    return json.dumps(
        {
            "id": str(event_id),
            "event": name,
            "happened_at": at.isoformat(),
            "organisation_id": event.organisation_id if event else None,
            "project_id": event.project_id if event else None,
            "data": dict(facts),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def _delivery(webhook: Webhook, name: str, event: Event | None, facts, at) -> Delivery:
    delivery = Delivery(webhook=webhook, event=name, created_at=at, try_after=at)
    delivery.body = _body(event_id=delivery.event_id, name=name, at=at, event=event, facts=facts)
    return delivery


def event_heard(event: Event) -> list[Delivery]:
    """A delivery for each active webhook of the organisation that asked for the event,
    kept only if what happened is; sent once it is."""
    webhooks = Webhook.objects.filter(organisation_id=event.organisation_id, active=True)
    made = [
        _delivery(webhook, event.name, event, event.facts, event.at)
        for webhook in webhooks
        if event.name in webhook.events
    ]
    if made:
        Delivery.objects.bulk_create(made)
        _send_soon()
    return made


def webhook_test_send(*, webhook: Webhook) -> Delivery:
    """A test event, sent like any other, to see that the receiver gets and checks it."""
    facts = {"message": "A test event from Co-production Planner: your webhook works."}
    delivery = _delivery(webhook, TEST_EVENT, None, facts, timezone.now())
    delivery.save()
    _send_soon()
    return delivery


def _send_soon() -> None:
    """Queue the sending task in the same transaction: the queue is a table of the same
    database (django-tasks-db), so the deliveries and the task to send them are kept
    together, or neither is."""
    from coplan.webhooks.tasks import deliveries_send_soon

    deliveries_send_soon()


# Sending ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    error: str
    took_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _status_words(code: int) -> str:
    try:
        return f"{code} ({http.HTTPStatus(code).phrase})"
    except ValueError:
        return str(code)


def _post(*, url: str, body: bytes, headers: dict[str, str]) -> Answer:
    """Send once, only to the address checked (`sending`): a short timeout, no redirect
    followed, the answer's body never read."""
    import requests  # here, not in every web worker (tests/core/test_worker_memory.py)

    from coplan.webhooks import sending

    timeout = settings.WEBHOOKS_TIMEOUT_SECONDS
    started = time.monotonic()
    status_code, error = None, ""
    try:
        with sending.post(url, data=body, headers=headers, timeout=timeout) as response:
            status_code = response.status_code
    except sending.NotSentError as problem:
        error = str(problem)
    except requests.exceptions.SSLError:
        error = "The receiver's security certificate could not be checked"
    except requests.exceptions.Timeout:
        error = f"The receiver did not answer within {timeout} second{'' if timeout == 1 else 's'}"
    except requests.exceptions.ProxyError:
        error = (
            "Could not send it through this server's outbound proxy: ask whoever runs "
            "Co-production Planner to check it"
        )
    except requests.exceptions.ConnectionError:
        error = "Could not connect to the address: check it, and that the receiver is running"
    except (requests.exceptions.RequestException, ValueError) as problem:
        error = f"Could not send it ({type(problem).__name__})"
    took_ms = int((time.monotonic() - started) * 1000)
    if status_code is not None and 300 <= status_code < 400:
        error = (
            f"The receiver answered {_status_words(status_code)}, sending it to another "
            "address. We never follow that: if the address has moved, change it here"
        )
    elif status_code is not None and not 200 <= status_code < 300:
        error = f"The receiver answered {_status_words(status_code)}"
    return Answer(status_code, error, took_ms)


def _headers(delivery: Delivery, body: bytes, secret: str, now: datetime.datetime) -> dict:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Co-production-Planner-webhooks/1",
        "Coplan-Event": delivery.event,
        "Coplan-Delivery": str(delivery.event_id),
        signing.HEADER: signing.signature_header(
            secret=secret, timestamp=int(now.timestamp()), body=body
        ),
    }


SENT, FAILED, NOTHING_TO_DO = "sent", "failed", "nothing to do"


def delivery_send(*, delivery_id: int, now: datetime.datetime | None = None) -> str:
    """Try one delivery once, if it is due and no other worker is trying it. The try is
    recorded in the delivery log whatever the answer."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                pk=delivery_id,
                status__in=(DeliveryStatus.WAITING, DeliveryStatus.TRYING_AGAIN),
                try_after__lte=now,
            )
            .select_related("webhook")
            .first()
        )
        if delivery is None:
            return NOTHING_TO_DO
        body = delivery.body.encode("utf-8")
        try:
            secret = webhook_secret(delivery.webhook)
        except crypto.UnreadableDataError:
            answer = Answer(None, "The secret cannot be read: make a new secret", 0)
        else:
            answer = _post(
                url=delivery.webhook.url,
                body=body,
                headers=_headers(delivery, body, secret, now),
            )
        delivery.attempts += 1
        Attempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            sent_at=now,
            status_code=answer.status_code,
            error=answer.error[:300],
            took_ms=answer.took_ms,
        )
        if answer.delivered:
            delivery.status, delivery.finished_at = DeliveryStatus.DELIVERED, now
        elif delivery.attempts >= MAX_ATTEMPTS:
            delivery.status, delivery.finished_at = DeliveryStatus.GIVEN_UP, now
        else:
            delivery.status = DeliveryStatus.TRYING_AGAIN
            delivery.try_after = now + retry_after(delivery.attempts)
        delivery.save(update_fields=["attempts", "status", "finished_at", "try_after"])
    if not answer.delivered:
        logger.warning("Webhook delivery %s failed: %s", delivery_id, answer.error)
    return SENT if answer.delivered else FAILED


@dataclass(frozen=True)
class SendResult:
    sent: int
    failed: int
    try_again_at: datetime.datetime | None


def _waiting():
    return Delivery.objects.filter(
        status__in=(DeliveryStatus.WAITING, DeliveryStatus.TRYING_AGAIN),
        webhook__active=True,
    )


def deliveries_send_due(*, now: datetime.datetime | None = None) -> SendResult:
    """Try every delivery that is due. Safe to run as often as you like, in as many
    workers as you like: each delivery is tried by one of them at a time. Deliveries
    finished more than WEBHOOKS_LOG_KEPT_DAYS ago leave the log."""
    now = now or timezone.now()
    kept = datetime.timedelta(days=settings.WEBHOOKS_LOG_KEPT_DAYS)
    Delivery.objects.filter(finished_at__lt=now - kept).delete()
    due = _waiting().filter(try_after__lte=now).order_by("try_after", "pk")
    due = list(due.values_list("pk", flat=True))
    outcomes = [delivery_send(delivery_id=pk, now=now) for pk in due]
    next_try = _waiting().filter(try_after__gt=now).order_by("try_after")
    return SendResult(
        outcomes.count(SENT),
        outcomes.count(FAILED),
        next_try.values_list("try_after", flat=True).first(),
    )
