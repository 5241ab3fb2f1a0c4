"""The stakeholders and participants hub, stakeholder groups and the influence and
interest grid."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.people import rules, selectors, services
from coplan.people.forms import StakeholderGroupForm
from coplan.people.presenters import group_rows, influence_interest_svg, standalone_svg
from coplan.people.views import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership

GROUP_FIELDS = (
    "name",
    "category",
    "influence",
    "interest",
    "how_reached",
    "helpers",
    "helper_notes",
    "representation_aim",
)


@project_view(rules.VIEW_STAKEHOLDERS)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    groups = selectors.stakeholder_groups(project=project)
    can_see_participants = membership.may(rules.VIEW_PARTICIPANTS)
    return SECTION.page(
        request,
        membership,
        "people/home.html",
        groups=groups,
        missing=selectors.who_is_missing(groups=groups),
        participant_count=selectors.participant_count(project=project)
        if can_see_participants
        else None,
        can_see_participants=can_see_participants,
        can_see_needs=membership.may(rules.VIEW_ACCESS_NEEDS),
        can_see_monitoring=membership.may(rules.VIEW_MONITORING),
        is_admin=selectors.administered_organisation(
            user=request.user, organisation_id=project.organisation_id
        ),
    )


@project_view(rules.VIEW_STAKEHOLDERS)
def stakeholders(request: HttpRequest, membership: Membership) -> HttpResponse:
    groups = selectors.stakeholder_groups(project=membership.project)
    rows = group_rows(groups)
    return SECTION.page(
        request,
        membership,
        "people/stakeholders.html",
        rows=rows,
        grid=influence_interest_svg(rows),
        missing=selectors.who_is_missing(groups=groups),
        can_manage=membership.may(rules.MANAGE_STAKEHOLDERS),
    )


@project_view(rules.VIEW_STAKEHOLDERS)
def stakeholder_grid_svg(request: HttpRequest, membership: Membership) -> HttpResponse:
    rows = group_rows(selectors.stakeholder_groups(project=membership.project))
    response = HttpResponse(
        standalone_svg(rows),
        content_type="image/svg+xml; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="stakeholder-grid.svg"'
    return response


def _group_form(request, membership, group=None) -> HttpResponse:
    initial = {name: getattr(group, name) for name in GROUP_FIELDS} if group else None
    form = StakeholderGroupForm(posted(request), initial=initial)

    def save():
        if group is None:
            return services.stakeholder_group_create(
                project=membership.project, **form.cleaned_data
            )
        return services.stakeholder_group_update(group=group, **form.cleaned_data)

    return SECTION.form_flow(
        request,
        membership,
        form,
        save=save,
        saved=lambda saved: f"The group ‘{saved.name}’ has been saved.",
        heading=f"Change {group.name}" if group else "Add a stakeholder group",
        button="Save group",
        back=SECTION.url("stakeholders", membership),
        template="people/stakeholder_form.html",
        group=group,
    )


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _group_form(request, membership)


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_edit(request: HttpRequest, membership: Membership, group_id: int) -> HttpResponse:
    group = or_404(selectors.stakeholder_group(project=membership.project, group_id=group_id))
    return _group_form(request, membership, group)


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_remove(request: HttpRequest, membership: Membership, group_id: int) -> HttpResponse:
    group = or_404(selectors.stakeholder_group(project=membership.project, group_id=group_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.stakeholder_group_remove(group=group),
        removed=f"The group ‘{group.name}’ has been removed.",
        heading=f"Remove the group ‘{group.name}’?",
        intro=["People in this group stay in the project, in no group."],
        button="Remove group",
        back=SECTION.url("stakeholder_edit", membership, group_id=group.pk),
        done=SECTION.url("stakeholders", membership),
    )
