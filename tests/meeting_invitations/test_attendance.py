"""Attendance on the day: who came, recorded for everyone at once."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.meetings.models import InvitedPerson, Meeting
from coplan.projects.roles import Role
from tests.factories import InvitedPersonFactory, MembershipFactory
from tests.meeting_invitations.invitation_support import invite_person

pytestmark = pytest.mark.django_db


def _url(meeting) -> str:
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/attendance/"


def test_attendance_page_lists_everyone_invited_with_came_or_did_not_come(
    client_for, meeting, lead
):
    sam = invite_person(meeting, full_name="Sam Patel")
    jo = invite_person(meeting, full_name="Jo Ray")
    jo.reply = "not_coming"
    jo.save()

    page = client_for(lead).get(_url(meeting)).content.decode()

    assert "Sam Patel" in page
    assert "Said they are not coming" in page
    assert f'name="person-{sam.pk}" type="radio" value="came"' in page
    assert "govuk-radios--inline" in page


def test_recording_who_came_saves_everyone_at_once(client_for, meeting, lead):
    sam = invite_person(meeting)
    jo = invite_person(meeting)
    left_blank = invite_person(meeting)

    client = client_for(lead)

    response = client.post(
        _url(meeting), {f"person-{sam.pk}": "came", f"person-{jo.pk}": "did_not_come"}
    )

    assert response.status_code == 302
    assert dict(InvitedPerson.objects.values_list("pk", "attendance")) == {
        sam.pk: "came",
        jo.pk: "did_not_come",
        left_blank.pk: "not_recorded",
    }
    page = client.get(response["Location"]).content.decode()
    assert "Saved: 1 person came." in page
    assert "1 of 3 people invited recorded as coming." in page


def test_a_wrong_answer_is_pointed_out_and_nothing_is_saved(client_for, meeting, lead):
    sam = invite_person(meeting, full_name="Sam Patel")
    jo = invite_person(meeting)

    response = client_for(lead).post(
        _url(meeting), {f"person-{sam.pk}": "maybe", f"person-{jo.pk}": "came"}
    )

    assert response.status_code == 400
    assert "Select whether Sam Patel came" in response.content.decode()
    assert set(InvitedPerson.objects.values_list("attendance", flat=True)) == {"not_recorded"}


def test_people_from_another_meeting_cannot_be_marked(client_for, meeting, lead):
    other = InvitedPersonFactory()

    client_for(lead).post(_url(meeting), {f"person-{other.pk}": "came"})

    other.refresh_from_db()
    assert other.attendance == "not_recorded"


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE, Role.CO_PRODUCER])
def test_only_leads_and_facilitators_record_attendance(client_for, meeting, role):
    member = MembershipFactory(project=meeting.project, role=role).user
    sam = invite_person(meeting)

    response = client_for(member).post(_url(meeting), {f"person-{sam.pk}": "came"})

    assert response.status_code == 403
    sam.refresh_from_db()
    assert sam.attendance == "not_recorded"


def _queries(client, path: str, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.post(path, data) if data is not None else client.get(path)
    assert response.status_code in (200, 302)
    return len(captured)


def test_attendance_page_does_a_fixed_number_of_queries(client_for, meeting, lead, project):
    large = Meeting.objects.create(
        project=project,
        title="Big workshop",
        format="in_person",
        meets_on=datetime.date(2027, 3, 2),
        starts_at=datetime.time(10),
        length_minutes=60,
    )
    small_people = [invite_person(meeting) for _ in range(5)]
    large_people = [invite_person(large) for _ in range(500)]
    client = client_for(lead)

    small_get, large_get = _queries(client, _url(meeting)), _queries(client, _url(large))
    small_post = _queries(client, _url(meeting), {f"person-{p.pk}": "came" for p in small_people})
    large_post = _queries(client, _url(large), {f"person-{p.pk}": "came" for p in large_people})

    print(f"attendance page: {small_get} queries with 5 invited, {large_get} with 500")
    print(f"saving attendance: {small_post} queries with 5 invited, {large_post} with 500")
    # session, user, membership; meeting; invited people with their person records
    assert (small_get, large_get) == (5, 5)
    # the same reads; who is recorded now; one UPDATE for "came"; the message in the session
    assert (small_post, large_post) == (9, 9)
