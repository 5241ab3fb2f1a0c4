"""Sending one request to a webhook's address, and only to the address that was checked.

The host name is looked up once (`socket.getaddrinfo`). If any address it gives leads to
this server or a private network (`addresses.leads_inside`), nothing is sent, unless
settings.WEBHOOKS_PRIVATE_ALLOWED. Otherwise the connection is made to the addresses
checked ("pinned"), in the order looked up, the next one only if no connection could be
made to the one before: the URL given to `requests` holds the number, while the Host
header, the name sent for TLS (SNI) and the certificate check use the name. So a name
whose answer changes between the check and the connection (DNS rebinding) cannot lead
inside.

With settings.WEBHOOKS_PROXY everything goes through that proxy instead: the proxy looks
the name up and connects, so the proxy must refuse private networks itself.

Nothing is taken from the environment (`trust_env` off): no HTTPS_PROXY, no .netrc.
Imported only when sending, never by a web worker (tests/core/test_worker_memory.py):
`requests` is large.
"""

import contextlib
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import requests
import urllib3
from django.conf import settings
from requests.adapters import HTTPAdapter

from coplan.webhooks.addresses import leads_inside


class NotSentError(Exception):
    """Why nothing was sent, in plain words for the delivery log."""


def checked_addresses(name: str, port: int) -> list[str]:
    """The addresses host `name` is looked up as, in the order to try them, if none of them
    leads inside (or that is allowed)."""
    try:
        found = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        found = []
    addresses = list(dict.fromkeys(str(sockaddr[0]) for *_, sockaddr in found))
    if not addresses:
        raise NotSentError(f"Could not find {name}: check the address")
    inside = [address for address in addresses if leads_inside(address)]
    if inside and not settings.WEBHOOKS_PRIVATE_ALLOWED:
        raise NotSentError(
            f"The address leads to this server or a private network: {name} is "
            f"{', '.join(inside)}. We send only to addresses on the internet"
        )
    return addresses


class _PinnedAdapter(HTTPAdapter):
    """Connects to the number in the URL, but for https sends `name` for TLS (SNI) and
    checks the certificate against it, as if the URL held the name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(max_retries=0)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = self.name
        return host_params, pool_kwargs


def _to(request: requests.PreparedRequest, address: str) -> requests.PreparedRequest:
    """`request` sent to `address`, its Host header still the name."""
    parts = urlsplit(request.url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = f"[{address}]" if ":" in address else address
    pinned = request.copy()
    pinned.url = parts._replace(netloc=f"{host}:{port}").geturl()
    pinned.headers["Host"] = parts.netloc.rpartition("@")[2]
    return pinned


def _not_connected(problem: requests.exceptions.ConnectionError) -> bool:
    """Whether no connection was made (refused, unreachable, timed out), so nothing was
    sent and the next address can be tried without sending the event twice."""
    reason = getattr(problem.args[0] if problem.args else None, "reason", None)
    return isinstance(reason, urllib3.exceptions.ConnectTimeoutError)  # NewConnectionError too


@contextlib.contextmanager
def post(
    url: str, *, data: bytes, headers: dict[str, str], timeout: float
) -> Iterator[requests.Response]:
    """POST once: no redirect followed, the answer's body not read. Raises NotSentError, or
    what `requests` raises."""
    sent = {"timeout": timeout, "allow_redirects": False, "stream": True}
    with requests.Session() as session:
        session.trust_env = False
        request = session.prepare_request(requests.Request("POST", url, data=data, headers=headers))
        if settings.WEBHOOKS_PROXY:
            session.proxies = {"http": settings.WEBHOOKS_PROXY, "https": settings.WEBHOOKS_PROXY}
            with session.send(request, **sent) as response:
                yield response
            return
        parts = urlsplit(request.url)
        name = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = checked_addresses(name, port)
        adapter = _PinnedAdapter(name)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        for address in addresses:
            try:
                response = session.send(_to(request, address), **sent)
                break
            except requests.exceptions.ConnectionError as problem:
                if address == addresses[-1] or not _not_connected(problem):
                    raise
        with response:
            yield response
