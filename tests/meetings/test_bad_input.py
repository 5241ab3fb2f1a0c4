"""Bad input gets a clear message beside the field, never a server error, and nothing
already saved is lost."""

import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coplan.meetings.models import Meeting, Paper, Venue
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, PaperFactory, StaffMembershipFactory
from tests.meetings.test_meetings import meeting_post
from tests.meetings.test_venues import venue_post

pytestmark = pytest.mark.django_db


def _add(client, project, **fields):
    return client.post(f"/projects/{project.pk}/meetings/add/", meeting_post(**fields))


def _errors(response) -> str:
    return response.content.decode()


def test_empty_meeting_form_says_what_to_enter(client_for, lead, project):
    response = client_for(lead).post(f"/projects/{project.pk}/meetings/add/", {})

    page = _errors(response)
    assert response.status_code == 400
    for message in (
        "Enter the name of the meeting",
        "Select how people take part",
        "Enter the date of the meeting",
        "Enter the start time",
        "Enter the finish time",
        "Select whether food is provided",
    ):
        assert message in page
    assert "There is a problem" in page
    assert not Meeting.objects.exists()


def test_finish_before_start_is_refused_beside_the_finish_time(client_for, lead, project):
    response = _add(client_for(lead), project, starts_at="2pm", ends_at="11am")

    assert response.status_code == 400
    assert "The finish time must be after the start time" in _errors(response)
    assert 'href="#id_ends_at"' in _errors(response)


@pytest.mark.parametrize("typed", ["25:00", "10:75", "13pm", "ten", "0am", "10:3"])
def test_times_that_are_not_times_are_refused(client_for, lead, project, typed):
    response = _add(client_for(lead), project, starts_at=typed)

    assert response.status_code == 400
    assert "Enter the start time like 10am, 2:30pm or 14:30" in _errors(response)


def test_start_time_the_clocks_skip_is_refused(client_for, lead, project):
    response = _add(
        client_for(lead),
        project,
        **{"meets_on-day": "28", "meets_on-month": "3", "meets_on-year": "2027"},
        starts_at="1:30am",
        ends_at="4am",
    )

    assert response.status_code == 400
    assert "The clocks go forward at that time on this day" in _errors(response)


def test_invitations_on_or_after_the_meeting_are_refused(client_for, lead, project):
    response = _add(
        client_for(lead),
        project,
        **{"invitations_on-day": "2", "invitations_on-month": "3", "invitations_on-year": "2027"},
    )

    assert "The date invitations go out must be before the date of the meeting" in _errors(response)


def test_meeting_longer_than_12_hours_is_refused(client_for, lead, project):
    response = _add(client_for(lead), project, starts_at="6am", ends_at="11pm")

    assert "A meeting must be 12 hours long or shorter" in _errors(response)


def test_dates_that_are_not_real_are_refused(client_for, lead, project):
    response = _add(client_for(lead), project, **{"meets_on-day": "31", "meets_on-month": "2"})

    assert "The date of the meeting must be a real date" in _errors(response)


def test_year_far_away_is_refused(client_for, lead, project):
    response = _add(client_for(lead), project, **{"meets_on-year": "2999"})

    assert "The date of the meeting must be between 2000 and 2100" in _errors(response)


def test_too_long_title_is_refused(client_for, lead, project):
    response = _add(client_for(lead), project, title="x" * 201)

    assert "The name of the meeting must be 200 characters or fewer" in _errors(response)


@pytest.mark.parametrize("title", ["Workshop\x00one", "Work\u200bshop\x07", "Work\x1bshop"])
def test_hidden_characters_are_refused(client_for, lead, project, title):
    response = _add(client_for(lead), project, title=title)

    assert response.status_code == 400
    assert "must not contain hidden or control characters" in _errors(response)


def test_odd_but_real_unicode_is_kept_as_typed(client_for, lead, project):
    title = "Ymgynghoriad café 👩🏽‍🦽 مرحبا — 一緒に"

    response = _add(client_for(lead), project, title=title)

    assert response.status_code == 302
    assert Meeting.objects.get(project=project).title == title


def test_unknown_venue_or_facilitator_is_refused(client_for, lead, project):
    response = _add(client_for(lead), project, venue="999999", facilitator="999999")

    assert "Choose a venue from the list" in _errors(response)
    assert "Choose who facilitates from the list" in _errors(response)


def test_venue_of_another_organisation_cannot_be_chosen(client_for, lead, project):
    other = Venue.objects.create(organisation=MembershipFactory().project.organisation, name="X")

    response = _add(client_for(lead), project, venue=str(other.pk))

    assert "Choose a venue from the list" in _errors(response)


def test_online_meeting_with_a_venue_is_refused(client_for, lead, project, venue):
    response = _add(client_for(lead), project, format="online", venue=str(venue.pk))

    assert "An online meeting has no venue" in _errors(response)


def test_a_bad_change_leaves_the_saved_meeting_as_it_was(client_for, lead, meeting):
    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/change/",
        meeting_post(title="", starts_at="3pm", ends_at="1pm"),
    )

    meeting.refresh_from_db()
    assert response.status_code == 400
    assert (meeting.title, meeting.starts_at, meeting.length_minutes) == (
        "First workshop",
        datetime.time(10, 0),
        180,
    )
    assert 'value="3pm"' in _errors(response)  # what was typed is kept


def test_paper_send_by_after_the_meeting_is_refused(client_for, lead, meeting):
    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/papers/add/",
        {
            "title": "Agenda",
            "send_by-day": "2",
            "send_by-month": "3",
            "send_by-year": "2027",
            "formats": ["standard"],
        },
    )

    assert response.status_code == 400
    assert "The send-by date must be on or before the day of the meeting" in _errors(response)
    assert not Paper.objects.exists()


def test_paper_without_a_format_is_refused(client_for, lead, meeting):
    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/papers/add/",
        {"title": "Agenda", "send_by-day": "2", "send_by-month": "2", "send_by-year": "2027"},
    )

    assert "Select at least one format" in _errors(response)


def test_paper_with_a_made_up_format_is_refused_and_the_saved_one_kept(client_for, lead, meeting):
    paper = PaperFactory(meeting=meeting, title="Agenda")

    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/papers/{paper.pk}/change/",
        {
            "title": "New",
            "send_by-day": "2",
            "send_by-month": "2",
            "send_by-year": "2027",
            "formats": ["hologram"],
        },
    )

    paper.refresh_from_db()
    assert "Select formats from the list" in _errors(response)
    assert paper.title == "Agenda"


def test_paperwork_with_a_made_up_status_is_refused(client_for, lead, meeting):
    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/paperwork/", {"agenda": "maybe"}
    )

    assert response.status_code == 400
    assert "Select where ‘copies of the agenda’ is up to" in _errors(response)


def test_invite_some_with_nobody_chosen_is_refused(client_for, lead, meeting, invite):
    invite(meeting)
    from tests.factories import InvolvementFactory

    InvolvementFactory(project=meeting.project)

    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invited/add/", {"who": "some"}
    )

    assert "Choose at least one person, or invite everyone" in _errors(response)


def test_reply_that_is_not_a_reply_is_refused(client_for, lead, meeting, invite):
    invited = invite(meeting)

    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invited/{invited.pk}/reply/",
        {"reply": "perhaps"},
    )

    invited.refresh_from_db()
    assert "Select their reply" in _errors(response)
    assert invited.reply == "no_reply"


def test_catering_sent_in_the_future_is_refused(client_for, lead, meeting):
    response = client_for(lead).post(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/catering/",
        {"sent_on-day": "1", "sent_on-month": "1", "sent_on-year": "2099"},
    )

    meeting.refresh_from_db()
    assert "The date it was sent must be today or in the past" in _errors(response)
    assert (meeting.catering_sent_on, meeting.catering_sent_token) == (None, "")


def test_manager_may_not_see_the_catering_summary(client_for, meeting):
    manager = MembershipFactory(project=meeting.project, role=Role.MANAGER).user

    assert (
        client_for(manager)
        .get(f"/projects/{meeting.project_id}/meetings/{meeting.pk}/catering/")
        .status_code
        == 403
    )


def test_venue_form_empty_and_too_long(client_for, project, lead):
    client = client_for(lead)
    organisation = project.organisation

    empty = client.post(f"/organisations/{organisation.pk}/venues/add/", {})
    long = client.post(f"/organisations/{organisation.pk}/venues/add/", venue_post(name="v" * 151))
    future = client.post(
        f"/organisations/{organisation.pk}/venues/add/",
        venue_post(**{"checked_on-year": "2090"}),
    )

    assert "Enter the name of the venue" in _errors(empty)
    assert "Select an answer to ‘Is there a hearing loop that works?’" in _errors(empty)
    assert "The name of the venue must be 150 characters or fewer" in _errors(long)
    assert "The date it was checked must be today or in the past" in _errors(future)
    assert not Venue.objects.exists()


def test_a_bad_venue_change_keeps_the_saved_check(client_for, project, lead, venue):
    StaffMembershipFactory(organisation=project.organisation)
    venue.hearing_loop = "yes"
    venue.save()

    response = client_for(lead).post(
        f"/organisations/{project.organisation_id}/venues/{venue.pk}/change/",
        venue_post(name="", hearing_loop="no"),
    )

    venue.refresh_from_db()
    assert response.status_code == 400
    assert (venue.name, venue.hearing_loop) == ("Banbury Community Centre", "yes")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.text(max_size=250),
    starts_at=st.text(max_size=25),
    ends_at=st.text(max_size=25),
    day=st.text(max_size=4),
    agenda=st.text(max_size=300),
)
def test_anything_typed_into_the_meeting_form_gets_a_page_never_a_server_error(
    client_for, lead, project, title, starts_at, ends_at, day, agenda
):
    surrogate_free = all(
        not 0xD800 <= ord(c) <= 0xDFFF for c in title + starts_at + ends_at + day + agenda
    )
    assume(surrogate_free)  # the test client cannot send lone surrogates at all

    response = _add(
        client_for(lead),
        project,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        agenda=agenda,
        **{"meets_on-day": day},
    )

    assert response.status_code in (302, 400)
