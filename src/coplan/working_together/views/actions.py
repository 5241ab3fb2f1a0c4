"""Actions: what people will do, and by when."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import ActionForm
from coplan.working_together.presenters import ActionPresenter
from coplan.working_together.views.common import SECTION, back_to, from_session


@project_view(rules.VIEW_WORKING_TOGETHER)
def actions(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    shown = [
        ActionPresenter(action, today=today)
        for action in selectors.actions(project=membership.project)
    ]
    return SECTION.page(
        request,
        membership,
        "working_together/actions.html",
        actions=shown,
        overdue_count=sum(1 for action in shown if action.is_overdue),
        can_manage=membership.may(rules.MANAGE_ACTIONS),
        may_mark_done=lambda action: rules.action_may_mark_done(
            role=membership.role, is_owner=action.owner_id == membership.pk
        ),
    )


def _action_form(request: HttpRequest, membership: Membership, **kwargs) -> ActionForm:
    return ActionForm(
        posted(request),
        members=selectors.members_for_choice(project=membership.project),
        sessions=selectors.session_records_for_choice(project=membership.project),
        **kwargs,
    )


@project_view(rules.MANAGE_ACTIONS)
def action_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = from_session(request, membership)
    form = _action_form(
        request,
        membership,
        initial={"owner": str(membership.pk), "session": str(at_session.pk) if at_session else ""},
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.action_add(
            project=membership.project, by=request.user, **form.service_arguments()
        ),
        saved="The action has been added.",
        back=back_to(membership, at_session, "actions"),
        heading="Add an action",
        button="Add action",
    )


@project_view(rules.MANAGE_ACTIONS)
def action_edit(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    initial = {
        "what": found.what,
        "owner": str(found.owner_id or ""),
        "due_on": found.due_on,
        "session": str(found.session_id or ""),
        "status": found.status,
    }
    form = _action_form(request, membership, initial=initial, editing=True)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.action_update(action=found, **form.service_arguments()),
        saved="The action has been saved.",
        back=SECTION.url("actions", membership),
        heading="Change an action",
        button="Save changes",
    )


@project_view(rules.MARK_ACTION_DONE)
@require_POST
def action_done(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    if not rules.action_may_mark_done(
        role=membership.role, is_owner=found.owner_id == membership.pk
    ):
        raise PermissionDenied
    return SECTION.action(
        request,
        membership,
        do=lambda: services.action_mark_done(action=found),
        message=f"‘{found.what}’ is marked as done.",
        back=SECTION.url("actions", membership),
    )


@project_view(rules.MANAGE_ACTIONS)
def action_remove(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.action_remove(action=found),
        removed="The action has been removed.",
        back=SECTION.url("actions", membership),
        heading="Remove this action?",
        thing=found.what,
    )
