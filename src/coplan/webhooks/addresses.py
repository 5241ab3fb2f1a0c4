"""Which addresses a webhook may send to, in plain words.

Only https, so the events and their signatures cannot be read or changed on the way;
plain http only where settings.WEBHOOKS_HTTP_ALLOWED (DEBUG, and tests that start a
receiver on this machine). Outside those, never this machine or a private network
written as a number, so a webhook cannot be used to reach what the server itself can.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings

EXAMPLE = "https://example.org/coplan-events"


def address_problem(url: str) -> str:
    """What is wrong with `url` as a webhook's address, or "" if nothing is."""
    url = url.strip()
    if not url:
        return "Enter the address to send events to"
    if any(character.isspace() for character in url):
        return f"The address must not contain spaces, like {EXAMPLE}"
    if any(not character.isprintable() for character in url):
        return f"Enter a full web address, like {EXAMPLE}"
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"Enter a full web address, like {EXAMPLE}"
    allowed = ("https", "http") if settings.WEBHOOKS_HTTP_ALLOWED else ("https",)
    if parts.scheme.lower() not in allowed:
        return f"Enter an address that starts with https://, like {EXAMPLE}"
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return f"Enter a full web address, like {EXAMPLE}"
    if not host or ("." not in host and host != "localhost"):
        return f"Enter a full web address, like {EXAMPLE}"
    if parts.username or parts.password:
        return "Leave out any user name and password: the secret shows the events come from us"
    if parts.fragment:
        return "Leave out the part after #: it is never sent"
    if not settings.WEBHOOKS_HTTP_ALLOWED and _inside(host):
        return "Enter an address on the internet, not on this server or a private network"
    return ""


def _inside(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not address.is_global
