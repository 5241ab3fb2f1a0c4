"""The project's menu and the overview's parts, from what each app registers.

Every app with pages in a project registers its start page in `PROJECT_NAV`, from its
`contributions.py`; if something of its can be late or over, a function in
`NEEDS_ATTENTION`; if it has a part of its own on the overview, an `OverviewPanel`.
So the projects app names no other app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coplan.core.registry import Registry
from coplan.projects.models import Membership


@dataclass(frozen=True)
class NavEntry:
    """An app's start page in the project's menu; `section` marks it as the current one."""

    section: str
    url_name: str
    text: str


# What needs attention in one app, for this member: each note in plain words, with where
# to look.
Attention = Callable[[Membership], list[tuple[str, str]]]


@dataclass(frozen=True)
class OverviewPanel:
    """A part of the overview, above "Needs attention": `template` is drawn with `panel`,
    the dictionary `find(membership)` gives."""

    template: str
    find: Callable[[Membership], dict]


PROJECT_NAV: Registry[NavEntry] = Registry("project navigation")
NEEDS_ATTENTION: Registry[Attention] = Registry("needs attention")
OVERVIEW_PANELS: Registry[OverviewPanel] = Registry("overview panels")


def project_nav() -> list[NavEntry]:
    return list(PROJECT_NAV)


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """What is late or over on the project, in plain words, each with where to look."""
    return [note for attention in NEEDS_ATTENTION for note in attention(membership)]


def overview_panels(membership: Membership) -> list[tuple[str, dict]]:
    """Each app's part of the overview: its template and what it draws."""
    return [(panel.template, panel.find(membership)) for panel in OVERVIEW_PANELS]
