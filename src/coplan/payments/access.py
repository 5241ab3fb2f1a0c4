"""Organisation pages for paying people are reached through the person's staff
membership of the organisation: the one path in `coplan.organisations.access` (anyone
not on its staff gets "page not found"). Changing the policy is for the organisation's
admins (`organisation_admin_view`)."""

from coplan.organisations.access import organisation_staff_view

__all__ = ["organisation_staff_view"]
