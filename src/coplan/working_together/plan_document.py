"""The working together app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
the group's agreements and shared definitions, and what can and cannot change. One or
two queries each, however many."""

from coplan.projects.models import Membership
from coplan.working_together import selectors


def agreements(membership: Membership) -> dict:
    project = membership.project
    return {
        "agreements": sorted(
            selectors.agreements_current(project=project), key=lambda a: (a.created_at, a.pk)
        ),
        "definitions": sorted(
            selectors.shared_definitions(project=project), key=lambda d: d.word.lower()
        ),
    }


def what_can_change(membership: Membership) -> dict:
    return {"areas": selectors.decision_areas(project=membership.project)}
