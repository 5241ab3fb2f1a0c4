"""The pages for API tokens: a person's own, on "Your account", and an organisation
admin's list of its staff's tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coplan.api import rules, selectors, services
from coplan.api.forms import AccessTokenForm
from coplan.api.presenters import token_status
from coplan.core.http import or_404, page_status, posted, save_form
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page

NEW_TOKEN = "api_new_token"  # noqa: S105 (a session key)


def _account_page(request: HttpRequest, template: str, **context) -> HttpResponse:
    shown = {
        "nav_section": "account",
        "back": reverse("api:tokens"),
        "token_status": token_status,
        **context,
    }
    return render(request, template, shown, status=page_status(shown))


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """Your API tokens: each with its name, what it may do, until when, and when it was
    last used; a token just made is shown once, here."""
    return _account_page(
        request,
        "api/tokens.html",
        tokens=list(selectors.access_tokens_of(user=request.user)),
        new_token=request.session.pop(NEW_TOKEN, None),
        back=reverse("accounts:your_account"),
        back_text="Your account",
    )


@login_required
def token_add(request: HttpRequest) -> HttpResponse:
    form = AccessTokenForm(posted(request))

    def make() -> services.NewToken:
        made = services.access_token_create(user=request.user, **form.cleaned_data)
        request.session[NEW_TOKEN] = {"name": made.access_token.name, "token": made.token}
        return made

    if save_form(request, form, make, lambda made: f"You have made ‘{made.access_token.name}’."):
        return redirect("api:tokens")
    return _account_page(
        request,
        "core/layout-form.html",
        form=form,
        heading="Make an API token",
        intro=[
            "A token lets another system (your CRM, a dashboard, a website) use the "
            "Co-production Planner as you. It sees only what you see on the pages.",
            "We show the token once. Keep it somewhere safe, like a password.",
        ],
        button="Make the token",
    )


@login_required
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    access_token = or_404(selectors.access_token_of(user=request.user, token_id=token_id))
    if request.method == "POST" and rules.may_revoke_own(request.user, access_token):
        services.access_token_revoke(access_token=access_token, by=request.user)
        messages.success(request, f"‘{access_token.name}’ no longer works.")
        return redirect("api:tokens")
    return _account_page(
        request,
        "api/revoke.html",
        heading="Stop this token working?",
        access_token=access_token,
        intro=["Any system that uses it will no longer get in. You cannot undo this."],
    )


@organisation_admin_view
def staff_tokens(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    """The API tokens of everyone on the organisation's staff, for its admins."""
    return organisation_page(
        request,
        staff_membership,
        "api/staff_tokens.html",
        token_status=token_status,
        tokens=list(selectors.staff_access_tokens(organisation=staff_membership.organisation)),
    )


@organisation_admin_view
@require_POST
def staff_token_revoke(
    request: HttpRequest, staff_membership: StaffMembership, token_id: int
) -> HttpResponse:
    organisation = staff_membership.organisation
    access_token = or_404(
        selectors.staff_access_token(organisation=organisation, token_id=token_id)
    )
    if rules.may_revoke_as_admin(staff_membership, access_token):
        services.access_token_revoke(access_token=access_token, by=request.user)
        messages.success(
            request, f"{access_token.user}’s token ‘{access_token.name}’ no longer works."
        )
    return redirect("api:staff_tokens", organisation_id=organisation.pk)
