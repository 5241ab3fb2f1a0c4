"""Who may do what in a project: one table, read by every project view.

A person who is not a member of a project never reaches this far: the project
is looked up through their membership, so they get "page not found".
"""

from enum import StrEnum

from coplan.projects.roles import Role


class Permission(StrEnum):
    VIEW_PROJECT = "view_project"
    EDIT_PROJECT = "edit_project"
    VIEW_PEOPLE = "view_people"
    MANAGE_PEOPLE = "manage_people"


ALL_ROLES = frozenset(Role)
STAFF_ROLES = frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.FINANCE})

ROLES_ALLOWED: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_PROJECT: ALL_ROLES,
    Permission.EDIT_PROJECT: frozenset({Role.LEAD}),
    # Everyone can see who else is in the project; email addresses are for staff roles.
    Permission.VIEW_PEOPLE: ALL_ROLES,
    Permission.MANAGE_PEOPLE: frozenset({Role.LEAD}),
}


def role_may(role: str, permission: Permission) -> bool:
    return role in ROLES_ALLOWED[permission]


def may_see_contact_details(role: str) -> bool:
    return role in STAFF_ROLES
