"""How dates and times are written on pages: GOV.UK style, e.g. "4 June 2026"."""

import datetime

from django.utils import timezone


def long_date(value: datetime.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def date_time(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{long_date(local)} at {hour}{minutes}{suffix}"
