from collections.abc import Callable, Mapping
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, QueryDict

from coplan.core.errors import RuleError

Found = TypeVar("Found")
Saved = TypeVar("Saved")
View = TypeVar("View", bound=Callable)

# What a page accepts: read it, send a form. OPTIONS is answered for every page by
# coplan.core.middleware.HttpMethodsMiddleware, and any other method gets 405 there.
PAGE_METHODS = ("GET", "HEAD", "POST")


def accepts_methods(*methods: str) -> Callable[[View], View]:
    """For a view that takes other methods than a page does (an API's PUT, PATCH and
    DELETE): it gets exactly the methods listed, and answers each itself."""

    def mark(view: View) -> View:
        view.accepted_methods = tuple(method.upper() for method in methods)
        return view

    return mark


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


def page_status(context: Mapping) -> int:
    """400 when a page shows a form that was sent with mistakes, else 200."""
    for value in context.values():
        if isinstance(value, forms.BaseForm) and value.is_bound and value.errors:
            return 400
    return 200


def save_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Saved],
    message: str | Callable[[Saved], str],
) -> bool:
    """Whether a sent form was saved: on a POST whose form is valid, `save()` and
    say `message` (or `message(what save returned)`) on the next page.

    A `RuleError` from `save()` goes onto the form (`RuleError.add_to`) instead,
    and nothing is said: the view shows the form again.
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        saved = save()
    except RuleError as error:
        error.add_to(form)
        return False
    messages.success(request, message(saved) if callable(message) else message)
    return True
