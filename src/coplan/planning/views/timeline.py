"""The timeline: milestones and meetings, with the notice each needs."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from coplan.core.http import or_404, posted
from coplan.meetings import selectors as meetings_selectors
from coplan.planning import rules, selectors, services
from coplan.planning.forms import (
    MilestoneForm,
    milestone_initial,
)
from coplan.planning.presenters import (
    MilestonePresenter,
    notice_words,
)
from coplan.planning.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _least_notice(membership: Membership) -> int:
    """The organisation's least notice of a meeting, in days (one query)."""
    return meetings_selectors.notice_days(organisation_id=membership.project.organisation_id)


@project_view(rules.VIEW_TIMELINE)
def timeline(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    today = timezone.localdate()
    found = selectors.timeline(project=project, today=today)
    shown = [
        MilestonePresenter(alert, today=today, project_end=project.end_date)
        for alert in found.alerts
    ]
    return SECTION.page(
        request,
        membership,
        "planning/timeline.html",
        milestones=shown,
        today=today,
        late_count=sum(1 for m in shown if m.alert.is_late),
        soon_count=sum(1 for m in shown if m.alert.is_due_soon),
        notice_count=sum(1 for m in shown if m.alert.notice_problem),
        least_notice=notice_words(found.least_notice_days),
        can_edit=membership.may(rules.EDIT_TIMELINE),
    )


@project_view(rules.EDIT_TIMELINE)
def milestone_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = MilestoneForm(
        posted(request), initial={"is_meeting": "no"}, least_notice_days=_least_notice(membership)
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.milestone_create(
            project=membership.project, **form.service_arguments()
        ),
        saved=lambda added: f"‘{added.title}’ has been added to the timeline.",
        heading="Add a date to the timeline",
        button="Add to the timeline",
        back=SECTION.url("timeline", membership),
        intro=["Timeline: what needs to happen when?"],
    )


@project_view(rules.EDIT_TIMELINE)
def milestone_edit(request: HttpRequest, membership: Membership, milestone_id: int) -> HttpResponse:
    found = or_404(selectors.milestone(project=membership.project, milestone_id=milestone_id))
    form = MilestoneForm(
        posted(request),
        initial=milestone_initial(found),
        editing=True,
        least_notice_days=_least_notice(membership),
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.milestone_update(milestone=found, **form.service_arguments()),
        saved=f"‘{found.title}’ has been saved.",
        heading="Change a date on the timeline",
        button="Save changes",
        back=SECTION.url("timeline", membership),
    )


@project_view(rules.EDIT_TIMELINE)
def milestone_remove(
    request: HttpRequest, membership: Membership, milestone_id: int
) -> HttpResponse:
    found = or_404(selectors.milestone(project=membership.project, milestone_id=milestone_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.milestone_remove(milestone=found),
        removed=f"‘{found.title}’ has been removed from the timeline.",
        heading="Remove this from the timeline?",
        thing=found.title,
        back=SECTION.url("timeline", membership),
        cannot_undo=True,
    )
