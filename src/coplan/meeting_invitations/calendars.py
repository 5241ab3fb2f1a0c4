"""Calendar files (iCalendar, RFC 5545) for meetings: one file per meeting, and each
person's own feed of the meetings they are invited to.

Times are written as wall-clock times in Europe/London (`TZID=Europe/London`)
with the zone's rules in a VTIMEZONE, so a meeting on the day the clocks change
is at the right time in every calendar app. Each meeting keeps one UID for its
life; SEQUENCE goes up when the meeting changes (worked out from when it was
last changed), so calendar apps replace the old event. A meeting someone said
they are not coming to is sent as cancelled in their feed.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings

from coplan.meetings.checks import meeting_times

if TYPE_CHECKING:
    import icalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT = "-//Co-production Planner//coplan//EN"


@dataclass(frozen=True)
class CalendarMeeting:
    """One meeting as a calendar event."""

    key: int
    title: str
    meets_on: datetime.date
    starts_at: datetime.time
    length_minutes: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "coplan"


def meeting_uid(key: int) -> str:
    return f"meeting-{key}@{_host()}"


def sequence_of(created_at: datetime.datetime, updated_at: datetime.datetime) -> int:
    """A number that goes up whenever the meeting is changed: seconds since it was made."""
    return max(0, int((updated_at - created_at).total_seconds()))


def london_timezone() -> "icalendar.Timezone":
    """Europe/London's rules as they have been since 1996 (the EU rules the UK kept):
    clocks go forward at 1am GMT on the last Sunday in March and back at 2am BST on
    the last Sunday in October."""
    import icalendar  # when a calendar file is made, not held by every worker

    zone = icalendar.Timezone()
    zone.add("tzid", settings.TIME_ZONE)
    summer = icalendar.TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=0))
    summer.add("tzoffsetto", datetime.timedelta(hours=1))
    summer.add("dtstart", datetime.datetime(1981, 3, 29, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = icalendar.TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=1))
    winter.add("tzoffsetto", datetime.timedelta(hours=0))
    winter.add("dtstart", datetime.datetime(1996, 10, 27, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _event(meeting: CalendarMeeting, *, now: datetime.datetime) -> "icalendar.Event":
    import icalendar

    times = meeting_times(
        meets_on=meeting.meets_on,
        starts_at=meeting.starts_at,
        length_minutes=meeting.length_minutes,
        zone=settings.TIME_ZONE,
    )
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting.key))
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("created", meeting.created_at.astimezone(datetime.UTC))
    event.add("sequence", sequence_of(meeting.created_at, meeting.updated_at))
    event.add("summary", meeting.title)
    event.add("dtstart", times.starts, parameters={"TZID": settings.TIME_ZONE})
    event.add("dtend", times.ends, parameters={"TZID": settings.TIME_ZONE})
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if meeting.cancelled else "OPAQUE")
    if meeting.location:
        event.add("location", meeting.location)
    if meeting.description:
        event.add("description", meeting.description)
    if meeting.url:
        event.add("url", meeting.url)
    return event


def calendar_file(meetings: list[CalendarMeeting], *, name: str, now: datetime.datetime) -> bytes:
    """An iCalendar file with these meetings (none is fine: an empty feed is valid).
    icalendar is imported here, when a file is made: a worker that makes none does not
    hold it."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # Calendar apps ask again about this often for a feed.
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(london_timezone())
    for meeting in meetings:
        calendar.add_component(_event(meeting, now=now))
    return calendar.to_ical()
