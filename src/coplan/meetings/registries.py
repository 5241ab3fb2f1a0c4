"""What other apps add to a meeting's page, without meetings importing them.

An app that works on meetings (invitations, for one) registers a function in
`MEETING_LINKS` from its `contributions.py` (see `coplan.core.registry`); the meeting
page shows the links each one gives for this member and this meeting, in the order
each asked for. Meetings never names those apps: they depend on it, not it on them.

A member who takes part rather than runs meetings (no `rules.VIEW_READINESS`) sees a
meeting's page drawn for them: what it is, when, where, getting there and their papers,
then the parts other apps register in `MEETING_PARTS` (their reply, "add to my
calendar"): each a function of the member, the meeting and their own invitation (None if
they are not invited) giving (template, the dictionary it is drawn with as `part`), or
None.

The API's meetings carry their calendar addresses from `MEETING_CALENDARS`: each a
function of the member and a page of meetings giving, by meeting id, the addresses that
member may use (a few queries for the whole page, never one a meeting).
"""

from collections.abc import Callable
from dataclasses import dataclass

from coplan.core.registry import Registry
from coplan.meetings.models import InvitedPerson, Meeting
from coplan.projects.models import Membership


@dataclass(frozen=True)
class MeetingLink:
    text: str
    href: str


MeetingLinks = Callable[[Membership, Meeting], list[MeetingLink]]

MEETING_LINKS: Registry[MeetingLinks] = Registry("links on a meeting's page")


def meeting_links(*, membership: Membership, meeting: Meeting) -> list[MeetingLink]:
    """The links the other apps give this member on this meeting's page."""
    return [link for contributor in MEETING_LINKS for link in contributor(membership, meeting)]


MeetingPart = Callable[[Membership, Meeting, InvitedPerson | None], tuple[str, dict] | None]

MEETING_PARTS: Registry[MeetingPart] = Registry("parts of a meeting's page for those taking part")


def meeting_parts(
    *, membership: Membership, meeting: Meeting, invited: InvitedPerson | None
) -> list[tuple[str, dict]]:
    """What the other apps add to the meeting's page for someone taking part."""
    return [
        shown
        for contributor in MEETING_PARTS
        if (shown := contributor(membership, meeting, invited)) is not None
    ]


@dataclass(frozen=True)
class CalendarLinks:
    file: str | None  # the meeting's calendar file, as its page's link (needs signing in)
    your_feed: str | None  # the member's own calendar feed, if they are invited to it


MeetingCalendars = Callable[[Membership, list[Meeting]], dict[int, CalendarLinks]]

MEETING_CALENDARS: Registry[MeetingCalendars] = Registry("calendar addresses of meetings")


def meeting_calendars(
    *, membership: Membership, meetings: list[Meeting]
) -> dict[int, CalendarLinks]:
    """The calendar addresses the other apps give this member for these meetings."""
    found: dict[int, CalendarLinks] = {}
    for contributor in MEETING_CALENDARS:
        for meeting_id, links in contributor(membership, meetings).items():
            found.setdefault(meeting_id, links)
    return found
