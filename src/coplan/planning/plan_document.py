"""The planning app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
the budget with what is committed and paid, the sign-offs, and the barriers. A fixed
number of queries each, however many rows."""

from django.utils import timezone

from coplan.core.formats import as_sentence
from coplan.core.numbers import pounds
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


def barriers_for_participants(membership: Membership) -> dict:
    """The participants' version: what might make it hard to take part and what will be
    done, not who does it."""
    return {**barriers(membership), "for_participants": True}


def money_for_participants(membership: Membership) -> dict:
    """The participants' version: the money the project has and where the money for
    people's expenses and time comes from; nothing about what anyone claimed or was
    paid. One query."""
    held = selectors.budget(project=membership.project)
    return {
        "held": money(pounds(held.held_pence)) if held and held.held_pence is not None else "",
        "money_source": held.money_source if held else "",
    }


def money_easy_read(membership: Membership) -> str:
    found = money_for_participants(membership)
    lines = []
    if found["held"]:
        lines.append(f"The project has {found['held']} to spend.")
    if found["money_source"]:
        lines.append(
            as_sentence(f"The money to pay you for your time and costs: {found['money_source']}")
        )
    return "\n".join(lines)


def barriers_easy_read(membership: Membership) -> str:
    blocks = [
        "\n".join(
            [
                "This could make it hard to take part:",
                as_sentence(barrier.what),
                "What we will do:",
                as_sentence(barrier.how_lifted),
            ]
        )
        for barrier in selectors.barriers(project=membership.project)
        if barrier.how_lifted
    ]
    return "\n\n".join(blocks)
