"""What the API app adds to what other apps share (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.accounts.registries import ACCOUNT_LINKS


def api_token_links(user) -> list[tuple[str, str]]:
    return [("API tokens, for linking other systems", reverse("api:tokens"))]


def register() -> None:
    ACCOUNT_LINKS.register("api_tokens", api_token_links, order=50)
