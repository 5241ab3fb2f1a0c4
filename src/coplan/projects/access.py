"""The one path from a request to a project: the signed-in person's membership.

Every project page is wrapped in `project_view(permission)`. It looks the
project up only through the person's membership (so anyone else gets "page not
found"), then asks `rules` whether their role allows the page (if not, 403).
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from coplan.projects import rules, selectors
from coplan.projects.models import Membership

ProjectView = Callable[..., HttpResponse]


def member_allowed(user, project_id: int, permission: rules.Permission) -> Membership:
    """The person's membership of the project, if their role has `permission`: else
    Http404 (not a member: the project is not there for them) or PermissionDenied. The
    pages (`project_view`) and the API (`coplan.api`) both come this way."""
    membership = selectors.project_membership(user=user, project_id=project_id)
    if membership is None:
        raise Http404("No such project for this person")
    if not membership.may(permission):
        raise PermissionDenied
    return membership


def project_view(permission: rules.Permission) -> Callable[[ProjectView], ProjectView]:
    def decorator(view: ProjectView) -> ProjectView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, project_id: int, **kwargs) -> HttpResponse:
            membership = member_allowed(request.user, project_id, permission)
            return view(request, membership, **kwargs)

        wrapped.project_permission = permission
        return wrapped

    return decorator
