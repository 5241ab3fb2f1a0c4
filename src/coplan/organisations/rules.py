"""Who may do what in an organisation: its admins manage its staff."""

from coplan.organisations.models import StaffMembership


def may_manage_staff(staff_membership: StaffMembership) -> bool:
    return staff_membership.is_admin
