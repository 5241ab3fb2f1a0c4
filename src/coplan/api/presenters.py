from django.utils import timezone

from coplan.api.models import AccessToken
from coplan.core.presenters import Tag


def token_status(access_token: AccessToken, now=None) -> Tag:
    now = now or timezone.now()
    if access_token.revoked_at is not None:
        return Tag("Stopped", "red")
    if access_token.expires_at <= now:
        return Tag("Expired", "grey")
    return Tag("Works", "green")
