"""What the guides app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.core.api_routers import API_ROUTERS
from coplan.core.demo import DEMO
from coplan.guides import plan_document, selectors, services
from coplan.guides.demo import guides_demo_load
from coplan.guides.telling import KINDS
from coplan.notifications.kinds import kinds_register
from coplan.people.everything_held import ACTIVITY, ACTIVITY_HEADINGS
from coplan.projects.models import Membership
from coplan.projects.registries import (
    HOME_PANELS,
    OVERVIEW_PANELS,
    PLAN_GAPS,
    PLAN_SECTIONS,
    PROJECT_NAV,
    YOUR_PROJECTS_PANELS,
    EasyReadPart,
    HomePanel,
    NavEntry,
    OverviewPanel,
    PlanPart,
    PlanSection,
    YourProjectsPanel,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS, MANAGERS
from coplan.projects.selectors import memberships_for_user


def _readiness(membership: Membership) -> dict:
    """Is the project ready? Each guide's workbook, for the overview."""
    return {"workbooks": _plan_workbooks(membership)}


def _plan_workbooks(membership: Membership) -> list:
    """The project's workbooks, worked out once for the parts of a page that show them
    (kept on the membership, which lives for one request). Three queries once the
    project has every guide; a guide it lacks is given to it first."""
    found = getattr(membership, "_plan_workbooks", None)
    if found is None:
        project = membership.project
        found = selectors.project_workbooks(project=project)
        if services.project_lacks_guides(have={workbook.key for workbook in found}):
            services.project_guides_ensure(project=project)
            found = selectors.project_workbooks(project=project)
        membership._plan_workbooks = found
    return found


def manager_decisions(membership: Membership) -> dict | None:
    """On the manager's home: the stops waiting for a way forward, each with the way to
    choose it (three queries once the project has its guides)."""
    project = membership.project
    decisions = selectors.decisions_waiting(
        projects=[project], workbooks={project.pk: _plan_workbooks(membership)}
    )
    return {"decisions": decisions} if decisions else None


def manager_readiness(membership: Membership) -> dict:
    """On the manager's home: whether each guide is ready, in short."""
    return {"workbooks": _plan_workbooks(membership)}


# On "Your projects", a few of each, with how many more.
ACROSS_FEW = 5


def manager_across_projects(user) -> dict | None:
    """On "Your projects", for someone who manages projects: the stops waiting for them to
    choose a way forward, and the projects not ready and why. Four queries, however many
    projects; nothing for someone who manages none."""
    projects = [
        membership.project
        for membership in memberships_for_user(user=user).filter(role=Role.MANAGER)
    ]
    if not projects:
        return None
    workbooks = selectors.workbooks_for_projects(projects=projects)
    decisions = selectors.decisions_waiting(projects=projects, workbooks=workbooks)
    not_ready = [
        (project, words)
        for project in projects
        if (words := selectors.readiness_words(workbooks.get(project.pk, [])))
        or project.pk not in workbooks
    ]
    return {
        "decisions": decisions[:ACROSS_FEW],
        "more_decisions": len(decisions) - ACROSS_FEW,
        "not_ready": not_ready[:ACROSS_FEW],
        "more_not_ready": len(not_ready) - ACROSS_FEW,
    }


def plan_versions(membership: Membership) -> dict:
    """On the co-producer's home: the plan for everyone taking part and in Easy Read."""
    return {}


def register() -> None:
    API_ROUTERS.register("guides", "coplan.guides.api", order=10)
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
    HOME_PANELS.register(
        "plan_versions",
        HomePanel(CO_PRODUCERS, "guides/_home_plan_versions.html", plan_versions),
        order=171,
    )
    HOME_PANELS.register(
        "manager_decisions",
        HomePanel(MANAGERS, "guides/_home_decisions.html", manager_decisions),
        order=210,
    )
    HOME_PANELS.register(
        "manager_readiness",
        HomePanel(MANAGERS, "guides/_home_readiness.html", manager_readiness),
        order=225,
    )
    YOUR_PROJECTS_PANELS.register(
        "manager_decisions",
        YourProjectsPanel("guides/_manager_across_projects.html", manager_across_projects),
        order=250,
    )
    OVERVIEW_PANELS.register(
        "readiness", OverviewPanel("guides/_overview.html", _readiness), order=10
    )
    PLAN_SECTIONS.register(
        "readiness",
        PlanSection(
            "Is the project ready?",
            "guides/_plan_readiness.html",
            plan_document.readiness,
            for_participants=PlanPart(
                "How far the planning is",
                "guides/_plan_planning_for_participants.html",
                plan_document.planning_for_participants,
            ),
            easy_read=EasyReadPart("Planning the project", plan_document.planning_easy_read),
        ),
        order=10,
    )
    PLAN_GAPS.register("guides", plan_document.gaps, order=10)
    PLAN_SECTIONS.register(
        "answers",
        PlanSection("Answers to the guides", "guides/_plan_answers.html", plan_document.answers),
        order=20,
    )
    ACTIVITY.register("guides", selectors.plan_held_about, order=10)
    ACTIVITY_HEADINGS.register("comments_on_the_plan", "Comments on the plan", order=10)
    ACTIVITY_HEADINGS.register("plan_answers_changed", "Answers to the plan changed", order=90)
    ACTIVITY_HEADINGS.register("ways_forward_recorded", "Ways forward recorded", order=100)
    DEMO.register("guides", lambda demo: guides_demo_load(project=demo.project), order=70)
