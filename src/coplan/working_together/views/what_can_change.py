"""What can and cannot change: for each kind of decision, what the group can
have a say in, what is fixed, and why."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import DecisionAreaForm
from coplan.working_together.views.common import SECTION

_INTRO = (
    "Be open and honest about limits, what influence people can really have, "
    "and what cannot change. Everyone in the project will see this."
)


@project_view(rules.VIEW_WORKING_TOGETHER)
def what_can_change(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/what_can_change.html",
        areas=selectors.decision_areas(project=membership.project),
        can_edit=membership.may(rules.EDIT_WHAT_CAN_CHANGE),
    )


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = DecisionAreaForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.decision_area_add(
            project=membership.project, by=request.user, **form.cleaned_data
        ),
        saved="It has been added to what can and cannot change.",
        back=SECTION.url("what_can_change", membership),
        heading="Say what can and cannot change",
        button="Add",
        intro=[_INTRO],
    )


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_edit(
    request: HttpRequest, membership: Membership, decision_area_id: int
) -> HttpResponse:
    found = or_404(
        selectors.decision_area(project=membership.project, decision_area_id=decision_area_id)
    )
    initial = {
        "area": found.area,
        "open_to_influence": found.open_to_influence,
        "fixed": found.fixed,
        "why_fixed": found.why_fixed,
    }
    form = DecisionAreaForm(posted(request), initial=initial)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.decision_area_update(
            decision_area=found, by=request.user, **form.cleaned_data
        ),
        saved=lambda _: f"‘{found.area}’ has been saved.",
        back=SECTION.url("what_can_change", membership),
        heading="Change what can and cannot change",
        button="Save changes",
        intro=[_INTRO],
    )


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_remove(
    request: HttpRequest, membership: Membership, decision_area_id: int
) -> HttpResponse:
    found = or_404(
        selectors.decision_area(project=membership.project, decision_area_id=decision_area_id)
    )
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.decision_area_remove(decision_area=found),
        removed=f"‘{found.area}’ has been removed.",
        back=SECTION.url("what_can_change", membership),
        heading="Remove this?",
        thing=found.area,
    )
