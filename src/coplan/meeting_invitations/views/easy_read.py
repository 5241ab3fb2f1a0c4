"""The Easy Read version of the invitation: the lead checks it line by line, changes a
line's words or picture, and approves it before it goes (`plain_words.version_pages`)."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.meeting_invitations import selectors
from coplan.meeting_invitations.rules import SEND_INVITATIONS
from coplan.meeting_invitations.views.base import SECTION, meeting_of, meeting_url
from coplan.meetings.models import Meeting
from coplan.plain_words import version_pages
from coplan.plain_words.selectors import EasyReadDocument
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _pages(meeting: Meeting) -> version_pages.VersionPages:
    return version_pages.VersionPages(
        SECTION,
        url_name="meeting_invitations:invitation_easy_read",
        url_kwargs={"project_id": meeting.project_id, "meeting_id": meeting.pk},
        sending_url=meeting_url("meeting_invitations:invitation_send", meeting),
        sending_words="Go on to send the invitation",
        caption=f"Easy Read version: {meeting.title}",
        about=(
            "Each person's own greeting, role, training and reply link (a QR code in "
            "print) are added for them, with pictures chosen by topic.",
        ),
        context={
            "meeting": meeting,
            "caption": meeting.title,
            "back_text": "Back to sending the invitation",
        },
    )


def _document(meeting: Meeting) -> EasyReadDocument:
    return selectors.invitation_easy_read(meeting=meeting, today=timezone.localdate())


@project_view(SEND_INVITATIONS)
def invitation_easy_read(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    return version_pages.version_page(request, membership, _pages(meeting), _document(meeting))


@project_view(SEND_INVITATIONS)
@require_POST
def invitation_easy_read_approve(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    return version_pages.version_approve(request, membership, _pages(meeting), _document(meeting))


@project_view(SEND_INVITATIONS)
def invitation_easy_read_line(
    request: HttpRequest, membership: Membership, meeting_id: int, line_number: int
) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    return version_pages.version_line(
        request, membership, _pages(meeting), _document(meeting), line_number
    )


@project_view(SEND_INVITATIONS)
def invitation_easy_read_pdf(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    """The Easy Read invitation as it will print, for anyone (no name, a sample reply
    link)."""
    meeting = meeting_of(membership, meeting_id)
    return version_pages.version_pdf(project=membership.project, document=_document(meeting))
