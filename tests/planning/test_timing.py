"""The date rules: late, due soon and overdue, from today's date. The notice a meeting
gives has one rule, tested with the meetings' checks (tests/meetings/test_checks.py)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from coplan.planning import timing
from coplan.planning.timing import DateState

TODAY = datetime.date(2027, 3, 10)
DATES = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def test_date_state_yesterday_is_late():
    assert timing.date_state(due_on=_days(-1), done=False, today=TODAY) is DateState.LATE


def test_date_state_today_and_two_weeks_away_are_due_soon():
    states = [timing.date_state(due_on=_days(n), done=False, today=TODAY) for n in (0, 14)]

    assert states == [DateState.DUE_SOON, DateState.DUE_SOON]


def test_date_state_fifteen_days_away_is_later():
    assert timing.date_state(due_on=_days(15), done=False, today=TODAY) is DateState.LATER


def test_date_state_done_is_never_late():
    assert timing.date_state(due_on=_days(-30), done=True, today=TODAY) is DateState.DONE


def test_is_overdue_only_when_waiting_and_past_its_date():
    cases = [
        timing.is_overdue(due_on=_days(-1), signed=False, today=TODAY),
        timing.is_overdue(due_on=_days(0), signed=False, today=TODAY),
        timing.is_overdue(due_on=_days(-1), signed=True, today=TODAY),
    ]

    assert cases == [True, False, False]


@given(due_on=DATES, today=DATES, done=st.booleans())
def test_date_state_invariants(due_on, today, done):
    state = timing.date_state(due_on=due_on, done=done, today=today)

    assert (state is DateState.DONE) == done
    assert (state is DateState.LATE) == (not done and due_on < today)
    if state is DateState.DUE_SOON:
        assert 0 <= (due_on - today).days <= timing.SOON_DAYS
    assert timing.days_late(due_on=due_on, today=today) >= 0
