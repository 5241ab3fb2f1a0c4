"""The links in invitations that work without signing in: a person's reply link for
one meeting, and their own calendar feed.

Each is a value signed with the site's secret key (HMAC-SHA256, Django's
`signing`), so it cannot be guessed or changed to reach someone else: changing
any character makes it fail. Nothing is stored for them. A reply link stops
working when the meeting is over, when the person is no longer invited, or
`REPLY_LINK_DAYS` after it was made; a feed keeps working, since calendar apps
keep asking for it, until the person is erased.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core import signing
from django.urls import reverse

REPLY_SALT = "coplan.meetings.reply"
FEED_SALT = "coplan.meetings.calendar-feed"
REPLY_LINK_DAYS = 365


def reply_token(*, invited_id: int) -> str:
    return signing.TimestampSigner(salt=REPLY_SALT).sign(signing.b62_encode(invited_id))


def reply_token_read(token: str) -> int | None:
    """The invited person's id in a reply link, or None if it is wrong or too old."""
    try:
        value = signing.TimestampSigner(salt=REPLY_SALT).unsign(
            token, max_age=REPLY_LINK_DAYS * 24 * 3600
        )
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None


def feed_token(*, person_id: int) -> str:
    return signing.Signer(salt=FEED_SALT).sign(signing.b62_encode(person_id))


def feed_token_read(token: str) -> int | None:
    try:
        return signing.b62_decode(signing.Signer(salt=FEED_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def reply_link(*, invited_id: int) -> str:
    token = reply_token(invited_id=invited_id)
    return settings.SITE_URL + reverse("meeting_invitations:reply", kwargs={"token": token})


def reply_calendar_link(*, invited_id: int) -> str:
    token = reply_token(invited_id=invited_id)
    return settings.SITE_URL + reverse(
        "meeting_invitations:reply_calendar", kwargs={"token": token}
    )


def feed_link(*, person_id: int) -> str:
    token = feed_token(person_id=person_id)
    return settings.SITE_URL + reverse("meeting_invitations:feed", kwargs={"token": token})


def webcal(link: str) -> str:
    """The same address for calendar apps that subscribe to `webcal:` links (they fetch
    it again by https, or http on a laptop)."""
    parts = urlsplit(link)
    return urlunsplit(("webcal", *parts[1:]))
