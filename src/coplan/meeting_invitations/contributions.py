"""What invitations add to other apps: links on a meeting's page, the notifications they
send, a co-producer's next meetings on their home and their reply on a meeting's page,
demo data and, in everything we hold about someone, the meetings they were invited
to (see `coplan.core.registry`)."""

from django.conf import settings
from django.urls import reverse

from coplan.core.demo import DEMO
from coplan.meeting_invitations import links
from coplan.meeting_invitations.demo import invitations_demo_load
from coplan.meeting_invitations.rules import DOWNLOAD_CALENDAR, RECORD_ATTENDANCE, SEND_INVITATIONS
from coplan.meeting_invitations.selectors import (
    attendance_for_download,
    invitations_held_about,
    invited_as,
    people_invited,
)
from coplan.meeting_invitations.services import needs_changed_by_them
from coplan.meeting_invitations.telling import KINDS
from coplan.meeting_invitations.yours import home_panel, meeting_part, your_projects_panel
from coplan.meetings.models import Meeting
from coplan.meetings.registries import (
    MEETING_CALENDARS,
    MEETING_LINKS,
    MEETING_PARTS,
    CalendarLinks,
    MeetingLink,
)
from coplan.notifications.kinds import kinds_register
from coplan.people.selectors import RECORD_SECTIONS, RecordSection
from coplan.people.services import NEEDS_CHANGED_BY_THEM, people_download_record
from coplan.projects.models import Membership
from coplan.projects.registries import (
    EXPORTS,
    HOME_PANELS,
    MEETING,
    MEETING_DATE,
    NAME,
    YOUR_PROJECTS_PANELS,
    Export,
    ExportColumn,
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


def meeting_calendars(membership: Membership, meetings: list[Meeting]) -> dict[int, CalendarLinks]:
    """For the API: each meeting's calendar file (as on its page) and, on the meetings the
    member is invited to, their own calendar feed (as on their home). One query."""
    if not meetings or not membership.may(DOWNLOAD_CALENDAR):
        return {}
    invited = invited_as(membership=membership, meeting_ids=[each.pk for each in meetings])
    feeds = {person_id: links.feed_link(person_id=person_id) for person_id in invited.values()}
    return {
        meeting.pk: CalendarLinks(
            file=settings.SITE_URL
            + reverse(
                "meeting_invitations:meeting_calendar",
                kwargs={"project_id": meeting.project_id, "meeting_id": meeting.pk},
            ),
            your_feed=feeds[invited[meeting.pk]] if meeting.pk in invited else None,
        )
        for meeting in meetings
    }


REPLY = ExportColumn(
    "Reply",
    "What they said when invited: coming in person, coming online, not coming, or no reply yet.",
)
CAME = ExportColumn(
    "Came", "Whether they came, as recorded on the day: came, did not come, or not recorded."
)


def attendance_rows(membership: Membership):
    """Each person invited to each meeting, with their reply and whether they came."""
    for invited in attendance_for_download(project_id=membership.project_id):
        yield {
            MEETING.heading: invited.meeting.title,
            MEETING_DATE.heading: invited.meeting.meets_on,
            NAME.heading: invited.person.full_name,
            REPLY.heading: invited.get_reply_display(),
            CAME.heading: invited.get_attendance_display(),
        }


def attendance_download_record(*, membership: Membership, actor, where: str) -> None:
    people_download_record(
        people=people_invited(project_id=membership.project_id),
        project=membership.project,
        actor=actor,
        where=where,
    )


def register() -> None:
    kinds_register(KINDS)
    NEEDS_CHANGED_BY_THEM.register("invitations", needs_changed_by_them, order=10)
    MEETING_LINKS.register("invitations", meeting_page_links, order=10)
    MEETING_PARTS.register("your reply", meeting_part, order=10)
    MEETING_CALENDARS.register("invitations", meeting_calendars, order=10)
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
    EXPORTS.register(
        "attendance",
        Export(
            "Attendance",
            "Everyone invited to each meeting: what they replied and whether they came, as "
            "recorded on the day. One row a person a meeting.",
            RECORD_ATTENDANCE,
            (MEETING, MEETING_DATE, NAME, REPLY, CAME),
            attendance_rows,
            record=attendance_download_record,
        ),
        order=20,
    )
    RECORD_SECTIONS.register(
        "meetings",
        RecordSection(
            "meetings", invitations_held_about, [], "meeting_invitations/_everything_held.html"
        ),
        order=10,
    )
