"""Venue pages are reached through the person's staff membership of the organisation:
the one path in `coplan.organisations.access` (anyone not on the staff gets "page not found")."""

from coplan.organisations.access import organisation_staff_view

__all__ = ["organisation_staff_view"]
