"""Fixed lists of choices for telling people."""

from django.db import models


class Delivery(models.TextChoices):
    """When a person wants to be told about one kind of message."""

    AT_ONCE = "at_once", "Straight away"
    DAILY = "daily", "In one email a day"
    NEVER = "never", "Do not send it"


DELIVERY_HINTS = {
    Delivery.DAILY: "At 5pm, with everything else from that day",
    Delivery.NEVER: "You can still see it on your Updates page",
}


class Channel(models.TextChoices):
    """How a message went, once it was dealt with."""

    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    LETTER = "letter", "Letter"
    NONE = "none", "Not sent: we have no way to send it to you"
