"""The one path from a request to an organisation: the person's staff membership.

Anyone not on the organisation's staff gets "page not found"; the view gets
their `StaffMembership`.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from coplan.organisations import rules, selectors

OrganisationView = Callable[..., HttpResponse]


def organisation_staff_view(view: OrganisationView) -> OrganisationView:
    """Any member of the organisation's staff."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, organisation_id: int, **kwargs) -> HttpResponse:
        staff_membership = selectors.staff_membership(
            user=request.user, organisation_id=organisation_id
        )
        if staff_membership is None:
            raise Http404("No such organisation for this person")
        return view(request, staff_membership, **kwargs)

    return wrapped


def organisation_admin_view(view: OrganisationView) -> OrganisationView:
    """Only the organisation's admins; other staff get 403."""

    @organisation_staff_view
    @wraps(view)
    def wrapped(request: HttpRequest, staff_membership, **kwargs) -> HttpResponse:
        if not rules.may_manage_staff(staff_membership):
            raise PermissionDenied
        return view(request, staff_membership, **kwargs)

    return wrapped
