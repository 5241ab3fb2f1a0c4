"""Who may do what in working together: agreements, the car park, actions,
shared definitions, what can and cannot change, and session records.

| permission                              | lead | facilitator | manager | finance | co-producer |
|-----------------------------------------|------|-------------|---------|---------|-------------|
| see all of it, and the minutes          | yes  | yes         | yes     | yes     | yes         |
| write, change or take out an agreement  | yes  | yes         | yes     | yes     | yes         |
| add to the car park                     | yes  | yes         | yes     | yes     | yes         |
| comment on a car park item or minutes   | yes  | yes         | yes     | yes     | yes         |
| change the words of a car park item     | yes  | yes         | own*    | own*    | own*        |
| follow up the car park (owner, plan)    | yes  | yes         |         |         |             |
| answer a car park item                  | yes  | yes         | owner** | owner** | owner**     |
| add and change actions                  | yes  | yes         |         |         |             |
| mark an action done                     | yes  | yes         | owner** | owner** | owner**     |
| add and change shared definitions       | yes  | yes         |         |         |             |
| say what can and cannot change          | yes  |             | yes     |         |             |
| record sessions, revisit agreements,    | yes  | yes         |         |         |             |
| tick the key essentials                 |      |             |         |         |             |

\\* while it is not answered: what someone raised is theirs to put into words.
\\** the member who owns the item or action.

Why:
- The guide says agreements are "produced collaboratively and owned by the
  group", not set by the facilitator: so anyone in the project may record one,
  and every change keeps the earlier wording with who changed it and when.
- "Invite anyone to add to the car park": every member adds items and comments.
  Following items up (an owner, what will happen, by when) is the facilitator's
  and lead's job, so nothing is left on the flip chart; whoever owns an item
  may give the answer, which every member then sees.
- Actions are set by those who run the sessions; whoever owns one marks it done.
- Shared definitions are agreed by the group in a session and recorded by the
  facilitator or lead, so one person cannot quietly change a word's meaning.
- What cannot change is the organisation's to say openly: the lead and the
  manager know the limits (money, law, decisions already made) and answer for them.
- The key essentials checklist is the facilitator's own prompt for running the
  session; co-producers see the session, its agenda and minutes, not the
  facilitator's checklist or who ticked it.
"""

from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, LEADS, Permission

LEAD_FACILITATOR = frozenset({Role.LEAD, Role.FACILITATOR})
RUNS_SESSIONS = LEAD_FACILITATOR

VIEW_WORKING_TOGETHER = Permission(
    "see the agreements, car park, actions, shared definitions, sessions and minutes", ALL_ROLES
)
RECORD_AGREEMENTS = Permission("write, change or take out the group's agreements", ALL_ROLES)
ADD_TO_CAR_PARK = Permission("add to the car park", ALL_ROLES)
COMMENT = Permission("comment on car park items and minutes", ALL_ROLES)
# Everyone reaches these pages; car_park_may_change and car_park_may_answer decide per item.
CHANGE_CAR_PARK_ITEM = Permission("change the words of a car park item", ALL_ROLES)
ANSWER_CAR_PARK = Permission("answer a car park item", ALL_ROLES)
FOLLOW_UP_CAR_PARK = Permission("follow up car park items", RUNS_SESSIONS)
MANAGE_ACTIONS = Permission("add and change actions", RUNS_SESSIONS)
MARK_ACTION_DONE = Permission("mark an action done", ALL_ROLES)
EDIT_DEFINITIONS = Permission("add and change shared definitions", RUNS_SESSIONS)
EDIT_WHAT_CAN_CHANGE = Permission(
    "say what can and cannot change", frozenset({*LEADS, Role.MANAGER})
)
RUN_SESSIONS = Permission(
    "record sessions, revisit the agreements and use the key essentials", RUNS_SESSIONS
)


def car_park_may_change(*, role: str, is_raiser: bool, is_answered: bool) -> bool:
    """The person who raised an item may reword it until it is answered; so may those
    who run the sessions."""
    if role in RUNS_SESSIONS:
        return True
    return is_raiser and not is_answered


def car_park_may_answer(*, role: str, is_owner: bool) -> bool:
    return role in RUNS_SESSIONS or is_owner


def action_may_mark_done(*, role: str, is_owner: bool) -> bool:
    return role in RUNS_SESSIONS or is_owner
