"""Date rules for sign-offs and the timeline, worked out from today's date.

Pure Python with no Django import, so the rules can be tested alone. Nothing
here is stored: late, close and overdue are always computed again. The notice a
meeting gives has one rule, `coplan.meetings.checks.notice_check`, used by the
timeline too.
"""

import datetime
import enum

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


def is_overdue(*, due_on: datetime.date, signed: bool, today: datetime.date) -> bool:
    """A sign-off is overdue when it is not signed and its date has passed."""
    return not signed and due_on < today
