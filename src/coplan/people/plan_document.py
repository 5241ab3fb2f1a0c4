"""The people app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`): the
stakeholder groups with the influence and interest grid, and representation against
what the project aimed for. Two queries each, however many groups."""

import base64

from coplan.people import selectors
from coplan.people.presenters import (
    GRID_TITLE,
    grid_description,
    group_rows,
    standalone_svg,
)
from coplan.projects.models import Membership


def stakeholders(membership: Membership) -> dict:
    """The groups, and the grid as a picture held in the page (so the PDF fetches
    nothing), described in words for people who cannot see it."""
    rows = group_rows(selectors.stakeholder_groups(project=membership.project))
    svg = standalone_svg(rows)
    return {
        "rows": rows,
        "grid_src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "grid_alt": f"{GRID_TITLE}. {grid_description(rows)}",
    }


def representation(membership: Membership) -> dict:
    groups = selectors.stakeholder_groups(project=membership.project)
    return {"rows": group_rows(groups), "missing": selectors.who_is_missing(groups=groups)}


def groups_for_participants(membership: Membership) -> dict:
    """The participants' version: the groups and how each will be reached (no grid of
    influence, no names). One query."""
    return {"rows": group_rows(selectors.stakeholder_groups(project=membership.project))}


def groups_easy_read(membership: Membership) -> str:
    groups = selectors.stakeholder_groups(project=membership.project)
    if not groups:
        return ""
    lines = ["We want these groups of people to take part:"]
    lines += [f"{group.name}." for group in groups]
    return "\n".join(lines)


def missing_easy_read(membership: Membership) -> str:
    found = selectors.stakeholder_groups(project=membership.project)
    if not found:
        return "We have not chosen the groups of people yet."
    missing = selectors.who_is_missing(groups=found)
    groups = [*missing.with_no_one, *missing.below_aim]
    if not groups:
        return "We have the people we hoped for in every group."
    lines = ["We need more people from these groups:"]
    lines += [f"{group.name}." for group in groups]
    return "\n".join(lines)


def size(project) -> int:
    """The people taking part: the plan counts them in each group."""
    return selectors.participant_count(project=project)
