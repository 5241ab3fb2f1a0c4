"""Handing a message to the outside world: email through Django's mail framework, texts
and letters through GOV.UK Notify (`notifications-python-client`).

Each function raises if the message was not taken, so the caller can try again later.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from coplan.people import crypto

if TYPE_CHECKING:
    from notifications_python_client.notifications import NotificationsAPIClient


def absolute(link: str) -> str:
    return settings.SITE_URL + link if link.startswith("/") else link


def short(link: str) -> str:
    """A short address (`/r/<code>`) for a page of this site, to read in an Easy Read
    message; any other link as it is."""
    from coplan.short_links.services import short_link_make

    try:
        return short_link_make(link=absolute(link))
    except ValueError:
        return absolute(link)


def email_send(*, to: str, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
    EmailMessage(subject=subject, body=body, to=[to]).send()


def _client(api_key_token: str) -> "NotificationsAPIClient":
    # Imported when a text or letter is sent: a web worker that sends none does not hold
    # the client and what it brings (requests, PyJWT).
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(
        crypto.decrypt_json(api_key_token),
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )


def text_send(
    *, api_key_token: str, template_id: str, phone: str, words: dict, reference: str
) -> None:
    _client(api_key_token).send_sms_notification(
        phone_number=phone,
        template_id=template_id,
        personalisation=words,
        reference=reference,
    )


def letter_send(
    *,
    api_key_token: str,
    template_id: str,
    address: tuple[str, ...],
    words: dict,
    reference: str,
) -> None:
    lines = {f"address_line_{number}": line for number, line in enumerate(address, start=1)}
    _client(api_key_token).send_letter_notification(
        template_id=template_id, personalisation={**lines, **words}, reference=reference
    )
