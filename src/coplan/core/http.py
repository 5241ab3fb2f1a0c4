from typing import TypeVar

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

Found = TypeVar("Found")


def or_404(found: Found | None) -> Found:
    """A selector's answer, or "page not found" when it found nothing."""
    if found is None:
        raise Http404
    return found


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted form data, even if empty; None when nothing was submitted.

    (`posted(request)` would treat an empty submission as no submission.)
    """
    return request.POST if request.method == "POST" else None


def remove_page(
    request: HttpRequest,
    context: dict,
    *,
    heading: str,
    thing: str,
    back: str,
    button: str = "Yes, remove it",
    cannot_undo: bool = False,
) -> HttpResponse:
    """The page that asks "Remove this?" before a project's page removes something.

    `context` is the app's own page context (project, navigation); `back` is where
    "No, keep it" goes.
    """
    extra = {"heading": heading, "thing": thing, "back": back, "button": button}
    return render(request, "core/remove.html", {**context, **extra, "cannot_undo": cannot_undo})
