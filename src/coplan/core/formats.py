"""How dates, times and typed text are written on pages: GOV.UK style, e.g. "4 June 2026"."""

import datetime
import re

from django.utils import timezone
from markupsafe import Markup, escape


def long_date(value: datetime.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def day_and_date(value: datetime.date | None) -> str:
    """The day written out with its date, as Easy Read and reminders say it: "Tuesday 4 May
    2027"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value:%A} {long_date(value)}"


def date_time(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{long_date(local)} at {hour}{minutes}{suffix}"


def paragraphs(text: str | None) -> Markup:
    """Text someone typed, as the page shows it: a paragraph for each block split by a
    blank line, a line break for each single new line. The text is escaped once, here,
    and the result is markup, so it is passed to a component as its "html"."""
    blocks = re.split(r"\n[ \t]*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return Markup("").join(
        Markup('<p class="govuk-body">{}</p>').format(
            Markup("<br>").join(escape(line.strip()) for line in block.strip().split("\n"))
        )
        for block in blocks
        if block.strip()
    )


def as_sentence(words: str) -> str:
    """Words someone typed as one sentence of their own, as Easy Read lines are: on one
    line, ending with a full stop (or the question or exclamation mark it has)."""
    words = " ".join(words.split())
    return words if not words or words.endswith((".", "!", "?")) else f"{words}."
