"""Organisation pages for paying people are reached through the person's staff
membership of the organisation (`organisations.selectors.staff_membership`), the same
one path as `coplan.organisations.access`: anyone not on its staff gets "page not found".
Changing the policy is for the organisation's admins (`organisation_admin_view`)."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from coplan.organisations import selectors as organisation_selectors

OrganisationView = Callable[..., HttpResponse]


def organisation_staff_view(view: OrganisationView) -> OrganisationView:
    """Any member of the organisation's staff; the view gets their staff membership."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, organisation_id: int, **kwargs) -> HttpResponse:
        staff_membership = organisation_selectors.staff_membership(
            user=request.user, organisation_id=organisation_id
        )
        if staff_membership is None:
            raise Http404("No such organisation for this person")
        return view(request, staff_membership, **kwargs)

    return wrapped
