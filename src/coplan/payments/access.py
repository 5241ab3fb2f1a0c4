"""The one path to finance's queue of an organisation, for its page and the API: the
person's memberships in the organisation's projects (rules.py says why)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from coplan.organisations import selectors as organisation_selectors
from coplan.payments import rules, selectors
from coplan.projects.models import Membership


def queue_allowed(user, organisation_id: int) -> list[Membership]:
    """The person's memberships in the organisation's projects, if they are finance in
    at least one: else PermissionDenied if they are on its staff or in one of its
    projects, and Http404 for anyone else (the organisation is not there for them)."""
    memberships = selectors.organisation_memberships(user=user, organisation_id=organisation_id)
    if rules.queue_may_open(memberships=memberships):
        return memberships
    if memberships or organisation_selectors.staff_membership(
        user=user, organisation_id=organisation_id
    ):
        raise PermissionDenied
    raise Http404("No such organisation for this person")
