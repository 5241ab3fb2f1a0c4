"""What the projects app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.accounts.registries import TWO_STEP_REASONS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.core.jinja2 import template_global_register
from coplan.projects import selectors
from coplan.projects.bench import projects_bench_seed
from coplan.projects.demo import project_demo_load
from coplan.projects.models import Membership
from coplan.projects.registries import (
    HOME_PANELS,
    PROJECT_COUNTS,
    PROJECT_NAV,
    HomePanel,
    NavEntry,
    needs_attention,
    project_nav,
)
from coplan.projects.roles import Role
from coplan.projects.rules import MANAGERS, STAFF_ROLES


def manager_attention(membership: Membership) -> dict | None:
    """On the manager's home: what is late or over, as on the lead's overview."""
    attention = needs_attention(membership)
    return {"attention": attention} if attention else None


def finance_and_asked_project_staff(user) -> str:
    """Finance uses two-step sign-in, and the staff of projects whose organisation asks
    all its staff to (a co-producer is never made to)."""
    staff = Membership.objects.filter(user=user, role__in=STAFF_ROLES).select_related(
        "project__organisation"
    )
    for membership in staff:
        if membership.role == Role.FINANCE:
            return f"You see bank details and pay claims in {membership.project.name}"
        if membership.project.organisation.staff_two_step:
            return f"{membership.project.organisation.name} asks all its staff to use it"
    return ""


def register() -> None:
    TWO_STEP_REASONS.register("project staff", finance_and_asked_project_staff, order=20)
    template_global_register("project_nav", project_nav)
    PROJECT_COUNTS.register("roles", selectors.role_count_expressions, order=1)
    PROJECT_NAV.register(
        "overview", NavEntry("overview", "projects:overview", "Overview"), order=10
    )
    # Everyone in the project with a role in coplan: the "project team". Not to be mixed up
    # with the stakeholders and participants the project involves (the people app).
    PROJECT_NAV.register("people", NavEntry("people", "projects:people", "Project team"), order=80)
    PROJECT_NAV.register(
        "downloads",
        NavEntry("downloads", "projects:downloads", "Download data", roles=STAFF_ROLES),
        order=100,
    )
    HOME_PANELS.register(
        "manager_attention",
        HomePanel(MANAGERS, "projects/_home_attention.html", manager_attention),
        order=230,
    )
    # First: the organisation, project and people every other app's demo data fills.
    DEMO.register("projects", project_demo_load, order=0)
    BENCH.register("projects", projects_bench_seed, order=0)
