"""What the people app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.people import selectors
from coplan.people.presenters import contact_words, format_words
from coplan.projects.models import Membership
from coplan.projects.registries import HOME_PANELS, PROJECT_NAV, HomePanel, NavEntry
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
