"""The kinds of answer a guide question can have, and how answers are read.

Answers arrive as plain values (as a form or a JSON column gives them) and are
read into one canonical form per kind, so rules can compare them safely.
"""

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

YES = "yes"
NO = "no"
NOT_SURE = "not sure"
YES_NO_VALUES = (YES, NO, NOT_SURE)

DAYS_IN_A_MONTH = Decimal("365.2425") / 12
LONGEST_DURATION_IN_DAYS = Decimal(10_000 * 366)


class AnswerKind(StrEnum):
    TEXT = "text"
    YES_NO = "yes-no"
    DATE = "date"
    DURATION = "duration"
    MONEY = "money"
    NUMBER = "number"
    CHOICE = "choice"
    CHECKLIST = "checklist"
    PEOPLE = "people"


class AnswerValueError(ValueError):
    """An answer that does not fit its question, said in plain words."""


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time as people say it: '6 months', '4 weeks'."""

    amount: Decimal
    unit: str  # days, weeks, months or years

    def __str__(self) -> str:
        amount = format(self.amount.normalize(), "f")
        unit = self.unit[:-1] if self.amount == 1 else self.unit
        return f"{amount} {unit}"

    @property
    def counts_months(self) -> bool:
        return self.unit in {"months", "years"}

    @property
    def months(self) -> Decimal:
        return self.amount * 12 if self.unit == "years" else self.amount

    @property
    def days(self) -> Decimal:
        if self.unit == "weeks":
            return self.amount * 7
        if self.counts_months:
            return self.months * DAYS_IN_A_MONTH
        return self.amount


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The time from one date to another, kept as the two dates.

    Comparing it with '6 months' counts calendar months, so 1 January to
    1 July is exactly 6 months.
    """

    start: datetime.date
    end: datetime.date


_DURATION_PATTERN = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(day|week|month|year)s?\s*$", re.IGNORECASE | re.ASCII
)


def duration_parse(text: str) -> Duration:
    """Read '6 months', '1 year', '4 weeks' or '10 days'."""
    match = _DURATION_PATTERN.match(text)
    if not match:
        raise AnswerValueError(
            f"'{text}' is not a length of time: write a number and days, weeks, months or years"
        )
    duration = Duration(Decimal(match.group(1)), match.group(2).lower() + "s")
    if duration.days > LONGEST_DURATION_IN_DAYS:
        raise AnswerValueError(f"'{text}' is longer than this planner can count")
    return duration


def _read_text(raw: object) -> str | None:
    if not isinstance(raw, str):
        raise AnswerValueError("Enter the answer as words")
    return raw.strip() or None


def _read_yes_no(raw: object) -> str:
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, str) and raw.strip().lower() in YES_NO_VALUES:
        return raw.strip().lower()
    raise AnswerValueError("Choose yes, no or not sure")


def _read_date(raw: object) -> datetime.date:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, str):
        try:
            return datetime.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise AnswerValueError("Enter a real date, for example 27 3 2026")


def _read_duration(raw: object) -> Duration:
    if isinstance(raw, Duration):
        return _checked_duration(raw)
    if isinstance(raw, dict) and set(raw) == {"amount", "unit"}:
        raw = f"{raw['amount']} {raw['unit']}"
    if not isinstance(raw, str):
        raise AnswerValueError("Enter a length of time, for example 6 months")
    return duration_parse(raw)


def _checked_duration(duration: Duration) -> Duration:
    units = {"days", "weeks", "months", "years"}
    amount = duration.amount
    if not isinstance(amount, Decimal) or not amount.is_finite() or duration.unit not in units:
        raise AnswerValueError("Enter a length of time, for example 6 months")
    if amount < 0 or duration.days > LONGEST_DURATION_IN_DAYS:
        raise AnswerValueError("Enter a length of time this planner can count")
    return duration


def number_read(raw: object, *, what: str = "a number") -> Decimal:
    """Read a number from a form or a file: 12, 12.5, '1,200', '£1,200.50'."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise AnswerValueError(f"Enter {what}")
    text = str(raw).strip().replace(",", "").removeprefix("£")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise AnswerValueError(f"Enter {what}") from None
    if not number.is_finite():
        raise AnswerValueError(f"Enter {what}")
    return number


def _read_money(raw: object) -> Decimal:
    money = number_read(raw, what="an amount of money, for example 250.00")
    if money < 0:
        raise AnswerValueError("An amount of money cannot be less than 0")
    return money


def _read_choice(raw: object, option_ids: tuple[str, ...]) -> str:
    if isinstance(raw, str) and raw in option_ids:
        return raw
    raise AnswerValueError("Choose one of the options")


def _read_checklist(raw: object, item_ids: tuple[str, ...]) -> tuple[str, ...]:
    ticked = _read_list(raw, "Tick the items that are done")
    unknown = [item for item in ticked if item not in item_ids]
    if unknown:
        raise AnswerValueError(f"'{unknown[0]}' is not on this checklist")
    return tuple(item for item in item_ids if item in ticked)


def _read_people(raw: object) -> tuple[str, ...] | None:
    if isinstance(raw, str):
        if not raw.strip():
            return None  # a blank box is no answer; an empty list means "nobody"
        raw = raw.splitlines()
    names = _read_list(raw, "List the people or groups, one a line")
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


def _read_list(raw: object, message: str) -> list[str]:
    if isinstance(raw, str | bytes | dict) or not isinstance(raw, Iterable):
        raise AnswerValueError(message)
    entries = list(raw)
    if not all(isinstance(entry, str) for entry in entries):
        raise AnswerValueError(message)
    return entries


def answer_value_read(
    kind: AnswerKind, raw: object, *, choices: tuple[str, ...] = ()
) -> object | None:
    """Read a raw answer into the canonical value for its kind.

    `choices` are the option ids of a choice or the item ids of a checklist.
    Returns None when there is nothing to read (no value, or only spaces).
    Raises AnswerValueError, in plain words, when the value does not fit.
    """
    if raw is None:
        return None
    readers = {
        AnswerKind.TEXT: _read_text,
        AnswerKind.YES_NO: _read_yes_no,
        AnswerKind.DATE: _read_date,
        AnswerKind.DURATION: _read_duration,
        AnswerKind.MONEY: _read_money,
        AnswerKind.NUMBER: number_read,
        AnswerKind.PEOPLE: _read_people,
    }
    if kind is AnswerKind.CHOICE:
        return _read_choice(raw, choices)
    if kind is AnswerKind.CHECKLIST:
        return _read_checklist(raw, choices)
    return readers[kind](raw)


def _months_later(start: datetime.date, months: int) -> tuple[int, int, int]:
    """The date `months` calendar months after `start`, as (year, month, day).

    The day is clamped to the end of a shorter month (31 January + 1 month is
    28 or 29 February). Years past 9999 are allowed: it is only compared.
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(min(year, 9999), month + 1)[1]
    return year, month + 1, min(start.day, last_day)


def _sign(number: Decimal | int) -> int:
    return (number > 0) - (number < 0)


def _span_order(span: DateSpan, threshold: Duration) -> int:
    if threshold.counts_months and threshold.months == int(threshold.months):
        target = _months_later(span.start, int(threshold.months))
        end = (span.end.year, span.end.month, span.end.day)
        return (end > target) - (end < target)
    return _sign((span.end - span.start).days - threshold.days)


def _duration_order(duration: Duration, threshold: Duration) -> int:
    if duration.counts_months and threshold.counts_months:
        return _sign(duration.months - threshold.months)
    return _sign(duration.days - threshold.days)


def value_order(value: object, threshold: object) -> int | None:
    """-1, 0 or 1 as value is less than, equal to or more than threshold.

    None when the two cannot be compared.
    """
    if isinstance(value, DateSpan) and isinstance(threshold, Duration):
        return _span_order(value, threshold)
    if isinstance(value, Duration) and isinstance(threshold, Duration):
        return _duration_order(value, threshold)
    if isinstance(value, Decimal) and isinstance(threshold, Decimal):
        return (value > threshold) - (value < threshold)
    if isinstance(value, datetime.date) and isinstance(threshold, datetime.date):
        return (value > threshold) - (value < threshold)
    return None


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def date_words(date: datetime.date) -> str:
    """A date as people write it: 4 January 2027 (the engine knows no locale)."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def _whole_months(start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """Whole calendar months from start to end, and the days left over."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and _months_later(start, months) > (end.year, end.month, end.day):
        months -= 1
    year, month, day = _months_later(start, months)
    return months, (end - datetime.date(year, month, day)).days


def duration_between(start: datetime.date, end: datetime.date) -> str:
    """The time between two dates in plain words: "3 months", "about 5 months", "10 days"."""
    months, days = _whole_months(start, end)
    if months >= 2:
        rounded = months + 1 if days > 15 else months
        return str(Duration(Decimal(rounded), "months")) if not days else f"about {rounded} months"
    total = (end - start).days
    if total >= 14 and total % 7 == 0:
        return str(Duration(Decimal(total // 7), "weeks"))
    if total >= 14:
        return f"about {round(total / 7)} weeks"
    return str(Duration(Decimal(total), "days"))


def durations_agree(said: Duration, start: datetime.date, end: datetime.date) -> bool:
    """Whether a length of time someone gave is near enough the time between two dates:
    within a month, or within a tenth of that time for longer projects."""
    span = Decimal((end - start).days)
    allowed = max(DAYS_IN_A_MONTH, span / 10)
    return abs(said.days - span) <= allowed
