from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from coplan.core.http import page_status, posted, save_form
from coplan.notifications import selectors, services
from coplan.notifications.forms import ChoicesForm, NotifyAccountForm
from coplan.notifications.kinds import kinds_always_sent
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page


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
    if save_form(
        request,
        form,
        lambda: services.choices_save(user=request.user, chosen=form.cleaned_data),
        "We have saved what we send you.",
    ):
        return redirect("notifications:choices")
    context = {
        "form": form,
        "always": kinds_always_sent(),
        "contact_choices": selectors.contact_choices(user=request.user),
        "nav_section": "account",
    }
    return render(request, "notifications/choices.html", context, status=page_status(context))


@organisation_admin_view
def notify_account(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    here = reverse("notifications:notify_account", kwargs={"organisation_id": organisation.pk})
    account = selectors.notify_account(organisation_id=organisation.pk)
    if request.method == "POST" and "remove" in request.POST:
        services.notify_account_remove(organisation=organisation)
        messages.success(request, "We will no longer send texts or letters through GOV.UK Notify.")
        return redirect(here)
    form = NotifyAccountForm(
        posted(request),
        has_key=account is not None,
        initial={
            "text_template_id": account.text_template_id if account else "",
            "letter_template_id": account.letter_template_id if account else "",
        },
    )
    if save_form(
        request,
        form,
        lambda: services.notify_account_save(
            organisation=organisation, by=request.user, **form.cleaned_data
        ),
        "GOV.UK Notify is set up: we will send texts and letters.",
    ):
        return redirect(here)
    return organisation_page(
        request,
        staff_membership,
        "notifications/notify_account.html",
        account=account,
        form=form,
        back=reverse("projects:list"),
    )
