"""Keeping track at a glance."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from coplan.planning import rules, selectors
from coplan.planning.presenters import (
    MilestonePresenter,
    SignOffPresenter,
    money,
)
from coplan.planning.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_TRACKING)
def tracking(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    today = timezone.localdate()
    see_sign_offs = membership.may(rules.VIEW_SIGN_OFFS)
    see_budget = membership.may(rules.VIEW_BUDGET)
    return SECTION.page(
        request,
        membership,
        "planning/tracking.html",
        today=today,
        overdue=[
            SignOffPresenter(s, today=today)
            for s in selectors.overdue_sign_offs(project=project, today=today)
        ]
        if see_sign_offs
        else None,
        alerts=[
            MilestonePresenter(alert, today=today)
            for alert in selectors.timeline_alerts(project=project, today=today)
        ],
        budget=selectors.budget_summary(project=project) if see_budget else None,
        barrier_counts=selectors.barrier_counts(project=project),
        money=money,
    )
