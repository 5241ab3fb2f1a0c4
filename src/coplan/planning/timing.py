"""Date rules for sign-offs and the timeline, worked out from today's date.

Pure Python with no Django import, so the rules can be tested alone. Nothing
here is stored: late, close, overdue and notice are always computed again.
"""

import datetime
import enum
from dataclasses import dataclass

# The seed: "make sure people have at least 4 weeks' notice" of a meeting.
NOTICE_DAYS = 28
# A milestone within this many days of today is "due soon".
SOON_DAYS = 14


class DateState(enum.Enum):
    """Where a dated thing stands against today."""

    DONE = "done"
    LATE = "late"
    DUE_SOON = "due soon"
    LATER = "later"


def date_state(*, due_on: datetime.date, done: bool, today: datetime.date) -> DateState:
    """Done; late (the date has passed); due soon (within SOON_DAYS); or later."""
    if done:
        return DateState.DONE
    if due_on < today:
        return DateState.LATE
    if (due_on - today).days <= SOON_DAYS:
        return DateState.DUE_SOON
    return DateState.LATER


def days_late(*, due_on: datetime.date, today: datetime.date) -> int:
    return max((today - due_on).days, 0)


class NoticeState(enum.Enum):
    """Whether the people invited to a meeting get at least 4 weeks' notice."""

    ENOUGH = "enough notice"
    TOO_SHORT = "less than 4 weeks' notice"
    NOT_SET = "no date for invitations yet"
    TOO_LATE = "too late for 4 weeks' notice"


@dataclass(frozen=True)
class NoticeCheck:
    state: NoticeState
    invite_by: datetime.date
    notice_days: int | None

    @property
    def is_problem(self) -> bool:
        return self.state in (NoticeState.TOO_SHORT, NoticeState.TOO_LATE)


def notice_check(
    *,
    meeting_on: datetime.date,
    invitations_on: datetime.date | None,
    today: datetime.date,
) -> NoticeCheck:
    """Check the notice a meeting gives.

    With a date for invitations: enough when it is at least NOTICE_DAYS before
    the meeting. Without one: still possible while today is on or before the
    last day to invite (NOT_SET), otherwise TOO_LATE.
    """
    invite_by = meeting_on - datetime.timedelta(days=NOTICE_DAYS)
    if invitations_on is not None:
        notice = (meeting_on - invitations_on).days
        state = NoticeState.ENOUGH if notice >= NOTICE_DAYS else NoticeState.TOO_SHORT
        return NoticeCheck(state, invite_by, notice)
    state = NoticeState.NOT_SET if today <= invite_by else NoticeState.TOO_LATE
    return NoticeCheck(state, invite_by, None)


def is_overdue(*, due_on: datetime.date, signed: bool, today: datetime.date) -> bool:
    """A sign-off is overdue when it is not signed and its date has passed."""
    return not signed and due_on < today
