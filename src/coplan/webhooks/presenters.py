"""How webhooks and their deliveries read on the admin's pages."""

import json

from coplan.core.presenters import Tag
from coplan.webhooks.models import Delivery, DeliveryStatus, Webhook
from coplan.webhooks.selectors import event_labels
from coplan.webhooks.services import TEST_EVENT

COLOURS = {
    DeliveryStatus.WAITING: "blue",
    DeliveryStatus.TRYING_AGAIN: "yellow",
    DeliveryStatus.DELIVERED: "green",
    DeliveryStatus.GIVEN_UP: "red",
}


def delivery_tag(delivery: Delivery) -> Tag:
    return Tag(delivery.get_status_display(), COLOURS[delivery.status])


def webhook_tag(webhook: Webhook) -> Tag:
    return Tag("Sending", "green") if webhook.active else Tag("Paused", "grey")


def event_words(name: str) -> str:
    if name == TEST_EVENT:
        return "Test event"
    return (event_labels([name]) or [name])[0]


def body_shown(delivery: Delivery) -> str:
    """What was sent, laid out to read."""
    return json.dumps(json.loads(delivery.body), indent=2, ensure_ascii=False, sort_keys=True)
