"""Which addresses a webhook may send to, in plain words.

Only https, so the events and their signatures cannot be read or changed on the way;
plain http only where settings.WEBHOOKS_HTTP_ALLOWED (DEBUG, and tests that start a
receiver on this machine). Never this machine or a private network, so a webhook cannot
be used to reach what the server itself can, unless settings.WEBHOOKS_PRIVATE_ALLOWED
(DEBUG, the same tests, or an installation whose receivers are inside its own network).
The form refuses such an address written as a number or as `localhost`; a name is looked
up, checked with `leads_inside` and sent to only at the address checked when it is sent
(`sending`).
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings

EXAMPLE = "https://example.org/coplan-events"
# NAT64 (RFC 6052): an IPv6 address that a gateway turns into the IPv4 address inside it.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


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
    if not settings.WEBHOOKS_PRIVATE_ALLOWED and _inside(host):
        return "Enter an address on the internet, not on this server or a private network"
    return ""


def _inside(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return leads_inside(host.strip("[]"))
    except ValueError:
        return False


def leads_inside(address: str) -> bool:
    """Whether the IP address `address` is not on the internet: this machine, a private
    network, link-local (where cloud servers read their metadata, 169.254.169.254),
    shared, reserved, multicast, or an IPv6 address that carries such an IPv4 one."""
    ip = ipaddress.ip_address(address)
    carried = [ip]
    if ip.version == 6:
        carried += [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
        if ip in NAT64:
            carried.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return any(not one.is_global or one.is_multicast for one in carried if one is not None)
