"""What the invitation pages share: the project menu item (the meeting's), a page
about one meeting, and the person a reply link is for."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coplan.core.http import or_404
from coplan.meeting_invitations import links, selectors
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership
from coplan.projects.pages import Section, project_url

# Invitations are part of the project's meetings: the same item of the project's menu.
SECTION = Section("meetings", namespace="meeting_invitations")


def meeting_of(membership: Membership, meeting_id: int) -> Meeting:
    return or_404(meeting_selectors.meeting(project=membership.project, meeting_id=meeting_id))


def meeting_url(name: str, meeting: Meeting, **kwargs) -> str:
    return project_url(name, meeting, meeting_id=meeting.pk, **kwargs)


def meeting_page(request, membership, meeting, template, **context) -> HttpResponse:
    """A page about one meeting: its title as the caption, and back to the meeting
    (or `back`)."""
    context.setdefault("back", meeting_url("meetings:meeting", meeting))
    context.setdefault("back_text", "Back to the meeting")
    return SECTION.page(
        request, membership, template, meeting=meeting, caption=meeting.title, **context
    )


def people_word(count: int) -> str:
    return "person" if count == 1 else "people"


def link_not_working(request: HttpRequest) -> HttpResponse:
    return render(request, "meeting_invitations/link_invalid.html", status=404)


def invited_for(token: str):
    """The invitation a reply link is for, or None if the link is wrong, too old, for
    someone no longer invited, or for a meeting that is over."""
    invited_id = links.reply_token_read(token)
    if invited_id is None:
        return None
    invited = selectors.invited_for_link(invited_id=invited_id)
    if invited is None:
        return None
    ends = meeting_selectors.times_of(invited.meeting).ends
    if ends < timezone.now():
        return None
    return invited
