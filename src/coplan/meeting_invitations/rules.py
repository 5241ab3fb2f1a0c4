"""Who may do what with invitations, replies, calendars and attendance.

| permission                                | lead | facilitator | manager | finance | co-prod. |
|-------------------------------------------|------|-------------|---------|---------|----------|
| write, preview and send invitations       | yes  | yes         |         |         |          |
| record who came on the day                | yes  | yes         |         |         |          |
| download a meeting's calendar file        | yes  | yes         | yes     | yes     | yes      |
| their own meetings, and reply to them     | yes  | yes         | yes     | yes     | yes      |

Why:
- Invitations and letters carry names, addresses and each person's role: they are
  for the people who plan meetings and may see participants (meetings/rules.py,
  MANAGE_INVITED).
- The lead or facilitator is in the room, so they record who came; attendance
  feeds payments later, which finance reads there, not here.
- Everyone who sees a meeting may put it in their calendar (no names in it).
- Anyone may be invited, staff too: each member sees the meetings they are invited to
  and replies for themselves, signed in, through their own person record
  (`meetings.selectors.your_invitations`), never anyone else's invitation.

The reply link and the calendar feed (docs/decisions/0006) are the only pages with no sign-in: each
is a signed link for one person (`links`), and shows only that person's own
invitation: never anyone's access needs, never other people.
"""

from coplan.meetings.rules import LEADS_AND_FACILITATORS, VIEW_MEETINGS
from coplan.projects.rules import ALL_ROLES, Permission

SEND_INVITATIONS = Permission("write, preview and send invitations", LEADS_AND_FACILITATORS)
RECORD_ATTENDANCE = Permission("record who came to a meeting", LEADS_AND_FACILITATORS)
DOWNLOAD_CALENDAR = VIEW_MEETINGS
REPLY_YOURSELF = Permission("see the meetings you are invited to and reply", ALL_ROLES)
