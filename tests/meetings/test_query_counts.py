"""Meeting pages do the same number of queries however many people are invited."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.meetings import services
from coplan.meetings.selectors import MEETINGS_PER_PAGE
from coplan.people import crypto
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
    VenueFactory,
)
from tests.meetings.conftest import needs

pytestmark = pytest.mark.django_db

HEARING_LOOP_AND_VEGAN = needs(communication=["hearing_loop"], dietary=["vegan"]).to_json()


def _queries(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def _meeting_with_people(count: int, *, role=Role.LEAD):
    viewer = MembershipFactory(role=role)
    project = viewer.project
    meeting = MeetingFactory(
        project=project, venue=VenueFactory(organisation=project.organisation), format="both"
    )
    people = [InvolvementFactory(project=project).person for _ in range(count)]
    token = crypto.encrypt_json(HEARING_LOOP_AND_VEGAN)
    Person.objects.filter(pk__in=[p.pk for p in people]).update(
        needs_token=token, formats=["large_print"]
    )
    for person in people:
        InvitedPersonFactory(meeting=meeting, person=person)
    PaperFactory.create_batch(2, meeting=meeting)
    services.paperwork_update(meeting=meeting, statuses={}, notes={})
    return viewer, meeting


def _meeting_page(meeting) -> str:
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/"


def test_meeting_page_queries_do_not_grow_with_people_invited(client_for):
    small_viewer, small = _meeting_with_people(5)
    large_viewer, large = _meeting_with_people(500)

    small_count = _queries(client_for(small_viewer.user), _meeting_page(small))
    large_count = _queries(client_for(large_viewer.user), _meeting_page(large))

    assert small_count == large_count


def test_meeting_page_query_budget(client_for):
    viewer, meeting = _meeting_with_people(5)

    count = _queries(client_for(viewer.user), _meeting_page(meeting))

    # session, user, membership with project; the meeting with its venue, facilitator and
    # the organisation's notice rule; people invited with their records; papers;
    # paperwork; one INSERT ... SELECT into the audit log (names of needs not met shown)
    assert count == 8


def test_meeting_page_for_a_manager_writes_no_audit_entry(client_for):
    viewer, meeting = _meeting_with_people(5, role=Role.MANAGER)

    count = _queries(client_for(viewer.user), _meeting_page(meeting))

    assert count == 7


def _project_with_meetings(meetings: int, people: int):
    viewer = MembershipFactory(role=Role.LEAD)
    for _ in range(meetings):
        meeting = MeetingFactory(project=viewer.project)
        for _ in range(people):
            InvitedPersonFactory(meeting=meeting)
        PaperFactory(meeting=meeting)
    return viewer


def test_meeting_list_queries_do_not_grow_with_meetings_or_people(client_for):
    small = _project_with_meetings(1, 1)
    large = _project_with_meetings(6, 20)

    counts = [
        _queries(client_for(viewer.user), f"/projects/{viewer.project_id}/meetings/")
        for viewer in (small, large)
    ]

    # session, user, membership with project; how many meetings are to come and past; the
    # page of meetings; people invited; papers; paperwork; whether the viewer is on the
    # organisation's staff (for the link to the venues)
    assert counts == [9, 9]


def test_project_overview_queries_do_not_grow_with_meetings(client_for):
    small = _project_with_meetings(1, 1)
    large = _project_with_meetings(6, 20)

    counts = [
        _queries(client_for(viewer.user), f"/projects/{viewer.project_id}/")
        for viewer in (small, large)
    ]

    assert counts[0] == counts[1]


def test_venue_list_queries_do_not_grow_with_venues(client_for):
    from tests.factories import StaffMembershipFactory

    counts = []
    for venues in (1, 30):
        staff = StaffMembershipFactory()
        VenueFactory.create_batch(venues, organisation=staff.organisation)
        counts.append(
            _queries(client_for(staff.user), f"/organisations/{staff.organisation_id}/venues/")
        )

    assert counts[0] == counts[1]


@pytest.mark.parametrize("page", ["invited/", "invited/add/", "catering/", "papers/"])
def test_meeting_sub_pages_queries_do_not_grow_with_people(client_for, page):
    small_viewer, small = _meeting_with_people(5)
    large_viewer, large = _meeting_with_people(120)
    for meeting in (small, large):
        InvolvementFactory.create_batch(3, project=meeting.project)  # not invited yet

    small_count = _queries(client_for(small_viewer.user), _meeting_page(small) + page)
    large_count = _queries(client_for(large_viewer.user), _meeting_page(large) + page)

    assert small_count == large_count


def test_meeting_list_decrypts_needs_once_each_and_only_for_the_people_on_the_page(
    client_for, monkeypatch
):
    viewer = MembershipFactory(role=Role.LEAD)
    project = viewer.project

    def person_with_needs():
        person = InvolvementFactory(project=project).person
        token = crypto.encrypt_json(HEARING_LOOP_AND_VEGAN)
        Person.objects.filter(pk=person.pk).update(needs_token=token)
        return person, token

    (on_the_page, token), (on_page_two, _), (only_past, _) = (person_with_needs() for _ in range(3))
    first_day = datetime.date(2027, 3, 1)
    coming = [
        MeetingFactory(project=project, meets_on=first_day + datetime.timedelta(days=n))
        for n in range(MEETINGS_PER_PAGE + 1)
    ]
    past = MeetingFactory(project=project, meets_on=datetime.date(2025, 3, 1))
    for meeting in coming[:3]:
        InvitedPersonFactory(meeting=meeting, person=on_the_page)
    InvitedPersonFactory(meeting=coming[-1], person=on_page_two)
    InvitedPersonFactory(meeting=past, person=only_past)
    decrypted = []
    decrypt = crypto.decrypt_json
    monkeypatch.setattr(
        crypto, "decrypt_json", lambda token: decrypted.append(token) or decrypt(token)
    )

    response = client_for(viewer.user).get(f"/projects/{project.pk}/meetings/")

    assert response.status_code == 200
    # Invited to three meetings on the page, decrypted once; nobody else is on the page.
    assert decrypted == [token]
