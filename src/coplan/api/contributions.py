"""What the API app adds to what other apps share (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.accounts.registries import ACCOUNT_LINKS
from coplan.api.models import AccessToken
from coplan.people.services import ERASURE


def api_token_links(user) -> list[tuple[str, str]]:
    return [("API tokens, for linking other systems", reverse("api:tokens"))]


def erase(*, person, user) -> None:
    """Their tokens go: a token's name can say who made it."""
    if user is not None:
        AccessToken.objects.filter(user=user).delete()


def register() -> None:
    ACCOUNT_LINKS.register("api_tokens", api_token_links, order=50)
    ERASURE.register("api", erase, order=40)
