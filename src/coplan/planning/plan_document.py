"""The planning app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
the budget with what is committed and paid, the sign-offs, and the barriers. A fixed
number of queries each, however many rows."""

from django.utils import timezone

from coplan.planning import selectors, signing
from coplan.planning.presenters import BarrierPresenter, SignOffPresenter, line_money, money
from coplan.projects.models import Membership


def budget(membership: Membership) -> dict:
    project = membership.project
    return {
        "summary": selectors.budget_summary(project=project),
        "lines": selectors.budget_lines(project=project),
        "money": money,
        "line_money": line_money,
    }


def sign_offs(membership: Membership) -> dict:
    """The register, with the version asked or signed of each, and what changed in the
    plan since one was signed off (never part of what is signed: `signing.NOT_SIGNED`)."""
    today = timezone.localdate()
    latest, changed = signing.register_versions(membership.project, membership.user)
    return {
        "sign_offs": [
            SignOffPresenter(
                found, today=today, version=latest.get(found.pk), changes=changed.get(found.pk)
            )
            for found in selectors.sign_offs(project=membership.project)
        ]
    }


def barriers(membership: Membership) -> dict:
    return {
        "barriers": [BarrierPresenter(b) for b in selectors.barriers(project=membership.project)]
    }
