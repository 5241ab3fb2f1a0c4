"""The budget: money held, planned spending, committed and paid."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.planning import rules, selectors, services
from coplan.planning.forms import (
    BudgetForm,
    BudgetLineForm,
)
from coplan.planning.presenters import (
    line_money,
    money,
)
from coplan.planning.views.common import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


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
def budget_line_remove(
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
