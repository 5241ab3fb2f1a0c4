"""Paying people, worked out exactly in whole pence. Pure Python with no Django import.

Each line of a claim is rounded to whole pence once, when it is worked out
(half a penny or more rounds up); a claim's total is the sum of its lines, so
totals always add up and nothing drifts however many lines there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# The longest a meeting or activity can be and still be a half day, unless the policy says.
MINUTES_IN_HOUR = 60
MAX_MILES = Decimal("2000")


def whole_pence(value: Decimal) -> int:
    """An exact amount in pence rounded to a whole penny (half a penny rounds up)."""
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def hourly_pence(*, minutes: int, hour_rate_pence: int) -> int:
    """Pay for a length of time at a rate an hour: 90 minutes at £15 an hour is 2250."""
    if minutes < 0 or hour_rate_pence < 0:
        raise ValueError("minutes and rate must be 0 or more")
    return whole_pence(Decimal(minutes) * Decimal(hour_rate_pence) / MINUTES_IN_HOUR)


def mileage_pence(*, miles: Decimal, pence_per_mile: int) -> int:
    """Miles times the rate a mile: 12.5 miles at 45p is 563 (562.5 rounded up)."""
    if miles < 0 or pence_per_mile < 0:
        raise ValueError("miles and rate must be 0 or more")
    return whole_pence(Decimal(miles) * Decimal(pence_per_mile))


@dataclass(frozen=True)
class Rates:
    """The rates of one policy, in whole pence (None where the policy has no such rate)."""

    basis: str  # "hour", "half_day" or "activity"
    hour_rate_pence: int | None = None
    half_day_rate_pence: int | None = None
    day_rate_pence: int | None = None
    activity_rate_pence: int | None = None
    half_day_up_to_minutes: int = 240


@dataclass(frozen=True)
class TimePay:
    """What someone is paid for a meeting, and how it was worked out, in plain words."""

    pence: int
    how: str


def _money(pence: int) -> str:
    pounds = (Decimal(pence) / 100).quantize(Decimal("0.01"))
    return f"£{pounds:,}"


def _length_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " and ".join(parts) or "0 minutes"


def meeting_pay(*, rates: Rates, minutes: int) -> TimePay | None:
    """Pay for taking part in a meeting of this length, or None if the policy has no rate."""
    if rates.basis == "hour" and rates.hour_rate_pence is not None:
        pence = hourly_pence(minutes=minutes, hour_rate_pence=rates.hour_rate_pence)
        how = f"{_length_words(minutes)} at {_money(rates.hour_rate_pence)} an hour"
        return TimePay(pence, how)
    if rates.basis == "half_day":
        if minutes <= rates.half_day_up_to_minutes and rates.half_day_rate_pence is not None:
            return TimePay(rates.half_day_rate_pence, f"Half a day ({_length_words(minutes)})")
        if rates.day_rate_pence is not None:
            return TimePay(rates.day_rate_pence, f"A day ({_length_words(minutes)})")
        return None
    if rates.basis == "activity" and rates.activity_rate_pence is not None:
        return TimePay(rates.activity_rate_pence, "A set amount for each meeting or activity")
    return None


def extra_time_pay(*, rates: Rates, minutes: int) -> TimePay | None:
    """Pay for other time (reading papers, preparation, travel time): by the hour only."""
    if rates.hour_rate_pence is None:
        return None
    pence = hourly_pence(minutes=minutes, hour_rate_pence=rates.hour_rate_pence)
    return TimePay(pence, f"{_length_words(minutes)} at {_money(rates.hour_rate_pence)} an hour")


def total_pence(amounts: Iterable[int]) -> int:
    return sum(amounts, 0)
