from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from coplan.organisations.models import Organisation, StaffMembership


def organisations_for_staff(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The organisations this person works for, so can start projects in."""
    return Organisation.objects.filter(staff_memberships__user=user).order_by("name")


def organisations_administered(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        staff_memberships__user=user, staff_memberships__is_admin=True
    ).order_by("name")


def staff_membership(*, user: AbstractBaseUser, organisation_id: int) -> StaffMembership | None:
    if not user.is_authenticated:
        return None
    return (
        StaffMembership.objects.filter(user=user, organisation_id=organisation_id)
        .select_related("organisation")
        .first()
    )


def organisation_staff(*, organisation: Organisation) -> QuerySet[StaffMembership]:
    return (
        StaffMembership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def organisation_staff_member(
    *, organisation: Organisation, staff_membership_id: int
) -> StaffMembership | None:
    return (
        StaffMembership.objects.filter(organisation=organisation, pk=staff_membership_id)
        .select_related("user")
        .first()
    )
