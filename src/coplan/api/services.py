import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import F
from django.utils import timezone

from coplan.api.models import AccessToken, Scope
from coplan.api.selectors import TOKEN_START, token_hash
from coplan.core.errors import RuleError

# How long a token may last, in days, as offered on the page.
EXPIRY_CHOICES = (30, 90, 365)


@dataclass(frozen=True)
class NewToken:
    """A token just made: `token` is the only time its words exist outside the caller."""

    access_token: AccessToken
    token: str


def access_token_create(
    *, user: AbstractBaseUser, name: str, scope: str, days: int, now=None
) -> NewToken:
    if days not in EXPIRY_CHOICES:
        raise RuleError("Choose how long the token lasts", field="days")
    if scope not in Scope.values:
        raise RuleError("Choose what the token may do", field="scope")
    now = now or timezone.now()
    prefix = secrets.token_hex(4)
    while AccessToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    token = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    access_token = AccessToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        token_hash=token_hash(token),
        scope=scope,
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    return NewToken(access_token, token)


def access_token_revoke(*, access_token: AccessToken, by: AbstractBaseUser) -> AccessToken:
    """Stop the token working at once (nothing happens to one already revoked)."""
    if access_token.revoked_at is None:
        access_token.revoked_at = timezone.now()
        access_token.revoked_by = by
        access_token.save(update_fields=["revoked_at", "revoked_by"])
    return access_token


def access_token_use(*, access_token: AccessToken, now=None) -> bool:
    """Count one request on the token and note when it was last used: False when the
    token has made `API_RATE_LIMIT_PER_MINUTE` requests this minute already (then
    nothing is counted). One or two queries; tokens used at once by several workers
    share the count, as each update adds to the row in the database."""
    now = now or timezone.now()
    minute = now.replace(second=0, microsecond=0)
    rows = AccessToken.objects.filter(pk=access_token.pk)

    def count_in_this_minute() -> bool:
        return bool(
            rows.filter(
                minute_started_at=minute, minute_requests__lt=settings.API_RATE_LIMIT_PER_MINUTE
            ).update(minute_requests=F("minute_requests") + 1, last_used_at=now)
        )

    if count_in_this_minute():
        return True
    if rows.exclude(minute_started_at=minute).update(
        minute_started_at=minute, minute_requests=1, last_used_at=now
    ):
        return True
    # This minute's requests are used up, or another request began the minute just now.
    return count_in_this_minute()


def seconds_to_next_minute(now=None) -> int:
    now = now or timezone.now()
    return 60 - now.second
