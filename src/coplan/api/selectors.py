import hashlib
import hmac

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from coplan.api.models import AccessToken
from coplan.organisations.models import Organisation

TOKEN_START = "coplan_"  # noqa: S105 (how every token begins, not a secret)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_prefix(token: str) -> str | None:
    """The part of a token that finds its row: "coplan_<prefix>_<secret>"."""
    if not token.startswith(TOKEN_START):
        return None
    prefix, _, secret = token[len(TOKEN_START) :].partition("_")
    return prefix if prefix and secret else None


def access_tokens_of(*, user: AbstractBaseUser) -> QuerySet[AccessToken]:
    """A person's tokens, newest first, revoked ones too (one query)."""
    return AccessToken.objects.filter(user=user).order_by("-created_at", "-pk")


def access_token_of(*, user: AbstractBaseUser, token_id: int) -> AccessToken | None:
    return AccessToken.objects.filter(user=user, pk=token_id).first()


def access_token_for(*, token: str) -> AccessToken | None:
    """The token row for a token as sent (its owner with it), whether or not it still
    works; None for anything we did not make. One query."""
    prefix = token_prefix(token)
    if prefix is None:
        return None
    found = AccessToken.objects.filter(prefix=prefix).select_related("user").first()
    if found is None or not hmac.compare_digest(found.token_hash, token_hash(token)):
        return None
    return found


def staff_access_tokens(*, organisation: Organisation) -> QuerySet[AccessToken]:
    """The tokens of everyone on the organisation's staff, newest first (one query)."""
    return (
        AccessToken.objects.filter(user__staff_memberships__organisation=organisation)
        .select_related("user", "revoked_by")
        .order_by("-created_at", "-pk")
    )


def staff_access_token(*, organisation: Organisation, token_id: int) -> AccessToken | None:
    return staff_access_tokens(organisation=organisation).filter(pk=token_id).first()
