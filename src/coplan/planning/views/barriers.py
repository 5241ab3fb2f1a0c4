"""Barriers to taking part, and who is dealing with each."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.planning import rules, selectors, services
from coplan.planning.forms import (
    BarrierForm,
    barrier_initial,
)
from coplan.planning.presenters import (
    BarrierPresenter,
)
from coplan.planning.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_BARRIERS)
def barriers(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    return SECTION.page(
        request,
        membership,
        "planning/barriers.html",
        barriers=[BarrierPresenter(b) for b in selectors.barriers(project=project)],
        can_edit=membership.may(rules.EDIT_BARRIERS),
    )


def _owners(membership: Membership) -> list[Membership]:
    return selectors.members_for_choice(project=membership.project)


@project_view(rules.EDIT_BARRIERS)
def barrier_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = BarrierForm(
        posted(request), members=_owners(membership), initial={"owner": str(membership.pk)}
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.barrier_create(
            project=membership.project, **form.service_arguments()
        ),
        saved="The barrier has been added.",
        heading="Add a barrier",
        button="Add barrier",
        back=SECTION.url("barriers", membership),
        intro=["What barriers or challenges do you think there will be along the way?"],
    )


@project_view(rules.EDIT_BARRIERS)
def barrier_edit(request: HttpRequest, membership: Membership, barrier_id: int) -> HttpResponse:
    found = or_404(selectors.barrier(project=membership.project, barrier_id=barrier_id))
    form = BarrierForm(posted(request), members=_owners(membership), initial=barrier_initial(found))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.barrier_update(barrier=found, **form.service_arguments()),
        saved="The barrier has been saved.",
        heading="Change a barrier",
        button="Save changes",
        back=SECTION.url("barriers", membership),
    )


@project_view(rules.EDIT_BARRIERS)
def barrier_remove(request: HttpRequest, membership: Membership, barrier_id: int) -> HttpResponse:
    found = or_404(selectors.barrier(project=membership.project, barrier_id=barrier_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.barrier_remove(barrier=found),
        removed="The barrier has been removed.",
        heading="Remove this barrier?",
        thing=found.what,
        back=SECTION.url("barriers", membership),
        cannot_undo=True,
    )
