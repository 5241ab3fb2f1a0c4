"""What the planning app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse
from django.utils import timezone

from coplan.core.demo import DEMO
from coplan.meetings import rules as meetings_rules
from coplan.notifications.kinds import kinds_register
from coplan.people.everything_held import ACTIVITY, ACTIVITY_HEADINGS
from coplan.planning import plan_document, rules, selectors
from coplan.planning.demo import planning_demo_load
from coplan.planning.telling import KINDS
from coplan.projects.models import Membership
from coplan.projects.registries import (
    ANSWER_SUGGESTIONS,
    HOME_PANELS,
    NEEDS_ATTENTION,
    PLAN_SECTIONS,
    PROJECT_COUNTS,
    PROJECT_NAV,
    YOUR_PROJECTS_PANELS,
    AnswerSuggestion,
    EasyReadPart,
    HomePanel,
    NavEntry,
    PlanPart,
    PlanSection,
    YourProjectsPanel,
    first_few,
    project_counts,
)
from coplan.projects.roles import Role
from coplan.projects.rules import MANAGERS


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """Overdue sign-offs, late dates and short notice on the timeline, and money."""
    project = membership.project
    counts = project_counts(membership, "planning")
    notes: list[tuple[str, str]] = []
    if membership.may(rules.VIEW_SIGN_OFFS):
        count = counts["overdue_sign_offs"]
        if count:
            notes.append(
                (
                    f"{count} sign-off{'s are' if count != 1 else ' is'} overdue",
                    reverse("planning:sign_offs", kwargs={"project_id": project.pk}),
                )
            )
    alerts = selectors.timeline_alerts(project=project)
    late = sum(alert.is_late for alert in alerts)
    # A meeting on the timeline that is planned is counted with the planned meetings
    # (coplan.meetings' "Needs attention") by those who see them, so each is counted once.
    sees_meetings = membership.may(meetings_rules.VIEW_MEETINGS)
    short_notice = sum(
        alert.notice_problem and not (sees_meetings and alert.planned) for alert in alerts
    )
    timeline = reverse("planning:timeline", kwargs={"project_id": project.pk})
    if late:
        notes.append(
            (f"{late} date{'s are' if late != 1 else ' is'} late on the timeline", timeline)
        )
    if short_notice:
        notes.append(
            (
                f"{short_notice} meeting{'s' if short_notice != 1 else ''} on the timeline "
                "without enough notice",
                timeline,
            )
        )
    if membership.may(rules.VIEW_BUDGET):
        summary = selectors.budget_at_a_glance(
            project=project,
            held_pence=counts["held_pence"],
            planned_pence=counts["planned_pence"],
        )
        budget_url = reverse("planning:budget", kwargs={"project_id": project.pk})
        if summary.over_by is not None:
            notes.append(
                (
                    f"Planned spending is £{summary.over_by:,.2f} more than the money held",
                    budget_url,
                )
            )
        if summary.is_running_out:
            notes.append(
                (f"Money is running out: £{summary.left_to_spend:,.2f} left to spend", budget_url)
            )
    return notes


def manager_sign_offs(membership: Membership) -> dict:
    """On the manager's home: the first few sign-offs waiting for them (one query)."""
    waiting, more = first_few(
        selectors.sign_offs_waiting_for(user=membership.user, project=membership.project)
    )
    return {"sign_offs": waiting, "more": more, "today": timezone.localdate()}


# On "Your projects", a few, with a link to each project's register for the rest.
ACROSS_FEW = 5


def sign_offs_across_projects(user) -> dict | None:
    """On "Your projects": what waits for this person to sign off, in every project where
    they may sign (one query); nothing if nothing waits."""
    waiting, more = first_few(selectors.sign_offs_waiting_for(user=user), ACROSS_FEW)
    if not waiting:
        return None
    return {"sign_offs": waiting, "more": more, "today": timezone.localdate()}


def answer_suggestions(project) -> dict[str, AnswerSuggestion]:
    """Where the money comes from, as the budget page says it: one query."""
    source = selectors.money_source(project=project)
    if not source:
        return {}
    url = reverse("planning:budget", kwargs={"project_id": project.pk})
    return {"money-for-paying-people": AnswerSuggestion(source, "the project’s budget", url)}


def register() -> None:
    kinds_register(KINDS)
    ANSWER_SUGGESTIONS.register("budget", answer_suggestions, order=10)
    PROJECT_NAV.register(
        "tracking",
        NavEntry(
            "tracking",
            "planning:tracking",
            "Keeping track",
            # Finance reads the budget here; co-producers follow the plan from their home.
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.FINANCE}),
        ),
        order=30,
    )
    NEEDS_ATTENTION.register("planning", needs_attention, order=10)
    PROJECT_COUNTS.register("planning", selectors.overview_count_expressions, order=10)
    PLAN_SECTIONS.register(
        "budget",
        PlanSection(
            "Budget: planned, committed and paid",
            "planning/_plan_budget.html",
            plan_document.budget,
            permission=rules.VIEW_BUDGET,
            for_participants=PlanPart(
                "Money",
                "planning/_plan_money_for_participants.html",
                plan_document.money_for_participants,
            ),
            easy_read=EasyReadPart("Money", plan_document.money_easy_read),
        ),
        order=60,
    )
    PLAN_SECTIONS.register(
        "sign_offs",
        PlanSection(
            "Sign-offs",
            "planning/_plan_sign_offs.html",
            plan_document.sign_offs,
            permission=rules.VIEW_SIGN_OFFS,
        ),
        order=70,
    )
    PLAN_SECTIONS.register(
        "barriers",
        PlanSection(
            "Barriers to taking part",
            "planning/_plan_barriers.html",
            plan_document.barriers,
            permission=rules.VIEW_BARRIERS,
            for_participants=PlanPart(
                "What might make it hard to take part",
                "planning/_plan_barriers.html",
                plan_document.barriers_for_participants,
            ),
            easy_read=EasyReadPart(
                "What might make it hard to take part", plan_document.barriers_easy_read
            ),
        ),
        order=75,
    )
    HOME_PANELS.register(
        "manager_sign_offs",
        HomePanel(MANAGERS, "planning/_home_sign_offs.html", manager_sign_offs),
        order=220,
    )
    YOUR_PROJECTS_PANELS.register(
        "sign_offs_waiting",
        YourProjectsPanel("planning/_sign_offs_across_projects.html", sign_offs_across_projects),
        order=240,
    )
    ACTIVITY.register("planning", selectors.planning_held_about, order=30)
    ACTIVITY_HEADINGS.register("sign_offs", "Sign-offs", order=70)
    ACTIVITY_HEADINGS.register("barriers", "Barriers", order=80)
    DEMO.register("planning", lambda demo: planning_demo_load(project=demo.project), order=80)
