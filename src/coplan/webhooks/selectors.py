"""Reading an organisation's webhooks and their delivery log."""

from django.db.models import QuerySet

from coplan.core.events import event_choices
from coplan.webhooks.models import Delivery, Webhook

LOG_LENGTH = 50


def webhooks(*, organisation_id: int) -> QuerySet[Webhook]:
    return Webhook.objects.filter(organisation_id=organisation_id)


def webhook(*, organisation_id: int, webhook_id: int) -> Webhook | None:
    return webhooks(organisation_id=organisation_id).filter(pk=webhook_id).first()


def event_labels(names) -> list[str]:
    """The chosen events in words, in the order the apps declared them."""
    return [label for name, label in event_choices() if name in names]


def delivery_log(*, webhook: Webhook, limit: int = LOG_LENGTH) -> list[Delivery]:
    """The latest deliveries, newest first, each with its tries: two queries."""
    return list(webhook.deliveries.prefetch_related("tries")[:limit])


def delivery(*, webhook: Webhook, delivery_id: int) -> Delivery | None:
    return webhook.deliveries.prefetch_related("tries").filter(pk=delivery_id).first()
