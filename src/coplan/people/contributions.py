"""What the people app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.accounts.registries import ACCOUNT_LINKS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.people import plan_document, rules, selectors
from coplan.people.bench import people_bench_seed
from coplan.people.demo import people_demo_load
from coplan.people.presenters import contact_words, format_words
from coplan.projects.models import Membership
from coplan.projects.registries import (
    AFTER_JOINING,
    HOME_PANELS,
    PLAN_SECTIONS,
    PROJECT_NAV,
    HomePanel,
    NavEntry,
    PlanSection,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS


def your_details(membership: Membership) -> dict:
    """On the co-producer's home: how we contact them and whether they told us what they
    need (one query). What they need is health data, shown only on "Your details", where
    every look is written in the log: here, only whether they have told us."""
    person = selectors.person_for_member(membership=membership)
    if person is None or person.erased_at is not None:
        return {"person": None}
    return {
        "person": person,
        "contact": contact_words(person),
        "formats": format_words(person) or "Standard",
        "told_needs": bool(person.needs_token),
    }


TELL_US_ONCE_LINK = "Your access needs and how we contact you"


def _tell_us_once_url(project_id: int) -> str:
    return reverse("people:tell_us_once", kwargs={"project_id": project_id})


def tell_us_once_after_joining(membership: Membership) -> str | None:
    """A co-producer, and anyone who has not told us what they need, is asked next."""
    if membership.role == Role.CO_PRODUCER:
        return _tell_us_once_url(membership.project_id)
    person = selectors.person_for_member(membership=membership)
    if person is None or not person.needs_token:
        return _tell_us_once_url(membership.project_id)
    return None


def tell_us_once_links(user) -> list[tuple[str, str]]:
    """One link for each organisation the person works with ("tell us once" is kept per
    organisation), to the project they joined there most recently."""
    projects = selectors.newest_project_in_each_organisation(user=user)
    if len(projects) == 1:
        return [(TELL_US_ONCE_LINK, _tell_us_once_url(projects[0].pk))]
    return [
        (f"{TELL_US_ONCE_LINK}: {project.organisation.name}", _tell_us_once_url(project.pk))
        for project in projects
    ]


def register() -> None:
    PROJECT_NAV.register(
        "involvement",
        NavEntry(
            "involvement",
            "people:home",
            "Stakeholders and participants",
            # Those who plan who to involve and read representation; each person's own
            # details are reached from their home and "Your account".
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER}),
        ),
        order=90,
    )
    HOME_PANELS.register(
        "your_details",
        HomePanel(CO_PRODUCERS, "people/_home_your_details.html", your_details),
        order=131,
    )
    AFTER_JOINING.register("tell_us_once", tell_us_once_after_joining, order=10)
    ACCOUNT_LINKS.register("tell_us_once", tell_us_once_links, order=10)
    PLAN_SECTIONS.register(
        "stakeholders",
        PlanSection(
            "Stakeholders: influence and interest",
            "people/_plan_stakeholders.html",
            plan_document.stakeholders,
            permission=rules.VIEW_STAKEHOLDERS,
        ),
        order=30,
    )
    PLAN_SECTIONS.register(
        "representation",
        PlanSection(
            "Representation against aims",
            "people/_plan_representation.html",
            plan_document.representation,
            permission=rules.VIEW_STAKEHOLDERS,
        ),
        order=35,
    )
    DEMO.register("people", lambda demo: people_demo_load(project=demo.project), order=10)
    BENCH.register("people", people_bench_seed, order=10)
