"""An organisation's webhooks, each event waiting to go to one, and every try at sending it.

Nothing here is about a person: the facts sent are ids, amounts, dates and published
words (coplan.core.events), so webhooks add nothing to a person's export or erasure.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.organisations.models import Organisation


class Webhook(models.Model):
    """An address of the organisation's own systems that hears about the events chosen.

    The secret signs every delivery; it is kept only encrypted (people.crypto, the keys in
    PEOPLE_DATA_KEYS) and shown once, when it is made."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="webhooks"
    )
    url = models.URLField("address", max_length=2000)
    events = models.JSONField(default=list)
    secret_token = models.TextField()
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to be sent"
    TRYING_AGAIN = "trying_again", "Failed, trying again"
    DELIVERED = "delivered", "Delivered"
    GIVEN_UP = "given_up", "Failed, stopped trying"


class Delivery(models.Model):
    """One event for one webhook: made in the same transaction as what happened, sent by
    the background worker, tried again after a failure until it is delivered or given up.
    `event_id` stays the same on every try, so the receiver can ignore one it already has."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(max_length=100)
    body = models.TextField()
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.WAITING
    )
    attempts = models.PositiveIntegerField(default=0)
    try_after = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "try_after"]),
            models.Index(fields=["finished_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.webhook}"

    @property
    def waiting(self) -> bool:
        return self.status in (DeliveryStatus.WAITING, DeliveryStatus.TRYING_AGAIN)


class Attempt(models.Model):
    """One try at sending a delivery: what the receiver answered, or what went wrong."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="tries")
    number = models.PositiveIntegerField()
    sent_at = models.DateTimeField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    took_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="one_attempt_per_number")
        ]

    def __str__(self) -> str:
        return f"Try {self.number} of {self.delivery}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
