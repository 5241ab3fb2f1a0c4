"""Rules every response follows, set here once so that no page can forget them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from coplan.core.http import PAGE_METHODS

PRIVATE = "private, no-store"


class HttpMethodsMiddleware:
    """A page answers GET, HEAD and POST; anything else gets 405 with an Allow header.

    Django runs a function view for any method, so without this a PUT or DELETE would be
    answered as if it were a GET. OPTIONS is answered here with what a page allows. A view
    marked with `coplan.core.http.accepts_methods` (an API) gets exactly what it lists.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        accepted = getattr(view_func, "accepted_methods", None)
        if accepted is not None:
            return None if request.method in accepted else HttpResponseNotAllowed(accepted)
        if request.method in PAGE_METHODS:
            return None
        allowed = [*PAGE_METHODS, "OPTIONS"]
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Allow"] = ", ".join(allowed)
            return response
        return HttpResponseNotAllowed(allowed)


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
