"""What invitations add to other apps' pages (registered in `apps.py`)."""

from django.urls import reverse

from coplan.meeting_invitations.rules import DOWNLOAD_CALENDAR, RECORD_ATTENDANCE, SEND_INVITATIONS
from coplan.meetings.contributions import MeetingLink
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership

_LINKS = (
    (SEND_INVITATIONS, "invitation", "The invitation: check what it says and send it"),
    (RECORD_ATTENDANCE, "attendance", "Record who came on the day"),
    (DOWNLOAD_CALENDAR, "meeting_calendar", "Download a calendar file for this meeting"),
)


def meeting_page_links(membership: Membership, meeting: Meeting) -> list[MeetingLink]:
    """On a meeting's page: its invitation, attendance and calendar file, as the role allows."""
    kwargs = {"project_id": meeting.project_id, "meeting_id": meeting.pk}
    return [
        MeetingLink(text, reverse(f"meeting_invitations:{name}", kwargs=kwargs))
        for permission, name, text in _LINKS
        if membership.may(permission)
    ]
