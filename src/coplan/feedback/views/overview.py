"""Feedback at a glance: the forms open to you, closing the loop, the forms, reflection
and lessons; and "Give feedback", every form open to you."""

from django.http import HttpRequest, HttpResponse

from coplan.feedback import rules, selectors
from coplan.feedback.presenters import loop_tag
from coplan.feedback.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.registries import first_few


@project_view(rules.VIEW_YOU_SAID_WE_DID)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Those who do not make the forms (co-producers first of all) see first the forms
    open for them to fill in."""
    project = membership.project
    loop = selectors.closing_the_loop(project=project)
    give_first = not membership.may(rules.MANAGE_FEEDBACK)
    forms_open, more_open = (
        first_few(selectors.forms_open_for(project=project, user_id=membership.user_id))
        if give_first
        else ([], False)
    )
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
        give_first=give_first,
        forms_open=forms_open,
        more_open=more_open,
    )


@project_view(rules.GIVE_FEEDBACK)
def give(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "feedback/give.html",
        found=selectors.forms_open_for_page(
            project=membership.project,
            user_id=membership.user_id,
            page=request.GET.get("page", 1),
        ),
    )
