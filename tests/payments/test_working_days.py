import datetime

from hypothesis import given
from hypothesis import strategies as st

from coplan.payments.working_days import (
    add_working_days,
    bank_holidays,
    easter_sunday,
    is_working_day,
    working_days_between,
)

D = datetime.date


def test_bank_holidays_of_2026_are_the_published_ones():
    assert sorted(bank_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),  # Boxing Day is a Saturday
    ]


def test_bank_holidays_of_2027_move_christmas_at_a_weekend():
    assert sorted(bank_holidays(2027)) == [
        D(2027, 1, 1),
        D(2027, 3, 26),
        D(2027, 3, 29),
        D(2027, 5, 3),
        D(2027, 5, 31),
        D(2027, 8, 30),
        D(2027, 12, 27),  # Christmas Day is a Saturday
        D(2027, 12, 28),
    ]


def test_one_off_holidays_are_kept():
    holidays_2022 = bank_holidays(2022)
    assert {D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19)} <= holidays_2022
    assert D(2022, 5, 30) not in holidays_2022  # moved to 2 June
    assert D(2023, 5, 8) in bank_holidays(2023)


def test_easter_dates_are_right():
    assert [easter_sunday(year) for year in (2024, 2025, 2026, 2027, 2038)] == [
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2027, 3, 28),
        D(2038, 4, 25),
    ]


def test_ten_working_days_skip_weekends():
    # Monday 1 March 2027 + 10 working days: two weekends skipped
    assert add_working_days(D(2027, 3, 1), 10) == D(2027, 3, 15)


def test_ten_working_days_skip_easter():
    # Monday 22 March 2027: Good Friday 26 March and Easter Monday 29 March skipped
    assert add_working_days(D(2027, 3, 22), 10) == D(2027, 4, 7)


def test_working_days_over_christmas():
    assert add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)


@given(
    start=st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
    days=st.integers(min_value=1, max_value=60),
)
def test_adding_working_days_lands_on_a_working_day_that_many_days_on(start, days):
    end = add_working_days(start, days)

    assert is_working_day(end)
    assert working_days_between(start, end) == days


@given(year=st.integers(min_value=1990, max_value=2100))
def test_every_year_has_eight_or_more_bank_holidays_on_weekdays(year):
    holidays = bank_holidays(year)

    assert len(holidays) >= 8
    assert all(day.weekday() < 5 and day.year == year for day in holidays)
