"""Who may do what with webhooks: only an organisation's admins set them up, change them,
send a test event or read the delivery log (the views use
`organisations.access.organisation_admin_view`, which asks this)."""

from coplan.organisations import rules as organisation_rules
from coplan.organisations.models import StaffMembership


def may_manage_webhooks(staff_membership: StaffMembership) -> bool:
    return organisation_rules.may_manage_staff(staff_membership)
