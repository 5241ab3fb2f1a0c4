"""Who may do what with feedback, you said we did, self-reflection and lessons.

| permission                                 | lead | facil. | manager | finance | co-prod. |
|--------------------------------------------|------|--------|---------|---------|----------|
| see the feedback forms and their results   | yes  | yes    | yes     |         |          |
| make and change forms, type in paper ones  | yes  | yes    |         |         |          |
| give feedback on forms open to you         | yes  | yes    | yes     | yes     | yes      |
| see "you said, we did" and the general     | yes  | yes    | yes     | yes     | yes      |
| feeling of each form                       |      |        |         |         |          |
| write and publish "you said, we did"       | yes  | yes    |         |         |          |
| send it to everyone involved, letters      | yes  |        |         |         |          |
| write your own self-reflection             | yes  | yes    |         |         |          |
| read reflections shared with the project   | yes  | yes    | yes     | yes     | yes      |
| see the project's lessons                  | yes  | yes    | yes     | yes     | yes      |
| add lessons                                | yes  | yes    |         |         |          |

Filling in a form is not a project page: it is reached by the form's link
(or a one-time link), and for forms that keep names, by signed-in members. A member
finds the forms open to them on "Give feedback" (and a co-producer on their home):
about the whole project or a meeting they were invited to and did not miss, with the
form's own link (forms by one-time links are given out one by one, with no name).

Why:
- Leads and facilitators run the meetings the feedback is about, so they make
  the forms and type in paper ones. Managers see results (they answer for the
  project) but do not change forms. Finance has no part in feedback.
- Co-producers do not see other people's free-text answers (they may name
  people), but "people involved do want to know what the general feeling was,
  so share it with them": the general feeling of each form and every "you said,
  we did" are on a page every member sees.
- Sending reaches people's email and home addresses, which the lead keeps
  (docs/decisions/0003), so the lead sends and prints the letters.
- A reflection is its author's own until they share it; then everyone in the
  project may read it. Nobody else can see, change or share it, the lead included.
- Lessons are written to be learned from, so every member sees them, and
  organisation staff read them across projects (organisation_staff_view).
"""

from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, LEADS, Permission

LEAD_FACILITATOR = frozenset({Role.LEAD, Role.FACILITATOR})

VIEW_FEEDBACK = Permission(
    "see the feedback forms and their results", frozenset({*LEAD_FACILITATOR, Role.MANAGER})
)
MANAGE_FEEDBACK = Permission("make and change feedback forms", LEAD_FACILITATOR)
GIVE_FEEDBACK = Permission("give feedback on the forms open to you", ALL_ROLES)
VIEW_YOU_SAID_WE_DID = Permission("see you said, we did", ALL_ROLES)
EDIT_YOU_SAID_WE_DID = Permission("write and publish you said, we did", LEAD_FACILITATOR)
SEND_YOU_SAID_WE_DID = Permission("send you said, we did to everyone involved", LEADS)
WRITE_REFLECTION = Permission("write your own self-reflection", LEAD_FACILITATOR)
VIEW_REFLECTIONS = Permission("read reflections shared with the project", ALL_ROLES)
VIEW_LESSONS = Permission("see the project's lessons", ALL_ROLES)
ADD_LESSONS = Permission("add lessons for next time", LEAD_FACILITATOR)


def reflection_may_read(*, user_id: int, author_id: int, is_shared: bool) -> bool:
    return user_id == author_id or is_shared


def reflection_may_change(*, user_id: int, author_id: int) -> bool:
    return user_id == author_id
