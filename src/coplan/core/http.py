from typing import TypeVar

from django.http import Http404, HttpRequest, QueryDict

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
