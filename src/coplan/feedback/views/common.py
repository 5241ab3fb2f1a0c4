"""What every feedback page shares: its place in the project's menu, its own
menu, and forms whose words are checked before they are saved."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.errors import RuleError
from coplan.feedback import rules
from coplan.feedback.models import FeedbackForm
from coplan.plain_words.presenters import report_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section, SubPage
from coplan.working_together import selectors as working_together_selectors

SECTION = Section(
    "feedback",
    namespace="feedback",
    label="Feedback",
    sub_pages=(
        SubPage("home", "At a glance"),
        SubPage("give", "Give feedback"),
        SubPage(
            "forms",
            "Feedback forms",
            permission=rules.VIEW_FEEDBACK,
            also=("form", "results", "results_words"),
        ),
        SubPage("you_said_we_did", "You said, we did", also=("send",)),
        SubPage("reflections", "Self-reflection", also=("reflection",)),
        SubPage("lessons", "Lessons for next time"),
    ),
    context=lambda membership: {
        "can_view_forms": membership.may(rules.VIEW_FEEDBACK),
        "can_manage": membership.may(rules.MANAGE_FEEDBACK),
    },
)

# The button that saves words as they are, whatever the wording check found.
KEEP_WORDING = "keep_wording"
WORDING_FORM_TEMPLATE = "feedback/wording_form.html"


def form_url(membership: Membership, form: FeedbackForm) -> str:
    return SECTION.url("form", membership, form_id=form.pk)


def pdf(content: bytes, name: str) -> HttpResponse:
    """A PDF to open in the browser, named `name`.pdf."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def _wording(
    request: HttpRequest, membership: Membership, texts: dict[str, tuple[str, str]]
) -> dict:
    """The wording check's findings on words people will read, for each field
    (name: (words, mode)); none once the person has said to keep the words."""
    if KEEP_WORDING in request.POST:
        return {}
    allowed = working_together_selectors.defined_words(project=membership.project)
    found = {}
    for name, (text, mode) in texts.items():
        checked = report_view(text, mode=mode, allowed=allowed)
        if checked.findings:
            found[name] = checked
    return found


def wording_form_flow(
    request: HttpRequest,
    membership: Membership,
    form: forms.BaseForm,
    *,
    words: Callable[[], dict[str, tuple[str, str]]],
    save: Callable[[], Any],
    saved: str | Callable[[Any], str],
    back: str,
    done: str | Callable[[Any], str] | None = None,
    **page,
) -> HttpResponse:
    """`SECTION.form_flow` for words people will read: once the form is valid,
    the wording check looks at `words()` (field name: (words, mode)). It is saved
    straight away when there is nothing to look at; otherwise the form is shown
    again with the findings, and saved as it is if the person says so. `done`
    may be a function of what `save()` returned."""
    checked = {}
    if request.method == "POST" and form.is_valid():
        checked = _wording(request, membership, words())
        if not checked:
            try:
                result = save()
            except RuleError as error:
                error.add_to(form)
            else:
                messages.success(request, saved(result) if callable(saved) else saved)
                return redirect(done(result) if callable(done) else done or back)
    return SECTION.form_page(
        request,
        membership,
        form,
        back=back,
        template=WORDING_FORM_TEMPLATE,
        checked=checked,
        **page,
    )
