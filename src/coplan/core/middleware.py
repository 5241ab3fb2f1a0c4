"""Rules every response follows, set here once so that no page can forget them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PRIVATE = "private, no-store"


class PrivateResponsesMiddleware:
    """Pages with personal data are never kept by a browser, a proxy or a shared computer.

    Every response to a signed-in person is `private, no-store`, as is every page reached
    by a person's own link (a URL with a token: meeting replies and calendars, invitations,
    password resets). Static files are served before this, so they are still cached.
    A view cannot weaken this with its own Cache-Control.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if (user is not None and user.is_authenticated) or (match and "token" in match.kwargs):
            response["Cache-Control"] = PRIVATE
        return response
