"""Who may do what with people's details. See
docs/decisions/0003-peoples-details-access-needs-and-consent.md.

Access needs are health data, so they are for the people who must meet them:
the project lead (plans meetings, venues, catering) and the facilitator (runs
the sessions). Managers see stakeholder groups, counts and anonymous equality
totals, never individuals. Finance and co-producers see the stakeholder map.
Everyone sees and changes their own details ("tell us once"), and nobody
else's. Organisation admins read the audit log and set how long people are kept.
"""

from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, LEADS, Permission

LEADS_AND_FACILITATORS = frozenset({Role.LEAD, Role.FACILITATOR})
LEADS_AND_MANAGERS = frozenset({Role.LEAD, Role.MANAGER})

VIEW_STAKEHOLDERS = Permission("see stakeholder groups and representation", ALL_ROLES)
MANAGE_STAKEHOLDERS = Permission("add, change and remove stakeholder groups", LEADS)
VIEW_PARTICIPANTS = Permission("see participants and how to contact them", LEADS_AND_FACILITATORS)
VIEW_ACCESS_NEEDS = Permission("see participants' access needs", LEADS_AND_FACILITATORS)
MANAGE_PARTICIPANTS = Permission(
    "add, import and change participants, their needs and consents", LEADS
)
EXPORT_OR_ERASE = Permission("download everything held about a person, or erase them", LEADS)
OWN_DETAILS = Permission("see and change your own details, needs and consents", ALL_ROLES)
GIVE_MONITORING = Permission("fill in the equality monitoring form", ALL_ROLES)
VIEW_MONITORING = Permission("see equality monitoring totals", LEADS_AND_MANAGERS)
MANAGE_MONITORING = Permission("set equality monitoring aims", LEADS)
