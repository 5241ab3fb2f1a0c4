"""Reading pages as people see them, for the planning tests."""

import datetime
import html
import re

from django.utils import timezone


def words(response) -> str:
    """The page with HTML character references turned back into characters."""
    return html.unescape(response.content.decode())


def tags(page: str) -> list[str]:
    """The words in each GOV.UK tag on the page, in order."""
    return re.findall(r'<strong class="govuk-tag[^"]*">\s*(.*?)\s*</strong>', page, re.S)


def days_from_today(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def date_fields(prefix: str, value: datetime.date) -> dict:
    """A date as the GOV.UK day, month and year boxes post it."""
    return {
        f"{prefix}-day": str(value.day),
        f"{prefix}-month": str(value.month),
        f"{prefix}-year": str(value.year),
    }
