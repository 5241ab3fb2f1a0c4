"""What invitations add to other apps: links on a meeting's page, the notifications they
send, a co-producer's next meetings on their home and their reply on a meeting's page,
demo data and, in everything we hold about someone, the meetings they were invited
to (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.core.demo import DEMO
from coplan.meeting_invitations.demo import invitations_demo_load
from coplan.meeting_invitations.rules import DOWNLOAD_CALENDAR, RECORD_ATTENDANCE, SEND_INVITATIONS
from coplan.meeting_invitations.selectors import invitations_held_about
from coplan.meeting_invitations.telling import KINDS
from coplan.meeting_invitations.yours import home_panel, meeting_part, your_projects_panel
from coplan.meetings.models import Meeting
from coplan.meetings.registries import MEETING_LINKS, MEETING_PARTS, MeetingLink
from coplan.notifications.kinds import kinds_register
from coplan.people.selectors import RECORD_SECTIONS, RecordSection
from coplan.projects.models import Membership
from coplan.projects.registries import (
    HOME_PANELS,
    YOUR_PROJECTS_PANELS,
    HomePanel,
    YourProjectsPanel,
)
from coplan.projects.roles import Role

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


def register() -> None:
    kinds_register(KINDS)
    MEETING_LINKS.register("invitations", meeting_page_links, order=10)
    MEETING_PARTS.register("your reply", meeting_part, order=10)
    # First on a co-producer's home: the meetings they are invited to, and their reply.
    HOME_PANELS.register(
        "your next meetings",
        HomePanel(
            frozenset({Role.CO_PRODUCER}),
            "meeting_invitations/_home_your_meetings.html",
            home_panel,
        ),
        order=1,
    )
    YOUR_PROJECTS_PANELS.register(
        "your next meetings",
        YourProjectsPanel("meeting_invitations/_your_projects_meetings.html", your_projects_panel),
        order=1,
    )
    DEMO.register("invitations", lambda demo: invitations_demo_load(project=demo.project), order=40)
    RECORD_SECTIONS.register(
        "meetings",
        RecordSection(
            "meetings", invitations_held_about, [], "meeting_invitations/_everything_held.html"
        ),
        order=10,
    )
