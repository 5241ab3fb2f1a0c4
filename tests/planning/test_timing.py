"""The date rules: late, due soon, overdue and 4 weeks' notice, from today's date."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from coplan.planning import timing
from coplan.planning.timing import DateState, NoticeState

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


def test_notice_check_exactly_four_weeks_is_enough():
    check = timing.notice_check(meeting_on=_days(40), invitations_on=_days(12), today=TODAY)

    assert (check.state, check.notice_days, check.is_problem) == (NoticeState.ENOUGH, 28, False)


def test_notice_check_twenty_seven_days_is_too_short():
    check = timing.notice_check(meeting_on=_days(40), invitations_on=_days(13), today=TODAY)

    assert (check.state, check.notice_days, check.is_problem) == (NoticeState.TOO_SHORT, 27, True)


def test_notice_check_without_invitation_date_says_when_to_invite():
    check = timing.notice_check(meeting_on=_days(28), invitations_on=None, today=TODAY)

    assert (check.state, check.invite_by, check.is_problem) == (NoticeState.NOT_SET, TODAY, False)


def test_notice_check_without_invitation_date_too_late_once_the_day_has_passed():
    check = timing.notice_check(meeting_on=_days(27), invitations_on=None, today=TODAY)

    assert (check.state, check.is_problem) == (NoticeState.TOO_LATE, True)


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


@given(meeting_on=DATES, invitations_on=st.one_of(st.none(), DATES), today=DATES)
def test_notice_check_invariants(meeting_on, invitations_on, today):
    check = timing.notice_check(meeting_on=meeting_on, invitations_on=invitations_on, today=today)

    assert (meeting_on - check.invite_by).days == timing.NOTICE_DAYS
    if invitations_on is None:
        assert check.notice_days is None
        assert check.is_problem == (today > check.invite_by)
    else:
        assert check.notice_days == (meeting_on - invitations_on).days
        assert check.is_problem == (check.notice_days < timing.NOTICE_DAYS)
