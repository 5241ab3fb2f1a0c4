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

ProjectView = Callable[..., HttpResponse]


def project_view(permission: rules.Permission) -> Callable[[ProjectView], ProjectView]:
    def decorator(view: ProjectView) -> ProjectView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, project_id: int, **kwargs) -> HttpResponse:
            membership = selectors.project_membership(user=request.user, project_id=project_id)
            if membership is None:
                raise Http404("No such project for this person")
            if not membership.may(permission):
                raise PermissionDenied
            return view(request, membership, **kwargs)

        wrapped.project_permission = permission
        return wrapped

    return decorator
