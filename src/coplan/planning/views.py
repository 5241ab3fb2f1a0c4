"""Pages for sign-offs, the timeline, the budget and barriers.

Each view is reached only through `project_view(permission)`, gets the member's
membership, and finds objects only within `membership.project`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from coplan.core.http import or_404, posted
from coplan.meetings import selectors as meetings_selectors
from coplan.planning import rules, selectors, services
from coplan.planning.forms import (
    BarrierForm,
    BudgetForm,
    BudgetLineForm,
    MarkSignedForm,
    MilestoneForm,
    SignOffForm,
    barrier_initial,
    milestone_initial,
    sign_off_initial,
)
from coplan.planning.models import SignOffStatus
from coplan.planning.presenters import (
    BarrierPresenter,
    MilestonePresenter,
    SignOffPresenter,
    line_money,
    money,
    notice_words,
)
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section, SubPage
from coplan.projects.roles import Role
from coplan.projects.rules import STAFF_ROLES

# Sign-offs are given by staff in the project (listed managers first) or someone outside it.
SIGNER_ROLES = STAFF_ROLES

SECTION = Section(
    "tracking",
    namespace="planning",
    label="Keeping track",
    sub_pages=(
        SubPage("tracking", "At a glance"),
        SubPage("sign_offs", "Sign-offs", permission=rules.VIEW_SIGN_OFFS),
        SubPage("timeline", "Timeline"),
        SubPage("budget", "Budget", permission=rules.VIEW_BUDGET),
        SubPage("barriers", "Barriers"),
    ),
)

# Keeping track ----------------------------------------------------------------


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


# Sign-offs --------------------------------------------------------------------


@project_view(rules.VIEW_SIGN_OFFS)
def sign_offs(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    register = [
        SignOffPresenter(s, today=today) for s in selectors.sign_offs(project=membership.project)
    ]
    return SECTION.page(
        request,
        membership,
        "planning/sign_offs.html",
        sign_offs=register,
        overdue_count=sum(1 for s in register if s.is_overdue),
        can_edit=membership.may(rules.EDIT_SIGN_OFFS),
        may_mark=lambda s: rules.sign_off_may_mark(
            role=membership.role, signer_is_member=s.signer_id is not None
        ),
    )


def _signers(membership: Membership) -> list[Membership]:
    members = selectors.members_for_choice(project=membership.project, roles=SIGNER_ROLES)
    return sorted(members, key=lambda m: m.role != Role.MANAGER)


def _signed_stays(request: HttpRequest, membership: Membership, found) -> HttpResponse:
    messages.error(
        request,
        f"‘{found.what}’ has been signed off, so it stays as it was signed. "
        "If something new needs signing off, add it as a new sign-off.",
    )
    return redirect(SECTION.url("sign_offs", membership))


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = SignOffForm(posted(request), members=_signers(membership))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_create(
            project=membership.project, **form.service_arguments()
        ),
        saved=lambda added: f"‘{added.what}’ has been added to the sign-offs.",
        heading="Add something that needs signing off",
        button="Add sign-off",
        back=SECTION.url("sign_offs", membership),
        intro=["It is really important to be clear what needs signing off, by whom, and when."],
    )


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_edit(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if found.status == SignOffStatus.SIGNED:
        return _signed_stays(request, membership, found)
    form = SignOffForm(
        posted(request), members=_signers(membership), initial=sign_off_initial(found)
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_update(sign_off=found, **form.service_arguments()),
        saved=f"‘{found.what}’ has been saved.",
        heading="Change a sign-off",
        button="Save changes",
        back=SECTION.url("sign_offs", membership),
    )


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_delete(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if found.status == SignOffStatus.SIGNED:
        return _signed_stays(request, membership, found)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.sign_off_remove(sign_off=found),
        removed=f"‘{found.what}’ has been removed from the sign-offs.",
        heading="Remove this sign-off?",
        thing=found.what,
        back=SECTION.url("sign_offs", membership),
        cannot_undo=True,
    )


@project_view(rules.MARK_SIGNED)
def sign_off_sign(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if not rules.sign_off_may_mark(
        role=membership.role, signer_is_member=found.signer_id is not None
    ):
        raise PermissionDenied
    today = timezone.localdate()
    form = MarkSignedForm(posted(request), initial={"signed_on": today})
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_mark_signed(
            sign_off=found, by=membership, **form.cleaned_data
        ),
        saved=f"‘{found.what}’ is marked as signed off.",
        heading="Mark as signed off",
        button="Mark as signed off",
        back=SECTION.url("sign_offs", membership),
        template="planning/sign_off_sign.html",
        sign_off=SignOffPresenter(found, today=today),
    )


# Timeline -------------------------------------------------------------------


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
def milestone_delete(
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


# Budget ---------------------------------------------------------------------


@project_view(rules.VIEW_BUDGET)
def budget(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    return SECTION.page(
        request,
        membership,
        "planning/budget.html",
        summary=selectors.budget_summary(project=project),
        lines=selectors.budget_lines(project=project),
        can_edit=membership.may(rules.EDIT_BUDGET),
        money=money,
        line_money=line_money,
    )


@project_view(rules.EDIT_BUDGET)
def budget_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    held = selectors.budget(project=membership.project)
    initial = {"held": held.held_pence, "money_source": held.money_source} if held else {}
    form = BudgetForm(posted(request), initial=initial)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.budget_update(
            project=membership.project,
            held_pence=form.cleaned_data["held"],
            money_source=form.cleaned_data["money_source"],
            user=request.user,
        ),
        saved="The budget has been saved.",
        heading="The money for the project",
        button="Save",
        back=SECTION.url("budget", membership),
        intro=["Do I have a budget for this project?"],
    )


def _line_arguments(form: BudgetLineForm) -> dict:
    data = form.cleaned_data
    return {
        "category": data["category"],
        "description": data["description"],
        "planned_pence": data["planned"],
    }


@project_view(rules.EDIT_BUDGET)
def budget_line_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = BudgetLineForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.budget_line_create(
            project=membership.project, **_line_arguments(form)
        ),
        saved=lambda added: f"‘{added.description}’ has been added to the budget.",
        heading="Add planned spending",
        button="Add to the budget",
        back=SECTION.url("budget", membership),
    )


@project_view(rules.EDIT_BUDGET)
def budget_line_edit(
    request: HttpRequest, membership: Membership, budget_line_id: int
) -> HttpResponse:
    found = or_404(selectors.budget_line(project=membership.project, budget_line_id=budget_line_id))
    initial = {
        "category": found.category,
        "description": found.description,
        "planned": found.planned_pence,
    }
    form = BudgetLineForm(posted(request), initial=initial)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.budget_line_update(budget_line=found, **_line_arguments(form)),
        saved=f"‘{found.description}’ has been saved.",
        heading="Change planned spending",
        button="Save changes",
        back=SECTION.url("budget", membership),
    )


@project_view(rules.EDIT_BUDGET)
def budget_line_delete(
    request: HttpRequest, membership: Membership, budget_line_id: int
) -> HttpResponse:
    found = or_404(selectors.budget_line(project=membership.project, budget_line_id=budget_line_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.budget_line_remove(budget_line=found),
        removed=f"‘{found.description}’ has been removed from the budget.",
        heading="Remove this planned spending?",
        thing=f"{found.description}: {line_money(found.planned_pence)}",
        back=SECTION.url("budget", membership),
        cannot_undo=True,
    )


# Barriers -------------------------------------------------------------------


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
def barrier_delete(request: HttpRequest, membership: Membership, barrier_id: int) -> HttpResponse:
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
