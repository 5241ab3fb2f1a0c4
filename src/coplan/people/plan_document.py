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
