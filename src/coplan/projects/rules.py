"""Who may do what in a project.

A person who is not a member of a project never reaches these rules: the
project is looked up through their membership, so they get "page not found".
Each capability's app declares its own permissions in its rules.py with
`Permission`; `coplan.projects.access.project_view` checks them all the same way,
and a view asks `membership.may(permission)` for what a page shows.
"""

from dataclasses import dataclass

from coplan.projects.roles import Role

ALL_ROLES = frozenset(Role)
STAFF_ROLES = frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.FINANCE})
LEADS = frozenset({Role.LEAD})
CO_PRODUCERS = frozenset({Role.CO_PRODUCER})
FACILITATORS = frozenset({Role.FACILITATOR})
MANAGERS = frozenset({Role.MANAGER})


@dataclass(frozen=True)
class Permission:
    """Something a member may do, and the roles that may do it."""

    name: str
    roles: frozenset[Role]

    def allows(self, role: str) -> bool:
        return role in self.roles


VIEW_PROJECT = Permission("see the project", ALL_ROLES)
EDIT_PROJECT = Permission("change the project's details", LEADS)
# Everyone sees who else is in the project; email addresses are for staff roles.
VIEW_PEOPLE = Permission("see who is in the project", ALL_ROLES)
MANAGE_PEOPLE = Permission("invite people, change roles and remove people", LEADS)
SEE_CONTACT_DETAILS = Permission("see members' email addresses", STAFF_ROLES)
# "Download data" lists the spreadsheets each role may have (each with its own
# permission, from the app that holds the data); co-producers have none.
DOWNLOAD_DATA = Permission("see what data you may download", STAFF_ROLES)


def role_may(role: str, permission: Permission) -> bool:
    return permission.allows(role)
