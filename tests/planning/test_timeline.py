"""The timeline: dates in order, what is late or close, and 4 weeks' notice for meetings."""

import pytest

from coplan.planning import selectors
from coplan.planning.models import Milestone
from coplan.projects.roles import Role
from tests.factories import MilestoneFactory
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
    assert "1 meeting without 4 weeks' notice" in page


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


def test_timeline_alerts_selector_is_one_query(project, django_assert_num_queries):
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

    with django_assert_num_queries(1):
        alerts = selectors.timeline_alerts(project=project)

    assert [(a.milestone.title, a.is_late, a.is_due_soon, a.notice_problem) for a in alerts] == [
        ("Late", True, False, False),
        ("Soon", False, True, False),
        ("Meeting", False, False, True),
    ]
