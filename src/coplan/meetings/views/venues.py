"""The organisation's venue library and its accessibility check, and the least
notice for meetings: organisation pages, reached through the staff membership
(`organisations.access.organisation_staff_view`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import or_404, posted, save_form
from coplan.meetings import rules, selectors, services
from coplan.meetings.forms import AUDIT_QUESTIONS, NoticePolicyForm, VenueForm, venue_initial
from coplan.meetings.presenters import VenuePresenter
from coplan.meetings.views.base import venues_url
from coplan.organisations.access import organisation_staff_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page


def _may_change_venues(request: HttpRequest, staff_membership: StaffMembership) -> bool:
    return rules.may_change_venues(
        staff_membership,
        leads_a_project=selectors.leads_a_project(
            user=request.user, organisation=staff_membership.organisation
        ),
    )


@organisation_staff_view
def venues(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    return organisation_page(
        request,
        staff_membership,
        "meetings/venues.html",
        venues=[VenuePresenter(v) for v in selectors.venues(organisation=organisation)],
        can_change=_may_change_venues(request, staff_membership),
        can_set_notice=rules.may_set_notice(staff_membership),
        policy=selectors.meetings_policy(organisation=organisation),
    )


@organisation_staff_view
def venue(request: HttpRequest, staff_membership: StaffMembership, venue_id: int) -> HttpResponse:
    found = or_404(selectors.venue(organisation=staff_membership.organisation, venue_id=venue_id))
    return organisation_page(
        request,
        staff_membership,
        "meetings/venue.html",
        venue=VenuePresenter(found),
        can_change=_may_change_venues(request, staff_membership),
        back=venues_url(staff_membership.organisation_id),
        back_text="All venues",
    )


def _venue_form(request, staff_membership, form, *, save, saved, heading, button, back):
    """The venue form: once saved, on to the venue's page."""
    if request.method == "POST" and form.is_valid():
        try:
            found = save()
        except services.MeetingRuleError as error:
            error.add_to(form)
        else:
            messages.success(request, saved(found))
            return redirect(venues_url(staff_membership.organisation_id, venue_id=found.pk))
    return organisation_page(
        request,
        staff_membership,
        "meetings/venue_form.html",
        form=form,
        heading=heading,
        button=button,
        back=back,
        audit_fields=list(AUDIT_QUESTIONS),
    )


@organisation_staff_view
def venue_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not _may_change_venues(request, staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    form = VenueForm(posted(request))
    return _venue_form(
        request,
        staff_membership,
        form,
        save=lambda: services.venue_create(
            organisation=organisation, created_by=request.user, **form.cleaned_data
        ),
        saved=lambda added: f"{added.name} has been added to the venues.",
        heading="Add a venue",
        button="Add venue",
        back=venues_url(organisation.pk),
    )


@organisation_staff_view
def venue_edit(
    request: HttpRequest, staff_membership: StaffMembership, venue_id: int
) -> HttpResponse:
    if not _may_change_venues(request, staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    found = or_404(selectors.venue(organisation=organisation, venue_id=venue_id))
    form = VenueForm(posted(request), initial=venue_initial(found))
    return _venue_form(
        request,
        staff_membership,
        form,
        save=lambda: services.venue_update(
            venue=found, changed_by=request.user, **form.cleaned_data
        ),
        saved=lambda changed: f"{changed.name} has been saved.",
        heading=f"Change {found.name}",
        button="Save venue",
        back=venues_url(organisation.pk, venue_id=found.pk),
    )


@organisation_staff_view
def notice_policy(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not rules.may_set_notice(staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    policy = selectors.meetings_policy(organisation=organisation)
    form = NoticePolicyForm(posted(request), initial={"notice_days": policy.notice_days})
    back = venues_url(organisation.pk)
    if save_form(
        request,
        form,
        lambda: services.meetings_policy_set(organisation=organisation, **form.cleaned_data),
        "The least notice for meetings has been saved.",
    ):
        return redirect(back)
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Notice of meetings",
        button="Save",
        back=back,
    )
