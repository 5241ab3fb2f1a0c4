"""Working days in England and Wales: no weekends, no bank holidays. Pure Python.

The bank holidays are worked out from the rules in the Banking and Financial
Dealings Act 1971 and the royal proclamations that follow it (New Year's Day,
Good Friday, Easter Monday, the first and last Mondays of May, the last Monday
of August, Christmas Day and Boxing Day, each moved to the next weekday when it
falls at a weekend), with the one-off changes listed in `MOVED` and `EXTRA`
(written here by hand from the proclamations, not downloaded). When a new
one-off holiday is proclaimed, add it to `EXTRA`.
"""

import datetime
from functools import lru_cache

# Holidays the usual rule would give that were moved by proclamation: usual date -> new date.
MOVED = {
    datetime.date(1995, 5, 1): datetime.date(1995, 5, 8),  # VE Day 50th anniversary
    datetime.date(2002, 5, 27): datetime.date(2002, 6, 4),  # Golden Jubilee
    datetime.date(2012, 5, 28): datetime.date(2012, 6, 4),  # Diamond Jubilee
    datetime.date(2020, 5, 4): datetime.date(2020, 5, 8),  # VE Day 75th anniversary
    datetime.date(2022, 5, 30): datetime.date(2022, 6, 2),  # Platinum Jubilee
}

# One-off extra bank holidays.
EXTRA = frozenset(
    {
        datetime.date(1999, 12, 31),  # Millennium
        datetime.date(2002, 6, 3),  # Golden Jubilee
        datetime.date(2011, 4, 29),  # Royal wedding
        datetime.date(2012, 6, 5),  # Diamond Jubilee
        datetime.date(2022, 6, 3),  # Platinum Jubilee
        datetime.date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        datetime.date(2023, 5, 8),  # Coronation of King Charles III
    }
)


def easter_sunday(year: int) -> datetime.date:
    """Easter Day in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> datetime.date:
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last = following - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=last.weekday())


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """The bank holidays of England and Wales in one year."""
    new_year = datetime.date(year, 1, 1)
    if new_year.weekday() >= 5:
        new_year += datetime.timedelta(days=7 - new_year.weekday())
    easter = easter_sunday(year)
    christmas = datetime.date(year, 12, 25)
    boxing = datetime.date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday
        christmas, boxing = christmas + datetime.timedelta(days=2), boxing + datetime.timedelta(2)
    elif christmas.weekday() == 6:  # Sunday: Boxing Day Monday, Christmas Tuesday
        christmas = christmas + datetime.timedelta(days=2)
    elif boxing.weekday() == 5:  # Friday Christmas, Saturday Boxing Day: Monday
        boxing = boxing + datetime.timedelta(days=2)
    usual = {
        new_year,
        easter - datetime.timedelta(days=2),
        easter + datetime.timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
        christmas,
        boxing,
    }
    days = {MOVED.get(day, day) for day in usual}
    days.update(day for day in EXTRA if day.year == year)
    return frozenset(days)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself does not count)."""
    if days < 0:
        raise ValueError("days must be 0 or more")
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days come after `start`, up to and including `end`."""
    if end <= start:
        return 0
    return sum(
        is_working_day(start + datetime.timedelta(days=offset))
        for offset in range(1, (end - start).days + 1)
    )
