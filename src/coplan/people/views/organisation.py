"""The organisation admins' people pages: who has seen or changed access needs, and
how long people's details are kept."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import posted
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.people import presenters, selectors, services
from coplan.people.forms import RetentionForm


@organisation_admin_view
def audit_log(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    return organisation_page(
        request,
        staff_membership,
        "people/audit_log.html",
        page=selectors.audit_entries(
            organisation=staff_membership.organisation, page=request.GET.get("page", 1)
        ),
        where=presenters.audit_where,
    )


@organisation_admin_view
def retention(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    policy = selectors.people_policy(organisation=organisation)
    form = RetentionForm(
        posted(request) if request.POST.get("action") == "policy" else None,
        initial={"retention_months": policy.retention_months},
    )
    if request.method == "POST" and request.POST.get("action") == "anonymise":
        result = services.people_retention_apply(organisation=organisation)
        note = f" {len(result.kept)} could not be: see below." if result.kept else ""
        messages.success(request, f"{len(result.erased)} people have been anonymised.{note}")
        return redirect("people:retention", organisation_id=organisation.pk)
    if request.method == "POST" and form.is_valid():
        services.people_policy_set(
            organisation=organisation, retention_months=form.cleaned_data["retention_months"]
        )
        messages.success(request, "The time we keep people’s details has been saved.")
        return redirect("people:retention", organisation_id=organisation.pk)
    return organisation_page(
        request,
        staff_membership,
        "people/retention.html",
        form=form,
        policy=policy,
        due=selectors.people_past_retention(organisation=organisation),
    )
