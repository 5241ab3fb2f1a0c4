from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted, save_form
from coplan.organisations import selectors, services
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.forms import StaffMemberForm
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page


@organisation_admin_view
def staff(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    return organisation_page(
        request,
        staff_membership,
        "organisations/staff.html",
        staff=list(selectors.organisation_staff(organisation=organisation)),
    )


@organisation_admin_view
def staff_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    form = StaffMemberForm(posted(request))

    def add() -> services.AddedStaff:
        return services.staff_member_add(
            organisation=organisation, added_by=request.user, **form.cleaned_data
        )

    if save_form(request, form, add, _staff_added):
        return redirect("organisations:staff", organisation_id=organisation.pk)
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Add a member of staff",
        button="Add to staff",
        back=reverse("organisations:staff", kwargs={"organisation_id": organisation.pk}),
    )


def _staff_added(added: services.AddedStaff) -> str:
    note = " We have emailed them a link to set a password." if added.new_account else ""
    return f"{added.staff_membership.user.email} is now on the staff.{note}"


def _staff_change(request, staff_membership, staff_membership_id, change) -> HttpResponse:
    organisation = staff_membership.organisation
    member = or_404(
        selectors.organisation_staff_member(
            organisation=organisation, staff_membership_id=staff_membership_id
        )
    )
    try:
        message = change(member)
    except services.OrganisationRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect("organisations:staff", organisation_id=organisation.pk)


@organisation_admin_view
@require_POST
def staff_set_admin(
    request: HttpRequest, staff_membership: StaffMembership, staff_membership_id: int
) -> HttpResponse:
    make_admin = request.POST.get("is_admin") == "yes"

    def change(member: StaffMembership) -> str:
        services.staff_member_set_admin(staff_membership=member, is_admin=make_admin)
        what = "is now an organisation admin" if make_admin else "is no longer an admin"
        return f"{member.user.full_name} {what}."

    return _staff_change(request, staff_membership, staff_membership_id, change)


@organisation_admin_view
@require_POST
def staff_remove(
    request: HttpRequest, staff_membership: StaffMembership, staff_membership_id: int
) -> HttpResponse:
    def change(member: StaffMembership) -> str:
        services.staff_member_remove(staff_membership=member)
        return f"{member.user.full_name} is no longer on the staff."

    return _staff_change(request, staff_membership, staff_membership_id, change)


@organisation_admin_view
@require_POST
def staff_two_step(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    """Ask all staff to use two-step sign-in, or stop asking (admins and finance still do)."""
    organisation = staff_membership.organisation
    asked = request.POST.get("staff_two_step") == "yes"
    services.organisation_staff_two_step_set(organisation=organisation, asked=asked)
    messages.success(
        request,
        "All staff now use two-step sign-in the next time they sign in."
        if asked
        else "Staff choose for themselves. Admins and finance still use two-step sign-in.",
    )
    return redirect("organisations:staff", organisation_id=organisation.pk)


@organisation_admin_view
@require_POST
def staff_two_step_reset(
    request: HttpRequest, staff_membership: StaffMembership, staff_membership_id: int
) -> HttpResponse:
    """For someone who lost their phone and their recovery codes: they set it up again."""

    def change(member: StaffMembership) -> str:
        services.staff_member_two_step_reset(staff_membership=member)
        return (
            f"{member.user.full_name}'s two-step sign-in is reset. They set it up again the "
            "next time they sign in."
        )

    return _staff_change(request, staff_membership, staff_membership_id, change)
