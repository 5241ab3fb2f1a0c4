from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coplan.core.http import posted
from coplan.notifications import selectors, services
from coplan.notifications.forms import ChoicesForm, NotifyAccountForm
from coplan.notifications.kinds import kinds_always_sent
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership


@login_required
def updates(request: HttpRequest) -> HttpResponse:
    page = selectors.updates_page(user=request.user, page=request.GET.get("page"))
    shown = list(page.object_list)
    new = {update.pk for update in shown if update.seen_at is None}
    services.updates_mark_seen(user=request.user, updates=shown)
    return render(
        request,
        "notifications/updates.html",
        {"page": page, "updates": shown, "new": new, "nav_section": "updates"},
    )


@login_required
def choices(request: HttpRequest) -> HttpResponse:
    form = ChoicesForm(posted(request), chosen=selectors.deliveries_chosen(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.choices_save(user=request.user, chosen=form.cleaned_data)
        messages.success(request, "We have saved what we send you.")
        return redirect("notifications:choices")
    return render(
        request,
        "notifications/choices.html",
        {
            "form": form,
            "always": kinds_always_sent(),
            "contact_choices": selectors.contact_choices(user=request.user),
            "nav_section": "account",
        },
    )


@organisation_admin_view
def notify_account(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    account = selectors.notify_account(organisation_id=organisation.pk)
    if request.method == "POST" and "remove" in request.POST:
        services.notify_account_remove(organisation=organisation)
        messages.success(request, "We will no longer send texts or letters through GOV.UK Notify.")
        return redirect("notifications:notify_account", organisation_id=organisation.pk)
    form = NotifyAccountForm(
        posted(request),
        has_key=account is not None,
        initial={
            "text_template_id": account.text_template_id if account else "",
            "letter_template_id": account.letter_template_id if account else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.notify_account_save(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except services.NotifyAccountError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "GOV.UK Notify is set up: we will send texts and letters.")
            return redirect("notifications:notify_account", organisation_id=organisation.pk)
    return render(
        request,
        "notifications/notify_account.html",
        {
            "organisation": organisation,
            "account": account,
            "form": form,
            "nav_section": "projects",
        },
    )
