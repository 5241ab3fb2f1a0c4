"""Who may do what with the sign-offs, timeline, budget and barriers.

| permission                | lead | facilitator | manager | finance | co-producer |
|---------------------------|------|-------------|---------|---------|-------------|
| see the "keeping track" page | yes | yes      | yes     | yes     | yes         |
| see the timeline          | yes  | yes         | yes     | yes     | yes         |
| change the timeline       | yes  | yes         |         |         |             |
| see the barriers          | yes  | yes         | yes     | yes     | yes         |
| change the barriers       | yes  | yes         |         |         |             |
| see the sign-off register | yes  | yes         | yes     | yes     |             |
| change the register       | yes  |             |         |         |             |
| record an outside sign-off | yes |             | yes     |         |             |
| ask a manager to sign off | yes  |             |         |         |             |
| read what was asked       | yes  |             | yes     |         |             |
| sign off or ask changes   |      |             | yes     |         |             |
| see the budget            | yes  |             | yes     | yes     |             |
| change the budget         | yes  |             |         |         |             |

Why:
- Leads plan, so they change everything.
- Facilitators run the sessions, so they keep the timeline (meeting dates and
  the notice people get) and work on lifting barriers with the group.
- Co-producers are equals in the work: they read the timeline and the barriers,
  written in plain words, including who is lifting each barrier. They do not
  see the sign-off register or the budget: both are the organisation's internal
  governance and accounts (names of staff outside the project, amounts per
  line), and what co-producers need from them is elsewhere: dates on the
  timeline, and how and when they are paid in payments.
- The manager "signs off what needs signing off". The lead asks a named manager
  of the project, which freezes a version of the plan (or the parts asked); a
  manager reads that version and signs it off, or asks for changes and says why
  (docs/decisions/0013-sign-off-versions.md). Any manager of the project may
  answer, so the work need not wait for one who is away; who answered is kept.
  What is read holds the budget and the whole staff plan, so only the lead and
  managers read it. Nobody marks a project member's sign-off done with one click:
  only a sign-off given by someone outside the project (for example the
  communications team agreeing the logos) is recorded by hand, by the lead or a
  manager (`sign_off_may_mark`).
- Finance reads the budget (planned against held) but does not plan it; the
  facilitator does not need the project's accounts to run sessions.
"""

from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, LEADS, MANAGERS, STAFF_ROLES, Permission

VIEW_TRACKING = Permission("see sign-offs, timeline, budget and barriers at a glance", ALL_ROLES)

VIEW_TIMELINE = Permission("see the timeline", ALL_ROLES)
EDIT_TIMELINE = Permission("change the timeline", frozenset({Role.LEAD, Role.FACILITATOR}))

VIEW_BARRIERS = Permission("see the barriers", ALL_ROLES)
EDIT_BARRIERS = Permission("change the barriers", frozenset({Role.LEAD, Role.FACILITATOR}))

VIEW_SIGN_OFFS = Permission("see the sign-off register", STAFF_ROLES)
EDIT_SIGN_OFFS = Permission("change the sign-off register", LEADS)
MARK_SIGNED = Permission(
    "record that someone outside the project signed off", frozenset({Role.LEAD, Role.MANAGER})
)
ASK_SIGN_OFF = Permission("ask a manager to sign off the plan", LEADS)
READ_SIGN_OFF_VERSION = Permission(
    "read what a manager is asked to sign off", frozenset({Role.LEAD, Role.MANAGER})
)
DECIDE_SIGN_OFF = Permission("sign off, or ask for changes", MANAGERS)

VIEW_BUDGET = Permission("see the budget", frozenset({Role.LEAD, Role.MANAGER, Role.FINANCE}))
EDIT_BUDGET = Permission("change the budget", LEADS)


def sign_off_may_mark(*, role: str, signer_is_member: bool) -> bool:
    """Only a sign-off from someone outside the project is recorded by hand (by the
    lead or a manager); a project member signs off what they were asked to read."""
    return MARK_SIGNED.allows(role) and not signer_is_member
