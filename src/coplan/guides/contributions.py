"""What the guides app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.guides import plan_document, selectors, services
from coplan.guides.telling import KINDS
from coplan.notifications.kinds import kinds_register
from coplan.people.everything_held import ACTIVITY, ACTIVITY_HEADINGS
from coplan.projects.models import Membership
from coplan.projects.registries import (
    OVERVIEW_PANELS,
    PLAN_SECTIONS,
    PROJECT_NAV,
    NavEntry,
    OverviewPanel,
    PlanSection,
)
from coplan.projects.roles import Role


def _readiness(membership: Membership) -> dict:
    """Is the project ready? Each guide's workbook, for the overview."""
    project = membership.project
    services.project_guides_ensure(project=project)
    return {"workbooks": selectors.project_workbooks(project=project)}


def register() -> None:
    kinds_register(KINDS)
    PROJECT_NAV.register(
        "plan",
        NavEntry(
            "plan",
            "guides:plan",
            "Plan",
            # Those who answer it, and the manager who agrees a way forward when it says stop.
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER}),
        ),
        order=20,
    )
    OVERVIEW_PANELS.register(
        "readiness", OverviewPanel("guides/_overview.html", _readiness), order=10
    )
    PLAN_SECTIONS.register(
        "readiness",
        PlanSection(
            "Is the project ready?", "guides/_plan_readiness.html", plan_document.readiness
        ),
        order=10,
    )
    PLAN_SECTIONS.register(
        "answers",
        PlanSection("Answers to the guides", "guides/_plan_answers.html", plan_document.answers),
        order=20,
    )
    ACTIVITY.register("guides", selectors.plan_held_about, order=10)
    ACTIVITY_HEADINGS.register("comments_on_the_plan", "Comments on the plan", order=10)
    ACTIVITY_HEADINGS.register("plan_answers_changed", "Answers to the plan changed", order=90)
    ACTIVITY_HEADINGS.register("ways_forward_recorded", "Ways forward recorded", order=100)
