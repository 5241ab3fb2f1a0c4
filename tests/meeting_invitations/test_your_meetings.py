"""A co-producer's own meetings, inside coplan: on their home in the project, their reply
in place (the same service, message and confirmation as the reply link), "add to my
calendar", papers in the format they asked for, and the meeting's page as they see it."""

import datetime

import pytest
from django.core.management import call_command

from coplan.meeting_invitations import links
from coplan.meeting_invitations.yours import home_panel, your_projects_panel
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import Checked, InvitedPerson
from coplan.notifications.models import Update
from coplan.projects.models import Membership
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
    VenueFactory,
)
from tests.meeting_invitations.invitation_support import set_clock
from tests.meetings.test_query_counts import _queries

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 1, 10)


@pytest.fixture(autouse=True)
def _today(fixed_today):
    return fixed_today


def co_producer(**person_fields):
    """A co-producer member with their own person record in the organisation."""
    membership = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=membership.project, person__user=membership.user).person
    for name, value in person_fields.items():
        setattr(person, name, value)
    person.save()
    return membership, person


def a_meeting(project, day=datetime.date(2027, 3, 1), **fields):
    venue = VenueFactory(
        organisation=project.organisation,
        address="12 High Street\nBanbury",
        how_to_get_there="Bus 4 stops outside.",
        step_free=Checked.YES,
        hearing_loop=Checked.YES,
        parking=Checked.NO,
    )
    return MeetingFactory(project=project, meets_on=day, venue=venue, **fields)


def _home(membership) -> str:
    return f"/projects/{membership.project_id}/"


def _reply_path(meeting) -> str:
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/your-reply/"


# What they are shown -----------------------------------------------------------------------


def test_home_shows_their_next_meetings_with_where_how_to_get_there_and_what_the_venue_offers(
    client_for,
):
    membership, person = co_producer()
    meeting = a_meeting(
        membership.project,
        title="Planning day",
        format="both",
        joining_details="Zoom: 123 456 789",
    )
    InvitedPersonFactory(meeting=meeting, person=person)
    MeetingFactory(project=membership.project, title="A meeting they are not invited to")

    page = client_for(membership.user).get(_home(membership)).content.decode()

    assert page.index("Your next meetings") < page.index("About the project")
    assert "Planning day" in page
    assert "Monday 1 March 2027, 10am to 1pm" in page
    assert meeting.venue.name in page
    assert "12 High Street" in page
    assert "Bus 4 stops outside." in page
    assert "Step-free access" in page
    assert "A hearing loop" in page
    assert page.index("The venue does not have") < page.index("Parking")
    assert "Zoom: 123 456 789" in page
    assert "A meeting they are not invited to" not in page
    assert "Ready or not?" not in page


def test_past_meetings_and_other_projects_are_left_out_and_the_next_few_shown(client_for):
    membership, person = co_producer()
    for day in range(1, 6):
        InvitedPersonFactory(
            meeting=a_meeting(
                membership.project, day=datetime.date(2027, 3, day), title=f"Day {day} meeting"
            ),
            person=person,
        )
    InvitedPersonFactory(
        meeting=a_meeting(membership.project, day=datetime.date(2026, 12, 1), title="Gone"),
        person=person,
    )
    elsewhere = MembershipFactory(user=membership.user, role=Role.CO_PRODUCER)
    other_meeting = a_meeting(elsewhere.project, title="Another project's meeting")
    InvitedPersonFactory(
        meeting=other_meeting,
        person=InvolvementFactory(project=elsewhere.project, person__user=membership.user).person,
    )

    page = client_for(membership.user).get(_home(membership)).content.decode()

    shown = [f"Day {day} meeting" in page for day in range(1, 6)]
    assert shown == [True, True, True, False, False]
    assert "Gone" not in page
    assert "Another project's meeting" not in page
    assert f'href="/projects/{membership.project_id}/your-meetings/"' in page

    everything = client_for(membership.user).get(
        f"/projects/{membership.project_id}/your-meetings/"
    )
    listed = everything.content.decode()
    assert [f"Day {day} meeting" in listed for day in range(1, 6)] == [True] * 5
    assert "Another project's meeting" not in listed


def test_someone_invited_to_nothing_is_told_so(client_for):
    membership, _ = co_producer()

    page = client_for(membership.user).get(_home(membership)).content.decode()

    assert "You are not invited to any meetings coming up." in page


def test_the_panel_is_for_co_producers_only(client_for):
    membership, _person = co_producer()
    facilitator = MembershipFactory(project=membership.project, role=Role.FACILITATOR)
    InvitedPersonFactory(
        meeting=a_meeting(membership.project),
        person=InvolvementFactory(project=membership.project, person__user=facilitator.user).person,
    )

    page = client_for(facilitator.user).get(_home(facilitator)).content.decode()

    assert "Your next meetings" not in page


# Their reply, in place -----------------------------------------------------------------------


def test_reply_in_place_uses_the_reply_service_and_tells_them_once(client_for):
    membership, person = co_producer()
    meeting = a_meeting(membership.project, format="both", title="Planning day")
    invited = InvitedPersonFactory(meeting=meeting, person=person)
    client = client_for(membership.user)

    home = client.get(_home(membership)).content.decode()
    assert "Are you coming?" in home
    response = client.post(_reply_path(meeting) + "?back=home", {"reply": "online"})

    assert response.status_code == 302
    assert response["Location"] == _home(membership)
    invited.refresh_from_db()
    assert invited.reply == "online"
    assert invited.replied_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "We have your reply: coming online" in page
    assert "Your reply: Coming online" in page
    (update,) = Update.objects.filter(kind="meetings.reply_confirmed", person=person)
    assert "coming online" in update.body

    client.post(_reply_path(meeting) + "?back=home", {"reply": "not_coming"})

    invited.refresh_from_db()
    assert invited.reply == "not_coming"
    assert Update.objects.filter(kind="meetings.reply_confirmed", person=person).count() == 2


def test_online_is_not_offered_for_a_meeting_in_person_only(client_for):
    membership, person = co_producer()
    meeting = a_meeting(membership.project, format="in_person", title="Planning day")
    invited = InvitedPersonFactory(meeting=meeting, person=person)
    client = client_for(membership.user)

    home = client.get(_home(membership)).content.decode()
    refused = client.post(_reply_path(meeting), {"reply": "online"})

    assert 'value="online"' not in home
    assert 'value="in_person"' in home
    assert refused.status_code == 400
    assert "Select if you are coming" in refused.content.decode()
    invited.refresh_from_db()
    assert invited.reply == "no_reply"


def test_the_reply_page_asks_the_question_on_its_own(client_for):
    membership, person = co_producer()
    meeting = a_meeting(membership.project, format="both", title="Planning day")
    InvitedPersonFactory(meeting=meeting, person=person, reply="in_person")

    page = client_for(membership.user).get(_reply_path(meeting)).content.decode()

    assert "Are you coming?" in page
    assert 'value="in_person" checked' in page


def test_my_needs_have_changed_leads_to_their_access_needs(client_for):
    membership, person = co_producer()
    InvitedPersonFactory(meeting=a_meeting(membership.project), person=person)

    page = client_for(membership.user).get(_home(membership)).content.decode()

    assert f'href="/projects/{membership.project_id}/tell-us-once/check-your-answers/"' in page
    assert "My needs have changed" in page


def test_changing_my_needs_from_my_home_tells_the_lead_of_each_meeting_to_come(
    client_for, mailoutbox, django_capture_on_commit_callbacks
):
    membership, person = co_producer()
    lead = MembershipFactory(project=membership.project, role=Role.LEAD).user
    coming = a_meeting(membership.project, title="Planning day")
    later = a_meeting(membership.project, day=datetime.date(2027, 4, 1), title="Review day")
    past = a_meeting(membership.project, day=datetime.date(2026, 12, 1), title="Old day")
    for meeting in (coming, later, past):
        InvitedPersonFactory(meeting=meeting, person=person)
    client = client_for(membership.user)
    base = f"/projects/{membership.project_id}/tell-us-once/"

    client.post(base + "getting-there/", {"mobility": ["wheelchair"]})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(base + "check-your-answers/")

    changed = dict(
        InvitedPerson.objects.filter(person=person).values_list("meeting__title", "needs_changed")
    )
    assert changed == {"Planning day": True, "Review day": True, "Old day": False}
    staff_page = (
        client_for(lead)
        .get(f"/projects/{membership.project_id}/meetings/{coming.pk}/")
        .content.decode()
    )
    assert f"Said their needs have changed: {person.full_name}" in staff_page
    assert [message.subject for message in mailoutbox] == [
        f"Needs have changed: {person.full_name}, Planning day"
    ]


def test_saving_my_answers_with_the_same_needs_flags_nothing(
    client_for, mailoutbox, django_capture_on_commit_callbacks
):
    membership, person = co_producer()
    InvitedPersonFactory(meeting=a_meeting(membership.project), person=person)
    client = client_for(membership.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/projects/{membership.project_id}/tell-us-once/check-your-answers/")

    assert not InvitedPerson.objects.get(person=person).needs_changed
    assert mailoutbox == []


def test_a_member_not_invited_cannot_reply_and_changes_nobody_elses_reply(client_for):
    membership, _ = co_producer()
    meeting = a_meeting(membership.project)
    someone = InvitedPersonFactory(meeting=meeting)

    response = client_for(membership.user).post(_reply_path(meeting), {"reply": "in_person"})

    assert response.status_code == 404
    someone.refresh_from_db()
    assert someone.reply == "no_reply"


# Add to my calendar --------------------------------------------------------------------------


def test_add_to_my_calendar_offers_the_file_and_their_own_feed(client_for, settings):
    settings.SITE_URL = "https://coplan.example.org"
    membership, person = co_producer()
    meeting = a_meeting(membership.project, title="Planning day")
    InvitedPersonFactory(meeting=meeting, person=person)
    client = client_for(membership.user)

    page = client.get(_home(membership)).content.decode()

    ics = f"/projects/{membership.project_id}/meetings/{meeting.pk}/calendar.ics"
    assert f'href="{ics}"' in page
    feed = links.feed_link(person_id=person.pk)
    assert feed.startswith("https://coplan.example.org/calendar/")
    assert f'href="{feed.replace("https://", "webcal://", 1)}"' in page
    assert feed in page  # for calendar apps that do not take webcal
    download = client.get(ics)
    assert download["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Planning day" in download.content


def test_webcal_link_follows_the_site_address():
    assert links.webcal("https://coplan.example.org/calendar/x.ics") == (
        "webcal://coplan.example.org/calendar/x.ics"
    )
    assert links.webcal("http://localhost:8000/calendar/x.ics") == (
        "webcal://localhost:8000/calendar/x.ics"
    )


# Papers in the format they asked for ---------------------------------------------------------


def test_papers_are_shown_in_the_format_they_asked_for_or_said_to_be_coming(client_for):
    membership, person = co_producer(formats=["easy_read"])
    meeting = a_meeting(membership.project)
    InvitedPersonFactory(meeting=meeting, person=person)
    PaperFactory(
        meeting=meeting,
        title="Agenda",
        formats=["standard", "easy_read"],
        sent_on=datetime.date(2027, 2, 10),
    )
    PaperFactory(meeting=meeting, title="Last minutes", formats=["standard"])

    page = client_for(membership.user).get(_home(membership)).content.decode()

    assert "Agenda: in Easy Read, sent on 10 February 2027" in page
    assert "Last minutes: your Easy Read copy is not ready yet. It will be sent by 15 February" in (
        page
    )


def test_papers_for_someone_who_asked_for_no_format_are_in_standard_print(client_for):
    membership, person = co_producer(formats=[])
    meeting = a_meeting(membership.project)
    InvitedPersonFactory(meeting=meeting, person=person)
    PaperFactory(meeting=meeting, title="Agenda", formats=["standard"])

    page = client_for(membership.user).get(_home(membership)).content.decode()

    assert "Agenda: in standard print, to be sent by 15 February 2027" in page


# The meeting page as they see it -------------------------------------------------------------


def test_a_co_producer_sees_their_meeting_not_the_staff_readiness_list(client_for):
    membership, person = co_producer()
    meeting = a_meeting(membership.project, format="both", title="Planning day")
    InvitedPersonFactory(meeting=meeting, person=person, reply="online")
    path = f"/projects/{membership.project_id}/meetings/{meeting.pk}/"

    home = client_for(membership.user).get(_home(membership)).content.decode()
    page = client_for(membership.user).get(path).content.decode()

    assert f'href="{path}"' in home
    assert "Ready or not?" not in page
    assert "Needs not met" not in page
    assert "Your reply: Coming online" in page
    assert "Step-free access" in page
    assert f"/meetings/{meeting.pk}/calendar.ics" in page


def test_staff_keep_the_readiness_page(client_for):
    membership, _ = co_producer()
    lead = MembershipFactory(project=membership.project, role=Role.LEAD)
    meeting = a_meeting(membership.project)

    page = (
        client_for(lead.user)
        .get(f"/projects/{membership.project_id}/meetings/{meeting.pk}/")
        .content.decode()
    )

    assert "Ready or not?" in page
    assert "Your reply" not in page


# Queries stay fixed as meetings and people grow ----------------------------------------------


def _invited_to(count: int, *, others: int):
    membership, person = co_producer(formats=["large_print"])
    project = membership.project
    meeting = None
    for day in range(count):
        meeting = a_meeting(
            project, day=datetime.date(2027, 3, 1) + datetime.timedelta(days=day), format="both"
        )
        InvitedPersonFactory(meeting=meeting, person=person)
        PaperFactory.create_batch(2, meeting=meeting)
        for _ in range(others):
            InvitedPersonFactory(meeting=meeting)
    return membership, meeting


def test_the_panel_reads_two_queries_whatever_the_number_of_meetings(
    django_assert_num_queries,
):
    small, _ = _invited_to(1, others=1)
    large, _ = _invited_to(30, others=10)

    for membership in (small, large):
        membership = type(membership).objects.select_related("project").get(pk=membership.pk)
        with django_assert_num_queries(2):
            panel = home_panel(membership)
        assert len(panel["cards"]) == min(
            3, InvitedPerson.objects.filter(person__user=membership.user).count()
        )


def test_home_all_meetings_and_meeting_pages_keep_their_queries_as_data_grows(client_for):
    small, small_meeting = _invited_to(1, others=1)
    large, large_meeting = _invited_to(30, others=40)

    for path in (
        lambda m, meeting: _home(m),
        lambda m, meeting: f"/projects/{m.project_id}/your-meetings/",
        lambda m, meeting: f"/projects/{m.project_id}/meetings/{meeting.pk}/",
        lambda m, meeting: _reply_path(meeting),
    ):
        counted = [
            _queries(client_for(m.user), path(m, meeting))
            for m, meeting in ((small, small_meeting), (large, large_meeting))
        ]
        assert counted[0] == counted[1], path(small, small_meeting)
        assert counted[0] <= 20


def test_your_invitations_selector_is_bounded_and_in_date_order():
    membership, _ = _invited_to(5, others=0)

    found = meeting_selectors.your_invitations(membership=membership, today=TODAY, limit=3)

    assert [invited.meeting.meets_on.day for invited in found] == [1, 2, 3]


# On "Your projects", across their projects ---------------------------------------------------


def test_your_projects_lists_their_next_meetings_in_every_project_they_are_in(client_for):
    membership, person = co_producer()
    here = a_meeting(membership.project, day=datetime.date(2027, 3, 2), title="Planning day")
    InvitedPersonFactory(meeting=here, person=person, reply="online")
    elsewhere = MembershipFactory(user=membership.user, role=Role.CO_PRODUCER)
    there = a_meeting(elsewhere.project, day=datetime.date(2027, 3, 1), title="Other workshop")
    InvitedPersonFactory(
        meeting=there,
        person=InvolvementFactory(project=elsewhere.project, person__user=membership.user).person,
    )
    left = MeetingFactory(title="A project they have left")
    InvitedPersonFactory(
        meeting=left,
        person=InvolvementFactory(project=left.project, person__user=membership.user).person,
    )

    page = client_for(membership.user).get("/projects/").content.decode()

    assert page.index("Other workshop") < page.index("Planning day")
    assert f'href="/projects/{membership.project_id}/meetings/{here.pk}/"' in page
    assert "Your reply: Coming online" in page
    assert "A project they have left" not in page


def test_your_projects_meetings_are_one_query_and_left_out_when_there_are_none(
    django_assert_num_queries,
):
    membership, _ = _invited_to(5, others=2)
    nobody, _ = co_producer()

    with django_assert_num_queries(1):
        panel = your_projects_panel(membership.user)
    with django_assert_num_queries(1):
        nothing = your_projects_panel(nobody.user)

    assert len(panel["meetings"]) == 3
    assert nothing is None


def test_the_demo_co_producer_is_invited_to_the_demo_workshop(client_for):
    call_command("demo_data")
    call_command("demo_data")
    member = Membership.objects.get(role=Role.CO_PRODUCER)

    page = client_for(member.user).get(_home(member)).content.decode()

    assert "Your next meetings" in page
    assert "Are you coming? You have not told us yet." in page


def test_a_meeting_that_is_over_takes_no_more_replies(client_for, monkeypatch):
    set_clock(monkeypatch)  # 10 January 2027
    membership, person = co_producer()
    meeting = a_meeting(membership.project, day=datetime.date(2027, 1, 5))
    invited = InvitedPersonFactory(meeting=meeting, person=person)

    response = client_for(membership.user).post(_reply_path(meeting), {"reply": "in_person"})
    page = client_for(membership.user).get(
        f"/projects/{membership.project_id}/meetings/{meeting.pk}/"
    )

    assert response.status_code == 404
    invited.refresh_from_db()
    assert invited.reply == "no_reply"
    assert "This meeting has happened." in page.content.decode()
    assert 'name="reply"' not in page.content.decode()


def test_a_meeting_in_a_room_and_online_reads_as_a_choice_not_as_part_of_the_address(
    client_for,
):
    membership, person = co_producer()
    both = a_meeting(membership.project, title="Planning day", format="both")
    online = MeetingFactory(
        project=membership.project, title="Catch-up", format="online", venue=None
    )
    invited = [InvitedPersonFactory(meeting=meeting, person=person) for meeting in (both, online)]

    page = client_for(membership.user).get(_home(membership)).content.decode()
    by_link = f"/meeting-reply/{links.reply_token(invited_id=invited[0].pk)}/"
    reply = client_for(membership.user).get(by_link).content.decode()

    assert "Banbury<br>Or join online" in page
    assert "Banbury<br>Online" not in page
    assert page.count("Or join online") == 1
    assert "Or join online" in reply
