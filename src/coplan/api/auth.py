"""Who is asking: a personal access token sent as `Authorization: Bearer coplan_...`."""

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from coplan.api import selectors, services
from coplan.api.models import AccessToken
from coplan.api.problems import ApiProblemError


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> AccessToken | None:
        access_token = selectors.access_token_for(token=token.strip())
        if access_token is None:
            raise ApiProblemError(401, "We do not know this token. Check you copied all of it.")
        now = timezone.now()
        if access_token.revoked_at is not None:
            raise ApiProblemError(
                401, "This token has been stopped. Make a new one on Your account."
            )
        if access_token.expires_at <= now:
            raise ApiProblemError(401, "This token has expired. Make a new one on Your account.")
        if not access_token.user.is_active:
            raise ApiProblemError(401, "The account this token belongs to is closed.")
        if not services.access_token_use(access_token=access_token, now=now):
            wait = services.seconds_to_next_minute(now)
            raise ApiProblemError(
                429,
                f"This token has made too many requests this minute. Try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )
        request.access_token_prefix = access_token.prefix
        return access_token
