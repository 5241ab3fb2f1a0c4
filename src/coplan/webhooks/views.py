"""An organisation admin's webhook pages (only admins: `organisation_admin_view`)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from coplan.core.errors import RuleError
from coplan.core.http import or_404, posted, save_form
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.webhooks import presenters, selectors, services
from coplan.webhooks.forms import WebhookChangeForm, WebhookForm
from coplan.webhooks.models import Webhook


def _list_url(staff_membership: StaffMembership) -> str:
    return reverse(
        "webhooks:webhooks", kwargs={"organisation_id": staff_membership.organisation_id}
    )


def _url(name: str, webhook: Webhook, **kwargs) -> str:
    return reverse(
        f"webhooks:{name}",
        kwargs={"organisation_id": webhook.organisation_id, "webhook_id": webhook.pk, **kwargs},
    )


def _found(staff_membership: StaffMembership, webhook_id: int) -> Webhook:
    return or_404(
        selectors.webhook(organisation_id=staff_membership.organisation_id, webhook_id=webhook_id)
    )


@organisation_admin_view
def webhooks(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    return organisation_page(
        request,
        staff_membership,
        "webhooks/webhooks.html",
        webhooks=list(selectors.webhooks(organisation_id=staff_membership.organisation_id)),
        event_labels=selectors.event_labels,
        webhook_tag=presenters.webhook_tag,
        back=reverse("projects:list"),
    )


def _secret_page(request, staff_membership, made: services.WebhookMade, heading: str):
    """The secret, shown this once: answered to the POST itself, never kept to show later."""
    return organisation_page(
        request,
        staff_membership,
        "webhooks/secret.html",
        heading=heading,
        webhook=made.webhook,
        secret=made.secret,
    )


@organisation_admin_view
def webhook_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    form = WebhookForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            made = services.webhook_create(
                organisation=staff_membership.organisation, by=request.user, **form.cleaned_data
            )
        except RuleError as error:
            error.add_to(form)
        else:
            return _secret_page(request, staff_membership, made, "Webhook set up")
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Set up a webhook",
        intro=[
            "We send a message to your own system each time one of the events you choose "
            "happens in a project of your organisation. It holds ids, amounts, dates and "
            "published words, never anyone's name, contact details, access needs or bank "
            "details."
        ],
        button="Set up the webhook",
        back=_list_url(staff_membership),
    )


@organisation_admin_view
def webhook(request: HttpRequest, staff_membership: StaffMembership, webhook_id: int):
    found = _found(staff_membership, webhook_id)
    return organisation_page(
        request,
        staff_membership,
        "webhooks/webhook.html",
        webhook=found,
        events=selectors.event_labels(found.events),
        deliveries=selectors.delivery_log(webhook=found),
        log_length=selectors.LOG_LENGTH,
        presenters=presenters,
        back=_list_url(staff_membership),
    )


@organisation_admin_view
def webhook_edit(request: HttpRequest, staff_membership: StaffMembership, webhook_id: int):
    found = _found(staff_membership, webhook_id)
    form = WebhookChangeForm(
        posted(request),
        initial={"url": found.url, "events": found.events, "active": found.active},
    )
    here = _url("webhook", found)
    if save_form(
        request,
        form,
        lambda: services.webhook_update(webhook=found, **form.cleaned_data),
        "The webhook has been changed.",
    ):
        return redirect(here)
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Change the webhook",
        button="Save the changes",
        back=here,
    )


@organisation_admin_view
def webhook_remove(request: HttpRequest, staff_membership: StaffMembership, webhook_id: int):
    found = _found(staff_membership, webhook_id)
    if request.method == "POST":
        services.webhook_remove(webhook=found)
        messages.success(request, f"We no longer send events to {found.url}.")
        return redirect(_list_url(staff_membership))
    return organisation_page(
        request,
        staff_membership,
        "webhooks/remove.html",
        heading="Remove this webhook?",
        thing=found.url,
        intro=["We stop sending events to it, and its delivery log goes too."],
        back=_url("webhook", found),
    )


@organisation_admin_view
@require_POST
def webhook_test(request: HttpRequest, staff_membership: StaffMembership, webhook_id: int):
    found = _found(staff_membership, webhook_id)
    services.webhook_test_send(webhook=found)
    messages.success(
        request,
        "We are sending a test event. Refresh this page in a moment to see what your "
        "system answered.",
    )
    return redirect(_url("webhook", found))


@organisation_admin_view
@require_POST
def webhook_secret_renew(request: HttpRequest, staff_membership: StaffMembership, webhook_id: int):
    made = services.webhook_secret_renew(webhook=_found(staff_membership, webhook_id))
    return _secret_page(request, staff_membership, made, "New secret made")


@organisation_admin_view
def delivery(
    request: HttpRequest, staff_membership: StaffMembership, webhook_id: int, delivery_id: int
) -> HttpResponse:
    found = _found(staff_membership, webhook_id)
    sent = or_404(selectors.delivery(webhook=found, delivery_id=delivery_id))
    return organisation_page(
        request,
        staff_membership,
        "webhooks/delivery.html",
        webhook=found,
        delivery=sent,
        tag=presenters.delivery_tag(sent),
        event=presenters.event_words(sent.event),
        body=presenters.body_shown(sent),
        back=_url("webhook", found),
    )
