"""Who may do what with meetings, workshops and venues.

| permission                                  | lead | facilitator | manager | finance | co-prod. |
|---------------------------------------------|------|-------------|---------|---------|----------|
| see meetings and whether each is ready      | yes  | yes         | yes     | yes     | yes      |
| see the ready / not ready list of a meeting | yes  | yes         | yes     | yes     |          |
| plan a meeting, its paperwork and papers    | yes  | yes         |         |         |          |
| see and change who is invited, and replies  | yes  | yes         |         |         |          |
| see the catering summary (counts, no names) | yes  | yes         |         |         |          |
| see who a need not met is for (names)       | yes  | yes         |         |         |          |

Why:
- A co-producer takes part in meetings rather than runs them: their page for a meeting
  is what they need to come (when, where, getting there, joining online, their papers
  and their reply), not the staff's list of what is still to do.
- Leads plan the project; facilitators run the sessions and check that everyone
  in the room has what they need, so both plan meetings (as they keep the
  timeline in planning/rules.py).
- Who is invited is a list of participants, and participants' names are for
  leads and facilitators (people/rules.py, VIEW_PARTICIPANTS).
- The "needs met" check names people only for roles with
  `people.rules.VIEW_ACCESS_NEEDS`; everyone else who sees the meeting sees how
  many needs are not met, never whose.
- The catering summary has no names, but small counts can point at someone in a
  small group, so it is for those who deal with the caterer.

Venues belong to the organisation, not a project, and are reached only through
the person's staff membership (`organisations.selectors.staff_membership`, as
`organisations.access` does):
- every member of the organisation's staff sees the venue library (to choose a
  venue, or ask about one);
- staff who lead a project of the organisation, and organisation admins, add and
  change venues and their accessibility audit. They book venues and check them;
  other staff (finance, managers) do not run meetings.
Choosing a venue for a meeting is part of planning the meeting (EDIT_MEETINGS):
the venue list offered is the project's organisation's.

The least notice (28 days, or more) is an organisation setting for its admins.
"""

from coplan.organisations.models import StaffMembership
from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, STAFF_ROLES, Permission

LEADS_AND_FACILITATORS = frozenset({Role.LEAD, Role.FACILITATOR})

VIEW_MEETINGS = Permission("see meetings and whether each is ready", ALL_ROLES)
VIEW_READINESS = Permission("see the ready / not ready list of a meeting", STAFF_ROLES)
EDIT_MEETINGS = Permission("plan meetings, their paperwork and papers", LEADS_AND_FACILITATORS)
MANAGE_INVITED = Permission(
    "see and change who is invited, and their replies", LEADS_AND_FACILITATORS
)
VIEW_CATERING = Permission("see the catering summary", LEADS_AND_FACILITATORS)


def may_change_venues(staff_membership: StaffMembership, *, leads_a_project: bool) -> bool:
    """Organisation admins, and staff who lead a project of the organisation."""
    return staff_membership.is_admin or leads_a_project


def may_set_notice(staff_membership: StaffMembership) -> bool:
    """The organisation's least notice is set by its admins."""
    return staff_membership.is_admin
