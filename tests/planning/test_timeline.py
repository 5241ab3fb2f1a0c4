"""The timeline: dates in order, what is late or close, and enough notice for meetings."""

import re

import pytest

from coplan.meetings.models import MeetingsPolicy
from coplan.planning import selectors
from coplan.planning.models import Milestone
from coplan.projects.roles import Role
from tests.factories import MeetingFactory, MilestoneFactory
from tests.planning.pages import date_fields, days_from_today, tags, words

pytestmark = pytest.mark.django_db


def _url(project, tail=""):
    return f"/projects/{project.pk}/timeline/{tail}"


def test_timeline_is_in_date_order_with_late_and_due_soon_marked(client_for, project, member_of):
    MilestoneFactory(project=project, title="Report to the board", due_on=days_from_today(60))
    MilestoneFactory(project=project, title="Book the venue", due_on=days_from_today(-2))
    MilestoneFactory(project=project, title="Send the papers", due_on=days_from_today(3))
    MilestoneFactory(
        project=project, title="Agree the brief", due_on=days_from_today(-9), is_done=True
    )

    page = words(client_for(member_of(Role.CO_PRODUCER)).get(_url(project)))

    order = ["Agree the brief", "Book the venue", "Send the papers", "Report to the board"]
    assert [page.index(title) for title in order] == sorted(page.index(t) for t in order)
    assert tags(page) == ["Done", "Late", "Due soon", "To do"]
    assert "2 days late" in page
    assert "In 3 days" in page
    assert "Look at these: 1 late, 1 due in the next 2 weeks." in page
    assert "Add a date" not in page  # co-producers read, they do not change


def test_meeting_with_short_notice_is_flagged(client_for, project, lead):
    MilestoneFactory(
        project=project,
        title="First workshop",
        due_on=days_from_today(40),
        is_meeting=True,
        invitations_on=days_from_today(20),
    )

    page = words(client_for(lead).get(_url(project)))

    assert tags(page) == ["Short notice"]
    assert "Only 20 days' notice. People need at least 4 weeks" in page
    assert "1 meeting without enough notice" in page


def test_meeting_with_enough_notice_says_so(client_for, project, lead):
    MilestoneFactory(
        project=project,
        due_on=days_from_today(50),
        is_meeting=True,
        invitations_on=days_from_today(8),
    )

    page = words(client_for(lead).get(_url(project)))

    assert "6 weeks' notice." in page
    assert "Look at these" not in page


def test_meeting_without_invitation_date_says_when_to_invite(client_for, project, lead):
    MilestoneFactory(project=project, due_on=days_from_today(30), is_meeting=True)

    page = words(client_for(lead).get(_url(project)))

    assert "Send invitations by" in page
    assert "to give 4 weeks' notice" in page


def test_facilitator_adds_a_meeting(client_for, project, member_of):
    response = client_for(member_of(Role.FACILITATOR)).post(
        _url(project, "add/"),
        {
            "title": "First workshop",
            **date_fields("due_on", days_from_today(40)),
            "is_meeting": "yes",
            **date_fields("invitations_on", days_from_today(5)),
        },
        follow=True,
    )

    milestone = Milestone.objects.get()
    assert (milestone.title, milestone.is_meeting, milestone.invitations_on) == (
        "First workshop",
        True,
        days_from_today(5),
    )
    assert "‘First workshop’ has been added to the timeline" in response.content.decode()


def test_invitations_after_the_meeting_are_refused_beside_the_field(client_for, project, lead):
    response = client_for(lead).post(
        _url(project, "add/"),
        {
            "title": "First workshop",
            **date_fields("due_on", days_from_today(10)),
            "is_meeting": "yes",
            **date_fields("invitations_on", days_from_today(10)),
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "The date invitations go out must be before the date of the meeting" in page
    assert 'href="#id_invitations_on-day"' in page
    assert not Milestone.objects.exists()


def test_invitation_date_is_dropped_when_it_is_not_a_meeting(client_for, project, lead):
    client_for(lead).post(
        _url(project, "add/"),
        {
            "title": "Draft report",
            **date_fields("due_on", days_from_today(10)),
            "is_meeting": "no",
            **date_fields("invitations_on", days_from_today(1)),
        },
    )

    assert Milestone.objects.get().invitations_on is None


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date"),
        (("31", "2", "2027"), "The date must be a real date"),
        (("1", "2", "27"), "Year must include 4 numbers"),
        (("1", "2", "1999"), "The date must be between 2000 and 2100"),
        (("a", "b", "c"), "The date must be a real date"),
    ],
)
def test_bad_dates_get_a_message_beside_the_field(client_for, project, lead, parts, message):
    day, month, year = parts
    response = client_for(lead).post(
        _url(project, "add/"),
        {
            "title": "X",
            "due_on-day": day,
            "due_on-month": month,
            "due_on-year": year,
            "is_meeting": "no",
        },
    )

    assert response.status_code == 400
    assert message in response.content.decode()


def test_marking_done_clears_late(client_for, project, lead):
    milestone = MilestoneFactory(
        project=project, title="Book the venue", due_on=days_from_today(-2)
    )
    client = client_for(lead)

    client.post(
        _url(project, f"{milestone.pk}/change/"),
        {
            "title": "Book the venue",
            **date_fields("due_on", milestone.due_on),
            "is_meeting": "no",
            "is_done": "on",
        },
    )
    page = words(client.get(_url(project)))

    assert tags(page) == ["Done"]


def test_milestone_after_the_project_ends_is_pointed_out(client_for, project, lead):
    MilestoneFactory(
        project=project, due_on=project.end_date.replace(year=project.end_date.year + 1)
    )

    page = words(client_for(lead).get(_url(project)))

    assert "(after the project ends)" in page


def test_timeline_alerts_selector_queries_do_not_grow_with_meetings(
    project, django_assert_num_queries
):
    MilestoneFactory(project=project, title="Late", due_on=days_from_today(-1))
    MilestoneFactory(project=project, title="Soon", due_on=days_from_today(5))
    MilestoneFactory(project=project, title="Far", due_on=days_from_today(90))
    MilestoneFactory(project=project, title="Done", due_on=days_from_today(-5), is_done=True)
    MilestoneFactory(
        project=project,
        title="Meeting",
        due_on=days_from_today(60),
        is_meeting=True,
        invitations_on=days_from_today(50),
    )
    MilestoneFactory(
        project=project, title="Fine meeting", due_on=days_from_today(60), is_meeting=True
    )
    MilestoneFactory(title="Elsewhere", due_on=days_from_today(-1))
    for _ in range(3):  # planned for that day, with invitations 10 days before
        MeetingFactory(
            project=project, meets_on=days_from_today(60), invitations_on=days_from_today(50)
        )

    # The milestones; then, as some are meetings, the organisation's least notice and
    # the meetings planned on their days (whose invitations count).
    with django_assert_num_queries(3):
        alerts = selectors.timeline_alerts(project=project)

    assert [(a.milestone.title, a.is_late, a.is_due_soon, a.notice_problem) for a in alerts] == [
        ("Late", True, False, False),
        ("Soon", False, True, False),
        ("Meeting", False, False, True),
        ("Fine meeting", False, False, True),
    ]


def _a_meeting_on_the_timeline_and_planned(project, *, weeks_away: int):
    """A workshop on the timeline as a meeting, and planned as a meeting on the same day,
    with invitations going out today."""
    day = days_from_today(weeks_away * 7)
    MilestoneFactory(
        project=project,
        title="First workshop",
        due_on=day,
        is_meeting=True,
        invitations_on=days_from_today(0),
    )
    return MeetingFactory(
        project=project, title="First workshop", meets_on=day, invitations_on=days_from_today(0)
    )


def _overview_notice_lines(page: str) -> list[str]:
    return re.findall(r"(\d+ meetings? [^<]*without [^<]*notice)", page)


def test_organisation_notice_of_6_weeks_agrees_on_the_timeline_the_meeting_and_the_overview(
    client_for, project, lead
):
    MeetingsPolicy.objects.create(organisation=project.organisation, notice_days=42)
    meeting = _a_meeting_on_the_timeline_and_planned(project, weeks_away=5)
    client = client_for(lead)

    timeline = words(client.get(_url(project)))
    checks_page = words(client.get(f"/projects/{project.pk}/meetings/{meeting.pk}/"))
    overview = words(client.get(f"/projects/{project.pk}/"))

    assert tags(timeline) == ["Short notice"]
    assert "Only 5 weeks' notice. People need at least 6 weeks" in timeline
    assert "People need at least 6 weeks' notice." in checks_page
    assert "give only 35 days' notice" in checks_page
    assert _overview_notice_lines(overview) == ["1 meeting without enough notice"]


def test_a_meeting_short_of_notice_on_the_timeline_and_planned_is_counted_once(
    client_for, project, lead
):
    _a_meeting_on_the_timeline_and_planned(project, weeks_away=3)

    overview = words(client_for(lead).get(f"/projects/{project.pk}/"))

    assert _overview_notice_lines(overview) == ["1 meeting without enough notice"]


def test_a_meeting_on_the_timeline_not_planned_yet_counts_on_the_overview(
    client_for, project, lead
):
    MeetingsPolicy.objects.create(organisation=project.organisation, notice_days=42)
    MilestoneFactory(
        project=project,
        due_on=days_from_today(35),
        is_meeting=True,
        invitations_on=days_from_today(0),
    )

    overview = words(client_for(lead).get(f"/projects/{project.pk}/"))

    assert _overview_notice_lines(overview) == ["1 meeting on the timeline without enough notice"]
