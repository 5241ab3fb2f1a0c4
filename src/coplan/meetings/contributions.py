"""What the meetings app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.core.demo import DEMO
from coplan.meetings import rules, selectors
from coplan.meetings.demo import meetings_demo_load
from coplan.projects.models import Membership
from coplan.projects.registries import NEEDS_ATTENTION, PROJECT_NAV, NavEntry


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """Meetings to come without enough notice, and those not ready yet (four queries)."""
    if not membership.may(rules.VIEW_MEETINGS):
        return []
    project = membership.project
    found = selectors.meetings_attention(project=project)
    meetings = reverse("meetings:meetings", kwargs={"project_id": project.pk})
    notes = []
    if found.short_notice:
        count = found.short_notice
        notes.append(
            (f"{count} meeting{'s' if count != 1 else ''} without enough notice", meetings)
        )
    if found.not_ready:
        count = found.not_ready
        notes.append((f"{count} meeting{'s are' if count != 1 else ' is'} not ready yet", meetings))
    return notes


def register() -> None:
    PROJECT_NAV.register(
        "meetings", NavEntry("meetings", "meetings:meetings", "Meetings"), order=40
    )
    NEEDS_ATTENTION.register("meetings", needs_attention, order=30)
    DEMO.register("meetings", lambda demo: meetings_demo_load(project=demo.project), order=30)
