"""Calendar files: a meeting's, one person's for the meeting they are invited to, and
their own feed of every meeting they are invited to."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from coplan.meeting_invitations import calendars, links, selectors
from coplan.meeting_invitations.rules import (
    DOWNLOAD_CALENDAR,
)
from coplan.meeting_invitations.views.base import invited_for, link_not_working, meeting_of
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _calendar_response(body: bytes, *, filename: str = "", download: bool = True) -> HttpResponse:
    response = HttpResponse(body, content_type=calendars.CONTENT_TYPE)
    if download:
        response["Content-Disposition"] = f'attachment; filename="{filename or "meeting"}.ics"'
    return response


@project_view(DOWNLOAD_CALENDAR)
def meeting_calendar(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    body = calendars.calendar_file(
        [selectors.calendar_meeting(meeting, joining=True)], name=meeting.title, now=timezone.now()
    )
    return _calendar_response(body, filename=slugify(meeting.title))


def reply_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """This one meeting, for the person's calendar."""
    invited = invited_for(token)
    if invited is None:
        return link_not_working(request)
    event = selectors.calendar_meeting(
        invited.meeting,
        url=links.reply_link(invited_id=invited.pk),
        cancelled=selectors.is_not_coming(invited),
        joining=True,
    )
    body = calendars.calendar_file([event], name=invited.meeting.title, now=timezone.now())
    return _calendar_response(body, filename=slugify(invited.meeting.title))


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own calendar feed: the meetings they are invited to, and nobody else's."""
    person_id = links.feed_token_read(token)
    person = selectors.person_for_feed(person_id=person_id) if person_id is not None else None
    if person is None:
        return link_not_working(request)
    events = [
        selectors.calendar_meeting(
            invited.meeting,
            url=links.reply_link(invited_id=invited.pk),
            cancelled=selectors.is_not_coming(invited),
            joining=True,
        )
        for invited in selectors.feed_invitations(person=person, today=timezone.localdate())
    ]
    body = calendars.calendar_file(events, name="Your meetings", now=timezone.now())
    return _calendar_response(body, download=False)
