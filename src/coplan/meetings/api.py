"""The API's meetings of a project (decision 0017; registered in `contributions.py`):
what each role sees as on the meetings pages."""

import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from coplan.core.api_parts import (
    MAX_PER_PAGE,
    TOKEN_PROBLEMS,
    FromDate,
    PageLinks,
    PageNumber,
    ProjectId,
    ToDate,
    page_links,
    page_slice,
)
from coplan.meetings import rules as meetings_rules
from coplan.meetings import selectors as meetings_selectors
from coplan.meetings.models import Reply
from coplan.meetings.registries import meeting_calendars
from coplan.projects.access import member_allowed

router = Router(tags=["meetings"])

# Meetings come with their checks: as many on a page as on the meetings page, unless asked.
MeetingsPerPage = Query(
    meetings_selectors.MEETINGS_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many on a page."
)
WhenFilter = Query(
    None,
    description="Only the meetings to come (from today), or only past ones, the most "
    "recent first, as on the meetings page.",
)


class MeetingCheck(Schema):
    key: str
    title: str
    ready: bool
    summary: str
    next_step: str


class Replies(Schema):
    no_reply: int
    in_person: int
    online: int
    not_coming: int


class MeetingOut(Schema):
    id: int
    title: str
    format: str
    date: datetime.date
    # Local time where the meeting is (the service's time zone), as people say it.
    starts_at: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", examples=["10:00"])
    length_minutes: int
    venue: str | None
    invited: int
    ready: bool | None
    checks: list[MeetingCheck] | None
    replies: Replies | None
    calendar_file: str | None = Field(
        description="The meeting's calendar file (.ics), as the link on its page: opening it "
        "needs signing in."
    )
    your_calendar_feed: str | None = Field(
        description="On a meeting you are invited to: your own calendar feed, every meeting "
        "you are invited to, to subscribe to in a calendar app. Keep it to yourself: it "
        "works without signing in."
    )


class MeetingPage(PageLinks):
    items: list[MeetingOut]


@router.get(
    "/projects/{project_id}/meetings",
    response={200: MeetingPage, 304: None, **TOKEN_PROBLEMS},
    summary="A project's meetings and workshops",
)
def meetings(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = MeetingsPerPage,
    from_date: datetime.date | None = FromDate,
    to_date: datetime.date | None = ToDate,
    when: Literal["upcoming", "past"] | None = WhenFilter,
):
    """By date and start time (`when=past`: the most recent first). For staff, each
    meeting to come has its checks (notice, venue, everyone's needs, food, joining
    online, papers, paperwork) as on the meeting's page; leads and facilitators also get
    how many gave each reply. Each has its calendar file and, if you are invited to it,
    your own calendar feed."""
    membership = member_allowed(request.auth.user, project_id, meetings_rules.VIEW_MEETINGS)
    see_checks = membership.may(meetings_rules.VIEW_READINESS)
    see_replies = membership.may(meetings_rules.MANAGE_INVITED)
    start, _ = page_slice(page, per_page)
    found = meetings_selectors.meetings_slice(
        project=membership.project,
        offset=start,
        limit=per_page,
        from_date=from_date,
        to_date=to_date,
        when=when,
    )
    calendars = meeting_calendars(
        membership=membership, meetings=[checked.meeting for checked in found.meetings]
    )
    items = []
    for checked in found.meetings:
        meeting = checked.meeting
        readiness = checked.readiness if see_checks else None
        replies = found.replies.get(meeting.pk, {})
        calendar = calendars.get(meeting.pk)
        items.append(
            {
                "id": meeting.pk,
                "title": meeting.title,
                "format": meeting.format,
                "date": meeting.meets_on,
                "starts_at": meeting.starts_at.strftime("%H:%M"),
                "length_minutes": meeting.length_minutes,
                "venue": meeting.venue.name if meeting.venue_id else None,
                "invited": checked.invited_count,
                "ready": readiness.ready if readiness else None,
                "checks": [
                    {
                        "key": check.key,
                        "title": check.title,
                        "ready": check.ready,
                        "summary": check.summary,
                        "next_step": check.next_step,
                    }
                    for check in readiness.checks
                ]
                if readiness
                else None,
                "replies": {reply.value: replies.get(reply.value, 0) for reply in Reply}
                if see_replies
                else None,
                "calendar_file": calendar.file if calendar else None,
                "your_calendar_feed": calendar.your_feed if calendar else None,
            }
        )
    return {
        **page_links(request, count=found.total, page=page, per_page=per_page),
        "items": items,
    }
