"""Feedback at a glance: closing the loop, the forms, reflection and lessons."""

from django.http import HttpRequest, HttpResponse

from coplan.feedback import rules, selectors
from coplan.feedback.presenters import loop_tag
from coplan.feedback.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_YOU_SAID_WE_DID)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    loop = selectors.closing_the_loop(project=project)
    return SECTION.page(
        request,
        membership,
        "feedback/home.html",
        loop=loop,
        loop_tag=loop_tag(loop),
        forms=selectors.feedback_forms(project=project)
        if membership.may(rules.VIEW_FEEDBACK)
        else [],
        can_reflect=membership.may(rules.WRITE_REFLECTION),
    )
