from typing import TypeVar

from django.http import Http404

Found = TypeVar("Found")


def or_404(found: Found | None) -> Found:
    """A selector's answer, or "page not found" when it found nothing."""
    if found is None:
        raise Http404
    return found
