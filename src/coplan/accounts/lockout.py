"""Who may try to sign in, decided with django-axes (decision 0014).

django-axes records each failed try (an `AccessAttempt` row per account, address and
browser, its count raised atomically in the database) and checks every call to
`authenticate()`, the admin's included. Its own rule is one limit over one key; ours
has three, each with its own limit within the lock-out window:

- the pair (this account from this address): `SIGN_IN_MAX_FAILURES`, the person's own
  mistyping;
- the account from any address: `SIGN_IN_MAX_FAILURES_PER_ACCOUNT`, someone guessing
  one person's password from many places;
- the address for any account: `SIGN_IN_MAX_FAILURES_PER_ADDRESS`, someone trying many
  accounts from one place, set high enough for a council office behind one address.

Tries at once are taken one after another (`sign_in_turn` in services), so thirty
simultaneous wrong passwords are checked no more times than the limit allows.
"""

import datetime
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.http import HttpRequest
from django.utils import timezone

from coplan.accounts.models import normalise_email


def account_of(request: HttpRequest | None, credentials: dict | None = None) -> str:
    """The account a try is for: the email address, written the one way we keep it."""
    email = (credentials or {}).get("email") or (credentials or {}).get("username")
    if not email and request is not None:
        email = request.POST.get("email") or request.POST.get("username")
    return normalise_email(email or "")[:254]


def address_of(request: HttpRequest) -> str | None:
    """The address a try comes from. Behind a proxy (`SIGN_IN_PROXY_COUNT` of them, each
    adding to X-Forwarded-For), the address the nearest trusted proxy saw; anything that
    is not an address counts as the connection's own."""
    proxies = settings.SIGN_IN_PROXY_COUNT
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies and _is_address(forwarded[-proxies]):
            return forwarded[-proxies]
    connected = request.META.get("REMOTE_ADDR", "")
    return connected if _is_address(connected) else None


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES)


def _recent() -> QuerySet[AccessAttempt]:
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - _window())


def locked_until(*, account: str, address: str | None) -> datetime.datetime | None:
    """When tries for this account from this address may start again, or None if they
    may now: the latest failure of the first limit reached, plus the window."""
    recent = _recent()
    limits = (
        (recent.filter(username=account, ip_address=address), settings.SIGN_IN_MAX_FAILURES),
        (recent.filter(username=account), settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT),
        (recent.filter(ip_address=address), settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS),
    )
    ends = []
    for attempts, limit in limits:
        found = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        if (found["failures"] or 0) >= limit:
            ends.append(found["last"] + _window())
    return max(ends) if ends else None


class SignInLockoutHandler(AxesDatabaseHandler):
    """axes' database handler with our three limits deciding the lock."""

    def is_locked(self, request, credentials=None) -> bool:
        return (
            locked_until(account=account_of(request, credentials), address=address_of(request))
            is not None
        )
